package org.opsvd.solver;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.opsvd.solver.neural.Activation;
import org.opsvd.solver.neural.Parametrisation;
import org.opsvd.solver.neural.Precision;
import org.opsvd.solver.run.RunTarget;
import org.opsvd.solver.train.OptimizerSpec;
import org.opsvd.solver.train.SessionOptions;

/**
 * What the eigen and singular builders ({@link SolveBuilder}, {@link SvdBuilder}) share: the network, the
 * optimiser and its schedule, precision and device, the seed, the evaluation cadence, and where the run is written
 * ({@link RunTarget}). Each subclass starts these at its own defaults. Setters return the builder itself.
 *
 * @param <B> the concrete builder
 */
public abstract class TrainingBuilder<B extends TrainingBuilder<B>> {

  /** Optimiser steps; null: the subclass's default for the problem. */
  protected Integer steps;
  protected int batch;
  /** Initial learning rate; null: the subclass's default (per problem for solves). */
  protected Double learningRate;
  protected OptimizerSpec.Kind optimizer;
  protected boolean cosineSchedule;
  protected double emaDecay;
  protected Precision precision;
  protected SessionOptions.Device device;
  /** Hidden widths; null: the subclass's default. */
  protected List<Integer> hidden;
  protected Activation activation;
  /** Shared or disjoint networks; null: the subclass's default. */
  protected Parametrisation parametrisation;
  /** Random Fourier pairs and their scale; null: the subclass's default. */
  protected Integer fourierFeatures;
  protected Double fourierScale;
  protected long seed;
  /** Evaluate every this many steps; null: steps/10. */
  protected Integer evalEvery;
  /** The run directory, checkpoints, figures and stop condition. */
  protected final RunTarget run = new RunTarget();
  /** The summary of the last solve that wrote a run directory. */
  protected Map<String, Object> summary;

  /** This builder as its concrete type. */
  protected abstract B self();

  /** Refuses a change of a setting that the problem or reference already depends on. */
  protected abstract void unlocked(String what);

  /** Optimiser steps; null for the default. */
  public B steps(Integer n) {
    this.steps = n;
    return self();
  }

  /** Batch size (samples per step), even. */
  public B batch(int b) {
    this.batch = b;
    return self();
  }

  /** Initial learning rate; null for the default. */
  public B learningRate(Double lr) {
    this.learningRate = lr;
    return self();
  }

  /** The update rule. */
  public B optimizer(OptimizerSpec.Kind kind) {
    this.optimizer = kind;
    return self();
  }

  /** Cosine annealing of the learning rate to 0, or a constant rate. */
  public B cosineSchedule(boolean on) {
    this.cosineSchedule = on;
    return self();
  }

  /** Parameter moving-average decay for evaluation, 0 = off. */
  public B emaDecay(double decay) {
    this.emaDecay = decay;
    return self();
  }

  /** Training precision. */
  public B precision(Precision p) {
    this.precision = p;
    return self();
  }

  /** Compute device (GPU needs the CUDA build; checked now, so that a run without one is refused before any work). */
  public B device(SessionOptions.Device d) {
    if (d == SessionOptions.Device.GPU) SessionOptions.requireGpu();
    this.device = d;
    return self();
  }

  /** Hidden-layer widths. */
  public B hidden(int... widths) {
    return hidden(java.util.Arrays.stream(widths).boxed().toList());
  }

  /** Hidden-layer widths; null for the default. */
  public B hidden(List<Integer> widths) {
    this.hidden = widths == null ? null : List.copyOf(widths);
    return self();
  }

  /** Activation of the hidden layers. */
  public B activation(Activation a) {
    this.activation = a;
    return self();
  }

  /** One network with L outputs, or L disjoint networks; null for the default. */
  public B parametrisation(Parametrisation p) {
    this.parametrisation = p;
    return self();
  }

  /** m random Gaussian Fourier frequencies of scale σ (0: the raw input). */
  public B fourier(int frequencies, double scale) {
    return fourier(Integer.valueOf(frequencies), Double.valueOf(scale));
  }

  /** As {@link #fourier(int, double)}; either may be null for the default. */
  public B fourier(Integer frequencies, Double scale) {
    this.fourierFeatures = frequencies;
    this.fourierScale = scale;
    return self();
  }

  /** Seed of the initialisation, the sampler and the Monte Carlo / evaluation points. */
  public B seed(long s) {
    unlocked("seed");
    this.seed = s;
    return self();
  }

  /** Evaluate every n steps (default steps/10); null for the default. */
  public B evalEvery(Integer n) {
    this.evalEvery = n;
    return self();
  }

  /**
   * Write a run directory while solving (created now, so a path that cannot be written fails before any work):
   * {@code config.json}, {@code history.csv}, {@code evaluations.csv}, {@code checkpoint.bin}, and at the end
   * {@code summary.json} (and, for eigen solves, the functions as NPY) and {@code figures/}.
   */
  public B writeTo(Path dir) {
    run.writeTo(dir);
    return self();
  }

  /**
   * Continue the run in {@code dir} from its checkpoint, bit for bit; the settings must be those of the run (a
   * difference is refused, naming every differing key). The logs are cut back to the checkpoint and continue.
   */
  public B resumeFrom(Path dir) {
    run.resumeFrom(dir);
    return self();
  }

  /** Checkpoint every n steps and at the end (default: at every evaluation; 0 = only at the end). */
  public B checkpointEvery(Integer n) {
    run.checkpointEvery(n);
    return self();
  }

  /** Draw {@code figures/*.png} at the end of a run written with {@link #writeTo} (default true). */
  public B figures(boolean on) {
    run.figures(on);
    return self();
  }

  /** Polled every step; true ends training early (what was learned is still evaluated and written). */
  public B stopWhen(BooleanSupplier condition) {
    run.stopWhen(condition);
    return self();
  }

  /** The content of {@code summary.json} of the last solve that wrote a run directory, or null. */
  public Map<String, Object> summary() {
    return summary;
  }
}
