package org.opsvd.operators.potentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opsvd.operators.Potential;

/** Formula potentials: values, variable names, and errors that point at the problem. */
class ExpressionPotentialTest {

    @Test
    void evaluatesAnisotropicOscillatorAndSoftCoulomb() {
        Potential v = new ExpressionPotential("0.5*(x^2+4*y^2)", 2);
        assertEquals(0.5 * (0.09 + 4 * 0.49), v.value(new double[] {0.3, -0.7}), 1e-15);
        Potential soft = new ExpressionPotential("-1/sqrt(x^2+y^2+0.01)", 2);
        assertEquals(-1 / Math.sqrt(0.25 + 0.01), soft.value(new double[] {0.3, 0.4}), 1e-15);
    }

    @Test
    void indexedVariablesAndRadiusWorkInAnyDimension() {
        Potential v = new ExpressionPotential("x1 + 2*x5 + r^2", 5);
        assertEquals(1 + 2 * 5 + 55, v.value(new double[] {1, 2, 3, 4, 5}), 1e-12);
        Potential sameAsBuiltin = new ExpressionPotential("0.5*(x^2+y^2+z^2)", 3);
        Potential builtin = HarmonicPotential.isotropic(3, 1);
        double[] p = {0.1, -1.2, 2.3};
        assertEquals(builtin.value(p), sameAsBuiltin.value(p), 1e-14);
    }

    @Test
    void composesBySumAndScale() {
        Potential v = new ExpressionPotential("x^2", 1).plus(new ExpressionPotential("cos(x)", 1)).times(2);
        assertEquals(2 * (4 + Math.cos(2)), v.value(new double[] {2}), 1e-14);
        assertThrows(IllegalArgumentException.class,
                () -> new ExpressionPotential("x", 1).plus(new ExpressionPotential("x", 2)));
    }

    @Test
    void unknownVariablePointsAtItsPosition() {
        var ex = assertThrows(IllegalArgumentException.class, () -> new ExpressionPotential("0.5*(x^2+q^2)", 2));
        assertTrue(ex.getMessage().startsWith("malformed potential expression '0.5*(x^2+q^2)' at position 10: unknown variable"),
                ex.getMessage());
        assertTrue(ex.getMessage().contains("'q'"), ex.getMessage());
        assertTrue(!ex.getMessage().contains("\n"), ex.getMessage()); // one line
        // z does not exist in 2D
        assertThrows(IllegalArgumentException.class, () -> new ExpressionPotential("x+z", 2));
    }

    @Test
    void unbalancedParenthesesAndDanglingOperatorsAreReported() {
        var open = assertThrows(IllegalArgumentException.class, () -> new ExpressionPotential("0.5*(x^2+y^2", 2));
        assertTrue(open.getMessage().contains("position 5: unclosed '('"), open.getMessage());
        // the caret goes to the '(' left open, not to the last '(' (which is closed)
        var nested = assertThrows(IllegalArgumentException.class, () -> new ExpressionPotential("sqrt(x^2+(y^2)", 2));
        assertTrue(nested.getMessage().contains("position 5: unclosed '('"), nested.getMessage());
        var close = assertThrows(IllegalArgumentException.class, () -> new ExpressionPotential("x^2)", 1));
        assertTrue(close.getMessage().contains("position 4: unmatched ')'"), close.getMessage());
        var dangling = assertThrows(IllegalArgumentException.class, () -> new ExpressionPotential("x^2+", 1));
        assertTrue(dangling.getMessage().startsWith("malformed potential expression"), dangling.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ExpressionPotential("  ", 1));
    }

    @Test
    void singularPointsEvaluateToNonFiniteValuesForTheCallerToReport() {
        Potential v = new ExpressionPotential("-1/sqrt(x^2+y^2)", 2);
        assertEquals(Double.NEGATIVE_INFINITY, v.value(new double[] {0, 0})); // IEEE division: -1/0 = -inf
        Potential log = new ExpressionPotential("log(x)", 1);
        assertTrue(Double.isNaN(log.value(new double[] {-1})));
    }
}
