/**
 * Classical eigensolvers for the lowest eigenpairs of a discretised Schrödinger operator H_h
 * ({@link org.opsvd.operators.grid.DiscreteHamiltonian}); they are the references the neural solvers are
 * checked against. All return {@link org.opsvd.solver.classical.GridEigenpairs}.
 *
 * <ul>
 *   <li>{@link org.opsvd.solver.classical.KroneckerSolver}: exact FD spectrum of a separable V from 1D
 *       problems, milliseconds; the oracle.</li>
 *   <li>{@link org.opsvd.solver.classical.DenseSolver}: all eigenpairs of a tiny grid (n ≤ 2500).</li>
 *   <li>{@link org.opsvd.solver.classical.ShiftInvertSolver}: Lanczos on (H − σI)⁻¹ with a
 *       nested-dissection sparse Cholesky; robust, also for clustered spectra; 2D.</li>
 *   <li>{@link org.opsvd.solver.classical.ChebyshevFilterSolver}: matrix-free Lanczos on a Chebyshev
 *       polynomial of H; fastest for well-separated low spectra, and the 3D route.</li>
 *   <li>{@link org.opsvd.solver.classical.DvrSolver}: the spectral DVR discretisation
 *       ({@link org.opsvd.operators.grid.DvrHamiltonian}) of a smooth potential, exponentially convergent.</li>
 * </ul>
 * {@link org.opsvd.solver.classical.ReferenceSolver} picks a route ({@code AutoRoute}: structure, smoothness,
 * {@code CostModel}), refuses grids whose {@code MemoryEstimate} exceeds the heap, and estimates errors
 * ({@link org.opsvd.solver.classical.Richardson} for finite differences, successive grids for the DVR).
 * Building blocks: {@link org.opsvd.solver.classical.ArpackLanczos} (ARPACK reverse communication),
 * {@link org.opsvd.solver.classical.NestedDissection}, {@link org.opsvd.solver.classical.PermutedCholesky},
 * {@link org.opsvd.solver.classical.Residuals}.
 *
 * <p>For kernel operators ({@link org.opsvd.operators.kernels.KernelOperator}):
 * {@link org.opsvd.solver.classical.NystromSolver}, the Nyström baseline (sampled kernel matrix, EJML
 * eigendecomposition, kernel extension of the eigenvectors) for self-adjoint PSD kernels, and
 * {@link org.opsvd.solver.classical.NystromSvd}, its SVD form for any kernel operator L²(ρ₁) → L²(ρ₀) (samples
 * from both measures, EJML thin SVD, kernel extension of the left and right singular vectors).
 */
package org.opsvd.solver.classical;
