package org.opsvd.solver.classical;

import org.opsvd.operators.grid.DiscreteHamiltonian;
import org.opsvd.operators.grid.Grid;

/** Cheap a-priori estimates of the low spectrum of H_h, used to choose shifts and filter cuts. */
final class SpectrumEstimates {

    private SpectrumEstimates() {
    }

    /**
     * A loose Lanczos estimate θ of λ_min (ARPACK which = SA, nev = 1, tol 1e-4). Ritz values bound λ_min from
     * above, θ ≥ λ_min. Falls back to min V if Lanczos does not converge.
     */
    static double lowest(DiscreteHamiltonian h, StringBuilder notes) {
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
     * The semiclassical (Weyl) counting function of −c·Δ + V on the grid's box,
     * N(λ) ≈ (2π)^{−d} · Σ_i h^d · ω_d · ((λ − V_i)₊ / c)^{d/2}, ω_d the volume of the unit d-ball.
     */
    static double weylCount(DiscreteHamiltonian h, double[] potential, double lambda) {
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
    static double weylLevel(DiscreteHamiltonian h, int count) {
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
