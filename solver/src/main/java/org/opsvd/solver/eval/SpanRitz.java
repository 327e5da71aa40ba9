package org.opsvd.solver.eval;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.MatrixFeatures_DDRM;
import org.opsvd.solver.NumericalFailure;

/**
 * Rayleigh–Ritz in the span of n functions φ that may be (nearly) linearly dependent, from C = ⟨φ, φ⟩ and the sampled
 * A = Σ_i w_i φ(x_i)(Hφ)(x_i)ᵀ (n×n, as sampled): with C = VΛVᵀ, the directions with λ_j ≤ {@value #CUTOFF}·max λ are
 * dropped (their functions are zero to the quadrature's rounding), the rest whitened, U = V_k Λ_k^{−½}, and the
 * pencil UᵀAU y = θ y solved by {@link RitzPencil}, A kept unsymmetrised: if span(φ) holds an eigenfunction u = φc, then
 * Ac = E·Cc on every sample, so its Ritz pair is exact whatever the points (the zero-variance property of the
 * variational Monte Carlo "linear method"). Symmetrised, 129 network features fitted on 2^18 Monte Carlo points of the
 * 6-D oscillator learned the sampling noise (held-out Ritz sum 27.00247 → 27.00362); unsymmetrised they improved it
 * (→ 27.00227). The Ritz functions are φ·c_j with c_j = U y_j; their θ_j = c_jᵀAc_j with c_jᵀCc_j = 1, but unlike a
 * symmetric problem's, vectors of different clusters are orthogonal only as far as A is symmetric. Unlike {@link
 * RayleighRitz}, whose C must be positive definite, this serves a basis larger than it needs to be, such as a
 * network's last hidden layer.
 *
 * @param values       all k Ritz values θ, ascending (k ≤ n the kept directions)
 * @param coefficients c (n×k), column j the Ritz function of θ_j
 */
public record SpanRitz(double[] values, DMatrixRMaj coefficients) {

  /**
   * Relative size of C's eigenvalues below which a direction counts as dependent: 1e-12, about 10⁴ float64 roundings
   * (2.2e-16) of the largest, so what a kept direction's Gram entries hold stands well above the rounding of sums over
   * 10⁶ points (the last hidden layer of a trained 128-wide network has eigenvalues down to 5e-11 of the largest).
   */
  public static final double CUTOFF = 1e-12;

  public SpanRitz {
    values = values.clone();
    coefficients = coefficients.copy();
  }

  /**
   * The Ritz pairs of C and A.
   *
   * @throws NumericalFailure on non-finite entries or a C without a positive eigenvalue
   */
  public static SpanRitz of(DMatrixRMaj gram, DMatrixRMaj hamiltonianGram) {
    int n = gram.numRows;
    if (gram.numCols != n || hamiltonianGram.numRows != n || hamiltonianGram.numCols != n) {
      throw new IllegalArgumentException("C and A must be square and of equal size");
    }
    if (MatrixFeatures_DDRM.hasUncountable(gram) || MatrixFeatures_DDRM.hasUncountable(hamiltonianGram)) {
      throw new NumericalFailure("C and A must be finite");
    }
    SymmetricEigen c = SymmetricEigen.of(gram);
    double max = c.values()[n - 1];
    if (!(max > 0)) throw new NumericalFailure("C has no positive eigenvalue (largest " + max + ")");
    int first = 0;
    while (c.values()[first] <= CUTOFF * max) first++;
    int k = n - first;
    DMatrixRMaj u = new DMatrixRMaj(n, k);
    for (int j = 0; j < k; j++) {
      double f = 1 / Math.sqrt(c.values()[first + j]);
      for (int i = 0; i < n; i++) u.unsafe_set(i, j, c.vectors().unsafe_get(i, first + j) * f);
    }
    DMatrixRMaj qu = new DMatrixRMaj(n, k);
    DMatrixRMaj s = new DMatrixRMaj(k, k);
    CommonOps_DDRM.mult(hamiltonianGram, u, qu);
    CommonOps_DDRM.multTransA(u, qu, s);
    RitzPencil.Solution pencil = RitzPencil.solve(CommonOps_DDRM.identity(k), s);
    double[] values = pencil.values();
    DMatrixRMaj y = pencil.vectors();
    DMatrixRMaj coefficients = new DMatrixRMaj(n, k);
    CommonOps_DDRM.mult(u, y, coefficients);
    return new SpanRitz(values, coefficients);
  }
}
