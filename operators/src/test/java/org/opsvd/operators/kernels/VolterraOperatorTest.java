package org.opsvd.operators.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.function.DoubleUnaryOperator;
import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;
import org.junit.jupiter.api.Test;

class VolterraOperatorTest {

    private final VolterraOperator t = VolterraOperator.INSTANCE;
    private final SingularSystem s = t.exact().orElseThrow();
    private final GaussIntegratorFactory gauss = new GaussIntegratorFactory();

    /** ∫_lo^hi f by 40-point Gauss–Legendre (the integrands are smooth on the interval). */
    private double integrate(DoubleUnaryOperator f, double lo, double hi) {
        if (hi <= lo) {
            return 0;
        }
        GaussIntegrator rule = gauss.legendre(40, lo, hi);
        return rule.integrate(f::applyAsDouble);
    }

    @Test
    void singularValuesAreTwoOverOddMultiplesOfPi() {
        assertEquals(2 / Math.PI, s.singularValue(0), 1e-16);
        assertEquals(2 / (7 * Math.PI), s.singularValue(3), 1e-16);
        double[] v = s.singularValues(5);
        for (int k = 1; k < 5; k++) {
            assertEquals(true, v[k] < v[k - 1]);
        }
        assertFalse(t.selfAdjoint());
    }

    @Test
    void rightFunctionsMapToSigmaTimesLeftFunctionsAndBack() {
        // (T v_k)(x) = ∫_0^x k(x,y) v_k(y) dy = σ_k u_k(x); (T* u_k)(y) = ∫_y^1 u_k(x) dx = σ_k v_k(y); to 1e-13
        for (int k = 0; k < 8; k++) {
            final int kk = k;
            for (double x = 0; x <= 1.0001; x += 0.05) {
                final double xx = x;
                double tv = integrate(y -> t.kernel(new double[] {xx}, new double[] {y}) * s.right(kk, new double[] {y}),
                        0, x);
                assertEquals(s.singularValue(k) * s.left(k, new double[] {x}), tv, 1e-13, "T v_" + k + " at " + x);
                double tu = integrate(xp -> s.left(kk, new double[] {xp}), x, 1);
                assertEquals(s.singularValue(k) * s.right(k, new double[] {x}), tu, 1e-13, "T* u_" + k + " at " + x);
            }
        }
    }

    @Test
    void singularFunctionsAreOrthonormalInL2OfTheUnitInterval() {
        for (int m = 0; m < 8; m++) {
            for (int n = 0; n < 8; n++) {
                final int mm = m;
                final int nn = n;
                double uu = integrate(x -> s.left(mm, new double[] {x}) * s.left(nn, new double[] {x}), 0, 1);
                double vv = integrate(y -> s.right(mm, new double[] {y}) * s.right(nn, new double[] {y}), 0, 1);
                assertEquals(m == n ? 1 : 0, uu, 1e-13);
                assertEquals(m == n ? 1 : 0, vv, 1e-13);
            }
        }
    }
}
