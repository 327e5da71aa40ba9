/**
 * Exact (closed-form) spectra and eigenfunctions of model Schrödinger operators H = −c·Δ + V, used as
 * ground truth for the discretised and neural solvers, plus tools to group numerically computed
 * eigenvalues into degenerate shells.
 *
 * <p>Units are atomic units throughout; c is the kinetic coefficient of
 * {@link org.opsvd.operators.Hamiltonian} (½ physicists', 1 NeuralSVD reference code). Energies are
 * always reported for the operator as given, never rescaled between conventions.
 */
package org.opsvd.operators.spectra;
