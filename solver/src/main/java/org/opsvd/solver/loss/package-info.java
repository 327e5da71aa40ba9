/**
 * The nested LoRA objective of NeuralSVD (Ryu et al., ICML 2024) as TensorFlow graph builders.
 *
 * <ul>
 *   <li>{@link org.opsvd.solver.loss.Nesting}: sequential or joint nesting, as a vector mask m and a
 *       matrix mask M.
 *   <li>{@link org.opsvd.solver.loss.NestedLoraLoss}: the minibatch estimator: logged loss value,
 *       the gradient G injected at the network outputs, and Gram matrices for eigenvalue estimates.
 *   <li>{@link org.opsvd.solver.loss.Method}, {@link org.opsvd.solver.loss.TrainingLoss},
 *       {@link org.opsvd.solver.loss.LossTerms}: the methods of {@code opsvd solve} on one interface;
 *       the baselines {@link org.opsvd.solver.loss.NeuralEfLoss} (NeuralEF) and
 *       {@link org.opsvd.solver.loss.SpinLoss} (SpIN, masked gradient), and the successor's orbital-minimization
 *       losses {@link org.opsvd.solver.loss.OmmLoss} (sequential OMM and its Sanger's-rule form).
 *   <li>{@link org.opsvd.solver.loss.NestedSvdLoss}: the SVD form (f, g) for a general operator:
 *       an independent-samples kernel estimator and a paired-samples (canonical dependence kernel)
 *       estimator, with injected gradients for both sides and an optional constant mode 0.
 *   <li>{@link org.opsvd.solver.loss.OperatorShift}: T = a·(−H) + b, which maps the wanted lowest
 *       energies of H to the top positive eigenvalues of T (LoRA only learns the positive part).
 * </ul>
 */
package org.opsvd.solver.loss;
