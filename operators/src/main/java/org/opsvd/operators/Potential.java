package org.opsvd.operators;

import org.opsvd.operators.potentials.ScaledPotential;
import org.opsvd.operators.potentials.SumPotential;

/**
 * A real potential V : R^d → R, evaluated on doubles (for grids and quadrature).
 *
 * <p>Potentials are immutable values that compose: {@code a.plus(b)} is V_a + V_b and
 * {@code a.times(s)} is s·V_a. Units are atomic units (ħ = m_e = e = 1) throughout the project.
 */
public interface Potential {

    /** The dimension d of the space the potential lives on. */
    int dimension();

    /**
     * V(x) at one point.
     *
     * @param x a point of R^d, length {@link #dimension()}
     */
    double value(double[] x);

    /** A short human-readable formula, e.g. {@code "0.5*(x^2+y^2)"}. */
    String describe();

    /**
     * The attractive Coulomb singularities this potential is known to have (none unless a potential says so):
     * built-in Coulomb potentials list their nuclei, sums and positive multiples pass theirs on.
     */
    default java.util.List<CoulombCentre> coulombCentres() {
        return java.util.List.of();
    }

    /** The sum V + other; both must have the same dimension. */
    default Potential plus(Potential other) {
        return SumPotential.of(this, other);
    }

    /** The scaled potential s·V. */
    default Potential times(double s) {
        return new ScaledPotential(this, s);
    }
}
