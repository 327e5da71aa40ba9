package org.opsvd.solver.loss;

import java.util.Objects;
import org.tensorflow.Operand;
import org.tensorflow.types.family.TFloating;

/**
 * The graph operands of one batch of a {@link TrainingLoss}.
 *
 * @param loss           logged loss value, scalar (not differentiated; a non-finite value skips the step)
 * @param outputGradient G [B, L], the gradient injected at the network outputs F (stop-gradient):
 *                       the parameter gradient is J_θ(F)ᵀG
 * @param gram           [L, L] Gram ⟨g_k, g_l⟩ (batch estimate) of the functions g whose Rayleigh quotients
 *                       estimate eigenvalues: g = f for NeuralSVD (diag = squared norms ‖f_l‖², the LoRA
 *                       eigenvalue estimate), the normalised φ for NeuralEF, the whitened L⁻¹f for SpIN
 * @param operatorGram   [L, L] ⟨g_k, T g_l⟩ of the same functions; diag(operatorGram)/diag(gram) = batch
 *                       Rayleigh quotients
 */
public record LossTerms<T extends TFloating>(
    Operand<T> loss, Operand<T> outputGradient, Operand<T> gram, Operand<T> operatorGram) {
  public LossTerms {
    Objects.requireNonNull(loss, "loss");
    Objects.requireNonNull(outputGradient, "outputGradient");
    Objects.requireNonNull(gram, "gram");
    Objects.requireNonNull(operatorGram, "operatorGram");
  }
}
