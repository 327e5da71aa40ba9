package org.opsvd.operators;

/**
 * An attractive Coulomb singularity of a potential: V(x) = −Z/|x − a| + (terms bounded near a). Wavefunctions of
 * H = −cΔ + V have a cusp there (Kato: ∂ψ/∂r = −Z/(c(d−1))·ψ at r = 0 in d ≥ 2), which solvers can build in.
 *
 * @param position the point a (bohr), length d
 * @param charge   Z &gt; 0
 */
public record CoulombCentre(double[] position, double charge) {

    public CoulombCentre {
        position = position.clone();
        if (!(charge > 0) || !Double.isFinite(charge)) {
            throw new IllegalArgumentException("Coulomb charge must be positive and finite, got " + charge);
        }
    }

    @Override
    public double[] position() {
        return position.clone();
    }

    /** Whether the centre is the origin. */
    public boolean atOrigin() {
        for (double v : position) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }
}
