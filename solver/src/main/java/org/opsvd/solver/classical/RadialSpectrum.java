package org.opsvd.solver.classical;

import java.util.List;

/**
 * The result of {@link RadialReference}: the lowest complete shells of a central-potential Hamiltonian.
 *
 * @param dimension       2 or 3
 * @param kinetic         the kinetic coefficient c of −c·Δ
 * @param requestedStates the minStates asked for
 * @param energies        all returned state energies, ascending, each level repeated by its degeneracy;
 *                        length ≥ requestedStates (complete shells)
 * @param shells          the shells, ascending
 * @param states          the states in the order of {@code energies}, with quantum numbers
 * @param options         the settings used (h as actually used: rMax / number of cells)
 * @param notes           human-readable remarks: how many states were returned, levels that the wall binds
 * @param seconds         the wall-clock time of the solve
 */
public record RadialSpectrum(int dimension, double kinetic, int requestedStates, double[] energies,
                             List<RadialShell> shells, List<RadialState> states, RadialOptions options,
                             List<String> notes, double seconds) {

    public RadialSpectrum {
        energies = energies.clone();
        shells = List.copyOf(shells);
        states = List.copyOf(states);
        notes = List.copyOf(notes);
    }

    /** A copy of the state energies, ascending, repeated by degeneracy. */
    @Override
    public double[] energies() {
        return energies.clone();
    }

    /** The number of returned states (≥ requestedStates). */
    public int stateCount() {
        return energies.length;
    }

    /** Whether some returned level is affected by the wall beyond the wall tolerance (see the notes). */
    public boolean wallBound() {
        for (RadialShell shell : shells) {
            for (RadialLevel level : shell.levels()) {
                if (level.boundByWall(options.wallTolerance())) {
                    return true;
                }
            }
        }
        return false;
    }
}
