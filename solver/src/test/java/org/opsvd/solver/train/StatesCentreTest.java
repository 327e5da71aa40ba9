package org.opsvd.solver.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opsvd.operators.OperatorCatalog;
import org.opsvd.operators.OperatorRequest;
import org.opsvd.operators.Problem;

/**
 * The rule that centres a solve at its wanted states' mean: a displaced well is found in any d (the mean of
 * e^{−|x − a|²/2} is a), a centred one, a symmetric double well and the problems the rule leaves alone keep the origin.
 */
class StatesCentreTest {

    private static Problem formula(String v, int d) {
        return OperatorCatalog.build(OperatorRequest.formula(v, d, 0.5));
    }

    @Test
    void aDisplacedWellInFiveDimensionsIsCentredAtItsMinimum() {
        // ½((x1 − 2)² + (x2 + 1)² + x3² + x4² + x5²): ground state centred at a = (2, −1, 0, 0, 0), std 1/√2 per axis
        StatesCentre c = StatesCentre.of(formula("0.5*((x1-2)^2+(x2+1)^2+x3^2+x4^2+x5^2)", 5), 14, 6, 0);
        double[] a = {2, -1, 0, 0, 0};
        assertNotNull(c.centre(), c.reason());
        for (int j = 0; j < 5; j++) assertEquals(a[j], c.centre()[j], 0.05, "axis " + j + ": " + c.reason());
        assertTrue(c.iterations() > 1 && c.iterations() <= StatesCentre.MAX_ITERATIONS, c.reason());
        // the states of the chosen frame put the ground state at y = 0
        for (int j = 0; j < 5; j++) assertEquals(0, c.states().axisMean(0, j), 0.05);
        assertEquals(2.5, c.states().levels()[0], 0.05, "E0 = d/2 in the centred frame");
    }

    @Test
    void aCentredWellAndProblemsTheRuleDoesNotCoverKeepTheOrigin() {
        StatesCentre centred = StatesCentre.of(formula("0.5*(x1^2+x2^2+x3^2+x4^2+2*x5^2)", 5), 14, 6, 0);
        assertNull(centred.centre(), centred.reason());
        // a symmetric double well: the two lowest states' densities sum to a symmetric one, whatever their mixture
        StatesCentre twoWells = StatesCentre.of(formula("0.25*(x1^2-4)^2+0.5*(x2^2+x3^2+x4^2+x5^2)", 5), 14, 6, 0);
        assertNull(twoWells.centre(), twoWells.reason());
        assertFalse(StatesCentre.applies(OperatorCatalog.build(OperatorRequest.named("box", 5, 0.5))), "walls");
        assertFalse(StatesCentre.applies(OperatorCatalog.build(OperatorRequest.named("cosine", 2, 0.5))), "torus");
        assertFalse(StatesCentre.applies(OperatorCatalog.build(OperatorRequest.named("hydrogen", 3, 0.5))), "Coulomb");
        assertTrue(StatesCentre.applies(OperatorCatalog.build(OperatorRequest.named("harmonic", 4, 0.5))));
        for (int d = 1; d <= 3; d++) { // symmetric problems in d ≤ 3 (tensor quadratures: their mean is 0 to rounding)
            StatesCentre harmonic = StatesCentre.of(OperatorCatalog.build(OperatorRequest.named("harmonic", d, 0.5)),
                14, 10, 0);
            assertNull(harmonic.centre(), d + "-D: " + harmonic.reason());
        }
        StatesCentre quartic = StatesCentre.of(formula("0.5*(x^2+y^2)+0.1*x^2*y^2", 2), 14, 6, 0);
        assertNull(quartic.centre(), quartic.reason());
    }

    @Test
    void aDisplacedAnisotropicWellInTwoDimensionsIsCentredAtItsMinimum() {
        // ½((x − 4)² + 2(y + 3)²): ground state at (4, −3); around the origin its six lowest states learned to 4.1e-3
        StatesCentre c = StatesCentre.of(formula("0.5*((x-4)^2+2*(y+3)^2)", 2), 14, 6, 0);
        assertNotNull(c.centre(), c.reason());
        assertEquals(4, c.centre()[0], 0.05, c.reason());
        assertEquals(-3, c.centre()[1], 0.05, c.reason());
        assertEquals(1.2071068, c.states().levels()[0], 1e-4, "E0 = (1 + √2)/2 in the centred frame");
    }
}
