package org.opsvd.solver.classical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opsvd.operators.kernels.ExpressionKernel;
import org.opsvd.operators.kernels.GaussianKernelOperator;
import org.opsvd.operators.kernels.Measure;
import org.opsvd.operators.kernels.SingularSystem;
import org.opsvd.operators.kernels.VolterraOperator;

/**
 * The SVD-form Nyström on the Volterra operator (σ_k = 2/((2k+1)π), u_k = √2·sin((2k+1)πx/2),
 * v_k = √2·cos((2k+1)πy/2) on U[0,1]) and on the Gaussian kernel (Mehler eigenvalues).
 *
 * <p>Sampling error: to first order σ̂_k − σ_k = (σ_k/2)·[(1/n)Σ_i (u_k(x_i)² − 1) + (1/m)Σ_j (v_k(y_j)² − 1)]
 * (the bilinear form ûᵀKv̂ is unbiased and the normalisation of û, v̂ contributes the rest), a Monte-Carlo
 * mean with standard error SE_k = (σ_k/2)·√(Var(u_k²)/n + Var(v_k²)/m). For Volterra u_k² = 1 − cos((2k+1)πx)
 * and Var(u_k²) = Var(v_k²) = 1/2 for every k, so SE_k/σ_k = (1/2)·√(1/(2n) + 1/(2m)); at n = m = 1000 that is
 * 1.6 %, and the relative errors measured for seeds 1–4 (n = m = 1000, k = 0..7) were all within 2.4·SE.
 */
class NystromSvdTest {

    private static final VolterraOperator VOLTERRA = VolterraOperator.INSTANCE;
    private static final SingularSystem EXACT = VOLTERRA.exact().orElseThrow();
    private static final int N = 1000;
    private static final int M = 700;
    private static NystromSvd.Result result;

    @BeforeAll
    static void solveOnce() {
        result = NystromSvd.solve(VOLTERRA, N, M, 8, 42);
        System.out.printf("Nystrom SVD volterra n=%d m=%d L=8: %.2f s, %d bytes%n", N, M, result.seconds(),
                result.memoryBytes());
    }

    @Test
    void volterraSingularValuesWithinFourStandardErrors() {
        assertEquals((long) N * M * 8, result.memoryBytes());
        assertEquals(N, result.leftSampleSize());
        assertEquals(M, result.rightSampleSize());
        double seRelative = 0.5 * Math.sqrt(0.5 / N + 0.5 / M); // 1.72e-2
        for (int k = 0; k < 8; k++) {
            double exact = EXACT.singularValue(k);
            double rel = Math.abs(result.singularValues()[k] - exact) / exact;
            System.out.printf("sigma_%d nystrom-svd %.6f exact %.6f rel %.2e err/SE %.2f%n", k,
                    result.singularValues()[k], exact, rel, rel / seRelative);
            assertTrue(rel <= 4 * seRelative, "k=" + k + " relative error " + rel + " > 4 SE = " + 4 * seRelative);
        }
    }

    @Test
    void volterraExtendedFunctionsAgreeWithTheExactOnesUpToSign() {
        // |<û_k, u_k>| / ‖û_k‖ in L²(U[0,1]) by the trapezoid rule, h = 1e-3; likewise for v̂_k. The error of a
        // singular function grows as the gap σ_k − σ_{k+1} ~ 1/(πk²) shrinks: measured (seed 42) 1 − |cos| =
        // 1.0e-4, 5.6e-4, 2.2e-3, 8.9e-3, 1.1e-2 (left) and 3.1e-5, 1.9e-4, 2.8e-3, 8.7e-3, 1.0e-2 (right), k = 0..4
        int g = 1001;
        double[] grid = new double[g];
        double[] w = new double[g];
        for (int j = 0; j < g; j++) {
            grid[j] = j / (g - 1.0);
            w[j] = (j == 0 || j == g - 1 ? 0.5 : 1) / (g - 1.0);
        }
        double[] uHat = result.evaluateLeft(grid, g);
        double[] vHat = result.evaluateRight(grid, g);
        double[] minCos = {0.998, 0.995, 0.99, 0.98};
        for (int k = 0; k < minCos.length; k++) {
            double du = 0, nu = 0, dv = 0, nv = 0;
            for (int j = 0; j < g; j++) {
                double[] p = {grid[j]};
                du += w[j] * uHat[j * 8 + k] * EXACT.left(k, p);
                nu += w[j] * uHat[j * 8 + k] * uHat[j * 8 + k];
                dv += w[j] * vHat[j * 8 + k] * EXACT.right(k, p);
                nv += w[j] * vHat[j * 8 + k] * vHat[j * 8 + k];
            }
            double cosU = Math.abs(du) / Math.sqrt(nu);
            double cosV = Math.abs(dv) / Math.sqrt(nv);
            System.out.printf("u_%d |cos| %.6f norm %.4f   v_%d |cos| %.6f norm %.4f%n", k, cosU, Math.sqrt(nu), k,
                    cosV, Math.sqrt(nv));
            assertTrue(cosU >= minCos[k], "k=" + k + " left |cos| = " + cosU + " < " + minCos[k]);
            assertTrue(cosV >= minCos[k], "k=" + k + " right |cos| = " + cosV + " < " + minCos[k]);
            assertEquals(1, Math.sqrt(nu), 0.05, "k=" + k + " left L2 norm");
            assertEquals(1, Math.sqrt(nv), 0.05, "k=" + k + " right L2 norm");
            // one sign convention for the pair: <û_k, u_k> and <v̂_k, v_k> agree in sign, as T v = σ u demands
            assertTrue(du * dv > 0, "k=" + k + " left and right signs differ");
        }
        assertEquals(uHat[3 * 8 + 2], result.left(2, new double[] {grid[3]}), 1e-12);
        assertEquals(vHat[5 * 8 + 4], result.right(4, new double[] {grid[5]}), 1e-12);
    }

    @Test
    void extensionsInterpolateAnEmpiricallyOrthonormalSystem() {
        // (1/n) Σ_i û_k(x_i) û_l(x_i) = δ_kl and (1/m) Σ_j v̂_k(y_j) v̂_l(y_j) = δ_kl up to rounding
        double[] u = result.evaluateLeft(result.leftPoints(), N);
        double[] v = result.evaluateRight(result.rightPoints(), M);
        for (int k = 0; k < 8; k++) {
            for (int l = 0; l < 8; l++) {
                double gu = 0;
                for (int i = 0; i < N; i++) gu += u[i * 8 + k] * u[i * 8 + l] / N;
                double gv = 0;
                for (int j = 0; j < M; j++) gv += v[j * 8 + k] * v[j * 8 + l] / M;
                assertEquals(k == l ? 1 : 0, gu, 1e-9, "left Gram (" + k + "," + l + ")");
                assertEquals(k == l ? 1 : 0, gv, 1e-9, "right Gram (" + k + "," + l + ")");
            }
        }
    }

    /**
     * On the self-adjoint PSD Gaussian kernel σ_k = λ_k (Mehler) and u_k = v_k = φ_k, so
     * SE_k = (λ_k/2)·sd_ρ(φ_k²)·√(1/n + 1/m) (sd by quadrature); the test allows 4·SE_k and a fixed 8 % relative.
     */
    @Test
    void gaussianKernelSingularValuesMatchMehler() {
        GaussianKernelOperator op = new GaussianKernelOperator(1, 0.7, 1.3);
        SingularSystem exact = op.exact().orElseThrow();
        int n = 800;
        int m = 600;
        NystromSvd.Result r = NystromSvd.solve(op, n, m, 6, 7);
        double h = 0.01;
        for (int k = 0; k < 6; k++) {
            double m4 = 0;
            for (double x = -12 * 1.3; x <= 12 * 1.3; x += h) {
                double f = exact.left(k, new double[] {x});
                m4 += h * op.left().density(new double[] {x}) * f * f * f * f;
            }
            double lambda = exact.singularValue(k);
            double se = 0.5 * lambda * Math.sqrt(m4 - 1) * Math.sqrt(1.0 / n + 1.0 / m);
            double err = Math.abs(r.singularValues()[k] - lambda);
            System.out.printf("gauss sigma_%d nystrom-svd %.6f exact %.6f rel %.2e err/SE %.2f%n", k,
                    r.singularValues()[k], lambda, err / lambda, err / se);
            assertTrue(err <= 4 * se, "k=" + k + " error " + err + " > 4 SE = " + 4 * se);
            assertTrue(err <= 0.08 * lambda, "k=" + k + " relative error " + err / lambda);
        }
    }

    @Test
    void badInputIsRefusedWithTheReason() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NystromSvd.solve(VOLTERRA, 10, 6, 7, 1))
                .getMessage().contains("1 <= L <= min(n, m) = 6, got 7"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NystromSvd.solve(VOLTERRA, 0, 6, 1, 1))
                .getMessage().contains("must be positive"));
        ExpressionKernel complexRoot = new ExpressionKernel("sqrt(x-y)", new Measure.UniformBox(1, 0, 1));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NystromSvd.solve(complexRoot, 5, 5, 1, 1))
                .getMessage().contains("not finite"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> result.left(8, new double[] {0.5}))
                .getMessage().contains("mode 8 outside 0..7"));
    }
}
