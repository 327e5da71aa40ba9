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
 * The rule that centres a solve at its wanted states' mean: a displaced well in d ≥ 4 is found (the mean of
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
        assertFalse(StatesCentre.applies(formula("0.5*((x-2)^2+y^2+z^2)", 3)), "d ≤ 3: grids around the origin");
        assertFalse(StatesCentre.applies(OperatorCatalog.build(OperatorRequest.named("box", 5, 0.5))), "walls");
        assertTrue(StatesCentre.applies(OperatorCatalog.build(OperatorRequest.named("harmonic", 4, 0.5))));
    }
}
