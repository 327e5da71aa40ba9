package org.opsvd.operators;

/**
 * A potential that also gives its gradient and Laplacian, for operators whose coefficients involve them (the
 * Langevin generator's drift −∇U and its ground-state potential β|∇U|²/4 − ΔU/2).
 */
public interface SmoothPotential extends Potential {

    /** ∇V(x) into {@code out} (length d). */
    void gradient(double[] x, double[] out);

    /** ΔV(x). */
    double laplacian(double[] x);

    /**
     * The potential itself when it knows its derivatives, else {@code v} with derivatives by finite differences
     * ({@link NumericallyDifferentiated}).
     */
    static SmoothPotential of(Potential v) {
        return v instanceof SmoothPotential s ? s : new NumericallyDifferentiated(v);
    }
}
