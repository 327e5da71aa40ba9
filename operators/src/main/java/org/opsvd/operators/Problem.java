package org.opsvd.operators;

import org.opsvd.operators.action.LocalOperator;

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
 * @param exact        the exact spectrum of {@code hamiltonian} (null when unknown)
 * @param operator     the operator the neural solver learns ({@link LocalOperator}): the Hamiltonian itself for a
 *                     Schrödinger problem; for another operator (e.g. a {@link LangevinGenerator}) the Hamiltonian
 *                     is its unitarily equivalent Schrödinger form, the route of the classical references, with the
 *                     same eigenvalues up to {@link LocalOperator#reported}
 */
public record Problem(String name, Hamiltonian hamiltonian, Boundary boundary, double halfWidth,
                      boolean boxIsPhysical, ExactSpectrum exact, LocalOperator operator) {

    public Problem {
        if (name == null || hamiltonian == null || boundary == null) {
            throw new IllegalArgumentException("a problem needs a name, a Hamiltonian and a boundary");
        }
        if (!(halfWidth > 0) || !Double.isFinite(halfWidth)) {
            throw new IllegalArgumentException("box half-width must be positive and finite, got " + halfWidth);
        }
        if (operator == null) {
            throw new IllegalArgumentException("a problem needs the operator to learn");
        }
        if (operator.dimension() != hamiltonian.dimension()) {
            throw new IllegalArgumentException("the operator is " + operator.dimension() + "-dimensional but H is "
                    + hamiltonian.dimension() + "-dimensional");
        }
        if (exact != null && exact.dimension() != hamiltonian.dimension()) {
            throw new IllegalArgumentException("exact spectrum is " + exact.dimension() + "-dimensional but H is "
                    + hamiltonian.dimension() + "-dimensional");
        }
    }

    /** A Schrödinger problem: the solver learns H itself. */
    public Problem(String name, Hamiltonian hamiltonian, Boundary boundary, double halfWidth, boolean boxIsPhysical,
                   ExactSpectrum exact) {
        this(name, hamiltonian, boundary, halfWidth, boxIsPhysical, exact, hamiltonian);
    }

    public int dimension() {
        return hamiltonian.dimension();
    }

    /** Whether {@link #translated} applies: a Hamiltonian's own problem, no walls, no torus. */
    public boolean translatable() {
        return !boxIsPhysical && boundary != Boundary.PERIODIC && operator == hamiltonian;
    }

    /** This problem on the box [−h, h]^d instead (bohr): the grids of its references and evaluations. */
    public Problem withHalfWidth(double h) {
        return new Problem(name, hamiltonian, boundary, h, boxIsPhysical, exact, operator);
    }

    /**
     * This problem in coordinates y = x − c centred at c: V_c(y) = V(y + c), the box [−h, h]^d around c, exact
     * eigenfunctions shifted likewise; the spectrum is unchanged. Only a Hamiltonian's own problem without walls
     * can move (walls and a torus belong to the box where they are).
     *
     * @throws IllegalArgumentException for walls, a periodic box, an operator other than H, or a centre of another
     *                                  dimension
     */
    public Problem translated(double[] c) {
        if (!translatable()) {
            throw new IllegalArgumentException("only a Hamiltonian without walls can be centred elsewhere; " + name
                    + " has " + (boundary == Boundary.PERIODIC ? "a periodic box" : boxIsPhysical ? "walls"
                    : "the operator " + operator.describe()));
        }
        Hamiltonian h = new Hamiltonian(hamiltonian.kinetic(),
                new org.opsvd.operators.potentials.TranslatedPotential(hamiltonian.potential(), c));
        return new Problem(name, h, boundary, halfWidth, false,
                exact == null ? null : new org.opsvd.operators.spectra.TranslatedSpectrum(exact, c));
    }
}
