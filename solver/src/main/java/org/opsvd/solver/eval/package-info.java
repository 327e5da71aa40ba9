/**
 * Evaluation of learned eigenfunctions against a reference on a common quadrature (method.md §4.3, §5):
 * {@link org.opsvd.solver.eval.SampledFunctions} (N×L samples with weights, Grams),
 * {@link org.opsvd.solver.eval.SpectralMetrics} → {@link org.opsvd.solver.eval.MetricReport} (relative
 * eigenvalue error, angle after per-degenerate-group {@link org.opsvd.solver.eval.OrthogonalProcrustes},
 * {@link org.opsvd.solver.eval.SubspaceDistance} per group and over all L,
 * {@link org.opsvd.solver.eval.Orthogonality} of the normalised Gram), and
 * {@link org.opsvd.solver.eval.RayleighRitz} (squared norms, Rayleigh quotients, Ritz values and rotation).
 * All N-length work is O(N·L²) in blocks of rows; nothing N×N is formed.
 */
package org.opsvd.solver.eval;
