package org.opsvd.operators.dynamics;

import java.util.Arrays;
import org.hipparchus.random.RandomGenerator;
import org.opsvd.operators.SmoothPotential;

/**
 * Overdamped Langevin dynamics dX = −∇U(X)dt + √(2/β)dW in R^d, integrated by Euler–Maruyama,
 * <pre>  X_{n+1} = X_n − h∇U(X_n) + √(2h/β)·ξ_n,   ξ_n ~ N(0, I_d),</pre>
 * in float64. Its invariant law is μ ∝ e^{−βU} up to an O(h) bias, and its generator is
 * {@link org.opsvd.operators.LangevinGenerator} (eigenvalues ν_k ≤ 0; the transfer operator over a lag τ has
 * singular values e^{ν_k τ}).
 *
 * @param energy   U with its gradient (analytic or by finite differences, {@link SmoothPotential#of})
 * @param beta     inverse temperature β &gt; 0
 * @param timeStep Euler–Maruyama step h &gt; 0 (time units of U)
 */
public record OverdampedLangevin(SmoothPotential energy, double beta, double timeStep) {

    public OverdampedLangevin {
        if (energy == null) {
            throw new IllegalArgumentException("overdamped Langevin dynamics needs a potential energy U");
        }
        if (!(beta > 0) || !Double.isFinite(beta)) {
            throw new IllegalArgumentException("--beta must be positive and finite, got " + beta);
        }
        if (!(timeStep > 0) || !Double.isFinite(timeStep)) {
            throw new IllegalArgumentException("--dt must be positive and finite, got " + timeStep);
        }
    }

    /** d. */
    public int dimension() {
        return energy.dimension();
    }

    /**
     * One trajectory of {@code steps} steps from {@code start}, keeping every {@code saveEvery}-th state:
     * frames X_0, X_k, X_{2k}, … row-major [steps/k + 1, d] (frame interval k·h).
     *
     * @throws ArithmeticException when a state stops being finite (the step is too large for U), naming the step
     */
    public double[] trajectory(double[] start, long steps, int saveEvery, RandomGenerator rng) {
        int d = dimension();
        if (start.length != d) {
            throw new IllegalArgumentException("--start has " + start.length + " values; the dimension is " + d);
        }
        if (steps < 1 || saveEvery < 1 || steps % saveEvery != 0) {
            throw new IllegalArgumentException("--steps " + steps + " must be a positive multiple of --save-every "
                    + saveEvery);
        }
        long frames = steps / saveEvery + 1;
        double[] out = new double[Math.toIntExact(frames * d)];
        double[] x = start.clone();
        double[] gradient = new double[d];
        double noise = Math.sqrt(2 * timeStep / beta);
        System.arraycopy(x, 0, out, 0, d);
        for (long n = 1; n <= steps; n++) {
            energy.gradient(x, gradient);
            for (int j = 0; j < d; j++) {
                x[j] += -timeStep * gradient[j] + noise * rng.nextGaussian();
            }
            for (int j = 0; j < d; j++) {
                if (!Double.isFinite(x[j])) {
                    throw new ArithmeticException("the trajectory left every finite value at step " + n + " (x = "
                            + Arrays.toString(x) + "): --dt " + timeStep + " is too large for this energy");
                }
            }
            if (n % saveEvery == 0) {
                System.arraycopy(x, 0, out, (int) (n / saveEvery) * d, d);
            }
        }
        return out;
    }
}
