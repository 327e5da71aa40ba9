package org.opsvd.operators;

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

    public Problem {
        if (name == null || hamiltonian == null || boundary == null) {
            throw new IllegalArgumentException("a problem needs a name, a Hamiltonian and a boundary");
        }
        if (!(halfWidth > 0) || !Double.isFinite(halfWidth)) {
            throw new IllegalArgumentException("box half-width must be positive and finite, got " + halfWidth);
        }
        if (exact != null && exact.dimension() != hamiltonian.dimension()) {
            throw new IllegalArgumentException("exact spectrum is " + exact.dimension() + "-dimensional but H is "
                    + hamiltonian.dimension() + "-dimensional");
        }
    }

    public int dimension() {
        return hamiltonian.dimension();
    }
}
