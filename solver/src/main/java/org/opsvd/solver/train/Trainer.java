package org.opsvd.solver.train;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;
import org.opsvd.solver.neural.Precision;
import org.opsvd.solver.neural.Tensors;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.types.family.TFloating;

/**
 * The training driver, one loop for every problem kind ({@link #run}): each step draws a fresh batch with a seeded
 * Hipparchus generator ({@link BatchSource}) and runs one {@link StepGraph} step. Stops early, keeping the last good
 * parameters, when the loss is not finite or when asked to (Ctrl-C); either way the caller gets an {@link Outcome}
 * and can evaluate and write results. Also the variable helpers (load, read) and the eigenproblem's entry point
 * ({@link #train}).
 */
public final class Trainer {

  /**
   * @param batch    B (even: the quadratic term uses two half-batches)
   * @param steps    number of optimiser steps
   * @param schedule learning rate per step
   * @param average  parameter EMA
   * @param seed     sampler seed
   */
  public record Settings(int batch, int steps, LearningRateSchedule schedule, ParameterAverage average, long seed) {
    public Settings {
      if (batch < 2 || batch % 2 != 0) {
        throw new IllegalArgumentException("batch size must be even and at least 2 (the unbiased Gram estimate "
            + "splits the batch into two halves), got " + batch);
      }
      if (steps < 1) throw new IllegalArgumentException("steps must be at least 1, got " + steps);
    }
  }

  /**
   * One step's outputs.
   *
   * @param step         0-based step index
   * @param seconds      wall time since the start of training
   * @param learningRate lr used
   * @param loss         logged loss value
   * @param squaredNorms ‖f_l‖² on the batch (≈ λ_l(T) at the optimum)
   * @param rayleigh     batch Rayleigh quotients of T̃
   */
  public record StepRecord(int step, double seconds, double learningRate, double loss, double[] squaredNorms,
      double[] rayleigh) {}

  /** Receives every step (cheap: called on the training thread). */
  @FunctionalInterface
  public interface Listener {
    void onStep(StepRecord record);
  }

  /**
   * How training ended.
   *
   * @param steps      steps completed with finite loss (parameters reflect exactly these)
   * @param seconds    wall time
   * @param stopReason null when all steps ran; otherwise why it stopped
   * @param finished   whether that stop is the run's normal end (a stop rule's: converged), not an interruption
   * @param last       the last finite step, or null if none
   */
  public record Outcome(int steps, double seconds, String stopReason, boolean finished, Step last) {
    /** An outcome whose stop, if any, interrupted the run. */
    public Outcome(int steps, double seconds, String stopReason, Step last) {
      this(steps, seconds, stopReason, false, last);
    }

    /** Whether training ended normally: all steps ran, or a stop rule ended it. */
    public boolean completed() {
      return stopReason == null || finished;
    }
  }

  private Trainer() {
  }

  /**
   * Loads the network's initial parameter values into the variables, zeroes the optimiser slots and sets the
   * loss state (SpIN's averages) to its initial values.
   */
  public static <T extends TFloating> void initialise(TrainingGraph<T> graph, List<double[]> initial) {
    List<ResourceVariable<T>> params = graph.parameters();
    List<ResourceVariable<T>> avgs = graph.averages();
    List<double[]> values = new ArrayList<>();
    List<ResourceVariable<T>> targets = new ArrayList<>();
    for (int i = 0; i < params.size(); i++) {
      targets.add(params.get(i));
      values.add(initial.get(i));
      targets.add(avgs.get(i));
      values.add(initial.get(i));
    }
    for (ResourceVariable<T> s : graph.optimizer().slots()) {
      targets.add(s);
      values.add(new double[s.size()]);
    }
    targets.addAll(graph.state());
    values.addAll(graph.stateInitialValues());
    load(graph.session(), graph.precision(), targets, values);
  }

  /** Assigns values to variables in one run. */
  public static <T extends TFloating> void load(Session session, Precision precision, List<ResourceVariable<T>> vars,
      List<double[]> values) {
    Session.Runner runner = session.runner();
    List<Tensor> fed = new ArrayList<>();
    try {
      for (int i = 0; i < vars.size(); i++) {
        Tensor t = Tensors.of(precision, vars.get(i).shape(), values.get(i));
        fed.add(t);
        runner.feed(vars.get(i).loadValue(), t).addTarget(vars.get(i).loadOp());
      }
      runner.run().close();
    } finally {
      fed.forEach(Tensor::close);
    }
  }

  /** Current values of the given variables. */
  public static <T extends TFloating> List<double[]> read(Session session, List<ResourceVariable<T>> vars) {
    Session.Runner runner = session.runner();
    vars.forEach(v -> runner.fetch(v.read()));
    List<double[]> out = new ArrayList<>();
    try (Result r = runner.run()) {
      for (int i = 0; i < vars.size(); i++) out.add(Tensors.values(r.get(i)));
    }
    return out;
  }

  /**
   * Trains an eigenproblem from a fresh seeded generator, without checkpoints.
   *
   * @param graph    the step graph, initialised
   * @param density  sampling density p
   * @param settings loop settings
   * @param listener receives every finite step
   * @param stop     polled every step; true ends training early (e.g. after Ctrl-C)
   */
  public static <T extends TFloating> Outcome train(TrainingGraph<T> graph, SamplingDensity density,
      Settings settings, Listener listener, BooleanSupplier stop) {
    return train(graph, density, settings, listener, stop, 0, new Well19937c(settings.seed()), null, 0);
  }

  /** Called with the steps completed and the sampler's generator, so a caller can write a checkpoint. */
  @FunctionalInterface
  public interface CheckpointSink {
    void save(int stepsDone, RandomGenerator rng);
  }

  /** An eigenproblem through {@link #run}: batches x ~ p with the operator's fields, steps as {@link StepRecord}. */
  public static <T extends TFloating> Outcome train(TrainingGraph<T> graph, SamplingDensity density,
      Settings settings, Listener listener, BooleanSupplier stop, int firstStep, RandomGenerator rng,
      CheckpointSink sink, int every) {
    return train(graph, new AdaptiveDensity(density), settings, listener, stop, firstStep, rng, sink, every);
  }

  /** As above, drawing from {@code sampler} (which may be refitted between steps, e.g. by the listener). */
  public static <T extends TFloating> Outcome train(TrainingGraph<T> graph, AdaptiveDensity sampler,
      Settings settings, Listener listener, BooleanSupplier stop, int firstStep, RandomGenerator rng,
      CheckpointSink sink, int every) {
    return run(graph, new OperatorBatches<>(graph, sampler), settings, step -> listener.onStep(new StepRecord(
        step.step(), step.seconds(), step.learningRate(), step.loss(), step.diagnostics().get(0),
        step.diagnostics().get(1))), stop, firstStep, rng, sink, every);
  }

  /**
   * One finite step of any problem kind.
   *
   * @param diagnostics the values of {@link StepGraph#diagnostics()}, in order
   */
  public record Step(int step, double seconds, double learningRate, double loss, List<double[]> diagnostics) {}

  /**
   * The one training loop, for every problem kind: from step {@code firstStep} with the sampler's generator in the
   * given state (fresh and seeded, or restored from a checkpoint), each step draws a batch, runs the graph once and
   * hands the step to {@code listener}; a checkpoint goes to {@code sink} every {@code every} steps and when the
   * loop ends for any reason (sink may be null). Stops early, keeping the last good parameters, when the loss is
   * not finite or when {@code stop} says so.
   */
  public static <T extends TFloating> Outcome run(StepGraph<T> graph, BatchSource batches, Settings settings,
      java.util.function.Consumer<Step> listener, BooleanSupplier stop, int firstStep, RandomGenerator rng,
      CheckpointSink sink, int every) {
    Outcome outcome = loop(graph, batches, settings, listener, stop, firstStep, rng, sink, every);
    if (sink != null) sink.save(outcome.steps(), rng);
    return outcome;
  }

  private static <T extends TFloating> Outcome loop(StepGraph<T> graph, BatchSource batches, Settings settings,
      java.util.function.Consumer<Step> listener, BooleanSupplier stop, int firstStep, RandomGenerator rng,
      CheckpointSink sink, int every) {
    Precision precision = graph.precision();
    List<org.tensorflow.Operand<T>> diagnostics = graph.diagnostics();
    long start = System.nanoTime();
    Step last = null;
    for (int t = firstStep; t < settings.steps(); t++) {
      if (stop.getAsBoolean()) {
        return new Outcome(t, seconds(start), StopCondition.reasonOf(stop, t),
            stop instanceof StopCondition s && s.finishesRun(), last);
      }
      if (sink != null && every > 0 && t > firstStep && t % every == 0) {
        sink.save(t, rng);
      }
      List<Tensor> fed = new ArrayList<>();
      try {
        Session.Runner runner = graph.session().runner();
        batches.feed(runner, rng, settings.batch(), fed);
        double lr = settings.schedule().at(t);
        runner.fetch(graph.loss());
        diagnostics.forEach(runner::fetch);
        feedStep(runner, graph.optimizer(), graph.averageDecay(), precision, settings, t, lr, fed);
        graph.updates().forEach(runner::addTarget);
        try (Result r = runner.run()) {
          double loss = Tensors.scalarValue(r.get(0));
          if (!Double.isFinite(loss)) {
            return new Outcome(t, seconds(start), "loss became " + loss + " at step " + t
                + "; the step was skipped and the parameters of step " + (t - 1) + " kept"
                + graph.divergenceAdvice(), last);
          }
          List<double[]> values = new ArrayList<>();
          for (int i = 0; i < diagnostics.size(); i++) values.add(Tensors.values(r.get(1 + i)));
          last = new Step(t, seconds(start), lr, loss, List.copyOf(values));
        }
      } finally {
        fed.forEach(Tensor::close);
      }
      listener.accept(last);
    }
    return new Outcome(settings.steps(), seconds(start), null, last);
  }

  /**
   * Feeds the per-step scalars every training graph has: learning rate, Adam's bias corrections for
   * step t + 1, and the moving-average decay; the tensors are added to {@code fed} for closing.
   */
  static <T extends TFloating> void feedStep(Session.Runner runner, OptimizerGraph<T> optimizer,
      org.tensorflow.Operand<T> averageDecay, Precision precision, Settings settings, int t, double lr,
      List<Tensor> fed) {
    OptimizerSpec opt = optimizer.spec();
    runner.feed(optimizer.learningRate(), add(fed, Tensors.scalar(precision, lr)))
        .feed(optimizer.firstCorrection(), add(fed, Tensors.scalar(precision, opt.firstCorrection(t + 1))))
        .feed(optimizer.secondCorrection(), add(fed, Tensors.scalar(precision, opt.secondCorrection(t + 1))))
        .feed(averageDecay, add(fed, Tensors.scalar(precision, settings.average().decayAt(t))));
  }

  static Tensor add(List<Tensor> list, Tensor t) {
    list.add(t);
    return t;
  }

  static double seconds(long start) {
    return (System.nanoTime() - start) * 1e-9;
  }
}
