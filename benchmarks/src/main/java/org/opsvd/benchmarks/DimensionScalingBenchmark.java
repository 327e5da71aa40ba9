package org.opsvd.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.opsvd.operators.OperatorCatalog;
import org.opsvd.operators.OperatorRequest;
import org.opsvd.operators.action.LocalOperator;
import org.opsvd.solver.loss.NestedLoraLoss;
import org.opsvd.solver.loss.Nesting;
import org.opsvd.solver.neural.LaplacianMethod;
import org.opsvd.solver.neural.Mlp;
import org.opsvd.solver.neural.MlpSpec;
import org.opsvd.solver.neural.Precision;
import org.opsvd.solver.train.CosineSchedule;
import org.opsvd.solver.train.OptimizerSpec;
import org.opsvd.solver.train.ParameterAverage;
import org.opsvd.solver.train.SamplingDensity;
import org.opsvd.solver.train.SessionOptions;
import org.opsvd.solver.train.SolveDefaults;
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
 * Cost of one NeuralSVD training step against the dimension d, per Laplacian strategy (issue 14, item 4).
 *
 * <p>The solver's default network and step: a shared d-128-128-128-(d+1) softplus MLP (L = d + 1: the ground
 * state and the first shell), sequential nested LoRA, Adam, parameter EMA, float32, B = {@value #BATCH} points
 * x ~ N(0, I_d), on the d-dimensional harmonic oscillator H = −½Δ + ½|x|² with T = −H + (d/2 + 2) (the level
 * above the first shell). One step is one {@link Trainer#train} call: Java-side sampling of x and V(x), one
 * {@code Session.run} (jet, T̃f, loss, backward pass, update, EMA). The jet is an (B × L) value, a (B × L × d)
 * gradient and a (B × L) Laplacian; {@code forward} propagates them through the layers, {@code autodiff} nests
 * reverse mode (L·(1 + d) gradient calls in the graph), {@code fd} evaluates the network on 2d + 1 shifted
 * copies of the batch.
 *
 * <p>Average time per step in ms. The graph is built once per trial; its build time goes to standard output
 * ("graph built in …"), not into the score. Example (short, as in benchmarks/RESULTS.md):
 * {@code java -jar benchmarks/target/benchmarks.jar DimensionScalingBenchmark -p dimension=16 -wi 1 -w 2 -i 3 -r 2}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g"})
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 2)
public class DimensionScalingBenchmark {

  /** Batch size B (the solver default). */
  public static final int BATCH = SolveDefaults.BATCH;

  @Param({"2", "4", "8", "16", "32", "64"})
  public int dimension;

  @Param({"forward", "autodiff", "fd"})
  public String laplacian;

  private TrainingGraph<TFloating> graph;
  private SamplingDensity density;
  private Trainer.Settings settings;

  @Setup(Level.Trial)
  public void setUp() {
    long start = System.nanoTime();
    int outputs = dimension + 1;
    Mlp mlp = new Mlp(MlpSpec.of(dimension, SolveDefaults.HIDDEN, outputs)
        .withActivation(SolveDefaults.ACTIVATION).withParametrisation(SolveDefaults.PARAMETRISATION), SolveDefaults.SEED);
    LocalOperator operator = OperatorCatalog.build(OperatorRequest.named("harmonic", dimension, 0.5)).operator();
    density = new SamplingDensity.Gaussian(dimension, 1);
    double next = dimension / 2.0 + 2; // E_next: first level above the first shell (E_n = n + d/2)
    graph = new TrainingGraph<>(mlp, new NestedLoraLoss(Nesting.SEQUENTIAL, outputs), LaplacianMethod.parse(laplacian),
        SolveDefaults.FD_STEP, operator, 1, next, OptimizerSpec.adam(), Precision.FLOAT32, SessionOptions.cpu());
    Trainer.initialise(graph, mlp.parameters().stream().map(p -> p.initial()).toList());
    settings = new Trainer.Settings(BATCH, 1, new CosineSchedule(SolveDefaults.LEARNING_RATE, 1, false),
        new ParameterAverage(SolveDefaults.EMA_DECAY), SolveDefaults.SEED);
    System.out.printf("graph built in %.1f s (d = %d, L = %d, %s)%n", (System.nanoTime() - start) / 1e9, dimension,
        outputs, laplacian);
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
