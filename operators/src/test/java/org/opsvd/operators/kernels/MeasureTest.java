package org.opsvd.operators.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipparchus.random.Well19937c;
import org.junit.jupiter.api.Test;

class MeasureTest {

    @Test
    void uniformBoxSamplesInsideWithMeanAndVarianceOfTheBox() {
        Measure m = new Measure.UniformBox(2, -1, 3);
        int n = 200_000;
        double[] out = new double[2 * n];
        m.sample(new Well19937c(1), out, n);
        double mean = 0;
        double var = 0;
        for (double v : out) {
            assertTrue(v >= -1 && v <= 3);
            mean += v;
        }
        mean /= out.length;
        for (double v : out) {
            var += (v - mean) * (v - mean);
        }
        var /= out.length;
        // mean 1, variance 16/12; standard errors ≈ 0.002 and 0.003 for 4e5 values
        assertEquals(1, mean, 0.01);
        assertEquals(16.0 / 12, var, 0.015);
        assertEquals(1.0 / 16, m.density(new double[] {0, 2}), 1e-15);
        assertEquals(0, m.density(new double[] {0, 3.5}));
        assertEquals("U[-1.0,3.0]^2", m.describe());
    }

    @Test
    void gaussianSamplesHaveVarianceSigmaSquaredAndTheDensityIntegratesToOne() {
        Measure m = new Measure.Gaussian(3, 1.5);
        int n = 100_000;
        double[] out = new double[3 * n];
        m.sample(new Well19937c(2), out, n);
        double s2 = 0;
        for (double v : out) {
            s2 += v * v;
        }
        assertEquals(2.25, s2 / out.length, 0.03);   // standard error ≈ 0.006
        Measure one = new Measure.Gaussian(1, 1.5);
        double h = 0.01;
        double total = 0;
        for (double x = -15; x <= 15; x += h) {
            total += h * one.density(new double[] {x});
        }
        assertEquals(1, total, 1e-12);
        assertEquals(Math.pow(2 * Math.PI * 2.25, -1.5), m.density(new double[] {0, 0, 0}), 1e-15);
    }

    @Test
    void rejectsBadParametersWithClearMessages() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Measure.UniformBox(1, 2, 1))
                .getMessage().contains("lo < hi"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Measure.Gaussian(0, 1))
                .getMessage().contains("dimension must be at least 1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Measure.Gaussian(1, -1))
                .getMessage().contains("sigma must be positive"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Measure.Gaussian.standard(2).sample(new Well19937c(1), new double[3], 2))
                .getMessage().contains("need count·d"));
    }
}
