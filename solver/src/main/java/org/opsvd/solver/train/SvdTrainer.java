package org.opsvd.solver.train;

import org.opsvd.operators.kernels.SvdData;
import org.opsvd.operators.kernels.SvdProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;
import org.tensorflow.types.family.TFloating;

/**
 * Operator-SVD training through the one driver ({@link Trainer#run}): fresh samples every step from
 * {@link SvdData} (seeded, {@link SvdBatches}), one {@link SvdTrainingGraph} step each.
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

  /** A singular problem through the one driver, {@link Trainer#run}, with its steps as {@link StepRecord}. */
  public static <T extends TFloating> Trainer.Outcome train(SvdTrainingGraph<T> graph, SvdData data,
      Trainer.Settings settings, Listener listener, BooleanSupplier stop, int firstStep, RandomGenerator rng,
      Trainer.CheckpointSink sink, int every) {
    return Trainer.run(graph, new SvdBatches<>(graph, data), settings, step -> listener.onStep(new StepRecord(
        step.step(), step.seconds(), step.learningRate(), step.loss(), step.diagnostics().get(0))), stop, firstStep,
        rng, sink, every);
  }
}
