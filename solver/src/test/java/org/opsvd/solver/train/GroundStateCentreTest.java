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
 * The rule that centres a solve at its ground state's mean: a displaced well in d ≥ 4 is found (the mean of
 * e^{−|x − a|²/2} is a), a centred one and the problems the rule leaves alone keep the origin.
 */
class GroundStateCentreTest {

    private static Problem formula(String v, int d) {
        return OperatorCatalog.build(OperatorRequest.formula(v, d, 0.5));
    }

    @Test
    void aDisplacedWellInFiveDimensionsIsCentredAtItsMinimum() {
        // ½((x1 − 2)² + (x2 + 1)² + x3² + x4² + x5²): ground state centred at a = (2, −1, 0, 0, 0), std 1/√2 per axis
        GroundStateCentre c = GroundStateCentre.of(formula("0.5*((x1-2)^2+(x2+1)^2+x3^2+x4^2+x5^2)", 5), 14, 0);
        double[] a = {2, -1, 0, 0, 0};
        assertNotNull(c.centre(), c.reason());
        for (int j = 0; j < 5; j++) assertEquals(a[j], c.centre()[j], 0.05, "axis " + j + ": " + c.reason());
        assertTrue(c.iterations() > 1 && c.iterations() <= GroundStateCentre.MAX_ITERATIONS, c.reason());
        // the states of the chosen frame put the ground state at y = 0
        for (int j = 0; j < 5; j++) assertEquals(0, c.states().axisMean(0, j), 0.05);
        assertEquals(2.5, c.states().levels()[0], 0.05, "E0 = d/2 in the centred frame");
    }

    @Test
    void aCentredWellAndProblemsTheRuleDoesNotCoverKeepTheOrigin() {
        GroundStateCentre centred = GroundStateCentre.of(formula("0.5*(x1^2+x2^2+x3^2+x4^2+2*x5^2)", 5), 14, 0);
        assertNull(centred.centre(), centred.reason());
        assertFalse(GroundStateCentre.applies(formula("0.5*((x-2)^2+y^2+z^2)", 3)), "d ≤ 3: grids around the origin");
        assertFalse(GroundStateCentre.applies(OperatorCatalog.build(OperatorRequest.named("box", 5, 0.5))), "walls");
        assertTrue(GroundStateCentre.applies(OperatorCatalog.build(OperatorRequest.named("harmonic", 4, 0.5))));
    }
}
