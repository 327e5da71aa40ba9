package org.opsvd.operators;

import java.util.ArrayDeque;
import java.util.EmptyStackException;
import java.util.Set;
import net.objecthunter.exp4j.Expression;
import net.objecthunter.exp4j.ExpressionBuilder;
import net.objecthunter.exp4j.ValidationResult;
import net.objecthunter.exp4j.function.Functions;
import net.objecthunter.exp4j.operator.Operator;
import net.objecthunter.exp4j.tokenizer.UnknownFunctionOrVariableException;

/**
 * Compiles user formulas (potentials, kernels) with exp4j and turns every failure into one
 * {@link IllegalArgumentException} that names the problem and points at it:
 * {@code malformed potential expression '0.5*(x^2+y^2' at position 5: unclosed '('} (one line).
 *
 * <p>Before exp4j sees a formula, {@link #checkTokens} reads it with a lexer of its own, because exp4j
 * silently splits names it does not know: with variables x and y, {@code x3} would be x·3, {@code xy}
 * x·y and {@code pi2} π·2. Here every name must be exactly a variable, a constant (pi, π, e, φ) or a
 * built-in function, every number must be complete and finite ({@code 2e} and {@code 1e400} are refused),
 * and only the characters of the grammar are allowed. A number directly before a name or a parenthesis
 * still multiplies ({@code 2x}, {@code 3(x+1)}). Division follows IEEE 754: 1/0 is +∞, not an error.
 */
public final class Formulas {

    /** The longest formula accepted, in characters. */
    public static final int MAX_LENGTH = 10_000;
    /** The deepest nesting of parentheses accepted. */
    public static final int MAX_DEPTH = 200;
    private static final Set<String> CONSTANTS = Set.of("pi", "π", "e", "φ");
    private static final String OPERATORS = "+-*/^%(),";

    private Formulas() {
    }

    /**
     * The compiled formula.
     *
     * @param kind      what the formula is, for messages ({@code potential}, {@code kernel})
     * @param variables the names the formula may use
     * @param hint      appended to "unknown variable or function 'z'", e.g. the list of valid names
     */
    public static Expression compile(String kind, String formula, Set<String> variables, String hint) {
        if (formula.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("malformed " + kind + " expression: longer than " + MAX_LENGTH
                    + " characters (" + formula.length() + ")");
        }
        checkParentheses(kind, formula);
        checkTokens(kind, formula, variables, hint);
        Expression expression;
        try {
            expression = new ExpressionBuilder(formula).variables(variables).operator(IEEE_DIVISION).build();
        } catch (UnknownFunctionOrVariableException e) {
            throw new IllegalArgumentException(pointAt(kind, formula, e.getPosition(),
                    "unknown variable or function '" + e.getToken() + "'" + hint), e);
        } catch (IllegalArgumentException | EmptyStackException | IndexOutOfBoundsException e) {
            String m = e.getMessage();
            throw new IllegalArgumentException(pointAt(kind, formula, formula.length(),
                    m == null || m.isBlank() ? "incomplete expression" : m), e);
        }
        ValidationResult check;
        try {
            check = expression.validate(false);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(pointAt(kind, formula, formula.length(), "incomplete expression"), e);
        }
        if (!check.isValid()) {
            throw new IllegalArgumentException(pointAt(kind, formula, formula.length(),
                    String.join("; ", check.getErrors())));
        }
        // exp4j's validation misses some shapes (e.g. "()"); one evaluation finds them before any use
        for (String v : variables) {
            expression.setVariable(v, 1);
        }
        try {
            expression.evaluate();
        } catch (ArithmeticException e) {
            // a value, not a shape: reported where the formula is evaluated
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(pointAt(kind, formula, formula.length(), "incomplete expression"), e);
        }
        return expression;
    }

    /** Division without exp4j's "Division by zero!" exception: ±∞ or NaN as IEEE 754 says. */
    private static final Operator IEEE_DIVISION = new Operator("/", 2, true, Operator.PRECEDENCE_DIVISION) {
        @Override
        public double apply(double... args) {
            return args[0] / args[1];
        }
    };

    /**
     * Reads the formula token by token and refuses any character outside the grammar, any name that is not
     * a variable, a constant or a function, and any incomplete or infinite number.
     */
    static void checkTokens(String kind, String formula, Set<String> variables, String hint) {
        int n = formula.length();
        int i = 0;
        while (i < n) {
            char c = formula.charAt(i);
            if (c == ' ' || c == '\t') {
                i++;
            } else if (isDigit(c) || (c == '.' && i + 1 < n && isDigit(formula.charAt(i + 1)))) {
                i = number(kind, formula, i);
            } else if (isNameStart(c)) {
                int start = i;
                if (c == 'π' || c == 'φ') {
                    i++;
                } else {
                    while (i < n && isNamePart(formula.charAt(i))) {
                        i++;
                    }
                }
                String name = formula.substring(start, i);
                if (!variables.contains(name) && !CONSTANTS.contains(name)
                        && Functions.getBuiltinFunction(name) == null) {
                    throw new IllegalArgumentException(pointAt(kind, formula, start,
                            "unknown variable or function '" + name + "'" + hint));
                }
            } else if (OPERATORS.indexOf(c) >= 0) {
                i++;
            } else {
                throw new IllegalArgumentException(pointAt(kind, formula, i, "unexpected character '"
                        + (Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c)) + "'"));
            }
        }
    }

    /** Reads the number starting at {@code start}; returns the index after it. */
    private static int number(String kind, String formula, int start) {
        int n = formula.length();
        int i = start;
        while (i < n && isDigit(formula.charAt(i))) {
            i++;
        }
        if (i < n && formula.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(formula.charAt(i))) {
                i++;
            }
        }
        if (i < n && (formula.charAt(i) == 'e' || formula.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < n && (formula.charAt(j) == '+' || formula.charAt(j) == '-')) {
                j++;
            }
            if (j >= n || !isDigit(formula.charAt(j))) {
                throw new IllegalArgumentException(pointAt(kind, formula, i, "incomplete exponent in number '"
                        + formula.substring(start, Math.min(j, n)) + "' (write " + formula.substring(start, i)
                        + "*e for a multiple of e)"));
            }
            i = j;
            while (i < n && isDigit(formula.charAt(i))) {
                i++;
            }
        }
        if (i < n && (formula.charAt(i) == '.' || isNamePart(formula.charAt(i)) && isDigit(formula.charAt(i)))) {
            throw new IllegalArgumentException(pointAt(kind, formula, i, "malformed number '"
                    + formula.substring(start, i + 1) + "'"));
        }
        String literal = formula.substring(start, i);
        if (Double.isInfinite(Double.parseDouble(literal))) {
            throw new IllegalArgumentException(pointAt(kind, formula, start, "number " + literal
                    + " is beyond the float64 range"));
        }
        return i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == 'π' || c == 'φ';
    }

    private static boolean isNamePart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || isDigit(c);
    }

    /** Reports the first unmatched ')', the innermost '(' left open, or nesting deeper than {@link #MAX_DEPTH}. */
    static void checkParentheses(String kind, String formula) {
        ArrayDeque<Integer> open = new ArrayDeque<>();
        for (int i = 0; i < formula.length(); i++) {
            char ch = formula.charAt(i);
            if (ch == '(') {
                open.push(i);
                if (open.size() > MAX_DEPTH) {
                    throw new IllegalArgumentException(pointAt(kind, formula, i,
                            "parentheses nested deeper than " + MAX_DEPTH));
                }
            } else if (ch == ')') {
                if (open.isEmpty()) {
                    throw new IllegalArgumentException(pointAt(kind, formula, i, "unmatched ')'"));
                }
                open.pop();
            }
        }
        if (!open.isEmpty()) {
            throw new IllegalArgumentException(pointAt(kind, formula, open.peek(), "unclosed '('"));
        }
    }

    /** "malformed KIND expression 'formula' at position 7: ..." on one line (positions from 1). */
    static String pointAt(String kind, String formula, int position, String what) {
        int pos = Math.max(0, Math.min(position, formula.length()));
        String shown = formula.length() > 80 ? "" : " '" + formula + "'";
        return "malformed " + kind + " expression" + shown + " at position " + (pos + 1) + ": " + what;
    }
}
