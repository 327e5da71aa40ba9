package org.opsvd.solver.plot;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.opsvd.solver.eval.OrthogonalProcrustes;

/**
 * Learned functions aligned to reference eigenfunctions for display, as in the NeuralSVD paper's figures:
 * both sets are L²(w)-normalised (φ = ψ/‖ψ‖_W); within each degenerate group g the learned functions are
 * rotated by the orthogonal Procrustes solution Q_g of M_g = Φ̂_gᵀWΦ_g, a_g = Φ̂_g Q_g
 * ({@link OrthogonalProcrustes}); each a_j is renormalised and its sign chosen so that ⟨a_j, φ_j⟩_W ≥ 0.
 * A learned set equal to the reference up to a rotation inside each group, signs and positive scales is
 * mapped back onto the normalised reference (up to rounding).
 *
 * @param learned   aligned learned functions a_j, N×L′, unit norm
 * @param reference normalised reference functions φ_j, N×L′
 * @param overlaps  ⟨a_j, φ_j⟩_W ∈ [0, 1] (cosine of the angle), L′
 * @param transform the L′×L′ matrix R with a_j ∝ (Ψ̂R)_j, Ψ̂ the first L′ learned columns as given (column scales,
 *                  the groups' rotations and the signs): it carries the alignment found on this quadrature to the
 *                  same functions sampled elsewhere ({@link #applied})
 */
public record GroupAlignment(DMatrixRMaj learned, DMatrixRMaj reference, double[] overlaps, DMatrixRMaj transform) {

    public GroupAlignment {
        learned = learned.copy();
        reference = reference.copy();
        overlaps = overlaps.clone();
        transform = transform.copy();
    }

    @Override
    public DMatrixRMaj learned() {
        return learned.copy();
    }

    @Override
    public DMatrixRMaj reference() {
        return reference.copy();
    }

    @Override
    public double[] overlaps() {
        return overlaps.clone();
    }

    @Override
    public DMatrixRMaj transform() {
        return transform.copy();
    }

    /**
     * The learned functions sampled at other points ({@code learned}: M×L′ or more columns, the same functions as
     * aligned here, e.g. on a plane through a 3-D quadrature) with this alignment applied: the rotation is the one
     * the whole quadrature determines, not the one a slice would, and the columns keep this quadrature's unit norm
     * (a member of a shell that vanishes on the slice stays 0 there).
     */
    public DMatrixRMaj applied(DMatrixRMaj learned) {
        int l = transform.numRows;
        DMatrixRMaj out = new DMatrixRMaj(learned.numRows, l);
        CommonOps_DDRM.mult(CommonOps_DDRM.extract(learned, 0, learned.numRows, 0, l), transform, out);
        return out;
    }

    /**
     * Aligns {@code learned} (N×L′, or more columns: only the first L′ are used) to {@code reference} (N×L′).
     *
     * @param weights     quadrature weights w (N)
     * @param groupStarts first mode of each degenerate group, ascending from 0; groups end at the next start
     *                    or at L′
     */
    public static GroupAlignment align(DMatrixRMaj learned, DMatrixRMaj reference, double[] weights, int[] groupStarts) {
        int n = reference.numRows;
        int l = reference.numCols;
        if (learned.numRows != n || weights.length != n) {
            throw new IllegalArgumentException("learned functions on " + learned.numRows + " points, reference on " + n
                    + ", " + weights.length + " weights: they must share the quadrature");
        }
        if (learned.numCols < l) {
            throw new IllegalArgumentException(learned.numCols + " learned functions cannot be aligned to " + l
                    + " reference functions");
        }
        if (groupStarts.length == 0 || groupStarts[0] != 0) {
            throw new IllegalArgumentException("degenerate groups must start at mode 0");
        }
        DMatrixRMaj psiHat = CommonOps_DDRM.extract(learned, 0, n, 0, l);
        DMatrixRMaj phiHat = normalised(psiHat, weights);
        DMatrixRMaj phi = normalised(reference, weights);
        DMatrixRMaj aligned = new DMatrixRMaj(n, l);
        DMatrixRMaj rotation = new DMatrixRMaj(l, l);
        for (int g = 0; g < groupStarts.length && groupStarts[g] < l; g++) {
            int s = groupStarts[g];
            int e = g + 1 < groupStarts.length ? Math.min(groupStarts[g + 1], l) : l;
            if (e <= s) throw new IllegalArgumentException("degenerate group starts must ascend: " + s + " then " + e);
            DMatrixRMaj a = CommonOps_DDRM.extract(phiHat, 0, n, s, e);
            DMatrixRMaj b = CommonOps_DDRM.extract(phi, 0, n, s, e);
            DMatrixRMaj q = OrthogonalProcrustes.rotation(cross(a, b, weights));
            DMatrixRMaj aq = new DMatrixRMaj(n, e - s);
            CommonOps_DDRM.mult(a, q, aq);
            CommonOps_DDRM.insert(aq, aligned, 0, s);
            CommonOps_DDRM.insert(q, rotation, s, s);
        }
        aligned = normalised(aligned, weights);
        double[] overlaps = new double[l];
        DMatrixRMaj m = cross(aligned, phi, weights);
        double[] norms = new double[l];
        for (int k = 0; k < l; k++) norms[k] = columnNorm(psiHat, k, weights);
        DMatrixRMaj transform = new DMatrixRMaj(l, l);
        for (int j = 0; j < l; j++) { // transform = diag(1/‖ψ̂_k‖)·Q·diag(sign_j)
            double c = m.get(j, j);
            double sign = c < 0 ? -1 : 1;
            if (c < 0) {
                for (int i = 0; i < n; i++) aligned.set(i, j, -aligned.get(i, j));
                c = -c;
            }
            overlaps[j] = Math.min(1, c);
            for (int k = 0; k < l; k++) transform.set(k, j, norms[k] > 0 ? sign * rotation.get(k, j) / norms[k] : 0);
        }
        return new GroupAlignment(aligned, phi, overlaps, transform);
    }

    private static double columnNorm(DMatrixRMaj f, int j, double[] weights) {
        double s = 0;
        for (int i = 0; i < f.numRows; i++) s += weights[i] * f.get(i, j) * f.get(i, j);
        return Math.sqrt(s);
    }

    /** The columns of {@code f} divided by their L²(w) norms (a zero column stays zero). */
    public static DMatrixRMaj normalised(DMatrixRMaj f, double[] weights) {
        return scaled(f, f, weights);
    }

    /**
     * The columns of {@code f} (values of functions somewhere, e.g. on a plane) divided by the L²(w) norms of the
     * same functions' columns in {@code by} (on the quadrature w); a column whose norm is 0 becomes 0.
     */
    public static DMatrixRMaj scaled(DMatrixRMaj f, DMatrixRMaj by, double[] weights) {
        DMatrixRMaj out = f.copy();
        for (int j = 0; j < f.numCols; j++) {
            double norm = columnNorm(by, j, weights);
            double scale = norm > 0 ? 1 / norm : 0;
            for (int i = 0; i < f.numRows; i++) out.set(i, j, f.get(i, j) * scale);
        }
        return out;
    }

    /** AᵀWB. */
    static DMatrixRMaj cross(DMatrixRMaj a, DMatrixRMaj b, double[] weights) {
        DMatrixRMaj wb = b.copy();
        for (int i = 0; i < b.numRows; i++) {
            for (int j = 0; j < b.numCols; j++) wb.set(i, j, weights[i] * b.get(i, j));
        }
        DMatrixRMaj out = new DMatrixRMaj(a.numCols, b.numCols);
        CommonOps_DDRM.multTransA(a, wb, out);
        return out;
    }
}
