package org.opsvd.operators;

/**
 * A Schrödinger operator H = −c·Δ + V on R^d.
 *
 * <p>The kinetic coefficient c is ½ in the physicists' convention (the project default, atomic units) and
 * 1 in the NeuralSVD reference code's convention. Spectra in one convention are not a rescaling of the
 * other unless V is rescaled too, so the coefficient is part of the operator's identity.
 *
 * @param kinetic   the coefficient c &gt; 0 of −Δ
 * @param potential the potential V
 */
public record Hamiltonian(double kinetic, Potential potential) {

    /** The physicists' kinetic coefficient, ½. */
    public static final double PHYSICS = 0.5;
    /** The NeuralSVD reference code's kinetic coefficient, 1. */
    public static final double REFERENCE_CODE = 1.0;

    public Hamiltonian {
        if (!(kinetic > 0) || !Double.isFinite(kinetic)) {
            throw new IllegalArgumentException("kinetic coefficient must be positive and finite, got " + kinetic);
        }
        if (potential == null) {
            throw new IllegalArgumentException("potential must not be null");
        }
    }

    /** H = −½Δ + V. */
    public static Hamiltonian of(Potential potential) {
        return new Hamiltonian(PHYSICS, potential);
    }

    /** The dimension d. */
    public int dimension() {
        return potential.dimension();
    }

    /** The formula, e.g. {@code "-0.5*Δ + 0.5*(x^2+y^2)"}. */
    public String describe() {
        return "-" + kinetic + "·Δ + " + potential.describe();
    }
}
