/**
 * Evaluation of learned eigenfunctions against a reference on a common quadrature (method.md §4.3, §5):
 * {@link org.opsvd.solver.eval.SampledFunctions} (N×L samples with weights, Grams),
 * {@link org.opsvd.solver.eval.SpectralMetrics} → {@link org.opsvd.solver.eval.MetricReport} (relative
 * eigenvalue error, angle after per-degenerate-group {@link org.opsvd.solver.eval.OrthogonalProcrustes},
 * {@link org.opsvd.solver.eval.SubspaceDistance} per group and over all L,
 * {@link org.opsvd.solver.eval.Orthogonality} of the normalised Gram), and
 * {@link org.opsvd.solver.eval.RayleighRitz} (squared norms, Rayleigh quotients, Ritz values and rotation).
 * Without a reference (method-free, any d): {@link org.opsvd.solver.eval.SpectralEstimate} (Ritz values,
 * residual norms, local-energy variances and Rayleigh quotients from importance-sampled Monte Carlo, each an
 * {@link org.opsvd.solver.eval.Estimate} with a jackknife standard error) and
 * {@link org.opsvd.solver.eval.EigenvalueInterval} (min–max upper ends, Weinstein or Lehmann lower ends, the
 * statistical error folded in).
 * All N-length work is O(N·L²) in blocks of rows; nothing N×N is formed.
 */
package org.opsvd.solver.eval;
