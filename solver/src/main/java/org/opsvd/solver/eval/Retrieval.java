package org.opsvd.solver.eval;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/**
 * Cross-domain retrieval by inner product over selected embedding modes (the paper's Sketchy evaluation:
 * faiss IndexFlatIP, P@k and mAP@all on d-MSM / d-LSM truncations).
 *
 * <p>With query embeddings Q (Nq×D), gallery embeddings G (Ng×D) and a column set S (|S| = d), query i
 * scores gallery item j by s_ij = Σ_{c∈S} Q_ic·G_jc and ranks the gallery by s_i· descending, ties broken
 * by ascending gallery index (deterministic; −0.0 and 0.0 tie). Item j is relevant to query i iff their
 * class labels agree. With rel_i(r) ∈ {0,1} the relevance at rank r = 1…Ng and hits_i(r) = Σ_{t≤r} rel_i(t):
 * <ul>
 *   <li>P@k = mean_i hits_i(k)/k over all Nq queries;</li>
 *   <li>prec_i(r) = hits_i(r)/r, interpolated p̃_i(r) = max_{r'≥r} prec_i(r');</li>
 *   <li>AP_i = (1/hits_i(Ng)) Σ_{r: rel_i(r)=1} p̃_i(r); mAP = mean of AP_i over the queries with
 *       hits_i(Ng) ≥ 1 (the others are skipped; {@link RetrievalReport#queries()} counts those kept).</li>
 * </ul>
 * Cost O(Nq·Ng·d + Nq·Ng·log Ng) time (a stable primitive merge sort per query; ≈ 0.5 s for 2000×2000 at
 * d = 64), O(Ng) extra memory per query beyond the (Nq+Ng)·d column copy.
 *
 * <p>Columns are taken as given: if the embeddings carry the constant mode 0 (σ = 1, the paper's
 * {@code set_first_mode_const}), {@link Modes#first(int)} includes it; use {@link Modes#of(int...)} to skip it.
 */
public final class Retrieval {

    private Retrieval() {
    }

    /**
     * A choice of embedding columns: the first d (d-MSM), the last d (d-LSM) or an explicit list.
     * Resolved against D by {@link #indices(int)}.
     */
    public static final class Modes {
        private enum Kind { FIRST, LAST, EXPLICIT }

        private final Kind kind;
        private final int d;
        private final int[] explicit;

        private Modes(Kind kind, int d, int[] explicit) {
            this.kind = kind;
            this.d = d;
            this.explicit = explicit;
        }

        /** Columns 0…d−1 (d-MSM). */
        public static Modes first(int d) {
            requirePositive(d);
            return new Modes(Kind.FIRST, d, null);
        }

        /** Columns D−d…D−1 (d-LSM). */
        public static Modes last(int d) {
            requirePositive(d);
            return new Modes(Kind.LAST, d, null);
        }

        /** The given columns, in order; non-empty, distinct, non-negative. */
        public static Modes of(int... columns) {
            if (columns == null || columns.length == 0) {
                throw new IllegalArgumentException("mode selection needs at least one column");
            }
            int[] c = columns.clone();
            int[] sorted = c.clone();
            Arrays.sort(sorted);
            if (sorted[0] < 0) {
                throw new IllegalArgumentException("mode selection has a negative column " + sorted[0]);
            }
            for (int i = 1; i < sorted.length; i++) {
                if (sorted[i] == sorted[i - 1]) {
                    throw new IllegalArgumentException("mode selection repeats column " + sorted[i]);
                }
            }
            return new Modes(Kind.EXPLICIT, c.length, c);
        }

        private static void requirePositive(int d) {
            if (d < 1) {
                throw new IllegalArgumentException("mode count d must be at least 1, got " + d);
            }
        }

        /** d. */
        public int count() {
            return d;
        }

        /** The selected column indices for embedding dimension D; d ≤ D and every index &lt; D. */
        public int[] indices(int dim) {
            if (d > dim) {
                throw new IllegalArgumentException("mode selection of d = " + d + " columns exceeds embedding"
                        + " dimension D = " + dim);
            }
            int[] c = new int[d];
            switch (kind) {
                case FIRST -> {
                    for (int i = 0; i < d; i++) {
                        c[i] = i;
                    }
                }
                case LAST -> {
                    for (int i = 0; i < d; i++) {
                        c[i] = dim - d + i;
                    }
                }
                default -> {
                    for (int i = 0; i < d; i++) {
                        if (explicit[i] >= dim) {
                            throw new IllegalArgumentException("mode selection column " + explicit[i]
                                    + " is out of range for embedding dimension D = " + dim);
                        }
                        c[i] = explicit[i];
                    }
                }
            }
            return c;
        }

        @Override
        public String toString() {
            return switch (kind) {
                case FIRST -> "first " + d;
                case LAST -> "last " + d;
                default -> "columns " + Arrays.toString(explicit);
            };
        }
    }

    /**
     * Retrieval scores from row-major embeddings.
     *
     * @param queries       Q, Nq×D row-major (length Nq·D)
     * @param galleries     G, Ng×D row-major (length Ng·D)
     * @param dim           D
     * @param queryLabels   class of each query (Nq)
     * @param galleryLabels class of each gallery item (Ng)
     * @param modes         the columns to use
     * @param k             the P@k cut-off, 1 ≤ k ≤ Ng
     */
    public static RetrievalReport evaluate(double[] queries, double[] galleries, int dim, int[] queryLabels,
                                           int[] galleryLabels, Modes modes, int k) {
        if (queries == null || galleries == null || queryLabels == null || galleryLabels == null || modes == null) {
            throw new IllegalArgumentException("retrieval inputs must not be null");
        }
        if (dim < 1) {
            throw new IllegalArgumentException("embedding dimension D must be at least 1, got " + dim);
        }
        int nq = queryLabels.length;
        int ng = galleryLabels.length;
        if (queries.length != (long) nq * dim) {
            throw new IllegalArgumentException("query embeddings have length " + queries.length + ", expected Nq·D = "
                    + nq + "·" + dim + " = " + (long) nq * dim);
        }
        if (galleries.length != (long) ng * dim) {
            throw new IllegalArgumentException("gallery embeddings have length " + galleries.length
                    + ", expected Ng·D = " + ng + "·" + dim + " = " + (long) ng * dim);
        }
        if (nq < 1 || ng < 1) {
            throw new IllegalArgumentException("retrieval needs at least one query and one gallery item, got Nq = "
                    + nq + ", Ng = " + ng);
        }
        if (k < 1) {
            throw new IllegalArgumentException("precision cut-off k must be at least 1, got " + k);
        }
        if (k > ng) {
            throw new IllegalArgumentException("precision cut-off k = " + k + " exceeds gallery size Ng = " + ng);
        }
        int[] cols = modes.indices(dim);
        int d = cols.length;
        double[] q = gather(queries, nq, dim, cols, "query");
        double[] g = gather(galleries, ng, dim, cols, "gallery");

        double[] scores = new double[ng];
        boolean[] relevant = new boolean[ng];
        double precisionSum = 0;
        double apSum = 0;
        int kept = 0;
        for (int i = 0; i < nq; i++) {
            int qo = i * d;
            for (int j = 0; j < ng; j++) {
                int go = j * d;
                double s = 0;
                for (int c = 0; c < d; c++) {
                    s += q[qo + c] * g[go + c];
                }
                scores[j] = s;
            }
            int[] order = order(scores);
            for (int r = 0; r < ng; r++) {
                relevant[r] = galleryLabels[order[r]] == queryLabels[i];
            }
            precisionSum += precisionAt(relevant, k);
            double ap = averagePrecision(relevant);
            if (!Double.isNaN(ap)) {
                apSum += ap;
                kept++;
            }
        }
        return new RetrievalReport(d, precisionSum / nq, k, kept == 0 ? Double.NaN : apSum / kept, kept);
    }

    /** As {@link #evaluate(double[], double[], int, int[], int[], Modes, int)} with EJML matrices (rows = items). */
    public static RetrievalReport evaluate(DMatrixRMaj queries, DMatrixRMaj galleries, int[] queryLabels,
                                           int[] galleryLabels, Modes modes, int k) {
        if (queries == null || galleries == null) {
            throw new IllegalArgumentException("retrieval inputs must not be null");
        }
        if (queries.numCols != galleries.numCols) {
            throw new IllegalArgumentException("query embeddings have D = " + queries.numCols
                    + " columns but gallery embeddings have " + galleries.numCols);
        }
        if (queryLabels != null && queries.numRows != queryLabels.length) {
            throw new IllegalArgumentException("query embeddings have " + queries.numRows + " rows but "
                    + queryLabels.length + " labels");
        }
        if (galleryLabels != null && galleries.numRows != galleryLabels.length) {
            throw new IllegalArgumentException("gallery embeddings have " + galleries.numRows + " rows but "
                    + galleryLabels.length + " labels");
        }
        double[] q = Arrays.copyOf(queries.data, queries.numRows * queries.numCols);
        double[] g = Arrays.copyOf(galleries.data, galleries.numRows * galleries.numCols);
        return evaluate(q, g, queries.numCols, queryLabels, galleryLabels, modes, k);
    }

    /**
     * Gallery indices sorted by score descending, ties by ascending index. Scores must not be NaN.
     */
    public static int[] order(double[] scores) {
        int n = scores.length;
        int[] a = new int[n];
        for (int j = 0; j < n; j++) {
            a[j] = j;
        }
        // Stable bottom-up merge sort on primitive indices: equal scores keep ascending index order.
        int[] b = new int[n];
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int i = lo;
                int j = mid;
                int o = lo;
                while (i < mid && j < hi) {
                    b[o++] = scores[a[j]] > scores[a[i]] ? a[j++] : a[i++];
                }
                while (i < mid) {
                    b[o++] = a[i++];
                }
                while (j < hi) {
                    b[o++] = a[j++];
                }
            }
            int[] t = a;
            a = b;
            b = t;
        }
        return a;
    }

    /** hits(k)/k for relevance flags in rank order; 1 ≤ k ≤ length. */
    public static double precisionAt(boolean[] relevantByRank, int k) {
        if (k < 1 || k > relevantByRank.length) {
            throw new IllegalArgumentException("precision cut-off k = " + k + " is outside 1…" + relevantByRank.length);
        }
        int hits = 0;
        for (int r = 0; r < k; r++) {
            if (relevantByRank[r]) {
                hits++;
            }
        }
        return (double) hits / k;
    }

    /**
     * Interpolated average precision of relevance flags in rank order: the mean over relevant ranks r of
     * max_{r'≥r} hits(r')/r'. NaN when nothing is relevant.
     */
    public static double averagePrecision(boolean[] relevantByRank) {
        int n = relevantByRank.length;
        int total = 0;
        for (boolean b : relevantByRank) {
            if (b) {
                total++;
            }
        }
        if (total == 0) {
            return Double.NaN;
        }
        // Walk from the bottom: hits(r) = total − (relevant items below r); running max of prec.
        int hits = total;
        double best = 0;
        double sum = 0;
        for (int r = n - 1; r >= 0; r--) {
            best = Math.max(best, (double) hits / (r + 1));
            if (relevantByRank[r]) {
                sum += best;
                hits--;
            }
        }
        return sum / total;
    }

    private static double[] gather(double[] x, int n, int dim, int[] cols, String what) {
        int d = cols.length;
        double[] out = new double[n * d];
        for (int i = 0; i < n; i++) {
            int o = i * dim;
            for (int c = 0; c < d; c++) {
                double v = x[o + cols[c]];
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException(what + " embedding " + i + " has a non-finite value " + v
                            + " in column " + cols[c]);
                }
                out[i * d + c] = v;
            }
        }
        return out;
    }
}
