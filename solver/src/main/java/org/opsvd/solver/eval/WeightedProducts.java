package org.opsvd.solver.eval;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Weighted inner products of sampled functions, Σ_i w_i·a(x_i)·b(x_i)ᵀ, accumulated over blocks of
 * {@value #BLOCK} rows with EJML products (one pass over the N rows; nothing N×N is formed; work
 * O(N·L²), memory O(BLOCK·L)).
 */
final class WeightedProducts {

    /** Rows per block: a block of 32 columns is 64 KiB, in L2. */
    static final int BLOCK = 256;

    private WeightedProducts() {
    }

    /**
     * The joint Gram G = Σ_i w_i·z_i·z_iᵀ of the concatenated columns z = [parts_0 | parts_1 | …]
     * ((Σ L_p)×(Σ L_p), symmetric); each part is N×L_p, w has length N and w_i ≥ 0.
     */
    static DMatrixRMaj gram(double[] w, DMatrixRMaj... parts) {
        int n = w.length;
        int width = 0;
        for (DMatrixRMaj p : parts) {
            width += p.numCols;
        }
        DMatrixRMaj out = new DMatrixRMaj(width, width);
        DMatrixRMaj block = new DMatrixRMaj(BLOCK, width);
        DMatrixRMaj partial = new DMatrixRMaj(width, width);
        for (int r0 = 0; r0 < n; r0 += BLOCK) {
            int rows = Math.min(BLOCK, n - r0);
            block.reshape(rows, width);
            double[] z = block.data;
            for (int i = 0; i < rows; i++) {
                double s = Math.sqrt(w[r0 + i]);
                int at = i * width;
                for (DMatrixRMaj p : parts) {
                    int c = p.numCols;
                    int from = (r0 + i) * c;
                    for (int j = 0; j < c; j++) {
                        z[at + j] = s * p.data[from + j];
                    }
                    at += c;
                }
            }
            CommonOps_DDRM.multInner(block, partial);
            CommonOps_DDRM.addEquals(out, partial);
        }
        return out;
    }

    /** The cross product Σ_i w_i·a_i·b_iᵀ = AᵀWB (L_a×L_b) of A (N×L_a) and B (N×L_b). */
    static DMatrixRMaj cross(double[] w, DMatrixRMaj a, DMatrixRMaj b) {
        int n = w.length;
        DMatrixRMaj out = new DMatrixRMaj(a.numCols, b.numCols);
        DMatrixRMaj wa = new DMatrixRMaj(BLOCK, a.numCols);
        DMatrixRMaj bb = new DMatrixRMaj(BLOCK, b.numCols);
        for (int r0 = 0; r0 < n; r0 += BLOCK) {
            int rows = Math.min(BLOCK, n - r0);
            wa.reshape(rows, a.numCols);
            bb.reshape(rows, b.numCols);
            for (int i = 0; i < rows; i++) {
                double s = w[r0 + i];
                int c = a.numCols;
                for (int j = 0; j < c; j++) {
                    wa.data[i * c + j] = s * a.data[(r0 + i) * c + j];
                }
            }
            System.arraycopy(b.data, r0 * b.numCols, bb.data, 0, rows * b.numCols);
            CommonOps_DDRM.multAddTransA(wa, bb, out);
        }
        return out;
    }

    /**
     * The weighted squared column norms of the residuals E = A·T − B∘s, i.e. e_j = Σ_i w_i·(Σ_m a_im T_mj
     * − s_j b_ij)², for A (N×L_a), T (L_a×M), B (N×M), s (M); computed blockwise without forming E.
     */
    static double[] residualNorms(double[] w, DMatrixRMaj a, DMatrixRMaj t, DMatrixRMaj b, double[] s) {
        int n = w.length;
        int m = t.numCols;
        double[] out = new double[m];
        DMatrixRMaj ab = new DMatrixRMaj(BLOCK, a.numCols);
        DMatrixRMaj at = new DMatrixRMaj(BLOCK, m);
        for (int r0 = 0; r0 < n; r0 += BLOCK) {
            int rows = Math.min(BLOCK, n - r0);
            ab.reshape(rows, a.numCols);
            at.reshape(rows, m);
            System.arraycopy(a.data, r0 * a.numCols, ab.data, 0, rows * a.numCols);
            CommonOps_DDRM.mult(ab, t, at);
            for (int i = 0; i < rows; i++) {
                double wi = w[r0 + i];
                int bi = (r0 + i) * m;
                for (int j = 0; j < m; j++) {
                    double e = at.data[i * m + j] - s[j] * b.data[bi + j];
                    out[j] += wi * e * e;
                }
            }
        }
        return out;
    }
}
