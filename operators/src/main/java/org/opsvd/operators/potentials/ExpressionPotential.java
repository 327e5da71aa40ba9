package org.opsvd.operators.potentials;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.objecthunter.exp4j.Expression;
import org.opsvd.operators.Potential;

/**
 * A user potential given as a formula, e.g. {@code "0.5*(x^2+4*y^2)"} or {@code "-1/sqrt(x^2+y^2+0.01)"},
 * parsed with exp4j.
 *
 * <p>Variables: {@code x, y, z} for d ≤ 3, and always {@code x1 … xd}; {@code r} = |x|. Functions are
 * exp4j's (sqrt, exp, log, sin, cos, tanh, abs, pow via {@code ^}, …) and the constants pi and e. A
 * malformed formula fails at construction with an {@link IllegalArgumentException} whose message points at
 * the offending position. Evaluation is float64 and not thread-safe (one instance per thread).
 */
public final class ExpressionPotential implements Potential {

    private static final String[] XYZ = {"x", "y", "z"};

    private final String formula;
    private final int dimension;
    private final Expression expression;
    private final String[] axisNames;
    private final String[] indexedNames;
    private final boolean usesRadius;

    /**
     * Parses a formula in d variables.
     *
     * @throws IllegalArgumentException if the formula is malformed or uses an unknown name
     */
    public ExpressionPotential(String formula, int dimension) {
        this(formula, dimension, "potential");
    }

    /**
     * Parses a formula in d variables; {@code kind} names it in messages (the option that gave it, e.g.
     * {@code energy} for the Langevin energy U).
     *
     * @throws IllegalArgumentException if the formula is malformed or uses an unknown name
     */
    public ExpressionPotential(String formula, int dimension, String kind) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be at least 1, got " + dimension);
        }
        if (formula == null || formula.isBlank()) {
            throw new IllegalArgumentException(kind + " expression is empty");
        }
        this.formula = formula;
        this.dimension = dimension;
        Set<String> names = new LinkedHashSet<>();
        List<String> axis = new ArrayList<>();
        this.indexedNames = new String[dimension];
        for (int i = 0; i < dimension; i++) {
            indexedNames[i] = "x" + (i + 1);
            names.add(indexedNames[i]);
            if (dimension <= 3) {
                axis.add(XYZ[i]);
                names.add(XYZ[i]);
            }
        }
        names.add("r");
        this.axisNames = axis.toArray(new String[0]);
        this.expression = org.opsvd.operators.Formulas.compile(kind, formula, names, hint(dimension));
        this.usesRadius = expression.getVariableNames().contains("r");
    }

    /** The formula as given. */
    public String formula() {
        return formula;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public double value(double[] x) {
        double r2 = 0;
        for (int i = 0; i < dimension; i++) {
            expression.setVariable(indexedNames[i], x[i]);
            if (i < axisNames.length) {
                expression.setVariable(axisNames[i], x[i]);
            }
            r2 += x[i] * x[i];
        }
        if (usesRadius) {
            expression.setVariable("r", Math.sqrt(r2));
        } else {
            expression.setVariable("r", 0);
        }
        try {
            return expression.evaluate();
        } catch (ArithmeticException e) {
            return Double.NaN;
        }
    }

    /**
     * A Coulomb singularity at the origin, found numerically: Z = −lim ε·V(εn) as ε → 0, the same (to 1e-4
     * relative) at ε = 1e-7 and 1e-9 along the 2d axis directions and both diagonals, and positive. This finds
     * {@code -1/r}, {@code -2/sqrt(x^2+y^2)} plus bounded terms, and rejects softened, repulsive, stronger or
     * planar singularities. Centres away from the origin are not searched for (the formula is not analysed).
     */
    @Override
    public List<org.opsvd.operators.CoulombCentre> coulombCentres() {
        List<double[]> directions = new ArrayList<>();
        double[] diagonal = new double[dimension];
        java.util.Arrays.fill(diagonal, 1 / Math.sqrt(dimension));
        directions.add(diagonal);
        directions.add(java.util.Arrays.stream(diagonal).map(v -> -v).toArray());
        for (int i = 0; i < dimension; i++) {
            for (double sign : new double[] {1, -1}) {
                double[] n = new double[dimension];
                n[i] = sign;
                directions.add(n);
            }
        }
        double charge = Double.NaN;
        for (double[] n : directions) {
            double far = -1e-7 * value(scaled(n, 1e-7));
            double near = -1e-9 * value(scaled(n, 1e-9));
            if (!(near > 0) || !Double.isFinite(near) || !(Math.abs(far - near) <= 1e-4 * near)) {
                return List.of();
            }
            if (Double.isNaN(charge)) {
                charge = near;
            } else if (!(Math.abs(charge - near) <= 1e-4 * charge)) {
                return List.of();
            }
        }
        return List.of(new org.opsvd.operators.CoulombCentre(new double[dimension], charge));
    }

    private static double[] scaled(double[] n, double eps) {
        double[] x = new double[n.length];
        for (int i = 0; i < n.length; i++) {
            x[i] = eps * n[i];
        }
        return x;
    }

    @Override
    public String describe() {
        return formula;
    }

    /** The display name of axis i in d dimensions: x, y, z for d ≤ 3, else x1 … xd. */
    public static String variableName(int axis, int dimension) {
        return dimension <= 3 ? XYZ[axis] : "x" + (axis + 1);
    }

    private static String hint(int dimension) {
        String vars = dimension <= 3 ? String.join(", ", List.of(XYZ).subList(0, dimension)) + ", " : "";
        return " (variables in " + dimension + "D: " + vars + "x1.." + "x" + dimension + ", r)";
    }
}
