package org.opsvd.solver.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;
import org.junit.jupiter.api.Test;

/** {@link Retrieval} on hand-computed cases, perfect and random embeddings, and bad inputs. */
class RetrievalTest {

    // Gallery (D = 2): g0 = (1, 0) class 0, g1 = (0, 1) class 1, g2 = (½, ½) class 0, g3 = (−1, 0) class 1.
    private static final double[] GALLERY = {1, 0, 0, 1, 0.5, 0.5, -1, 0};
    private static final int[] GALLERY_LABELS = {0, 1, 0, 1};
    // Queries: q0 = (1, 0) class 0, q1 = (0, 1) class 0.
    private static final double[] QUERIES = {1, 0, 0, 1};
    private static final int[] QUERY_LABELS = {0, 0};

    @Test
    void handComputedTwoQueriesFourItems() {
        // q0: scores (1, 0, ½, −1) → order g0, g2, g1, g3 → relevance 1 1 0 0.
        //     P@2 = 2/2 = 1; precisions 1, 1 at the relevant ranks → AP = 1.
        // q1: scores (0, 1, ½, 0) → order g1, g2, g0, g3 (g0/g3 tie, lower index first) → relevance 0 1 1 0.
        //     P@2 = 1/2; prec(r) = 0, 1/2, 2/3, 2/4; interpolated at r = 2: max(1/2, 2/3, 1/2) = 2/3,
        //     at r = 3: 2/3 → AP = 2/3 (uninterpolated would be 7/12).
        // P@2 = (1 + 1/2)/2 = 3/4; mAP = (1 + 2/3)/2 = 5/6.
        RetrievalReport r = Retrieval.evaluate(QUERIES, GALLERY, 2, QUERY_LABELS, GALLERY_LABELS,
                Retrieval.Modes.first(2), 2);
        assertEquals(2, r.modes());
        assertEquals(2, r.k());
        assertEquals(2, r.queries());
        assertEquals(0.75, r.precisionAtK(), 1e-12);
        assertEquals(5.0 / 6, r.meanAveragePrecision(), 1e-12);
        assertArrayEquals(new int[] {1, 2, 0, 3}, Retrieval.order(new double[] {0, 1, 0.5, 0}));
        assertArrayEquals(new int[] {1, 2, 0, 3}, Retrieval.order(new double[] {-0.0, 1, 0.5, 0.0}));
    }

    @Test
    void handComputedPrecisionAtOneAndFour() {
        // P@1: q0 top g0 relevant (1), q1 top g1 irrelevant (0) → 1/2. P@4: both see 2 of 4 → 1/2.
        assertEquals(0.5, Retrieval.evaluate(QUERIES, GALLERY, 2, QUERY_LABELS, GALLERY_LABELS,
                Retrieval.Modes.first(2), 1).precisionAtK(), 1e-12);
        assertEquals(0.5, Retrieval.evaluate(QUERIES, GALLERY, 2, QUERY_LABELS, GALLERY_LABELS,
                Retrieval.Modes.first(2), 4).precisionAtK(), 1e-12);
    }

    @Test
    void queriesWithoutRelevantItemsAreSkippedInMapOnly() {
        // Add q2 = (1, 0) of class 7, which no gallery item has: AP undefined → skipped; its P@2 = 0.
        double[] q = {1, 0, 0, 1, 1, 0};
        RetrievalReport r = Retrieval.evaluate(q, GALLERY, 2, new int[] {0, 0, 7}, GALLERY_LABELS,
                Retrieval.Modes.first(2), 2);
        assertEquals(2, r.queries());
        assertEquals(5.0 / 6, r.meanAveragePrecision(), 1e-12);
        assertEquals((1 + 0.5 + 0) / 3, r.precisionAtK(), 1e-12);
        RetrievalReport none = Retrieval.evaluate(new double[] {1, 0}, GALLERY, 2, new int[] {7}, GALLERY_LABELS,
                Retrieval.Modes.first(2), 2);
        assertEquals(0, none.queries());
        assertTrue(Double.isNaN(none.meanAveragePrecision()));
    }

    @Test
    void interpolatedAveragePrecisionByHand() {
        // Relevance 1 0 1 0 1: prec 1, 1/2, 2/3, 1/2, 3/5; interpolated at ranks 1, 3, 5: 1, 2/3, 3/5.
        // AP = (1 + 2/3 + 3/5)/3 = 34/45.
        assertEquals(34.0 / 45, Retrieval.averagePrecision(new boolean[] {true, false, true, false, true}), 1e-12);
        // Relevance 0 0 1 1: prec at 3, 4 = 1/3, 1/2 → interpolated 1/2, 1/2 → AP = 1/2.
        assertEquals(0.5, Retrieval.averagePrecision(new boolean[] {false, false, true, true}), 1e-12);
        assertTrue(Double.isNaN(Retrieval.averagePrecision(new boolean[] {false, false})));
        assertEquals(2.0 / 3, Retrieval.precisionAt(new boolean[] {true, false, true, false}, 3), 1e-12);
    }

    @Test
    void oneHotClassEmbeddingsArePerfect() {
        int c = 5;
        int perClass = 10;
        int ng = c * perClass;
        int nq = c * 4;
        DMatrixRMaj g = new DMatrixRMaj(ng, c);
        int[] gl = new int[ng];
        for (int j = 0; j < ng; j++) {
            gl[j] = (j * 3) % c; // interleaved classes, so index order alone is not the answer
            g.set(j, gl[j], 1);
        }
        DMatrixRMaj q = new DMatrixRMaj(nq, c);
        int[] ql = new int[nq];
        for (int i = 0; i < nq; i++) {
            ql[i] = i % c;
            q.set(i, ql[i], 2.5);
        }
        RetrievalReport r = Retrieval.evaluate(q, g, ql, gl, Retrieval.Modes.first(c), perClass);
        assertEquals(1.0, r.precisionAtK(), 1e-12);
        assertEquals(1.0, r.meanAveragePrecision(), 1e-12);
        assertEquals(nq, r.queries());
        assertEquals(c, r.modes());
    }

    @Test
    void randomEmbeddingsScoreAtChance() {
        // C = 10 balanced classes, Nq = 400, Ng = 1000, D = 16 i.i.d. N(0, 1), seed 11. P@100 has chance 1/C
        // = 0.1 with per-query sd ≈ √(0.1·0.9/100) = 0.03, so the mean over 400 queries is within 0.02.
        // A random ranking's interpolated AP exceeds the base rate a little (early lucky hits); allow
        // [0.1, 0.16].
        int c = 10;
        int nq = 400;
        int ng = 1000;
        int dim = 16;
        RandomGenerator rng = new Well19937c(11);
        double[] q = new double[nq * dim];
        double[] g = new double[ng * dim];
        for (int i = 0; i < q.length; i++) {
            q[i] = rng.nextGaussian();
        }
        for (int i = 0; i < g.length; i++) {
            g[i] = rng.nextGaussian();
        }
        int[] ql = new int[nq];
        int[] gl = new int[ng];
        for (int i = 0; i < nq; i++) {
            ql[i] = rng.nextInt(c);
        }
        for (int j = 0; j < ng; j++) {
            gl[j] = j % c;
        }
        RetrievalReport r = Retrieval.evaluate(q, g, dim, ql, gl, Retrieval.Modes.first(dim), 100);
        assertEquals(0.1, r.precisionAtK(), 0.02);
        assertTrue(r.meanAveragePrecision() > 0.1 && r.meanAveragePrecision() < 0.16,
                "random mAP " + r.meanAveragePrecision());
        assertEquals(nq, r.queries());
    }

    @Test
    void firstAndLastModesDiffer() {
        // Two classes, s = +1 (class 0) / −1 (class 1). Column 0 = s for queries and gallery (informative);
        // column 1 = s for queries and −s for the gallery (anti-informative).
        // first(1): same class scores +1, other −1 → relevance 1 1 0 0 → P@2 = 1, AP = 1.
        // last(1):  same class scores −1, other +1 → relevance 0 0 1 1 → P@2 = 0, AP = 1/2 (by hand above).
        // first(2): scores 0 everywhere → index order g0..g3 = classes 0 1 0 1 → class 0: 1 0 1 0,
        //           AP = (1 + 2/3)/2 = 5/6; class 1: 0 1 0 1, AP = (1/2 + 1/2)/2 = 1/2 → mAP 2/3, P@2 = 1/2.
        double[] g = {1, -1, -1, 1, 1, -1, -1, 1};
        int[] gl = {0, 1, 0, 1};
        double[] q = {1, 1, -1, -1};
        int[] ql = {0, 1};
        RetrievalReport first = Retrieval.evaluate(q, g, 2, ql, gl, Retrieval.Modes.first(1), 2);
        RetrievalReport last = Retrieval.evaluate(q, g, 2, ql, gl, Retrieval.Modes.last(1), 2);
        RetrievalReport both = Retrieval.evaluate(q, g, 2, ql, gl, Retrieval.Modes.first(2), 2);
        assertEquals(1.0, first.precisionAtK(), 1e-12);
        assertEquals(1.0, first.meanAveragePrecision(), 1e-12);
        assertEquals(0.0, last.precisionAtK(), 1e-12);
        assertEquals(0.5, last.meanAveragePrecision(), 1e-12);
        assertEquals(0.5, both.precisionAtK(), 1e-12);
        assertEquals(2.0 / 3, both.meanAveragePrecision(), 1e-12);
        assertEquals(first, Retrieval.evaluate(q, g, 2, ql, gl, Retrieval.Modes.of(0), 2));
        assertEquals(last, Retrieval.evaluate(q, g, 2, ql, gl, Retrieval.Modes.of(1), 2));
        assertArrayEquals(new int[] {3, 4}, Retrieval.Modes.last(2).indices(5));
        assertArrayEquals(new int[] {0, 1}, Retrieval.Modes.first(2).indices(5));
        assertArrayEquals(new int[] {4, 0}, Retrieval.Modes.of(4, 0).indices(5));
    }

    @Test
    void orderMatchesBoxedSortWithManyTies() {
        // 500 scores in {−3, …, 3} (heavy ties): the merge sort must equal a comparator sort by
        // (score descending, index ascending).
        RandomGenerator rng = new Well19937c(3);
        double[] s = new double[500];
        for (int j = 0; j < s.length; j++) {
            s[j] = rng.nextInt(7) - 3;
        }
        Integer[] ref = new Integer[s.length];
        for (int j = 0; j < s.length; j++) {
            ref[j] = j;
        }
        java.util.Arrays.sort(ref, (a, b) -> s[a] != s[b] ? Double.compare(s[b], s[a]) : Integer.compare(a, b));
        assertArrayEquals(java.util.Arrays.stream(ref).mapToInt(Integer::intValue).toArray(), Retrieval.order(s));
        assertArrayEquals(new int[0], Retrieval.order(new double[0]));
        assertArrayEquals(new int[] {0}, Retrieval.order(new double[] {4}));
    }

    @Test
    void badInputsHaveClearMessages() {
        Retrieval.Modes all = Retrieval.Modes.first(2);
        assertMessage("query embeddings have length 3, expected Nq·D = 2·2 = 4",
                () -> Retrieval.evaluate(new double[3], GALLERY, 2, QUERY_LABELS, GALLERY_LABELS, all, 2));
        assertMessage("gallery embeddings have length 8, expected Ng·D = 3·2 = 6",
                () -> Retrieval.evaluate(QUERIES, GALLERY, 2, QUERY_LABELS, new int[3], all, 2));
        assertMessage("mode selection of d = 3 columns exceeds embedding dimension D = 2",
                () -> Retrieval.evaluate(QUERIES, GALLERY, 2, QUERY_LABELS, GALLERY_LABELS,
                        Retrieval.Modes.last(3), 2));
        assertMessage("precision cut-off k must be at least 1, got 0",
                () -> Retrieval.evaluate(QUERIES, GALLERY, 2, QUERY_LABELS, GALLERY_LABELS, all, 0));
        assertMessage("precision cut-off k = 5 exceeds gallery size Ng = 4",
                () -> Retrieval.evaluate(QUERIES, GALLERY, 2, QUERY_LABELS, GALLERY_LABELS, all, 5));
        assertMessage("mode count d must be at least 1, got 0", () -> Retrieval.Modes.first(0));
        assertMessage("mode selection repeats column 1", () -> Retrieval.Modes.of(1, 0, 1));
        assertMessage("mode selection column 2 is out of range for embedding dimension D = 2",
                () -> Retrieval.evaluate(QUERIES, GALLERY, 2, QUERY_LABELS, GALLERY_LABELS,
                        Retrieval.Modes.of(0, 2), 2));
        assertMessage("query embeddings have D = 3 columns but gallery embeddings have 2",
                () -> Retrieval.evaluate(new DMatrixRMaj(2, 3), new DMatrixRMaj(4, 2), QUERY_LABELS,
                        GALLERY_LABELS, all, 2));
        assertMessage("gallery embeddings have 4 rows but 3 labels",
                () -> Retrieval.evaluate(new DMatrixRMaj(2, 2), new DMatrixRMaj(4, 2), QUERY_LABELS,
                        new int[3], all, 2));
        assertMessage("query embedding 1 has a non-finite value NaN in column 0",
                () -> Retrieval.evaluate(new double[] {0, 0, Double.NaN, 0}, GALLERY, 2, QUERY_LABELS,
                        GALLERY_LABELS, all, 2));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertEquals(expected, e.getMessage());
    }
}
