package org.opsvd.operators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.opsvd.operators.potentials.ExpressionPotential;

/**
 * The formula parser as a specification: random well-formed formulas evaluate to what an independent
 * evaluation of the same tree gives, and random corruptions of them are always refused with an
 * IllegalArgumentException (never parsed into something else, never another exception).
 */
class FormulaPropertiesTest {

    /** A formula tree with its own evaluation, independent of exp4j. */
    interface Node {
        String render(Naming naming);

        double eval(double[] x);
    }

    /** How variables are spelled: x, y, z (d ≤ 3) or x1 … xd. */
    enum Naming { XYZ, INDEXED }

    record Num(String literal) implements Node {
        public String render(Naming n) {
            return literal;
        }

        public double eval(double[] x) {
            return Double.parseDouble(literal);
        }
    }

    record Var(int axis) implements Node {
        public String render(Naming n) {
            return n == Naming.XYZ ? "xyz".substring(axis, axis + 1) : "x" + (axis + 1);
        }

        public double eval(double[] x) {
            return x[axis];
        }
    }

    record Radius() implements Node {
        public String render(Naming n) {
            return "r";
        }

        public double eval(double[] x) {
            double s = 0;
            for (double v : x) {
                s += v * v;
            }
            return Math.sqrt(s);
        }
    }

    /** A number times a variable, written without '*' ("2.5x"). */
    record Implicit(Num factor, Var variable) implements Node {
        public String render(Naming n) {
            return "(" + factor.render(n) + variable.render(n) + ")";
        }

        public double eval(double[] x) {
            return factor.eval(x) * variable.eval(x);
        }
    }

    record Negate(Node a) implements Node {
        public String render(Naming n) {
            return "-(" + a.render(n) + ")";
        }

        public double eval(double[] x) {
            return -a.eval(x);
        }
    }

    record Binary(char op, Node a, Node b) implements Node {
        public String render(Naming n) {
            return "(" + a.render(n) + ") " + op + " (" + b.render(n) + ")";
        }

        public double eval(double[] x) {
            double u = a.eval(x);
            double v = b.eval(x);
            switch (op) {
                case '+': return u + v;
                case '-': return u - v;
                case '*': return u * v;
                case '/': return u / v;
                default: return Math.pow(u, v);
            }
        }
    }

    record Call(String name, DoubleUnaryOperator f, Node a) implements Node {
        public String render(Naming n) {
            return name + "(" + a.render(n) + ")";
        }

        public double eval(double[] x) {
            return f.applyAsDouble(a.eval(x));
        }
    }

    private static final List<Call> FUNCTIONS = List.of(new Call("sin", Math::sin, null),
            new Call("cos", Math::cos, null), new Call("exp", Math::exp, null), new Call("sqrt", Math::sqrt, null),
            new Call("abs", Math::abs, null), new Call("tanh", Math::tanh, null), new Call("log", Math::log, null));

    private static Arbitrary<Node> formulas(int dimension) {
        Arbitrary<Num> numbers = Arbitraries.integers().between(0, 99_999)
                .map(i -> new Num(i % 3 == 0 ? Integer.toString(i / 100) : i / 1000 + "." + String.format("%03d", i % 1000)));
        Arbitrary<Var> variables = Arbitraries.integers().between(0, dimension - 1).map(Var::new);
        Arbitrary<Node> leaves = Arbitraries.oneOf(numbers, variables, variables, Arbitraries.just(new Radius()),
                Combinators.combine(numbers, variables).as(Implicit::new));
        return Arbitraries.recursive(() -> leaves, inner -> Arbitraries.oneOf(
                inner.map(Negate::new),
                Combinators.combine(Arbitraries.of('+', '-', '*', '/', '^'), inner, inner).as(Binary::new),
                Combinators.combine(Arbitraries.of(FUNCTIONS), inner).as((f, a) -> new Call(f.name(), f.f(), a))),
                0, 5);
    }

    @Provide
    Arbitrary<Object[]> cases() {
        return Arbitraries.integers().between(1, 5).flatMap(d -> Combinators.combine(formulas(d),
                Arbitraries.doubles().between(-3, 3).array(double[].class).ofSize(d),
                Arbitraries.of(Naming.values()).map(n -> d > 3 ? Naming.INDEXED : n))
                .as((f, x, n) -> new Object[] {d, f, x, n}));
    }

    @Property(tries = 300)
    void wellFormedFormulasEvaluateAsTheirTree(@ForAll("cases") Object[] c) {
        int d = (int) c[0];
        Node tree = (Node) c[1];
        double[] x = (double[]) c[2];
        String formula = tree.render((Naming) c[3]);
        double expected = tree.eval(x);
        double actual = new ExpressionPotential(formula, d).value(x);
        if (Double.isNaN(expected)) {
            assertTrue(Double.isNaN(actual), formula + " at " + java.util.Arrays.toString(x) + " gave " + actual);
        } else {
            assertEquals(expected, actual, 1e-12 * Math.max(1, Math.abs(expected)), formula);
        }
    }

    /** Corruptions that make any formula malformed, each with the dimension it is refused in. */
    private static final List<String> CORRUPTIONS = List.of(
            "%s +", "%s *", "(%s", "%s)", ")%s(", "%s + x%d", "%s * x0", "%s + y%d", "(%s)x%d", "%s + 2e",
            "%s + 1e400", "%s + 1.5.3", "%s + q", "%s + xx", "%s + pi2", "%s # 2", "%s; x", "%s + [x]",
            "%s + {x}", "%s == 1", "%s + sin", "%s + ()", "%s */ 2", "%s^", "%s\u0000", "%s + '1'",
            "%s + x_1", "%s , 1", "sqrt(%s, 1)", "%s + e1x");

    @Provide
    Arbitrary<String[]> malformed() {
        return Arbitraries.integers().between(1, 5).flatMap(d -> Combinators.combine(formulas(d),
                Arbitraries.of(CORRUPTIONS), Arbitraries.of(Naming.values()).map(n -> d > 3 ? Naming.INDEXED : n))
                .as((f, pattern, n) -> new String[] {Integer.toString(d),
                        String.format(pattern.contains("%d") ? pattern : pattern.replace("%d", ""),
                                f.render(n), d + 1)}));
    }

    @Property(tries = 300)
    void corruptedFormulasAreAlwaysRefused(@ForAll("malformed") String[] c) {
        int d = Integer.parseInt(c[0]);
        String formula = c[1];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ExpressionPotential(formula, d), formula);
        assertTrue(e.getMessage().startsWith("malformed potential expression") && !e.getMessage().contains("\n"),
                e.getMessage());
    }

    @Property(tries = 500)
    void arbitraryTextIsParsedOrRefusedButNeverCrashes(
            @ForAll("grammarText") String text, @ForAll @IntRange(min = 1, max = 5) int d) {
        try {
            new ExpressionPotential(text, d).value(new double[d]);
        } catch (IllegalArgumentException expected) {
            assertTrue(!expected.getMessage().contains("\n"), expected.getMessage());
        }
    }

    @Provide
    Arbitrary<String> grammarText() {
        return Arbitraries.strings().withChars("xyzr123.e+-*/^%(), sqrtpi#é").ofMinLength(1).ofMaxLength(24);
    }

    @Property(tries = 50)
    void indexedNamesBeyondTheDimensionAreNeverProducts(@ForAll @IntRange(min = 1, max = 6) int d,
                                                       @ForAll @IntRange(min = 0, max = 3) int beyond) {
        int index = beyond == 0 ? 0 : d + beyond;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ExpressionPotential("x" + index + "^2", d));
        assertTrue(e.getMessage().contains("'x" + index + "'"), e.getMessage());
        assertTrue(Set.of(e.getMessage().split(" ")).contains("unknown"), e.getMessage());
    }
}
