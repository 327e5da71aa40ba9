package org.opsvd.operators;

import java.util.ArrayDeque;
import java.util.EmptyStackException;
import java.util.Set;
import net.objecthunter.exp4j.Expression;
import net.objecthunter.exp4j.ExpressionBuilder;
import net.objecthunter.exp4j.ValidationResult;
import net.objecthunter.exp4j.tokenizer.UnknownFunctionOrVariableException;

/**
 * Compiles user formulas (potentials, kernels) with exp4j and turns every failure into one
 * {@link IllegalArgumentException} that names the problem and points at it:
 * <pre>
 *   malformed potential expression at position 5: unclosed '('
 *     0.5*(x^2+y^2
 *         ^
 * </pre>
 */
public final class Formulas {

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
        checkParentheses(kind, formula);
        Expression expression;
        try {
            expression = new ExpressionBuilder(formula).variables(variables).build();
        } catch (UnknownFunctionOrVariableException e) {
            throw new IllegalArgumentException(pointAt(kind, formula, e.getPosition(),
                    "unknown variable or function '" + e.getToken() + "'" + hint), e);
        } catch (IllegalArgumentException | EmptyStackException e) {
            String m = e.getMessage();
            throw new IllegalArgumentException(pointAt(kind, formula, formula.length(),
                    m == null || m.isBlank() ? "incomplete expression" : m), e);
        }
        ValidationResult check = expression.validate(false);
        if (!check.isValid()) {
            throw new IllegalArgumentException(pointAt(kind, formula, formula.length(),
                    String.join("; ", check.getErrors())));
        }
        return expression;
    }

    /** Reports the first unmatched ')' or the innermost '(' left open. */
    static void checkParentheses(String kind, String formula) {
        ArrayDeque<Integer> open = new ArrayDeque<>();
        for (int i = 0; i < formula.length(); i++) {
            char ch = formula.charAt(i);
            if (ch == '(') {
                open.push(i);
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

    /** "malformed KIND expression at position 7: ...\n  formula\n        ^" (positions from 1). */
    static String pointAt(String kind, String formula, int position, String what) {
        int pos = Math.max(0, Math.min(position, formula.length()));
        return "malformed " + kind + " expression at position " + (pos + 1) + ": " + what + "\n  " + formula
                + "\n  " + " ".repeat(pos) + "^";
    }
}
