package org.opsvd.solver.classical;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.opsvd.operators.grid.GridHamiltonian;

/**
 * y = T_m((H − c)/e)·x by the three-term recurrence Y₀ = x, Y₁ = (H − c)Y₀/e,
 * Y_{k+1} = 2(H − c)Y_k/e − Y_{k−1}, with c = (a + b)/2, e = (b − a)/2 mapping [a, b] onto [−1, 1].
 * Costs m products with H, each one fused stencil pass {@link GridHamiltonian#applyShifted} that also does
 * the recurrence update in place (Y_{k−1} is overwritten by Y_{k+1}), so no allocation and only two work vectors.
 *
 * <p>With {@code threads} &gt; 1 (and d ≥ 2) every step is split into that many bands of slices along the
 * slowest axis, the first done by the calling thread and the others by a shared daemon pool; each band reads
 * all of Y_k and writes only its own slices, so the result is bitwise the same as with one thread. Not
 * thread-safe itself.
 */
final class ChebyshevOperator implements SymmetricOperator {

    private static final Object POOL_LOCK = new Object();
    private static ExecutorService pool;

    private final GridHamiltonian h;
    private final int degree;
    private final double centre;
    private final double halfWidth;
    private final double[] prev;
    private final double[] curr;
    private final int[] bounds;
    private final Future<?>[] pending;
    private int products;

    ChebyshevOperator(GridHamiltonian h, int degree, double a, double b) {
        this(h, degree, a, b, 1);
    }

    ChebyshevOperator(GridHamiltonian h, int degree, double a, double b, int threads) {
        if (degree < 1 || !(b > a) || threads < 1) {
            throw new IllegalArgumentException("need degree >= 1, a < b and threads >= 1, got " + degree + ", [" + a
                    + ", " + b + "], " + threads);
        }
        this.h = h;
        this.degree = degree;
        this.centre = 0.5 * (a + b);
        this.halfWidth = 0.5 * (b - a);
        int n = h.size();
        this.prev = new double[n];
        this.curr = new double[n];
        int slices = h.grid().pointsPerAxis();
        int bands = h.grid().dimension() == 1 ? 1 : Math.max(1, Math.min(threads, slices));
        this.bounds = new int[bands + 1];
        for (int t = 0; t <= bands; t++) {
            bounds[t] = (int) ((long) slices * t / bands);
        }
        this.pending = new Future<?>[bands];
    }

    /** Products with H so far. */
    int products() {
        return products;
    }

    @Override
    public void apply(double[] x, int xOff, double[] y, int yOff) {
        int n = prev.length;
        double[] a = prev;
        double[] b = curr;
        System.arraycopy(x, xOff, a, 0, n);
        double s = 1 / halfWidth;
        step(a, b, s, 0, null);
        for (int k = 1; k < degree; k++) {
            step(b, a, 2 * s, -1, a);
            double[] t = a;
            a = b;
            b = t;
        }
        products += degree;
        System.arraycopy(b, 0, y, yOff, n);
    }

    /** out = α(H − c)·in + β·old, split over the bands. */
    private void step(double[] in, double[] out, double alpha, double beta, double[] old) {
        int bands = bounds.length - 1;
        if (bands == 1) {
            h.applyShifted(in, out, alpha, centre, beta, old);
            return;
        }
        ExecutorService workers = pool();
        for (int t = 1; t < bands; t++) {
            int from = bounds[t];
            int to = bounds[t + 1];
            pending[t] = workers.submit(() -> h.applyShifted(in, out, alpha, centre, beta, old, from, to));
        }
        h.applyShifted(in, out, alpha, centre, beta, old, bounds[0], bounds[1]);
        try {
            for (int t = 1; t < bands; t++) {
                pending[t].get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during a Chebyshev step", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Chebyshev step failed", e.getCause());
        }
    }

    /** A shared pool of daemon threads, grown on demand. */
    private static ExecutorService pool() {
        synchronized (POOL_LOCK) {
            if (pool == null) {
                pool = Executors.newCachedThreadPool(r -> {
                    Thread t = new Thread(r, "opsvd-chebyshev");
                    t.setDaemon(true);
                    return t;
                });
            }
            return pool;
        }
    }
}
