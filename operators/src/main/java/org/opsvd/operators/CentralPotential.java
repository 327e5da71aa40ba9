package org.opsvd.operators;

/**
 * A rotation-invariant potential V(x) = v(|x|), centred at the origin.
 *
 * <p>The Hamiltonian then separates in polar / spherical coordinates, and a 1D radial problem per
 * angular momentum gives an accurate reference spectrum even when v is singular at r = 0 (Coulomb).
 */
public interface CentralPotential extends Potential {

    /** v(r) for r ≥ 0. */
    double radialValue(double r);

    @Override
    default double value(double[] x) {
        double r2 = 0;
        for (double xi : x) {
            r2 += xi * xi;
        }
        return radialValue(Math.sqrt(r2));
    }
}
