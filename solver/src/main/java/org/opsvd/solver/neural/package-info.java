/**
 * Neural eigenfunction ansätze as TensorFlow graphs: {@link org.opsvd.solver.neural.Mlp} (shared or
 * disjoint MLPs with optional Fourier features, learnable envelope and Dirichlet box mask) and the
 * value/gradient/Laplacian {@link org.opsvd.operators.action.Jet} by forward propagation, nested
 * reverse mode or finite differences ({@link org.opsvd.solver.neural.Laplacians}). Shapes: inputs
 * [B, d], outputs [B, L], gradients [B, d, L].
 */
package org.opsvd.solver.neural;
