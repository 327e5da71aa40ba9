package org.opsvd.solver.eval;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.MatrixFeatures_DDRM;
import org.opsvd.solver.NumericalFailure;

/**
 * Eigenvalue estimates of H from L learned functions ψ, given C = ⟨ψ, ψ⟩ and Q = ⟨ψ, Hψ⟩ (both L×L,
 * symmetrised as ½(M + Mᵀ)):
 * <ul>
 *   <li>squared norms C_ll (NeuralSVD's own estimate when ψ are learned for T, where ‖ψ_l‖² → λ_l(T));</li>
 *   <li>Rayleigh quotients Q_ll / C_ll;</li>
 *   <li>Ritz values: the generalised eigenvalues Qr = λCr, ascending, from the symmetric EJML eigen-
 *       decomposition C^{−½}QC^{−½} = VΛVᵀ; the rotation R = C^{−½}V (L×L) maps ψ to the Ritz functions
 *       ψR, which satisfy RᵀCR = I and RᵀQR = Λ.</li>
 * </ul>
 * Immutable (arrays and R copied in and out).
 *
 * @param squaredNorms      C_ll (L)
 * @param rayleighQuotients Q_ll / C_ll (L)
 * @param ritzValues        λ_0 ≤ … ≤ λ_{L−1}
 * @param rotation          R (L×L), column j gives Ritz function j
 */
public record RayleighRitz(double[] squaredNorms, double[] rayleighQuotients, double[] ritzValues,
                           DMatrixRMaj rotation) {

    public RayleighRitz {
        squaredNorms = squaredNorms.clone();
        rayleighQuotients = rayleighQuotients.clone();
        ritzValues = ritzValues.clone();
        rotation = rotation.copy();
    }

    /**
     * The estimates from C and Q.
     *
     * @throws IllegalArgumentException on non-square or mismatched shapes
     * @throws NumericalFailure         on non-finite entries or C not positive definite (a subtype of
     *                                  IllegalArgumentException)
     */
    public static RayleighRitz of(DMatrixRMaj gram, DMatrixRMaj hamiltonianGram) {
        int l = gram.numRows;
        if (gram.numCols != l || hamiltonianGram.numRows != l || hamiltonianGram.numCols != l || l < 1) {
            throw new IllegalArgumentException("C and Q must be square and of equal size, got C " + gram.numRows
                    + "×" + gram.numCols + " and Q " + hamiltonianGram.numRows + "×" + hamiltonianGram.numCols);
        }
        if (MatrixFeatures_DDRM.hasUncountable(gram) || MatrixFeatures_DDRM.hasUncountable(hamiltonianGram)) {
            throw new NumericalFailure("C and Q must be finite");
        }
        double[] norms = new double[l];
        double[] quotients = new double[l];
        for (int i = 0; i < l; i++) {
            norms[i] = gram.get(i, i);
            if (!(norms[i] > 0)) {
                throw new NumericalFailure("C_" + i + i + " = " + norms[i] + ": C must be positive definite");
            }
            quotients[i] = hamiltonianGram.get(i, i) / norms[i];
        }
        DMatrixRMaj whiten = SymmetricEigen.of(gram).inverseSqrt(false);
        DMatrixRMaj wq = new DMatrixRMaj(l, l);
        DMatrixRMaj s = new DMatrixRMaj(l, l);
        CommonOps_DDRM.mult(whiten, hamiltonianGram, wq);
        CommonOps_DDRM.mult(wq, whiten, s);
        SymmetricEigen eig = SymmetricEigen.of(s);
        DMatrixRMaj r = new DMatrixRMaj(l, l);
        CommonOps_DDRM.mult(whiten, eig.vectors(), r);
        return new RayleighRitz(norms, quotients, eig.values(), r);
    }

    /** The estimates for sampled ψ and Hψ on one quadrature: C = ΨᵀWΨ, Q = ΨᵀW(HΨ). */
    public static RayleighRitz of(SampledFunctions psi, SampledFunctions hPsi) {
        if (hPsi.functions() != psi.functions()) {
            throw new IllegalArgumentException(psi.functions() + " functions but " + hPsi.functions()
                    + " samples of Hψ");
        }
        return of(psi.gram(), psi.crossGram(hPsi));
    }

    /** The Ritz functions ψR (N×L) on the quadrature of ψ. */
    public SampledFunctions ritzFunctions(SampledFunctions psi) {
        return psi.times(rotation);
    }

    @Override
    public double[] squaredNorms() {
        return squaredNorms.clone();
    }

    @Override
    public double[] rayleighQuotients() {
        return rayleighQuotients.clone();
    }

    @Override
    public double[] ritzValues() {
        return ritzValues.clone();
    }

    @Override
    public DMatrixRMaj rotation() {
        return rotation.copy();
    }
}
