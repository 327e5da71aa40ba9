package org.opsvd.operators;

/**
 * What a user asks for when naming an operator; null fields take the operator's defaults.
 *
 * @param name         built-in operator name, or null with {@code expression}
 * @param expression   a potential formula (see {@link org.opsvd.operators.potentials.ExpressionPotential})
 * @param dimension    d
 * @param kinetic      c in H = −c·Δ + V (½ physicists, 1 NeuralSVD reference code)
 * @param halfWidth    L of the box [−L, L]^d, or null for the default
 * @param omega        harmonic frequencies (1 or d values), or null
 * @param charge       nuclear charge Z, or null
 * @param separation   h2plus internuclear distance R, or null
 * @param coefficients cosine coefficients (1 or d values), or null
 * @param energy       langevin: the potential energy U as a formula, or null for ½|x|²
 * @param beta         langevin: the inverse temperature β, or null
 */
public record OperatorRequest(String name, String expression, int dimension, double kinetic, Double halfWidth,
                              double[] omega, Double charge, Double separation, double[] coefficients,
                              String energy, Double beta) {

    /** A request without Langevin parameters. */
    public OperatorRequest(String name, String expression, int dimension, double kinetic, Double halfWidth,
                           double[] omega, Double charge, Double separation, double[] coefficients) {
        this(name, expression, dimension, kinetic, halfWidth, omega, charge, separation, coefficients, null, null);
    }

    /** A built-in operator with all defaults. */
    public static OperatorRequest named(String name, int dimension, double kinetic) {
        return new OperatorRequest(name, null, dimension, kinetic, null, null, null, null, null);
    }

    /** A formula potential with all defaults. */
    public static OperatorRequest formula(String expression, int dimension, double kinetic) {
        return new OperatorRequest(null, expression, dimension, kinetic, null, null, null, null, null);
    }

    public OperatorRequest withHalfWidth(Double l) {
        return new OperatorRequest(name, expression, dimension, kinetic, l, omega, charge, separation, coefficients,
                energy, beta);
    }
}
