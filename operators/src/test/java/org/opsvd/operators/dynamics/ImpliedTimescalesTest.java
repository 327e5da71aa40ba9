package org.opsvd.operators.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** t_k = −τ/ln σ_k: relaxation rates back from singular values, undefined outside (0, 1). */
class ImpliedTimescalesTest {

    @Test
    void singularValuesOfRatesGiveTheirInverseAtAnyLag() {
        for (double lag : new double[] {0.1, 0.5, 2}) {
            double[] t = ImpliedTimescales.of(new double[] {Math.exp(-lag / 2.5), Math.exp(-lag * 1.3)}, lag);
            assertEquals(2.5, t[0], 1e-12);
            assertEquals(1 / 1.3, t[1], 1e-12);
        }
    }

    @Test
    void noDecayOrNoCorrelationHasNoTimescale() {
        double[] t = ImpliedTimescales.of(new double[] {1, 1.01, 0, -0.2}, 0.5);
        for (double v : t) assertTrue(Double.isNaN(v), java.util.Arrays.toString(t));
        assertThrows(IllegalArgumentException.class, () -> ImpliedTimescales.of(new double[] {0.5}, 0));
    }
}
