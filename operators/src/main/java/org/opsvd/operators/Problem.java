package org.opsvd.operators;

import java.util.Optional;
import org.opsvd.operators.grid.Boundary;
import org.opsvd.operators.spectra.ExactSpectrum;

/**
 * An eigenproblem ready to solve: a {@link Hamiltonian}, the box [−L, L]^d on which grids are laid with
 * their boundary condition, and the exact spectrum when one is known.
 *
 * @param name         command-line name ({@code harmonic}, {@code hydrogen}, …, or {@code expression})
 * @param hamiltonian  H = −c·Δ + V
 * @param boundary     Dirichlet walls or a periodic torus
 * @param halfWidth    L of the box [−L, L]^d
 * @param boxIsPhysical true when the walls are part of the operator (particle in a box, torus), false when
 *                     they only truncate R^d and L must be large enough for the wanted states to decay
 * @param exact        the exact spectrum of the operator (null when unknown)
 */
public record Problem(String name, Hamiltonian hamiltonian, Boundary boundary, double halfWidth,
                      boolean boxIsPhysical, ExactSpectrum exact) {

    public int dimension() {
        return hamiltonian.dimension();
    }

    public Optional<ExactSpectrum> exactSpectrum() {
        return Optional.ofNullable(exact);
    }

    /** The same problem on another box; a physical box changes the operator, so its exact spectrum is dropped
     * unless the caller rebuilds it (see {@link OperatorCatalog}). */
    public Problem withHalfWidth(double l) {
        return new Problem(name, hamiltonian, boundary, l, boxIsPhysical, boxIsPhysical ? null : exact);
    }
}
