package org.opsvd.solver.classical;

import org.opsvd.operators.grid.GridHamiltonian;
import org.opsvd.operators.grid.Grid;

/** Cheap a-priori estimates of the low spectrum of H_h, used to choose shifts and filter cuts. */
final class SpectrumEstimates {

    private SpectrumEstimates() {
    }

    /**
     * A loose Lanczos estimate θ of λ_min (ARPACK which = SA, nev = 1, tol 1e-4). Ritz values bound λ_min from
     * above, θ ≥ λ_min. Falls back to min V if Lanczos does not converge.
     */
    static double lowest(GridHamiltonian h, StringBuilder notes) {
        int n = h.size();
        try {
            ArpackLanczos.Result r = ArpackLanczos.solve(h::apply, n, 1, Math.min(n, 24), ArpackLanczos.Which.SA,
                    1e-4, 300, false);
            notes.append("λ_min ≈ ").append(r.values()[0]).append(" (").append(r.operatorApplications())
                    .append(" H products); ");
            return r.values()[0];
        } catch (ArpackException e) {
            notes.append("λ_min estimate failed (").append(e.getMessage()).append("); ");
            return h.lowerBound();
        }
    }

    /**
     * A cheap estimate θ ≈ λ_min for choosing a filter: plain three-term Lanczos on H (no reorthogonalisation,
     * fixed-seed start vector), the lowest eigenvalue of the tridiagonal T_j by Sturm bisection every
     * {@value #LANCZOS_CHECK} steps, stopped when it changes by less than {@code relTol}·max(1, |θ|) over that
     * many steps (at most {@code maxSteps} steps). Without reorthogonalisation the extreme Ritz value still
     * converges (lost orthogonality only adds ghost copies), and each step costs one product with H plus three
     * vector passes, where ARPACK's restarted Lanczos pays O(n·ncv) per step for orthogonalisation: on the 256²
     * oscillator about 0.1 s against 0.4–0.5 s for {@link #lowest}. θ is a heuristic (a Ritz value, so θ ≳ λ_min
     * up to rounding); the Chebyshev solver validates its result independently.
     */
    static double lowestQuick(GridHamiltonian h, double relTol, int maxSteps, StringBuilder notes) {
        int n = h.size();
        double[] prev = new double[n];
        double[] v = new double[n];
        double[] w = new double[n];
        java.util.Random random = new java.util.Random(20261201L);
        double norm = 0;
        for (int i = 0; i < n; i++) {
            v[i] = random.nextDouble() - 0.5;
            norm += v[i] * v[i];
        }
        norm = Math.sqrt(norm);
        for (int i = 0; i < n; i++) {
            v[i] /= norm;
        }
        int steps = Math.min(maxSteps, n);
        double[] alpha = new double[steps];
        double[] beta2 = new double[steps];
        double beta = 0;
        double theta = Double.NaN;
        int j = 0;
        while (j < steps) {
            h.apply(v, w);
            double a = 0;
            for (int i = 0; i < n; i++) {
                a += w[i] * v[i];
            }
            double b2 = 0;
            for (int i = 0; i < n; i++) {
                double t = w[i] - a * v[i] - beta * prev[i];
                w[i] = t;
                b2 += t * t;
            }
            alpha[j] = a;
            beta2[j] = b2;
            j++;
            boolean invariant = !(b2 > 1e-28 * a * a);
            if (j % LANCZOS_CHECK == 0 || invariant || j == steps) {
                double next = new SymmetricTridiagonal(java.util.Arrays.copyOf(alpha, j), beta2).eigenvalue(0);
                boolean settled = Math.abs(next - theta) <= relTol * Math.max(1, Math.abs(next));
                theta = next;
                if (settled || invariant) {
                    break;
                }
            }
            beta = Math.sqrt(b2);
            double[] t = prev;
            prev = v;
            v = t;
            for (int i = 0; i < n; i++) {
                v[i] = w[i] / beta;
            }
        }
        notes.append("λ_min ≈ ").append(theta).append(" (plain Lanczos, ").append(j).append(" H products); ");
        return theta;
    }

    /** Steps between convergence checks of {@link #lowestQuick}. */
    static final int LANCZOS_CHECK = 10;

    /**
     * The semiclassical (Weyl) counting function of −c·Δ + V on the grid's box,
     * N(λ) ≈ (2π)^{−d} · Σ_i h^d · ω_d · ((λ − V_i)₊ / c)^{d/2}, ω_d the volume of the unit d-ball.
     */
    static double weylCount(GridHamiltonian h, double[] potential, double lambda) {
        Grid g = h.grid();
        int d = g.dimension();
        double omega = Math.pow(Math.PI, d / 2.0) / gamma(d / 2.0 + 1);
        double s = 0;
        for (double v : potential) {
            if (lambda > v) {
                s += Math.pow((lambda - v) / h.kinetic(), d / 2.0);
            }
        }
        return s * g.cellVolume() * omega / Math.pow(2 * Math.PI, d);
    }

    /** The λ with Weyl count N(λ) = count, by bisection on [min V, upper bound]. */
    static double weylLevel(GridHamiltonian h, int count) {
        double[] potential = h.potentialValues();
        double lo = h.lowerBound();
        double hi = h.upperBound();
        for (int it = 0; it < 100 && hi - lo > 1e-12 * Math.max(1, Math.abs(hi)); it++) {
            double mid = 0.5 * (lo + hi);
            if (weylCount(h, potential, mid) < count) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    /** Γ(x) for x = k/2, k ≥ 2 (half-integers and integers). */
    private static double gamma(double x) {
        double r = 1;
        while (x > 1.5) {
            x -= 1;
            r *= x;
        }
        return x == 1.0 ? r : r * Math.sqrt(Math.PI) / 2; // Γ(1) = 1, Γ(3/2) = √π/2
    }
}
