package org.opsvd.solver.classical;

/**
 * One state (one eigenfunction of the full operator) with its quantum numbers.
 *
 * @param energy      its energy
 * @param radialIndex n_r, the number of radial nodes
 * @param angular     |m| in 2D, ℓ in 3D
 * @param magnetic    m (signed: ψ ∝ R(r)e^{imθ}) in 2D; m_ℓ ∈ [−ℓ, ℓ] in 3D
 */
public record RadialState(double energy, int radialIndex, int angular, int magnetic) {
}
