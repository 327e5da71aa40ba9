package org.opsvd.solver.classical;

import java.util.List;

/**
 * A group of levels whose energies agree within the grouping tolerance: a degenerate shell of the full
 * operator, including accidental degeneracies across angular momenta (hydrogen, isotropic oscillator).
 *
 * @param energy     the degeneracy-weighted mean energy of the levels
 * @param degeneracy the number of states, the sum of the levels' degeneracies
 * @param label      the angular momenta, e.g. {@code "m=0,±1"} (2D) or {@code "ℓ=0,1"} (3D)
 * @param levels     the levels, ascending in energy
 */
public record RadialShell(double energy, int degeneracy, String label, List<RadialLevel> levels) {

    public RadialShell {
        levels = List.copyOf(levels);
    }

    /** The largest energy difference between two levels of the shell (their splitting). */
    public double spread() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (RadialLevel level : levels) {
            lo = Math.min(lo, level.energy());
            hi = Math.max(hi, level.energy());
        }
        return hi - lo;
    }
}
