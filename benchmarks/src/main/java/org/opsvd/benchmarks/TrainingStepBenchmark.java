package org.opsvd.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.opsvd.operators.OperatorCatalog;
import org.opsvd.operators.OperatorRequest;
import org.opsvd.operators.action.LocalOperator;
import org.opsvd.solver.loss.Nesting;
import org.opsvd.solver.loss.NestedLoraLoss;
import org.opsvd.solver.neural.LaplacianMethod;
import org.opsvd.solver.neural.Laplacians;
import org.opsvd.solver.neural.Mlp;
import org.opsvd.solver.neural.MlpSpec;
import org.opsvd.solver.neural.Parametrisation;
import org.opsvd.solver.neural.Precision;
import org.opsvd.solver.train.CosineSchedule;
import org.opsvd.solver.train.OptimizerSpec;
import org.opsvd.solver.train.ParameterAverage;
import org.opsvd.solver.train.SamplingDensity;
import org.opsvd.solver.train.SessionOptions;
import org.opsvd.solver.train.Trainer;
import org.opsvd.solver.train.TrainingGraph;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.tensorflow.types.family.TFloating;

/**
 * One NeuralSVD training step (Java-side sampling of x ~ p and V(x), one {@code Session.run}: jet,
 * T̃f, nested LoRA terms, backward pass through f, RMSprop update, parameter EMA), per Laplacian
 * strategy, precision and batch size, for two networks:
 * <ul>
 *   <li>{@code mlp}: the 2-128-128-16 shared softplus MLP on the 2D oscillator;</li>
 *   <li>{@code hydrogen}: the reference code's hydrogen network — 16 disjoint 3×128 softplus MLPs on
 *       1024 shared Gaussian Fourier pairs (σ = 0.1), 2D Coulomb potential, x ~ N(0, 16²I).</li>
 * </ul>
 * Average time per step. Example:
 * {@code java -jar benchmarks/target/benchmarks.jar TrainingStepBenchmark -p network=hydrogen -p batch=128 -p precision=float32}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class TrainingStepBenchmark {

  @Param({"mlp", "hydrogen"})
  public String network;

  @Param({"forward", "autodiff", "fd"})
  public String laplacian;

  @Param({"float32", "float64"})
  public String precision;

  @Param({"128", "512", "2048"})
  public int batch;

  private TrainingGraph<TFloating> graph;
  private SamplingDensity density;
  private Trainer.Settings settings;

  @Setup(Level.Trial)
  public void setUp() {
    boolean hydrogen = network.equals("hydrogen");
    MlpSpec spec = hydrogen
        ? MlpSpec.of(2, List.of(128, 128, 128), 16).withParametrisation(Parametrisation.DISJOINT).withFourier(1024, 0.1)
        : MlpSpec.of(2, List.of(128, 128), 16);
    Mlp mlp = new Mlp(spec, 0);
    LocalOperator operator = OperatorCatalog.build(OperatorRequest.named(hydrogen ? "hydrogen" : "harmonic", 2, 1.0))
        .operator();
    density = new SamplingDensity.Gaussian(2, hydrogen ? 16 : 4);
    graph = new TrainingGraph<>(mlp, new NestedLoraLoss(Nesting.SEQUENTIAL, 16), LaplacianMethod.parse(laplacian),
        Laplacians.DEFAULT_STEP, operator, hydrogen ? 100 : 1, hydrogen ? 0 : 16, OptimizerSpec.rmsprop(),
        Precision.parse(precision), SessionOptions.cpu());
    Trainer.initialise(graph, mlp.parameters().stream().map(p -> p.initial()).toList());
    settings = new Trainer.Settings(batch, 1, new CosineSchedule(1e-4, 1, false), new ParameterAverage(0.995), 0);
  }

  @Benchmark
  public Trainer.Outcome step() {
    return Trainer.train(graph, density, settings, r -> { }, () -> false);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    graph.close();
  }
}
