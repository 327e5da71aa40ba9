package org.opsvd.operators.kernels;

import java.util.Optional;
import org.hipparchus.random.RandomGenerator;

/**
 * The canonical dependence kernel (CDK, method.md §6.1) of a standard bivariate Gaussian pair (X, Y) with
 * correlation ρ, |ρ| &lt; 1: k(x,y) = p(x,y)/(p(x)p(y)) = (1−ρ²)^{−1/2}·exp(−(ρ²x² − 2ρxy + ρ²y²)/(2(1−ρ²)))
 * (the Mehler kernel), ρ₀ = ρ₁ = N(0,1), so (Tg)(x) = E[g(Y) | X = x].
 *
 * <p>Exact SVD (Mehler's formula k = Σ_k ρ^k He_k(x)He_k(y)/k!): σ_k = |ρ|^k, with k = 0 the constant
 * mode (σ_0 = 1, u_0 = v_0 = 1); u_k = He_k/√(k!) (probabilists' Hermite) and
 * v_k = sign(ρ)^k·He_k/√(k!), the sign moved to the right side so that σ_k ≥ 0. Self-adjoint (k symmetric)
 * but indefinite for ρ &lt; 0. Immutable.
 */
public final class GaussianDependence implements KernelOperator {

    private static final Measure STANDARD = Measure.Gaussian.standard(1);

    private final double rho;
    private final SingularSystem exact;

    /** @param rho the correlation, |ρ| &lt; 1 */
    public GaussianDependence(double rho) {
        if (!(Math.abs(rho) < 1)) {
            throw new IllegalArgumentException("correlation must satisfy |rho| < 1, got " + rho);
        }
        this.rho = rho;
        this.exact = new SingularSystem() {
            @Override
            public double singularValue(int k) {
                return Math.pow(Math.abs(rho), SingularSystem.requireIndex(k));
            }

            @Override
            public double left(int k, double[] x) {
                return hermite(SingularSystem.requireIndex(k), x[0]);
            }

            @Override
            public double right(int k, double[] y) {
                double h = hermite(SingularSystem.requireIndex(k), y[0]);
                return rho < 0 && k % 2 == 1 ? -h : h;
            }
        };
    }

    /** The correlation ρ. */
    public double rho() {
        return rho;
    }

    /**
     * The normalised probabilists' Hermite polynomial He_k(x)/√(k!) by the recurrence
     * h_{k+1} = (x·h_k − √k·h_{k−1})/√(k+1); orthonormal in L²(N(0,1)).
     */
    public static double hermite(int k, double x) {
        double previous = 0;
        double current = 1;
        for (int j = 0; j < k; j++) {
            double next = (x * current - Math.sqrt(j) * previous) / Math.sqrt(j + 1);
            previous = current;
            current = next;
        }
        return current;
    }

    /**
     * Draws {@code count} pairs: x ~ N(0,1), y = ρx + √(1−ρ²)·z with z ~ N(0,1) independent; x[i], y[i].
     */
    public void samplePairs(RandomGenerator rng, double[] x, double[] y, int count) {
        if (count < 0 || x.length < count || y.length < count) {
            throw new IllegalArgumentException("need count >= 0 and arrays of at least count values, got count "
                    + count + ", lengths " + x.length + ", " + y.length);
        }
        double s = Math.sqrt(1 - rho * rho);
        for (int i = 0; i < count; i++) {
            x[i] = rng.nextGaussian();
            y[i] = rho * x[i] + s * rng.nextGaussian();
        }
    }

    /**
     * As {@link #samplePairs}, with x and z drawn by Latin hypercube sampling
     * ({@link Measure#sampleStratified}) separately in each half of the batch, so the two halves
     * stay independent (the paired estimator's quadratic term multiplies them).
     */
    public void samplePairsStratified(RandomGenerator rng, double[] x, double[] y, int count) {
        if (count < 0 || x.length < count || y.length < count) {
            throw new IllegalArgumentException("need count >= 0 and arrays of at least count values, got count "
                    + count + ", lengths " + x.length + ", " + y.length);
        }
        double s = Math.sqrt(1 - rho * rho);
        int half = count / 2;
        double[] xz = new double[2 * Math.max(half, count - half)];
        int[][] parts = {{0, half}, {half, count}};
        for (int[] part : parts) {
            int n = part[1] - part[0];
            Measure.Gaussian.standard(2).sampleStratified(rng, xz, n);
            for (int i = 0; i < n; i++) {
                x[part[0] + i] = xz[2 * i];
                y[part[0] + i] = rho * xz[2 * i] + s * xz[2 * i + 1];
            }
        }
    }

    @Override
    public Measure left() {
        return STANDARD;
    }

    @Override
    public Measure right() {
        return STANDARD;
    }

    @Override
    public double kernel(double[] x, double[] y) {
        double u = x[0];
        double v = y[0];
        double q = 1 - rho * rho;
        return Math.exp(-(rho * rho * (u * u + v * v) - 2 * rho * u * v) / (2 * q)) / Math.sqrt(q);
    }

    @Override
    public String name() {
        return "gaussian-dependence";
    }

    @Override
    public String describe() {
        return "k(x,y) = p(x,y)/(p(x)p(y)) of a standard Gaussian pair with correlation " + rho + " on N(0,1)";
    }

    @Override
    public boolean selfAdjoint() {
        return true;
    }

    @Override
    public Optional<SingularSystem> exact() {
        return Optional.of(exact);
    }
}
