package org.opsvd.solver.classical;

/**
 * A symmetric linear map y = A·x applied to slices of larger arrays, as ARPACK's reverse communication
 * needs: {@code y[yOff .. yOff+n) = A · x[xOff .. xOff+n)}. The two slices never overlap.
 *
 * <p>{@code DiscreteHamiltonian::apply} has exactly this shape.
 */
@FunctionalInterface
public interface SymmetricOperator {

    void apply(double[] x, int xOff, double[] y, int yOff);
}
