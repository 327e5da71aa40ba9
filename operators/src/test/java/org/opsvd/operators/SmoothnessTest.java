package org.opsvd.operators;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opsvd.operators.potentials.CoulombPotential;
import org.opsvd.operators.potentials.ExpressionPotential;
import org.opsvd.operators.potentials.HarmonicPotential;
import org.opsvd.operators.potentials.TwoCentreCoulombPotential;

class SmoothnessTest {

    private static boolean smooth(String formula, int d) {
        return Smoothness.of(new ExpressionPotential(formula, d)).smooth();
    }

    @Test
    void polynomialsAndEntireFunctionsOfTheCoordinatesAreSmooth() {
        assertTrue(smooth("0.5*(x^2+y^2)+0.1*x^2*y^2", 2));
        assertTrue(smooth("0.5*r^2 + exp(-(x-1)^2/2) - 2*cos(pi*y)*sin(z)", 3));
        assertTrue(smooth("x1^4/4 - x1^2 + tanh(x2)", 2));
        assertTrue(smooth("2^x + 3*x/2", 1));
        assertTrue(Smoothness.of(HarmonicPotential.isotropic(3, 1.0)).smooth());
        assertTrue(Smoothness.of(HarmonicPotential.isotropic(2, 1.0).plus(new ExpressionPotential("x*y", 2))).smooth());
    }

    @Test
    void kinksWallsAndSingularitiesAreNotKnownSmooth() {
        assertFalse(smooth("abs(x)", 1));
        assertFalse(smooth("-1/sqrt(x^2+y^2+0.01)", 2)); // analytic in fact, but not provably so from its tokens
        assertFalse(smooth("1/(1+x^2)", 1));
        assertFalse(smooth("0.5*r", 2));
        assertFalse(smooth("r^3", 3));
        assertFalse(smooth("x^0.5", 1));
        assertFalse(smooth("log(x^2+1)", 1));
        assertFalse(smooth("x % 2", 1));
        assertFalse(Smoothness.of(new CoulombPotential(1, 2)).smooth());
        assertFalse(Smoothness.of(new TwoCentreCoulombPotential(1, 2, 3)).smooth());
    }
}
