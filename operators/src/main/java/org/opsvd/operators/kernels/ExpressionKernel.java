package org.opsvd.operators.kernels;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.objecthunter.exp4j.Expression;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;

/**
 * A user kernel k(x,y) given as a formula, e.g. {@code "exp(-(x-y)^2/2)"}, {@code "min(x,y)"}-style
 * expressions or {@code "exp(-r^2)"}, parsed with exp4j, under user-chosen measures ρ₀ (for x) and ρ₁
 * (for y).
 *
 * <p>Variables: {@code x1 … xd0} and {@code y1 … yd1} always; {@code x} when d0 = 1 and {@code y} when
 * d1 = 1; {@code r} = |x − y| when d0 = d1. Functions and constants are exp4j's (sqrt, exp, log, abs, sin,
 * signum, …, pi, e). A malformed formula or an unknown name fails at construction with an
 * IllegalArgumentException that names the token and points at its position. Evaluation is float64; an
 * arithmetic error gives NaN, which callers report with
 * {@link KernelOperator#requireFinite(KernelOperator, double[], double[], double)}.
 *
 * <p>{@link #selfAdjoint()} is true when ρ₀ = ρ₁ and k(x,y) = k(y,x) to 1e-12 (relative) at 64 point
 * pairs drawn from ρ₀ with a fixed seed: a numerical check, not a proof. Not thread-safe (exp4j state);
 * use one instance per thread.
 */
public final class ExpressionKernel implements KernelOperator {

    private final String formula;
    private final Measure left;
    private final Measure right;
    private final Expression expression;
    private final String[] xNames;
    private final String[] yNames;
    private final boolean usesRadius;
    private final boolean symmetric;

    /**
     * @param formula k(x,y) in the variables above
     * @param left    ρ₀, the measure of x
     * @param right   ρ₁, the measure of y
     * @throws IllegalArgumentException if the formula is empty, malformed, or uses an unknown name
     */
    public ExpressionKernel(String formula, Measure left, Measure right) {
        if (formula == null || formula.isBlank()) {
            throw new IllegalArgumentException("kernel expression is empty");
        }
        this.formula = formula;
        this.left = left;
        this.right = right;
        int dx = left.dimension();
        int dy = right.dimension();
        Set<String> names = new LinkedHashSet<>();
        this.xNames = indexed("x", dx, names);
        this.yNames = indexed("y", dy, names);
        List<String> shortNames = new ArrayList<>();
        if (dx == 1) {
            shortNames.add("x");
        }
        if (dy == 1) {
            shortNames.add("y");
        }
        if (dx == dy) {
            shortNames.add("r");
        }
        names.addAll(shortNames);
        this.expression = org.opsvd.operators.Formulas.compile("kernel", formula, names,
                " (variables: " + String.join(", ", names) + ")");
        this.usesRadius = expression.getVariableNames().contains("r");
        this.symmetric = left.equals(right) && probeSymmetry();
    }

    /** A kernel on one measure for both x and y. */
    public ExpressionKernel(String formula, Measure measure) {
        this(formula, measure, measure);
    }

    /** The formula as given. */
    public String formula() {
        return formula;
    }

    @Override
    public Measure left() {
        return left;
    }

    @Override
    public Measure right() {
        return right;
    }

    @Override
    public double kernel(double[] x, double[] y) {
        double r2 = 0;
        for (int i = 0; i < xNames.length; i++) {
            expression.setVariable(xNames[i], x[i]);
        }
        for (int i = 0; i < yNames.length; i++) {
            expression.setVariable(yNames[i], y[i]);
        }
        if (xNames.length == 1) {
            expression.setVariable("x", x[0]);
        }
        if (yNames.length == 1) {
            expression.setVariable("y", y[0]);
        }
        if (xNames.length == yNames.length) {
            if (usesRadius) {
                for (int i = 0; i < xNames.length; i++) {
                    double t = x[i] - y[i];
                    r2 += t * t;
                }
            }
            expression.setVariable("r", Math.sqrt(r2));
        }
        try {
            return expression.evaluate();
        } catch (ArithmeticException e) {
            return Double.NaN;
        }
    }

    @Override
    public String name() {
        return "expression";
    }

    @Override
    public String describe() {
        return "k(x,y) = " + formula + ", x ~ " + left.describe() + ", y ~ " + right.describe();
    }

    @Override
    public boolean selfAdjoint() {
        return symmetric;
    }

    private boolean probeSymmetry() {
        int d = left.dimension();
        int pairs = 64;
        double[] xs = new double[pairs * d];
        double[] ys = new double[pairs * d];
        RandomGenerator rng = new Well19937c(20_240_611L);
        left.sample(rng, xs, pairs);
        left.sample(rng, ys, pairs);
        double[] x = new double[d];
        double[] y = new double[d];
        for (int p = 0; p < pairs; p++) {
            System.arraycopy(xs, p * d, x, 0, d);
            System.arraycopy(ys, p * d, y, 0, d);
            double kxy = kernel(x, y);
            double kyx = kernel(y, x);
            if (Double.isFinite(kxy) != Double.isFinite(kyx)) {
                return false; // e.g. sqrt(x - y): defined on one side of the diagonal only
            }
            if (Double.isFinite(kxy) && Double.isFinite(kyx)
                    && Math.abs(kxy - kyx) > 1e-12 * Math.max(1, Math.max(Math.abs(kxy), Math.abs(kyx)))) {
                return false;
            }
        }
        return true;
    }

    private static String[] indexed(String prefix, int d, Set<String> names) {
        String[] out = new String[d];
        for (int i = 0; i < d; i++) {
            out[i] = prefix + (i + 1);
            names.add(out[i]);
        }
        return out;
    }
}
