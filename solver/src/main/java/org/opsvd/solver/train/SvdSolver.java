package org.opsvd.solver.train;

import org.opsvd.operators.kernels.SvdData;
import org.opsvd.operators.kernels.SvdProblem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.ejml.data.DMatrixRMaj;
import org.opsvd.operators.kernels.KernelOperator;
import org.opsvd.operators.kernels.SingularSystem;
import org.opsvd.operators.spectra.DegeneracyGroups;
import org.opsvd.solver.eval.MetricReport;
import org.opsvd.solver.eval.SampledFunctions;
import org.opsvd.solver.eval.SingularRitz;
import org.opsvd.solver.eval.SpectralMetrics;
import org.opsvd.solver.loss.NestedSvdLoss;
import org.opsvd.solver.loss.Nesting;
import org.opsvd.solver.neural.Activation;
import org.opsvd.solver.neural.NetworkEvaluator;
import org.opsvd.solver.neural.Mlp;
import org.opsvd.solver.neural.MlpSpec;
import org.opsvd.solver.neural.Parametrisation;
import org.opsvd.solver.neural.Precision;
import org.tensorflow.types.family.TFloating;

/**
 * NeuralSVD for a general operator, end to end: two networks f (on ρ₀) and g (on ρ₁) trained with the
 * nested LoRA loss in SVD form, then evaluated in float64 on quadratures of ρ₀ and ρ₁: singular values
 * σ_l = ‖f_l‖·‖g_l‖ (at the nested optimum f_l = √σ_l u_l, g_l = √σ_l v_l) and, from the operator term
 * M = ⟨f, Tg⟩, the Ritz singular values ({@link SingularRitz}); against an exact singular system the
 * relative errors of both, and the angles and subspace distances of the left (f vs u) and right (g vs v)
 * functions. M comes from the kernel on the two quadratures when it is known, else from the evaluation
 * pairs of paired data (M = (1/N)Σ_i f(x_i)g(y_i)ᵀ, since ⟨f, Tg⟩ = E[f(X)g(Y)] for a dependence kernel).
 * With a constant mode, f and g are centred first (T keeps mean-zero functions mean-zero).
 */
public final class SvdSolver {

  /**
   * One evaluation.
   *
   * @param step           steps completed
   * @param seconds        training time so far
   * @param singularValues ‖f_l‖‖g_l‖ on the quadratures (L)
   * @param exact          exact singular values of the same modes, or null
   * @param relErrors      relative errors of the singular values, or null
   * @param left           metrics of f against the exact left functions, or null
   * @param right          metrics of g against the exact right functions, or null
   * @param ritzValues     Ritz singular values from ⟨f, Tg⟩ (L, descending), or null when T is known neither
   *                       by its kernel nor by evaluation pairs
   * @param ritzErrors     their relative errors, or null
   */
  public record Evaluation(int step, double seconds, double[] singularValues, double[] exact, double[] relErrors,
      MetricReport left, MetricReport right, double[] ritzValues, double[] ritzErrors) {

    /** Mean relative singular-value error of ‖f_l‖‖g_l‖ (NaN without an exact system). */
    public double meanRelativeError() {
      return mean(relErrors);
    }

    /** Mean relative error of the Ritz singular values (NaN without them or an exact system). */
    public double meanRitzError() {
      return mean(ritzErrors);
    }

    private static double mean(double[] a) {
      return a == null ? Double.NaN : Arrays.stream(a).average().orElse(Double.NaN);
    }
  }

  /** Receives training steps and evaluations. */
  public interface Observer {
    void onStep(SvdTrainer.StepRecord step);

    void onEvaluation(Evaluation evaluation);

    /**
     * A checkpoint after {@code steps} steps is about to be written: logs written now cover at least the
     * steps it holds, so a run killed at any moment can be resumed with complete logs.
     */
    default void beforeCheckpoint(int steps) {
    }
  }

  /**
   * The outcome.
   *
   * @param left  moving-average parameters of f
   * @param right moving-average parameters of g
   */
  public record Result(Trainer.Outcome outcome, Evaluation evaluation, Mlp leftNetwork, Mlp rightNetwork,
      List<double[]> left, List<double[]> right) {}

  private SvdSolver() {
  }

  /**
   * The network on a side (d inputs, L + G outputs: the wanted functions, then the guards) that a configuration
   * describes; g uses seed + 1.
   */
  public static Mlp network(SvdConfig c, int inputs, long seed) {
    MlpSpec spec = new MlpSpec(inputs, c.hidden(), c.trainedOutputs(), c.activation(),
        c.parametrisation(),
        c.fourierFeatures() > 0 ? new MlpSpec.FourierFeatures(c.fourierFeatures(), c.fourierScale()) : null,
        null, null, null);
    return new Mlp(spec, seed);
  }

  public static Result solve(SvdProblem problem, SvdConfig config, Observer observer, BooleanSupplier stop) {
    return solve(problem, config, observer, stop, null);
  }

  /**
   * As {@link #solve(SvdProblem, SvdConfig, Observer, BooleanSupplier)}, with checkpoints (null: none): both
   * networks' parameters, their moving averages, the optimiser slots, the sampler's generator and the step,
   * in the format of solve's {@link Checkpoint} (parameters and averages of f then g). Resuming continues
   * bit for bit.
   */
  public static Result solve(SvdProblem problem, SvdConfig config, Observer observer, BooleanSupplier stop,
      NeuralSolver.Checkpointing checkpoints) {
    Mlp f = network(config, problem.data().leftDimension(), config.seed());
    Mlp g = network(config, problem.data().rightDimension(), config.seed() + 1);
    NestedSvdLoss loss = new NestedSvdLoss(config.nesting(), config.trainedOutputs());
    if (problem.constantMode()) loss = loss.withConstantMode();
    boolean paired = problem.data() instanceof SvdData.Paired;
    Precision precision = config.precision();
    SessionOptions session = SessionOptions.forDevice(config.device());
    Trainer.Settings settings = new Trainer.Settings(config.batch(), config.steps(),
        new CosineSchedule(config.learningRate(), config.steps(), config.cosineSchedule()),
        new ParameterAverage(config.emaDecay()), config.seed());
    SvdQuadrature leftQ = problem.samples() != null
        ? SvdQuadrature.empirical(problem.samples().x(), problem.data().leftDimension())
        : SvdQuadrature.of(problem.left(), config.evalPoints(), config.seed());
    SvdQuadrature rightQ = problem.samples() != null
        ? SvdQuadrature.empirical(problem.samples().y(), problem.data().rightDimension())
        : SvdQuadrature.of(problem.right(), config.evalPoints(), config.seed() + 1);
    try (SvdTrainingGraph<TFloating> graph = new SvdTrainingGraph<>(f, g, loss, paired, config.balance(),
        config.optimizer().spec(), precision, session);
         NetworkEvaluator<?> fe = NetworkEvaluator.float64(f, false);
         NetworkEvaluator<?> ge = NetworkEvaluator.float64(g, false)) {
      SvdTrainer.initialise(graph, initial(f), initial(g));
      int firstStep = 0;
      org.hipparchus.random.RandomGenerator rng = new org.hipparchus.random.Well19937c(settings.seed());
      Checkpoint resume = checkpoints == null ? null : checkpoints.resume();
      List<ResourceVariable<TFloating>> variables = allVariables(graph);
      if (resume != null) {
        List<double[]> values = resume.allValues();
        if (values.size() != variables.size()) {
          throw new IllegalArgumentException("checkpoint " + checkpoints.directory().resolve(Checkpoint.FILE)
              + " holds " + values.size() + " arrays, this network " + variables.size());
        }
        for (int i = 0; i < values.size(); i++) {
          if (values.get(i).length != variables.get(i).size()) {
            throw new IllegalArgumentException("checkpoint " + checkpoints.directory().resolve(Checkpoint.FILE)
                + " does not fit this network (array " + i + ")");
          }
        }
        Trainer.load(graph.session(), precision, variables, values);
        firstStep = resume.step();
        rng = resume.generator();
      }
      Trainer.CheckpointSink sink = checkpoints == null ? null : (done, generator) -> {
        observer.beforeCheckpoint(done);
        List<double[]> values = Trainer.read(graph.session(), variables);
        int n = graph.leftParameters().variables().size() + graph.rightParameters().variables().size();
        try {
          new Checkpoint(done, Checkpoint.saveGenerator(generator), checkpoints.configJson(), values.subList(0, n),
              values.subList(n, 2 * n), values.subList(2 * n, values.size())).write(checkpoints.directory());
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e.getMessage(), e);
        }
      };
      Trainer.Outcome outcome = SvdTrainer.train(graph, problem.data(), settings, step -> {
        observer.onStep(config.guard() == 0 ? step : new SvdTrainer.StepRecord(step.step(), step.seconds(),
            step.learningRate(), step.loss(), Arrays.copyOf(step.singularValues(), config.outputs())));
        int done = step.step() + 1;
        if (done % config.evalEvery() == 0 && done < config.steps()) {
          observer.onEvaluation(evaluate(problem, config, fe, ge, leftQ, rightQ,
              Trainer.read(graph.session(), graph.leftParameters().averages()),
              Trainer.read(graph.session(), graph.rightParameters().averages()), done, step.seconds()));
        }
      }, stop, firstStep, rng, sink, checkpoints == null ? 0 : checkpoints.every());
      List<double[]> pf = Trainer.read(graph.session(), graph.leftParameters().averages());
      List<double[]> pg = Trainer.read(graph.session(), graph.rightParameters().averages());
      Evaluation last = evaluate(problem, config, fe, ge, leftQ, rightQ, pf, pg, outcome.steps(), outcome.seconds());
      observer.onEvaluation(last);
      return new Result(outcome, last, f, g, pf, pg);
    }
  }

  /** Parameters of f and g, their moving averages (f then g), and the optimiser slots: the checkpoint order. */
  private static <T extends TFloating> List<ResourceVariable<T>> allVariables(SvdTrainingGraph<T> graph) {
    List<ResourceVariable<T>> all = new ArrayList<>(graph.leftParameters().variables());
    all.addAll(graph.rightParameters().variables());
    all.addAll(graph.leftParameters().averages());
    all.addAll(graph.rightParameters().averages());
    all.addAll(graph.optimizer().slots());
    return all;
  }

  private static List<double[]> initial(Mlp net) {
    List<double[]> out = new ArrayList<>();
    net.parameters().forEach(p -> out.add(p.initial()));
    return out;
  }

  static Evaluation evaluate(SvdProblem problem, SvdConfig config, NetworkEvaluator<?> fe, NetworkEvaluator<?> ge,
      SvdQuadrature leftQ, SvdQuadrature rightQ, List<double[]> pf, List<double[]> pg, int step, double seconds) {
    int l = config.outputs();
    SampledFunctions fl = reported(fe.values(pf, leftQ.points()).values(), leftQ, config);
    SampledFunctions gl = reported(ge.values(pg, rightQ.points()).values(), rightQ, config);
    DMatrixRMaj gramF = fl.gram();
    DMatrixRMaj gramG = gl.gram();
    double[] sigma = new double[l];
    for (int k = 0; k < l; k++) sigma[k] = Math.sqrt(gramF.get(k, k) * gramG.get(k, k));
    double[] ritz = ritzValues(problem, leftQ, rightQ, fl, gl);
    if (problem.exact().isEmpty()) {
      return new Evaluation(step, seconds, sigma, null, null, null, null, ritz, null);
    }
    SingularSystem exact = problem.exact().get();
    double[] ref = new double[l];
    for (int k = 0; k < l; k++) ref[k] = exact.singularValue(problem.exactIndex(k));
    double[] errors = SpectralMetrics.relativeErrors(sigma, ref);
    double[] ritzErrors = ritz == null ? null : SpectralMetrics.relativeErrors(ritz, ref);
    DegeneracyGroups groups = groups(ref);
    int m = groups.total();
    MetricReport left = SpectralMetrics.evaluate(fl.leading(m), exactFunctions(problem, exact, leftQ, m, true),
        groups, Arrays.copyOf(sigma, m), Arrays.copyOf(ref, m));
    MetricReport right = SpectralMetrics.evaluate(gl.leading(m), exactFunctions(problem, exact, rightQ, m, false),
        groups, Arrays.copyOf(sigma, m), Arrays.copyOf(ref, m));
    return new Evaluation(step, seconds, sigma, ref, errors, left, right, ritz, ritzErrors);
  }

  /** Largest kernel matrix N₀·N₁ the operator term is computed for (≈ 1 s of kernel evaluations). */
  static final long OPERATOR_TERM_LIMIT = 50_000_000L;

  /**
   * The Ritz singular values of f and g (sampled on their quadratures), or null when the operator term cannot
   * be formed (no kernel and no evaluation pairs, or a kernel matrix over {@link #OPERATOR_TERM_LIMIT}) or the
   * functions are degenerate (a Gram not finite or not positive definite).
   */
  static double[] ritzValues(SvdProblem problem, SvdQuadrature leftQ, SvdQuadrature rightQ, SampledFunctions f,
      SampledFunctions g) {
    DMatrixRMaj fv = f.valuesCopy();
    DMatrixRMaj gv = g.valuesCopy();
    if (problem.constantMode()) {
      centre(fv, leftQ.weights());
      centre(gv, rightQ.weights());
    }
    DMatrixRMaj m = operatorTerm(problem, leftQ, rightQ, fv, gv);
    if (m == null) return null;
    try {
      return SingularRitz.of(SampledFunctions.wrap(fv, leftQ.weights()).gram(),
          SampledFunctions.wrap(gv, rightQ.weights()).gram(), m).singularValues();
    } catch (org.opsvd.solver.NumericalFailure degenerate) {
      return null; // non-finite or linearly dependent functions (e.g. after a diverged run): no Ritz values
    }
  }

  /** M = ⟨f, Tg⟩ (L×L) for values f [N₀, L], g [N₁, L] on the quadratures, or null (see ritzValues). */
  private static DMatrixRMaj operatorTerm(SvdProblem problem, SvdQuadrature leftQ, SvdQuadrature rightQ,
      DMatrixRMaj f, DMatrixRMaj g) {
    int l = f.numCols;
    DMatrixRMaj tg;
    if (problem.kernel() != null && (long) leftQ.size() * rightQ.size() <= OPERATOR_TERM_LIMIT) {
      // (Tg)(x_i) = Σ_j k(x_i, y_j) w_j g(y_j)
      var k = problem.kernel();
      int dx = k.left().dimension();
      int dy = k.right().dimension();
      tg = new DMatrixRMaj(leftQ.size(), l);
      double[] x = new double[dx];
      double[] y = new double[dy];
      for (int i = 0; i < leftQ.size(); i++) {
        System.arraycopy(leftQ.points(), i * dx, x, 0, dx);
        for (int j = 0; j < rightQ.size(); j++) {
          System.arraycopy(rightQ.points(), j * dy, y, 0, dy);
          double kw = KernelOperator.requireFinite(k, x, y, k.kernel(x, y)) * rightQ.weights()[j];
          for (int c = 0; c < l; c++) tg.data[i * l + c] += kw * g.data[j * l + c];
        }
      }
    } else if (problem.samples() != null && leftQ.size() == rightQ.size()) {
      tg = g; // paired: Σ_i w_i f(x_i) g(y_i)ᵀ
    } else {
      return null;
    }
    return SampledFunctions.wrap(f, leftQ.weights()).crossGram(SampledFunctions.wrap(tg, leftQ.weights()));
  }

  /** Subtracts the weighted mean of each column. */
  private static void centre(DMatrixRMaj values, double[] weights) {
    int l = values.numCols;
    double total = Arrays.stream(weights).sum();
    for (int c = 0; c < l; c++) {
      double mean = 0;
      for (int i = 0; i < values.numRows; i++) mean += weights[i] * values.data[i * l + c];
      mean /= total;
      for (int i = 0; i < values.numRows; i++) values.data[i * l + c] -= mean;
    }
  }

  /** Groups of equal exact singular values (1e-9 relative), cut at the last complete group. */
  static DegeneracyGroups groups(double[] descending) {
    double[] ascending = new double[descending.length];
    for (int i = 0; i < descending.length; i++) ascending[i] = -descending[i];
    DegeneracyGroups all = DegeneracyGroups.of(ascending, 1e-9);
    return all;
  }

  private static SampledFunctions exactFunctions(SvdProblem problem, SingularSystem exact, SvdQuadrature q, int m,
      boolean left) {
    int d = left ? problem.data().leftDimension() : problem.data().rightDimension();
    DMatrixRMaj v = new DMatrixRMaj(q.size(), m);
    double[] x = new double[d];
    for (int i = 0; i < q.size(); i++) {
      System.arraycopy(q.points(), i * d, x, 0, d);
      for (int k = 0; k < m; k++) {
        int e = problem.exactIndex(k);
        v.set(i, k, left ? exact.left(e, x) : exact.right(e, x));
      }
    }
    return SampledFunctions.wrap(v, q.weights());
  }

  /** The first L of a network's L + G outputs (row-major [N, L + G]) on the quadrature {@code q}. */
  private static SampledFunctions reported(double[] rowMajor, SvdQuadrature q, SvdConfig config) {
    SampledFunctions all = SampledFunctions.wrap(DMatrixRMaj.wrap(q.size(), config.trainedOutputs(), rowMajor),
        q.weights());
    return config.guard() == 0 ? all : all.leading(config.outputs());
  }
}
