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
 * The operator-SVD training loop: fresh samples every step from {@link SvdData} (seeded), one
 * {@link SvdTrainingGraph} step each; stops early on a non-finite loss (parameters of the last good
 * step kept) or when asked to.
 */
public final class SvdTrainer {

  /** One step: loss and the batch singular-value estimates ‖f_l‖‖g_l‖. */
  public record StepRecord(int step, double seconds, double learningRate, double loss, double[] singularValues) {}

  /** Receives every finite step. */
  @FunctionalInterface
  public interface Listener {
    void onStep(StepRecord record);
  }

  private SvdTrainer() {
  }

  /** Loads the networks' initial values into parameters and averages, zeroes the optimiser slots. */
  public static <T extends TFloating> void initialise(SvdTrainingGraph<T> graph, List<double[]> leftInitial,
      List<double[]> rightInitial) {
    List<ResourceVariable<T>> vars = new ArrayList<>();
    List<double[]> values = new ArrayList<>();
    add(vars, values, graph.leftParameters(), leftInitial);
    add(vars, values, graph.rightParameters(), rightInitial);
    for (ResourceVariable<T> s : graph.optimizer().slots()) {
      vars.add(s);
      values.add(new double[s.size()]);
    }
    Trainer.load(graph.session(), graph.precision(), vars, values);
  }

  private static <T extends TFloating> void add(List<ResourceVariable<T>> vars, List<double[]> values,
      TrainableParameters<T> p, List<double[]> initial) {
    for (int i = 0; i < initial.size(); i++) {
      vars.add(p.variables().get(i));
      values.add(initial.get(i));
      vars.add(p.averages().get(i));
      values.add(initial.get(i));
    }
  }

  /** Runs the loop with batch B for x and for y (B pairs in the paired form). */
  public static <T extends TFloating> Trainer.Outcome train(SvdTrainingGraph<T> graph, SvdData data,
      Trainer.Settings settings, Listener listener, BooleanSupplier stop) {
    return train(graph, data, settings, listener, stop, 0, new Well19937c(settings.seed()), null, 0);
  }

  /**
   * The loop from step {@code firstStep} with the sampler's generator in the given state (fresh and seeded, or
   * restored from a checkpoint), handing {@code sink} a checkpoint every {@code every} steps and when the loop
   * ends for any reason ({@code sink} may be null), as {@link Trainer#train} does for solve.
   */
  public static <T extends TFloating> Trainer.Outcome train(SvdTrainingGraph<T> graph, SvdData data,
      Trainer.Settings settings, Listener listener, BooleanSupplier stop, int firstStep, RandomGenerator rng,
      Trainer.CheckpointSink sink, int every) {
    Trainer.Outcome outcome = loop(graph, data, settings, listener, stop, firstStep, rng, sink, every);
    if (sink != null) sink.save(outcome.steps(), rng);
    return outcome;
  }

  private static <T extends TFloating> Trainer.Outcome loop(SvdTrainingGraph<T> graph, SvdData data,
      Trainer.Settings settings, Listener listener, BooleanSupplier stop, int firstStep, RandomGenerator rng,
      Trainer.CheckpointSink sink, int every) {
    int b = settings.batch();
    int dx = data.leftDimension();
    int dy = data.rightDimension();
    Precision precision = graph.precision();
    double[] x = new double[b * dx];
    double[] y = new double[b * dy];
    double[] k = data instanceof SvdData.Kernel ? new double[b * b] : null;
    long start = System.nanoTime();
    StepRecord last = null;
    for (int t = firstStep; t < settings.steps(); t++) {
      if (stop.getAsBoolean()) {
        return new Trainer.Outcome(t, Trainer.seconds(start), "interrupted after " + t + " steps", null);
      }
      if (sink != null && every > 0 && t > firstStep && t % every == 0) {
        sink.save(t, rng);
      }
      if (data instanceof SvdData.Kernel kd) {
        kd.batch(rng, x, y, k, b, b);
      } else {
        ((SvdData.Paired) data).source().sample(rng, x, y, b);
      }
      double lr = settings.schedule().at(t);
      List<Tensor> fed = new ArrayList<>();
      try {
        Session.Runner runner = graph.session().runner()
            .feed(graph.left(), Trainer.add(fed, Tensors.of(precision, new long[] {b, dx}, x)))
            .feed(graph.right(), Trainer.add(fed, Tensors.of(precision, new long[] {b, dy}, y)));
        if (k != null) runner.feed(graph.kernel(), Trainer.add(fed, Tensors.of(precision, new long[] {b, b}, k)));
        runner.fetch(graph.loss()).fetch(graph.singularValues());
        Trainer.feedStep(runner, graph.optimizer(), graph.averageDecay(), precision, settings, t, lr, fed);
        graph.updates().forEach(runner::addTarget);
        try (Result r = runner.run()) {
          double loss = Tensors.scalarValue(r.get(0));
          if (!Double.isFinite(loss)) {
            return new Trainer.Outcome(t, Trainer.seconds(start), "loss became " + loss + " at step " + t
                + "; the step was skipped and the parameters of step " + (t - 1) + " kept", null);
          }
          last = new StepRecord(t, Trainer.seconds(start), lr, loss, Tensors.values(r.get(1)));
        }
      } finally {
        fed.forEach(Tensor::close);
      }
      listener.onStep(last);
    }
    return new Trainer.Outcome(settings.steps(), Trainer.seconds(start), null, null);
  }
}
