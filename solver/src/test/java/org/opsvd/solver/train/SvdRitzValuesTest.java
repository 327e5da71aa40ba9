package org.opsvd.solver.train;

import org.opsvd.operators.kernels.SvdData;
import org.opsvd.operators.kernels.SvdProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Optional;
import org.ejml.data.DMatrixRMaj;
import org.hipparchus.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.opsvd.operators.kernels.GaussianDependence;
import org.opsvd.operators.kernels.KernelOperator;
import org.opsvd.operators.kernels.SingularSystem;
import org.opsvd.operators.kernels.VolterraOperator;
import org.opsvd.solver.eval.SampledFunctions;

/**
 * The evaluation's operator term ⟨f, Tg⟩ and its Ritz singular values, fed the exact singular functions
 * in a mixed basis: from the kernel on the quadratures (Volterra, the Gaussian dependence kernel) and
 * from evaluation pairs (Monte Carlo).
 */
class SvdRitzValuesTest {

    private static final int L = 4;

    /** Mode l of the sampled functions = u_{e(l)} + 0.3·u_{e(l+1)} (+ c for a constant offset). */
    private static SampledFunctions mixed(SingularSystem s, SvdProblem p, SvdQuadrature q, boolean left,
            double offset) {
        DMatrixRMaj v = new DMatrixRMaj(q.size(), L);
        double[] x = new double[1];
        for (int i = 0; i < q.size(); i++) {
            x[0] = q.points()[i];
            for (int l = 0; l < L; l++) {
                int a = p.exactIndex(l);
                double u0 = left ? s.left(a, x) : s.right(a, x);
                double u1 = l + 1 < L ? (left ? s.left(a + 1, x) : s.right(a + 1, x)) : 0;
                v.set(i, l, u0 + 0.3 * u1 + offset);
            }
        }
        return SampledFunctions.wrap(v, q.weights());
    }

    private static double maxRelativeError(double[] ritz, SingularSystem s, SvdProblem p) {
        double worst = 0;
        for (int l = 0; l < L; l++) worst = Math.max(worst, Math.abs(ritz[l] / s.singularValue(p.exactIndex(l)) - 1));
        return worst;
    }

    @Test
    void volterraKernelOnTheMidpointGridIsSecondOrderAccurate() {
        SvdProblem p = volterra();
        SingularSystem s = p.exact().orElseThrow();
        SvdQuadrature q = SvdQuadrature.of(p.left(), 1000, 0);
        double[] ritz = SvdSolver.ritzValues(p, q, q, mixed(s, p, q, true, 0), mixed(s, p, q, false, 0));
        // h = 1e-3 with k(x,x) = ½: measured 1.0e-5, second order (h²ω²/24 ≈ 8e-6 at the highest
        // frequency ω = 9π/2); k(x,x) = 1 would add a first-order error of order h
        assertEquals(0, maxRelativeError(ritz, s, p), 3e-5);
    }

    @Test
    void dependenceKernelWithAConstantModeIgnoresConstantOffsets() {
        GaussianDependence k = new GaussianDependence(0.6);
        SvdProblem p = new SvdProblem("gaussian-cdk", new SvdData.Paired(k::samplePairs, 1, 1, "cdk"), k.left(),
                k.right(), k.exact(), true).withKernel(k);
        SingularSystem s = k.exact().orElseThrow();
        SvdQuadrature q = SvdQuadrature.of(k.left(), 800, 0);
        double[] ritz = SvdSolver.ritzValues(p, q, q, mixed(s, p, q, true, 0.5), mixed(s, p, q, false, -0.2));
        // σ = 0.6, 0.36, 0.216, 0.1296 exactly up to the quadrature's error; measured 1.8e-15
        assertEquals(0, maxRelativeError(ritz, s, p), 1e-10);
    }

    @Test
    void evaluationPairsGiveAMonteCarloOperatorTerm() {
        GaussianDependence k = new GaussianDependence(0.6);
        int n = 200_000;
        double[] x = new double[n];
        double[] y = new double[n];
        k.samplePairs(new Well19937c(3), x, y, n);
        SvdProblem p = new SvdProblem("pairs", new SvdData.Paired(k::samplePairs, 1, 1, "cdk"), k.left(),
                k.right(), k.exact(), true, new SvdProblem.Samples(x, y), null, null);
        SingularSystem s = k.exact().orElseThrow();
        SvdQuadrature qx = SvdQuadrature.empirical(x, 1);
        SvdQuadrature qy = SvdQuadrature.empirical(y, 1);
        double[] ritz = SvdSolver.ritzValues(p, qx, qy, mixed(s, p, qx, true, 0), mixed(s, p, qy, false, 0));
        // M_ij is a mean of N products u_i(x)v_j(y) whose variance grows fast with the Hermite degree
        // (E[u_k⁴] ~ 3^k): measured relative errors 3.3e-3, 8.3e-3, 4.5e-2, 0.16 at N = 2·10⁵
        for (int l = 0; l < L; l++) {
            assertEquals(s.singularValue(p.exactIndex(l)), ritz[l], s.singularValue(p.exactIndex(l)) * (l < 2 ? 0.02 : 0.3),
                    "mode " + l);
        }
        // the same samples with y shuffled against x: independent, so T = 0 on mean-zero functions
        int[] order = org.hipparchus.util.MathArrays.natural(n);
        org.hipparchus.util.MathArrays.shuffle(order, new Well19937c(4));
        double[] shuffled = new double[n];
        for (int i = 0; i < n; i++) shuffled[i] = y[order[i]];
        SvdQuadrature qs = SvdQuadrature.empirical(shuffled, 1);
        double[] none = SvdSolver.ritzValues(new SvdProblem("pairs", p.data(), p.left(), p.right(), p.exact(), true,
                new SvdProblem.Samples(x, shuffled), null, null), qx, qs, mixed(s, p, qx, true, 0), mixed(s, p, qs, false, 0));
        assertEquals(0, none[0], 0.05, "shuffled pairs");
    }

    @Test
    void degenerateFunctionsGiveNoRitzValuesInsteadOfAnError() {
        SvdProblem p = volterra();
        SingularSystem s = p.exact().orElseThrow();
        SvdQuadrature q = SvdQuadrature.of(p.left(), 100, 0);
        SampledFunctions f = mixed(s, p, q, true, 0);
        DMatrixRMaj huge = f.valuesCopy();
        huge.set(3, 1, 1e200); // a diverged network: finite values whose Gram overflows
        assertNull(SvdSolver.ritzValues(p, q, q, SampledFunctions.wrap(huge, q.weights()), mixed(s, p, q, false, 0)));
        DMatrixRMaj twice = f.valuesCopy();
        for (int i = 0; i < q.size(); i++) twice.set(i, 1, twice.get(i, 0)); // linearly dependent
        assertNull(SvdSolver.ritzValues(p, q, q, SampledFunctions.wrap(twice, q.weights()), mixed(s, p, q, false, 0)));
    }

    @Test
    void withoutKernelOrPairsThereIsNoOperatorTerm() {
        GaussianDependence k = new GaussianDependence(0.6);
        SvdProblem p = new SvdProblem("gaussian-cdk", new SvdData.Paired(k::samplePairs, 1, 1, "cdk"), k.left(),
                k.right(), k.exact(), true);
        SvdQuadrature q = SvdQuadrature.of(k.left(), 100, 0);
        SingularSystem s = k.exact().orElseThrow();
        assertNull(SvdSolver.ritzValues(p, q, q, mixed(s, p, q, true, 0), mixed(s, p, q, false, 0)));
        assertEquals(Optional.empty(), Optional.ofNullable(p.kernel()));
    }

    /** The Volterra operator with its closed-form kernel and exact singular system. */
    private static SvdProblem volterra() {
        KernelOperator k = VolterraOperator.INSTANCE;
        return new SvdProblem("volterra", new SvdData.Kernel(k, true), k.left(), k.right(), k.exact(), false);
    }
}
