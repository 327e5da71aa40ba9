package org.opsvd.operators.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    /** Latin hypercube: every coordinate puts exactly one point in each of the n equal-probability strata. */
    @Test
    void stratifiedSamplesHitEveryStratumOnce() {
        int n = 500;
        Measure g = new Measure.Gaussian(2, 1.5);
        double[] x = new double[2 * n];
        g.sampleStratified(new Well19937c(3), x, n);
        for (int j = 0; j < 2; j++) {
            boolean[] hit = new boolean[n];
            for (int i = 0; i < n; i++) {
                // stratum of x through the Gaussian CDF
                double u = 0.5 * org.hipparchus.special.Erf.erfc(-x[2 * i + j] / (1.5 * Math.sqrt(2)));
                int s = (int) Math.floor(u * n);
                assertFalse(hit[s], "stratum " + s + " hit twice on axis " + j);
                hit[s] = true;
            }
        }
        assertEquals(0.5, new Measure.UniformBox(1, 0, 1).quantile(0.5), 1e-15);
        assertEquals(0.0, g.quantile(0.5), 1e-12);
        assertEquals(1.5 * 1.959963984540054, g.quantile(0.975), 1e-9);
    }

    /** Stratified means of a smooth function are far more accurate than i.i.d. ones (same n, same seeds). */
    @Test
    void stratifiedMeansBeatIndependentOnes() {
        Measure u = Measure.UniformBox.unit(1);
        int n = 256;
        double strat = 0;
        double iid = 0;
        for (int rep = 0; rep < 50; rep++) {
            double[] a = new double[n];
            double[] b = new double[n];
            u.sampleStratified(new Well19937c(rep), a, n);
            u.sample(new Well19937c(rep), b, n);
            double ma = 0;
            double mb = 0;
            for (int i = 0; i < n; i++) {
                ma += Math.sin(3 * a[i]) / n;
                mb += Math.sin(3 * b[i]) / n;
            }
            double exact = (1 - Math.cos(3)) / 3;
            strat += (ma - exact) * (ma - exact);
            iid += (mb - exact) * (mb - exact);
        }
        // variance ratio ~ n² for smooth 1D integrands; demand at least 100×
        assertTrue(iid / strat > 100, "i.i.d./stratified mean-square error ratio " + iid / strat);
    }
}
