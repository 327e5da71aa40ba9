package org.opsvd.operators.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipparchus.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.opsvd.operators.potentials.ExpressionPotential;

/** Euler–Maruyama for dX = −∇U dt + √(2/β) dW: the step itself, the saved frames, the law of the chain. */
class OverdampedLangevinTest {

    private static OverdampedLangevin dynamics(String energy, int d, double beta, double h) {
        return new OverdampedLangevin(new CentralDifferences(new ExpressionPotential(energy, d)), beta, h);
    }

    @Test
    void eachStepIsDriftPlusScaledGaussianNoise() {
        // U = x²/2 + 2y²: ∇U = (x, 4y); X₁ = X₀ − h∇U(X₀) + √(2h/β)ξ with ξ from the same seeded stream
        double h = 0.01;
        double beta = 2;
        double[] frames = dynamics("x^2/2+2*y^2", 2, beta, h).trajectory(new double[] {1, -0.5}, 2, 1,
                new Well19937c(42));
        Well19937c rng = new Well19937c(42);
        double s = Math.sqrt(2 * h / beta);
        double x1 = 1 - h * 1 + s * rng.nextGaussian();
        double y1 = -0.5 - h * 4 * -0.5 + s * rng.nextGaussian();
        double x2 = x1 - h * x1 + s * rng.nextGaussian();
        double y2 = y1 - h * 4 * y1 + s * rng.nextGaussian();
        assertArrayEquals(new double[] {1, -0.5, x1, y1, x2, y2}, frames, 1e-10);
    }

    @Test
    void savingEveryKthStepKeepsThoseFramesOfTheSameSeededPath() {
        OverdampedLangevin ou = dynamics("x^2/2", 1, 1, 0.01);
        double[] all = ou.trajectory(new double[] {0.3}, 20, 1, new Well19937c(7));
        double[] every5 = ou.trajectory(new double[] {0.3}, 20, 5, new Well19937c(7));
        assertEquals(5, every5.length);
        for (int i = 0; i < every5.length; i++) {
            assertEquals(all[5 * i], every5[i], 0, "frame " + i);
        }
        assertArrayEquals(every5, ou.trajectory(new double[] {0.3}, 20, 5, new Well19937c(7)), 0, "seeded");
    }

    @Test
    void ornsteinUhlenbeckChainHasItsStationaryVarianceAndAutocorrelation() {
        // x_{n+1} = (1−h)x_n + √(2h/β)ξ: stationary variance 1/(β(1 − h/2)), lag-m correlation (1 − h)^m.
        // T = 2·10⁴ time units: the standard errors are ≈ 1 % (variance) and 4e-3 (correlation at τ = 0.5).
        double h = 0.01;
        double beta = 2;
        double[] x = dynamics("x^2/2", 1, beta, h).trajectory(new double[] {0}, 2_000_000, 1, new Well19937c(3));
        int burn = 1000;
        int n = x.length - burn;
        double mean = 0;
        for (int i = burn; i < x.length; i++) mean += x[i] / n;
        double var = 0;
        for (int i = burn; i < x.length; i++) var += (x[i] - mean) * (x[i] - mean) / n;
        assertEquals(1 / (beta * (1 - h / 2)), var, 0.04 / beta);
        int m = 50;
        double cov = 0;
        for (int i = burn; i + m < x.length; i++) cov += (x[i] - mean) * (x[i + m] - mean) / (n - m);
        assertEquals(Math.pow(1 - h, m), cov / var, 0.015);
    }

    @Test
    void aStepTooLargeForTheEnergyIsNamed() {
        ArithmeticException e = assertThrows(ArithmeticException.class,
                () -> dynamics("x^4", 1, 1, 1).trajectory(new double[] {10}, 100, 1, new Well19937c(1)));
        assertTrue(e.getMessage().contains("--dt 1.0 is too large"), e.getMessage());
    }

    @Test
    void badParametersAreRefused() {
        var u = new CentralDifferences(new ExpressionPotential("x^2", 1));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new OverdampedLangevin(u, 1, 0))
                .getMessage().contains("--dt"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new OverdampedLangevin(u, -1, 0.1))
                .getMessage().contains("--beta"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new OverdampedLangevin(u, 1, 0.1)
                .trajectory(new double[] {0}, 10, 3, new Well19937c(1))).getMessage().contains("--save-every"));
    }

    @Test
    void centralDifferencesGiveTheGradientAndLaplacian() {
        // U = sin(x)·y² + x³: ∇U = (cos(x)y² + 3x², 2 sin(x) y), ΔU = −sin(x)y² + 6x + 2 sin(x)
        CentralDifferences u = new CentralDifferences(new ExpressionPotential("sin(x)*y^2+x^3", 2));
        double[] p = {0.7, -1.3};
        double[] g = new double[2];
        u.gradient(p, g);
        assertEquals(Math.cos(0.7) * 1.69 + 3 * 0.49, g[0], 1e-8);
        assertEquals(2 * Math.sin(0.7) * -1.3, g[1], 1e-8);
        assertEquals(-Math.sin(0.7) * 1.69 + 4.2 + 2 * Math.sin(0.7), u.laplacian(p), 1e-6);
        assertArrayEquals(new double[] {0.7, -1.3}, p, 0, "the point is left as it was");
    }
}
