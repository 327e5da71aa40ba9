package org.opsvd.solver.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Wall time of {@link SpectralMetrics#evaluate} for N = 10⁶ points and L = 16 functions (groups 1, 2, 3,
 * 4, 5, 1); printed, not asserted. Run with {@code mvn -Pslow -Dtest=MetricsTimingTest}.
 */
@Tag("slow")
class MetricsTimingTest {

    @Test
    void millionPointsSixteenFunctions() {
        int n = 1_000_000;
        int l = 16;
        Random rnd = new Random(5);
        DMatrixRMaj ref = new DMatrixRMaj(n, l);
        DMatrixRMaj learned = new DMatrixRMaj(n, l);
        for (int k = 0; k < n * l; k++) {
            ref.data[k] = rnd.nextGaussian();
            learned.data[k] = ref.data[k] + 1e-3 * rnd.nextGaussian();
        }
        double[] w = new double[n];
        Arrays.fill(w, 1.0 / n);
        SampledFunctions a = SampledFunctions.wrap(learned, w);
        SampledFunctions b = SampledFunctions.wrap(ref, w);
        double[] e = new double[l];
        Arrays.fill(e, 1);
        int[] starts = {0, 1, 3, 6, 10, 15};
        MetricReport m = null;
        for (int rep = 0; rep < 3; rep++) {
            long t0 = System.nanoTime();
            m = SpectralMetrics.evaluate(a, b, starts, e, e);
            System.out.printf("SpectralMetrics.evaluate N = 10^6, L = 16: %.3f s%n", (System.nanoTime() - t0) * 1e-9);
        }
        long t0 = System.nanoTime();
        a.gram();
        System.out.printf("SampledFunctions.gram N = 10^6, L = 16: %.3f s%n", (System.nanoTime() - t0) * 1e-9);
        t0 = System.nanoTime();
        WeightedProducts.gram(w, learned, ref);
        System.out.printf("joint Gram (32×32) pass: %.3f s%n", (System.nanoTime() - t0) * 1e-9);
        t0 = System.nanoTime();
        WeightedProducts.residualNorms(w, learned, org.ejml.dense.row.CommonOps_DDRM.identity(l), ref, e);
        System.out.printf("one residual pass: %.3f s%n", (System.nanoTime() - t0) * 1e-9);
        System.out.println("mean angle " + m.meanAngle() + ", subspace all " + m.subspaceDistanceAll());
        assertTrue(m.meanAngle() > 0 && m.meanAngle() < 1e-2);
    }
}
