package org.opsvd.solver.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsvd.cli.Main;
import org.opsvd.operators.OperatorCatalog;
import org.opsvd.operators.OperatorRequest;
import org.opsvd.operators.io.NumericTable;
import org.opsvd.solver.eval.SampledFunctions;
import org.opsvd.solver.plot.RunData;
import org.opsvd.solver.plot.TensorGrid;

/**
 * A run evaluated by Monte Carlo in 2D or 3D (a Coulomb problem) still gets its eigenfunction gallery: the learned
 * functions on a plane, the very values {@code opsvd eval} gives there, and the exact ones beside them.
 */
class GalleryPlaneTest {

    @Test
    void aMonteCarloRunInTwoDimensionsIsDrawnOnAPlaneWithTheValuesOpsvdEvalGives(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("run");
        assertEquals(0, run("solve", "--operator", "hydrogen", "--dim", "2", "--L", "2", "--steps", "40", "--hidden",
                "8,8", "--batch", "64", "--eval-points", "4000", "--quiet", "--out", dir.toString()));
        RunData data = RunData.load(dir);
        assertNotNull(data.gallery(), "gallery functions read back");
        int m = GalleryPlane.POINTS_PER_AXIS * GalleryPlane.POINTS_PER_AXIS;
        assertEquals(m, data.gallery().size());
        assertTrue(TensorGrid.of(data.gallery().points(), m, 2).isPresent(), "the plane is a tensor grid");
        assertEquals(1, data.gallery().reference().numCols, "the exact 1s state (L = 2 splits the n = 2 shell)");
        assertTrue(Files.exists(dir.resolve("figures/eigenfunctions.png")), "the gallery is drawn");

        assertEquals(0, run("eval", dir.toString(), "--points", dir.resolve(GalleryPlane.POINTS).toString(),
                "--out", tmp.resolve("psi.npy").toString()));
        double[] evaluated = NumericTable.read(tmp.resolve("psi.npy"), "psi").values();
        assertArrayEquals(evaluated, data.gallery().learned().data, 1e-12, "opsvd eval at the gallery's points");
    }

    /**
     * r = 3 max rms: for ψ₀ = e^{−|x|²/2} and ψ₁ = x₁e^{−|x|²/2} in 2D, the rms of x₁ under ψ₁² is √(3/2), the widest,
     * so r = 3√1.5 = 3.674; sampled from N(0, 1) with weights 1/(Np) on 200 000 points (tolerance 2 %).
     */
    @Test
    void thePlaneSpansThreeRootMeanSquareWidthsOfTheWidestState() {
        int n = 200_000;
        double[] x = new double[2 * n];
        double[] w = new double[n];
        DMatrixRMaj psi = new DMatrixRMaj(n, 2);
        Random random = new Random(1);
        for (int i = 0; i < n; i++) {
            double a = random.nextGaussian();
            double b = random.nextGaussian();
            x[2 * i] = a;
            x[2 * i + 1] = b;
            double g = Math.exp(-(a * a + b * b) / 2);
            w[i] = 2 * Math.PI / g / n; // 1/(N p), p = e^{−|x|²/2}/(2π)
            psi.set(i, 0, g);
            psi.set(i, 1, a * g);
        }
        var problem = OperatorCatalog.build(OperatorRequest.named("harmonic", 2, 0.5));
        double r = GalleryPlane.halfWidth(problem, SampledFunctions.wrap(psi, w), x, 2);
        assertEquals(3 * Math.sqrt(1.5), r, 0.02 * 3 * Math.sqrt(1.5));
    }

    private static int run(String... args) {
        StringWriter out = new StringWriter();
        return Main.execute(args, new PrintWriter(out, true), new PrintWriter(out, true));
    }
}
