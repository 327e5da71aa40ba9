package org.opsvd.solver.train;

import java.util.ArrayList;
import java.util.List;
import org.opsvd.operators.action.LocalOperator;
import org.opsvd.solver.loss.LossTerms;
import org.opsvd.solver.loss.NestedLoraLoss;
import org.opsvd.solver.loss.SpinLoss;
import org.opsvd.solver.loss.TrainingLoss;
import org.opsvd.operators.action.Jet;
import org.opsvd.solver.neural.LaplacianMethod;
import org.opsvd.solver.neural.Laplacians;
import org.opsvd.solver.neural.Network;
import org.opsvd.solver.neural.Precision;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.family.TFloating;

/**
 * One training step (NeuralSVD, NeuralEF or SpIN: a {@link TrainingLoss}) as a single TensorFlow graph, run
 * with one {@code Session.run}:
 * <ol>
 *   <li>the jet (f, ∇f, Δf) of the network at the fed batch x [B, d], by the chosen Laplacian method;</li>
 *   <li>T̃f = a·(−Ãf) + b·f, with Ãf the operator's importance-weighted action on the jet and its per-point
 *       fields, fed ({@link LocalOperator});</li>
 *   <li>the loss terms and the output gradient G [B, L] ({@link TrainingLoss#build}); with Gram points (NeuralSVD,
 *       {@code --gram-batch}) the network's values on M more fed points, forward only, pooled into G's Gram factor;</li>
 *   <li>parameter gradients J_θ(f)ᵀG by one reverse pass through the value f only
 *       ({@code tf.gradients(f, θ, dx = G)}): no differentiation through T̃f. SpIN with β &lt; 1 adds its
 *       averaged Jacobian term and keeps Σ̄, J̄ as graph state ({@link SpinState}, {@link #state()});</li>
 *   <li>the optimiser update, skipped (parameters unchanged) when the loss is not finite;</li>
 *   <li>the parameter moving average θ̄ ← δθ̄ + (1−δ)θ' with δ fed.</li>
 * </ol>
 * Fetched per step: the loss, diag(FᵀF/B) (squared norms ‖f_l‖² ≈ λ_l(T)) and the batch Rayleigh
 * quotients diag(FᵀT̃F)/diag(FᵀF).
 */
public final class TrainingGraph<T extends TFloating> extends AbstractStepGraph<T> {

  private final Placeholder<T> points;
  private final Placeholder<T> weights;
  private final LocalOperator operator;
  private final List<Placeholder<T>> fields = new ArrayList<>();
  private final TrainableParameters<T> trainable;
  private final Operand<T> squaredNorms;
  private final Operand<T> rayleigh;
  private final SpinState<T> spin;
  private final Placeholder<T> gramPoints;
  private final Placeholder<T> gramWeights;
  private final int gramBatch;

  /**
   * Builds the graph and opens a session.
   *
   * @param network   f_θ
   * @param loss      the loss (L = network outputs): NeuralSVD, NeuralEF or SpIN
   * @param method    Laplacian strategy
   * @param fdStep    finite-difference step (for {@link LaplacianMethod#FINITE_DIFFERENCE})
   * @param operator  the operator A whose lowest eigenpairs are learned
   * @param scale     a in T = a·(−A) + b
   * @param shift     b
   * @param optimizer optimiser rule
   * @param precision graph precision
   * @param session   session configuration (threads, device)
   */
  public TrainingGraph(Network network, TrainingLoss loss, LaplacianMethod method, double fdStep,
      LocalOperator operator, double scale, double shift, OptimizerSpec optimizer, Precision precision, SessionOptions session) {
    this(network, loss, method, fdStep, operator, scale, shift, optimizer, precision, session, false, 0);
  }

  /**
   * As above; with {@code weighted}, each point also gets a fed weight √w [B] ({@link #weights()}) that scales its
   * rows of f and T̃f, so that the loss's moment matrices become E_q[w f fᵀ] and E_q[w f T̃fᵀ]: points drawn from q
   * with w = p/q estimate the moments under p ({@link AdaptiveDensity}). With {@code gramBatch} M &gt; 0 (NeuralSVD
   * only) M more points x̃ [M, d] (and their weights) are fed ({@link #gramPoints()}), the network is evaluated on them
   * forward only, and their Gram Λ̃ = f(x̃)ᵀf(x̃)/M is pooled with each half batch's, with weight M/(M + B/2) ({@link
   * NestedLoraLoss#build(org.tensorflow.op.Ops, Operand, Operand, Operand, Operand)}).
   */
  public TrainingGraph(Network network, TrainingLoss loss, LaplacianMethod method, double fdStep,
      LocalOperator operator, double scale, double shift, OptimizerSpec optimizer, Precision precision,
      SessionOptions session, boolean weighted, int gramBatch) {
    super(precision);
    Class<T> type = precision.type();
    int d = network.inputDimension();
    this.points = tf.withName("x").placeholder(type, Placeholder.shape(Shape.of(-1, d)));
    this.operator = operator;
    for (LocalOperator.Field field : operator.fields()) {
      Shape shape = field.width() == 0 ? Shape.of(-1) : Shape.of(-1, field.width());
      fields.add(tf.withName(field.name()).placeholder(type, Placeholder.shape(shape)));
    }
    this.trainable = new TrainableParameters<>(tf, "", network.parameters(), precision);
    List<Operand<T>> reads = trainable.reads();
    Jet<T> jet = method == LaplacianMethod.FINITE_DIFFERENCE
        ? Laplacians.finiteDifference(tf, network, points, reads, fdStep)
        : Laplacians.jet(tf, network, points, reads, method);
    Operand<T> action = operator.act(tf, jet, fields);
    Operand<T> shifted = tf.math.add(tf.math.mul(precision.scalar(tf, -scale), action),
        tf.math.mul(precision.scalar(tf, shift), jet.value()));
    Operand<T> value = jet.value();
    if (weighted) {
      this.weights = tf.withName("sqrt_w").placeholder(type, Placeholder.shape(Shape.of(-1)));
      Operand<T> column = tf.expandDims(weights, tf.constant(1));
      value = tf.math.mul(value, column);
      shifted = tf.math.mul(shifted, column);
    } else {
      this.weights = null;
    }
    LossTerms<T> terms;
    List<Operand<T>> gradients;
    this.gramBatch = gramBatch;
    if (gramBatch > 0 && !(loss instanceof NestedLoraLoss)) {
      throw new IllegalArgumentException("Gram points apply to the NeuralSVD loss only, not to " + loss);
    }
    this.gramPoints = gramBatch > 0 ? tf.withName("x_gram").placeholder(type, Placeholder.shape(Shape.of(-1, d))) : null;
    this.gramWeights = gramBatch > 0 && weighted
        ? tf.withName("sqrt_w_gram").placeholder(type, Placeholder.shape(Shape.of(-1))) : null;
    if (loss instanceof SpinLoss s && s.decay() < 1) {
      List<long[]> shapes = new ArrayList<>();
      network.parameters().forEach(p -> shapes.add(p.shape()));
      this.spin = new SpinState<>(tf, s, shapes, reads, value, shifted, precision);
      terms = spin.terms();
      gradients = spin.gradients();
    } else {
      this.spin = null;
      terms = gramBatch > 0 ? pooledTerms((NestedLoraLoss) loss, network, reads, value, shifted, precision)
          : loss.build(tf, value, shifted);
      gradients = gradients(tf.gradients(value, reads, Gradients.dx(List.of(terms.outputGradient()))),
          reads.size());
    }
    Operand<T> norms = diagonal(tf, terms.gram(), network.outputs(), precision);
    this.squaredNorms = norms;
    this.rayleigh = tf.math.div(diagonal(tf, terms.operatorGram(), network.outputs(), precision), norms);

    OptimizerGraph<T> steps = optimizerOf(terms.loss(), optimizer);
    trainable.update(tf, steps, reads, gradients, averageDecay(), precision, updates);
    if (spin != null) spin.update(tf, steps, updates);
    finish(session);
  }

  /**
   * The nested loss with the Gram Λ̃ = f(x̃)ᵀf(x̃)/M of the Gram points (forward only, weighted like the batch) pooled
   * into each half's Gram factor at weight M/(M + B/2).
   */
  private LossTerms<T> pooledTerms(NestedLoraLoss loss, Network network, List<Operand<T>> reads, Operand<T> value,
      Operand<T> shifted, Precision precision) {
    Operand<T> g = network.value(tf, gramPoints, reads);
    if (gramWeights != null) g = tf.math.mul(g, tf.expandDims(gramWeights, tf.constant(1)));
    g = tf.stopGradient(g);
    Operand<T> m = precision.scalar(tf, gramBatch);
    Operand<T> gram = tf.math.div(tf.linalg.matMul(g, g, org.tensorflow.op.linalg.MatMul.transposeA(true)), m);
    Operand<T> halfBatch = tf.math.div(
        tf.dtypes.cast(tf.gather(tf.shape(value), tf.constant(0), tf.constant(0)), precision.<T>type()),
        precision.scalar(tf, 2));
    return loss.build(tf, value, shifted, gram, tf.math.div(m, tf.math.add(m, halfBatch)));
  }

  public Placeholder<T> points() {
    return points;
  }

  /** The per-point weights √w [B], or null for an unweighted graph (every w = 1). */
  public Placeholder<T> weights() {
    return weights;
  }

  public LocalOperator operator() {
    return operator;
  }

  /** The operator's per-point field placeholders, in the order of {@link LocalOperator#fields()}. */
  public List<Placeholder<T>> fields() {
    return List.copyOf(fields);
  }

  public List<ResourceVariable<T>> parameters() {
    return trainable.variables();
  }

  public List<ResourceVariable<T>> averages() {
    return trainable.averages();
  }

  /**
   * Loss state beyond parameters, averages and optimiser slots (SpIN's Σ̄ and J̄; empty otherwise): loaded with
   * {@link #stateInitialValues()} at the start and saved in checkpoints after the slots.
   */
  public List<ResourceVariable<T>> state() {
    return spin == null ? List.of() : spin.variables();
  }

  /** Initial values of {@link #state()}. */
  public List<double[]> stateInitialValues() {
    return spin == null ? List.of() : spin.initialValues();
  }

  /** The squared norms and the batch Rayleigh quotients, in that order. */
  @Override
  public List<Operand<T>> diagnostics() {
    return List.of(squaredNorms, rayleigh);
  }

  @Override
  public String divergenceAdvice() {
    return " (try a smaller learning rate, float64, or a different shift)";
  }

  public Operand<T> squaredNorms() {
    return squaredNorms;
  }

  /** Points for the Gram estimate [M, d], fed besides the batch; null without one. */
  Placeholder<T> gramPoints() {
    return gramPoints;
  }

  /** Their weights √w [M]; null when unweighted or without Gram points. */
  Placeholder<T> gramWeights() {
    return gramWeights;
  }

  /** M, the number of Gram points (0 without). */
  int gramBatch() {
    return gramBatch;
  }

  public Operand<T> rayleigh() {
    return rayleigh;
  }
}
