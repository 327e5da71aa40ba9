package org.opsvd.solver.eval;

import org.ejml.data.DMatrixRMaj;

/**
 * How far L functions are from orthogonal, from their normalised Gram Ĉ (L×L, Ĉ_ll = 1); the off-diagonal
 * entries are cosines of pairwise angles. Three summaries of Ĉ − I:
 * <ul>
 *   <li>{@code maxOffDiagonal} = max_{l≠m} |Ĉ_lm|;</li>
 *   <li>{@code frobenius} = ‖Ĉ − I‖_F = (Σ_{l≠m} Ĉ_lm²)^{½};</li>
 *   <li>{@code meanAbsOffDiagonal} = Σ_{l≠m} |Ĉ_lm| / (L(L−1));</li>
 *   <li>{@code meanSquare} = ‖Ĉ − I‖_F² / L², the mean squared entry of Ĉ − I.</li>
 * </ul>
 * All are 0 for L = 1. Which one the NeuralSVD paper's "orthogonality" reports is not verified (the
 * repository only plots Ĉ). Its values (≤ 1e-5 with angle distances ~5e-3) are of the order of the mean
 * square, not of the norm: off-diagonal entries are first order in the functions' errors.
 */
public record Orthogonality(double maxOffDiagonal, double frobenius, double meanAbsOffDiagonal, double meanSquare) {

    /** The summaries of a normalised Gram Ĉ (square; the diagonal is ignored). */
    public static Orthogonality of(DMatrixRMaj normalisedGram) {
        int l = normalisedGram.numRows;
        if (normalisedGram.numCols != l) {
            throw new IllegalArgumentException("normalised Gram must be square, got " + l + "×"
                    + normalisedGram.numCols);
        }
        double max = 0;
        double sq = 0;
        double abs = 0;
        for (int i = 0; i < l; i++) {
            for (int j = 0; j < l; j++) {
                if (i != j) {
                    double c = Math.abs(normalisedGram.get(i, j));
                    max = Math.max(max, c);
                    sq += c * c;
                    abs += c;
                }
            }
        }
        return new Orthogonality(max, Math.sqrt(sq), l > 1 ? abs / ((double) l * (l - 1)) : 0, sq / ((double) l * l));
    }
}
