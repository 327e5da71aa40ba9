package org.opsvd.operators.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExpressionKernelTest {

    @Test
    void oneDimensionalFormulaMatchesTheBuiltInGaussianKernel() {
        Measure rho = new Measure.Gaussian(1, 1.3);
        ExpressionKernel k = new ExpressionKernel("exp(-(x-y)^2/(2*0.7^2))", rho);
        GaussianKernelOperator g = new GaussianKernelOperator(1, 0.7, 1.3);
        for (double x = -2; x <= 2; x += 0.4) {
            for (double y = -2; y <= 2; y += 0.3) {
                assertEquals(g.kernel(new double[] {x}, new double[] {y}), k.kernel(new double[] {x}, new double[] {y}),
                        1e-15);
            }
        }
        assertTrue(k.selfAdjoint());
        assertEquals("expression", k.name());
    }

    @Test
    void indexedVariablesAndTheDistanceInTwoDimensions() {
        Measure box = new Measure.UniformBox(2, -1, 1);
        ExpressionKernel radial = new ExpressionKernel("exp(-r^2)", box);
        ExpressionKernel indexed = new ExpressionKernel("exp(-((x1-y1)^2+(x2-y2)^2))", box);
        double[] x = {0.3, -0.4};
        double[] y = {-0.2, 0.5};
        assertEquals(Math.exp(-(0.25 + 0.81)), radial.kernel(x, y), 1e-15);
        assertEquals(radial.kernel(x, y), indexed.kernel(x, y), 1e-15);
        ExpressionKernel asym = new ExpressionKernel("x1*y2", box);
        assertEquals(0.3 * 0.5, asym.kernel(x, y), 1e-15);
        assertFalse(asym.selfAdjoint());
        ExpressionKernel mixed = new ExpressionKernel("x*y1+y2", Measure.UniformBox.unit(1), box);
        assertEquals(0.5 * -0.2 + 0.5, mixed.kernel(new double[] {0.5}, y), 1e-15);
        assertFalse(mixed.selfAdjoint());
        // defined on one side of the diagonal only: not symmetric (was: the probe skipped the NaN side)
        assertFalse(new ExpressionKernel("sqrt(x-y)", Measure.UniformBox.unit(1)).selfAdjoint());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new ExpressionKernel("exp(-r)", Measure.UniformBox.unit(1), box)).getMessage().contains("'r'"));
    }

    @Test
    void unknownVariablesAndMalformedFormulasPointAtThePosition() {
        Measure rho = Measure.Gaussian.standard(1);
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> new ExpressionKernel("exp(-(x-z)^2)", rho));
        assertTrue(unknown.getMessage().contains("unknown variable or function 'z'"), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("position 9"), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("variables: x1, y1, x, y, r"), unknown.getMessage());
        IllegalArgumentException unclosed = assertThrows(IllegalArgumentException.class,
                () -> new ExpressionKernel("exp(-(x-y)^2", rho));
        assertTrue(unclosed.getMessage().contains("position 4: unclosed '('"), unclosed.getMessage());
        assertTrue(!unclosed.getMessage().contains("\n"), unclosed.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ExpressionKernel("x-y)", rho))
                .getMessage().contains("position 4: unmatched ')'"));
        assertThrows(IllegalArgumentException.class, () -> new ExpressionKernel("x*", rho));
        assertThrows(IllegalArgumentException.class, () -> new ExpressionKernel(" ", rho));
    }

    @Test
    void nonFiniteValuesAreReportedWithThePoint() {
        ExpressionKernel k = new ExpressionKernel("log(x-y)", Measure.UniformBox.unit(1));
        double[] x = {0.25};
        double[] y = {0.5};
        double v = k.kernel(x, y);
        assertTrue(Double.isNaN(v));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KernelOperator.requireFinite(k, x, y, v));
        assertTrue(e.getMessage().contains("x = [0.25], y = [0.5]: NaN"), e.getMessage());
        assertEquals(Math.log(0.25), KernelOperator.requireFinite(k, y, x, k.kernel(y, x)), 1e-15);
    }
}
