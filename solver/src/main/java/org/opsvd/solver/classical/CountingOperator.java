package org.opsvd.solver.classical;

/** Wraps an operator and counts its applications. */
final class CountingOperator implements SymmetricOperator {

    private final SymmetricOperator op;
    private int count;

    CountingOperator(SymmetricOperator op) {
        this.op = op;
    }

    int count() {
        return count;
    }

    @Override
    public void apply(double[] x, int xOff, double[] y, int yOff) {
        op.apply(x, xOff, y, yOff);
        count++;
    }
}
