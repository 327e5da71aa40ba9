package org.opsvd.operators;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import net.objecthunter.exp4j.shuntingyard.ShuntingYard;
import net.objecthunter.exp4j.tokenizer.FunctionToken;
import net.objecthunter.exp4j.tokenizer.NumberToken;
import net.objecthunter.exp4j.tokenizer.OperatorToken;
import net.objecthunter.exp4j.tokenizer.Token;
import net.objecthunter.exp4j.tokenizer.VariableToken;
import org.opsvd.operators.potentials.CosinePotential;
import org.opsvd.operators.potentials.ExpressionPotential;
import org.opsvd.operators.potentials.HarmonicPotential;
import org.opsvd.operators.potentials.ScaledPotential;
import org.opsvd.operators.potentials.SumPotential;
import org.opsvd.operators.potentials.ZeroPotential;

/**
 * Whether a potential is <em>known</em> to be smooth (real-analytic) on all of R^d, which spectral
 * discretisations (DVR) need for exponential convergence; a kink, wall or singularity leaves them algebraic.
 *
 * <p>Known smooth: {@link HarmonicPotential}, {@link CosinePotential}, {@link ZeroPotential}, sums and multiples
 * of known smooth potentials, a {@link NumericallyDifferentiated} wrapper of one, and an
 * {@link ExpressionPotential} whose formula is built only from numbers, the coordinates, {@code r^2k},
 * {@code + − *}, division by a nonzero constant, non-negative integer powers (or powers of a positive
 * constant), and the entire functions exp, sin, cos, sinh, cosh, tanh, atan. Everything else, for example
 * Coulomb terms, {@code abs}, {@code sqrt}, {@code log} or a variable denominator, is "not known smooth": the
 * classification is conservative and says which token decided it.
 *
 * @param smooth whether the potential is known smooth
 * @param reason why not (or why), one short phrase
 */
public record Smoothness(boolean smooth, String reason) {

    private static final Set<String> ENTIRE = Set.of("exp", "sin", "cos", "sinh", "cosh", "tanh", "atan");
    private static final Set<String> CONSTANTS = Set.of("pi", "π", "e", "φ");

    /** The classification of a potential. */
    public static Smoothness of(Potential v) {
        if (v instanceof HarmonicPotential || v instanceof CosinePotential || v instanceof ZeroPotential) {
            return new Smoothness(true, v.getClass().getSimpleName() + " is analytic");
        }
        if (v instanceof NumericallyDifferentiated n) {
            return of(n.potential());
        }
        if (v instanceof ScaledPotential s) {
            return of(s.base());
        }
        if (v instanceof org.opsvd.operators.potentials.TranslatedPotential t) {
            return of(t.base());
        }
        if (v instanceof SumPotential sum) {
            for (Potential t : sum.terms()) {
                Smoothness s = of(t);
                if (!s.smooth()) {
                    return s;
                }
            }
            return new Smoothness(true, "a sum of analytic terms");
        }
        if (v instanceof ExpressionPotential e) {
            return ofFormula(e.formula(), e.dimension());
        }
        return new Smoothness(false, v.describe() + " is not known to be smooth (" + v.getClass().getSimpleName()
                + ")");
    }

    /** What a sub-expression is: a constant (with its value) or a function of x, and whether it is analytic. */
    private record Term(boolean constant, double value, boolean radius) {
    }

    /** Abstract evaluation of the formula's postfix form over {@link Term}s; the first non-analytic step decides. */
    static Smoothness ofFormula(String formula, int dimension) {
        Set<String> names = new java.util.HashSet<>(CONSTANTS);
        names.add("r");
        for (int i = 0; i < dimension; i++) {
            names.add("x" + (i + 1));
            names.add(ExpressionPotential.variableName(i, dimension));
        }
        Token[] tokens;
        try {
            tokens = ShuntingYard.convertToRPN(formula, Map.of(), Map.of(), names, true);
        } catch (RuntimeException e) {
            return new Smoothness(false, "formula could not be analysed (" + e.getMessage() + ")");
        }
        Deque<Term> stack = new ArrayDeque<>();
        for (Token t : tokens) {
            if (t instanceof NumberToken n) {
                stack.push(new Term(true, n.getValue(), false));
            } else if (t instanceof VariableToken v) {
                String name = v.getName();
                if (CONSTANTS.contains(name)) {
                    stack.push(new Term(true, name.equals("e") ? Math.E : name.equals("φ") ? 1.61803398874989484820
                            : Math.PI, false));
                } else {
                    stack.push(new Term(false, Double.NaN, name.equals("r")));
                }
            } else if (t instanceof FunctionToken f) {
                int args = f.getFunction().getNumArguments();
                Term[] a = pop(stack, args);
                if (allConstant(a)) {
                    double[] values = new double[args];
                    for (int i = 0; i < args; i++) {
                        values[i] = a[i].value();
                    }
                    stack.push(new Term(true, f.getFunction().apply(values), false));
                    continue;
                }
                String name = f.getFunction().getName();
                if (!ENTIRE.contains(name) || hasRadius(a)) {
                    return new Smoothness(false, "'" + name + "' of a coordinate is not known smooth");
                }
                stack.push(new Term(false, Double.NaN, false));
            } else if (t instanceof OperatorToken o) {
                String symbol = o.getOperator().getSymbol();
                int args = o.getOperator().getNumOperands();
                Term[] a = pop(stack, args);
                if (allConstant(a)) {
                    double[] values = new double[args];
                    for (int i = 0; i < args; i++) {
                        values[i] = a[i].value();
                    }
                    stack.push(new Term(true, o.getOperator().apply(values), false));
                    continue;
                }
                if (args == 1) {
                    stack.push(a[0]);
                    continue;
                }
                switch (symbol) {
                    case "+", "-", "*" -> {
                        if (hasRadius(a)) {
                            return new Smoothness(false, "r = |x| is not smooth at the origin (write r^2 or x^2+y^2)");
                        }
                        stack.push(new Term(false, Double.NaN, false));
                    }
                    case "/" -> {
                        if (!a[1].constant() || a[1].value() == 0) {
                            return new Smoothness(false, "division by a non-constant may be singular");
                        }
                        if (a[0].radius()) {
                            return new Smoothness(false, "r = |x| is not smooth at the origin (write r^2 or x^2+y^2)");
                        }
                        stack.push(a[0]);
                    }
                    case "^" -> {
                        boolean integerPower = a[1].constant() && a[1].value() >= 0
                                && a[1].value() == Math.rint(a[1].value());
                        boolean positiveBase = a[0].constant() && a[0].value() > 0 && !a[1].radius();
                        if (!(integerPower || positiveBase)) {
                            return new Smoothness(false, "a non-integer or variable power may have a kink or singularity");
                        }
                        if (a[0].radius() && a[1].value() % 2 != 0) {
                            return new Smoothness(false, "odd powers of r = |x| are not smooth at the origin");
                        }
                        stack.push(new Term(false, Double.NaN, false));
                    }
                    default -> {
                        return new Smoothness(false, "operator '" + symbol + "' is not smooth");
                    }
                }
            } else {
                return new Smoothness(false, "unexpected token in the formula");
            }
        }
        if (stack.size() == 1 && stack.peek().radius()) {
            return new Smoothness(false, "r = |x| is not smooth at the origin (write r^2 or x^2+y^2)");
        }
        return new Smoothness(true, "the formula is built from analytic operations");
    }

    private static Term[] pop(Deque<Term> stack, int count) {
        Term[] a = new Term[count];
        for (int i = count - 1; i >= 0; i--) {
            a[i] = stack.pop();
        }
        return a;
    }

    private static boolean allConstant(Term[] a) {
        for (Term t : a) {
            if (!t.constant()) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasRadius(Term[] a) {
        for (Term t : a) {
            if (t.radius()) {
                return true;
            }
        }
        return false;
    }
}
