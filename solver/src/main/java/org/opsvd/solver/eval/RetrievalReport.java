package org.opsvd.solver.eval;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Cross-domain retrieval scores of one mode selection (see {@link Retrieval}).
 *
 * @param modes                d, the number of embedding columns used
 * @param precisionAtK         P@k, mean over all Nq queries of |top k ∩ same class| / k, in [0, 1]
 * @param k                    the cut-off of {@code precisionAtK}, 1 ≤ k ≤ Ng
 * @param meanAveragePrecision mAP@all with interpolated precision, mean over the {@code queries} queries
 *                             that have at least one relevant gallery item; NaN when there are none
 * @param queries              how many queries entered the mAP (Nq minus those with no relevant item)
 */
public record RetrievalReport(int modes, double precisionAtK, int k, double meanAveragePrecision, int queries) {

    public RetrievalReport {
        if (modes < 1 || k < 1 || queries < 0) {
            throw new IllegalArgumentException("inconsistent retrieval report: modes " + modes + ", k " + k
                    + ", queries " + queries);
        }
    }

    /** All numbers as a JSON-ready map (insertion-ordered). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("modes", modes);
        m.put("k", k);
        m.put("precisionAtK", precisionAtK);
        m.put("meanAveragePrecision", meanAveragePrecision);
        m.put("queries", queries);
        return m;
    }
}
