package org.opsvd.solver.eval;

import org.opsvd.operators.kernels.ClassPairs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link ClassPairs}: determinism, the CDK structure, and retrieval with its oracle embeddings. */
class RetrievalClassPairsTest {

    @Test
    void drawsAreDeterministicAndPaired() {
        ClassPairs a = new ClassPairs(6, 4, 3, 0.3, true, 5);
        ClassPairs b = new ClassPairs(6, 4, 3, 0.3, true, 5);
        ClassPairs.Pairs pa = a.pairs(50, 9);
        ClassPairs.Pairs pb = b.pairs(50, 9);
        assertArrayEquals(pa.x(), pb.x(), 0);
        assertArrayEquals(pa.y(), pb.y(), 0);
        assertArrayEquals(pa.labels(), pb.labels());
        assertEquals(50, pa.size());
        assertEquals(50 * 4, pa.x().length);
        assertEquals(50 * 3, pa.y().length);
        assertEquals(6, a.classes());
        assertEquals(4, a.dx());
        assertEquals(3, a.dy());
        assertEquals(0.3, a.noise());
        assertEquals(5, a.seed());
        assertTrue(a.mixed());
        // Same seed, unmixed: same μ, different y-centres.
        ClassPairs plain = new ClassPairs(6, 4, 3, 0.3, 5);
        assertArrayEquals(a.xCentre(2), plain.xCentre(2), 0);
        assertTrue(a.yCentre(2)[0] != plain.yCentre(2)[0]);
        assertThrows(IllegalArgumentException.class, () -> new ClassPairs(3, 2, 2, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new ClassPairs(0, 2, 2, 1, 1));
    }

    @Test
    void classMeansMatchCentresAndKernelHasUnitMeanUnderProduct() {
        // Per-class means of 4000 draws (≈ 1000 a class, σ = 0.5) are within 5·σ/√1000 ≈ 0.08 of the centres.
        // E_{p(x)p(y)}[k] = 1 exactly, E_{p(x,y)}[k] = E[C·Σ P(c|x)P(c|y)] > 1 with separated classes.
        ClassPairs cp = new ClassPairs(4, 3, 2, 0.5, true, 21);
        ClassPairs.Pairs p = cp.pairs(4000, 3);
        double[] x = p.x();
        double[] y = p.y();
        int[] lab = p.labels();
        double[][] mean = new double[4][3];
        int[] count = new int[4];
        for (int i = 0; i < lab.length; i++) {
            count[lab[i]]++;
            for (int j = 0; j < 3; j++) {
                mean[lab[i]][j] += x[i * 3 + j];
            }
        }
        for (int c = 0; c < 4; c++) {
            assertTrue(count[c] > 850 && count[c] < 1150, "class count " + count[c]);
            for (int j = 0; j < 3; j++) {
                assertEquals(cp.xCentre(c)[j], mean[c][j] / count[c], 0.08);
            }
        }
        double joint = 0;
        double product = 0;
        int n = lab.length;
        for (int i = 0; i < n; i++) {
            double[] xi = java.util.Arrays.copyOfRange(x, i * 3, i * 3 + 3);
            joint += cp.kernel(xi, java.util.Arrays.copyOfRange(y, i * 2, i * 2 + 2));
            int o = (i + 1) % n; // a y from another, independent pair
            product += cp.kernel(xi, java.util.Arrays.copyOfRange(y, o * 2, o * 2 + 2));
        }
        assertEquals(1.0, product / n, 0.08);
        assertTrue(joint / n > 1.5, "E_joint k = " + joint / n);
    }

    @Test
    void oracleEmbeddingsRetrieveWellAndBeatTruncation() {
        // f(x) = P(·|x), g(y) = P(·|y) (so f·g = k/C) with C = 8, σ = 0.3 in 6 dims: classes well separated,
        // P@50 and mAP near 1. Keeping only the first 2 of the 8 posterior columns loses most classes.
        int c = 8;
        ClassPairs cp = new ClassPairs(c, 6, 6, 0.3, false, 4);
        ClassPairs.Labelled xs = cp.xs(200, 1);
        ClassPairs.Labelled ys = cp.ys(400, 2);
        double[] f = embed(cp, xs, true);
        double[] g = embed(cp, ys, false);
        RetrievalReport full = Retrieval.evaluate(f, g, c, xs.labels(), ys.labels(), Retrieval.Modes.first(c), 30);
        assertTrue(full.precisionAtK() > 0.95, "P@30 " + full.precisionAtK());
        assertTrue(full.meanAveragePrecision() > 0.95, "mAP " + full.meanAveragePrecision());
        RetrievalReport two = Retrieval.evaluate(f, g, c, xs.labels(), ys.labels(), Retrieval.Modes.first(2), 30);
        assertTrue(two.meanAveragePrecision() < full.meanAveragePrecision() - 0.3,
                "mAP with 2 of 8 columns " + two.meanAveragePrecision());
    }

    private static double[] embed(ClassPairs cp, ClassPairs.Labelled set, boolean isX) {
        int dim = set.dim();
        double[] pts = set.points();
        int c = cp.classes();
        double[] out = new double[set.size() * c];
        for (int i = 0; i < set.size(); i++) {
            double[] v = java.util.Arrays.copyOfRange(pts, i * dim, (i + 1) * dim);
            double[] post = isX ? cp.posteriorX(v) : cp.posteriorY(v);
            System.arraycopy(post, 0, out, i * c, c);
        }
        return out;
    }
}
