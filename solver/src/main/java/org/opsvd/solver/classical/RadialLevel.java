package org.opsvd.solver.classical;

/**
 * One eigenvalue of one radial channel: a (2D: 1- or 2-fold, 3D: (2ℓ+1)-fold) degenerate level of the
 * full operator.
 *
 * @param angular     |m| in 2D, ℓ in 3D
 * @param radialIndex n_r = 0, 1, … (the number of radial nodes; j-th eigenvalue of the channel)
 * @param degeneracy  1 for m = 0 and 2 for |m| ≥ 1 in 2D; 2ℓ+1 in 3D
 * @param energy      the returned energy (extrapolated when extrapolation is on)
 * @param correction  energy − E_h, the Richardson correction to the base-grid value (0 without
 *                    extrapolation); about 4/3 of the base grid's discretisation error, so an upper-bound-like
 *                    estimate of the error without extrapolation
 * @param wallShift   E(wall at 0.9·rMax) − E(wall at rMax) on the base grid, ≥ 0; tiny for states that have
 *                    decayed at the wall, comparable to |E| for states that the box binds
 */
public record RadialLevel(int angular, int radialIndex, int degeneracy, double energy, double correction,
                          double wallShift) {

    /** The principal quantum number of hydrogen-like labelling, n_r + angular + 1. */
    public int principal() {
        return radialIndex + angular + 1;
    }

    /**
     * Whether the wall binds this level: moving the wall in to 0.9·rMax shifts it by more than
     * tolerance·|E|.
     */
    public boolean boundByWall(double tolerance) {
        return !(wallShift <= tolerance * Math.abs(energy));
    }
}
