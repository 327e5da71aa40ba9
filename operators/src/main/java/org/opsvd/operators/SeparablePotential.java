package org.opsvd.operators;

/**
 * A potential that is a sum of one-dimensional terms, V(x) = Σ_i v_i(x_i).
 *
 * <p>For such potentials the Hamiltonian is a Kronecker sum of 1D operators, so its spectrum (exact or
 * discretised) is the set of sums of 1D eigenvalues, and eigenfunctions are tensor products.
 */
public interface SeparablePotential extends Potential {

    /** The 1D term v_axis(t) along one coordinate axis. */
    double axisValue(int axis, double t);

    @Override
    default double value(double[] x) {
        double v = 0;
        for (int i = 0; i < x.length; i++) {
            v += axisValue(i, x[i]);
        }
        return v;
    }
}
