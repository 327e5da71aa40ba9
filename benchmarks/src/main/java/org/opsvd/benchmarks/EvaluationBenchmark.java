package org.opsvd.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.opsvd.operators.OperatorCatalog;
import org.opsvd.operators.OperatorRequest;
import org.opsvd.operators.Problem;
import org.opsvd.solver.eval.MetricReport;
import org.opsvd.solver.eval.RayleighRitz;
import org.opsvd.solver.eval.SpectralMetrics;
import org.opsvd.solver.neural.Mlp;
import org.opsvd.solver.neural.MlpSpec;
import org.opsvd.solver.neural.Precision;
import org.opsvd.solver.train.LearnedEigenfunctions;
import org.opsvd.solver.train.SamplingDensity;
import org.opsvd.solver.train.SolveReference;
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

/**
 * One full evaluation of learned eigenfunctions, as {@code opsvd solve} does it at every evaluation: the
 * network's value, gradient and Laplacian at every grid point, ψ = √p·f and Hψ, the L×L Gram and
 * Hamiltonian matrices (Rayleigh quotients), and the paper's five metrics against the exact 2D hydrogen
 * eigenfunctions (L = 16, shells n ≤ 4), on a {@code grid}² uniform grid of [−50, 50]² — the reference
 * code's 10⁶-point evaluation grid at {@code grid = 1000}. Network: the solver's default shared
 * 2-(32 Fourier pairs)-128-128-128-16 softplus MLP. Time per evaluation, network precision as a parameter.
 * Example: {@code java -jar benchmarks/target/benchmarks.jar EvaluationBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx12g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class EvaluationBenchmark {

  @Param({"1000"})
  public int grid;

  @Param({"float32", "float64"})
  public String precision;

  private static final int L = 16;

  private Problem problem;
  private SamplingDensity density;
  private SolveReference reference;
  private LearnedEigenfunctions learned;
  private List<double[]> parameters;

  @Setup(Level.Trial)
  public void setUp() {
    problem = OperatorCatalog.build(new OperatorRequest("hydrogen", null, 2, 0.5, 50.0, null, null, null, null));
    density = SamplingDensity.of(SamplingDensity.Kind.GAUSSIAN, 2, 8);
    reference = SolveReference.compute(problem, L, grid, density, 0);
    Mlp network = new Mlp(MlpSpec.of(2, List.of(128, 128, 128), L).withFourier(32, 0.5), 0);
    parameters = new ArrayList<>();
    network.parameters().forEach(p -> parameters.add(p.initial()));
    learned = new LearnedEigenfunctions(network, Precision.parse(precision));
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    learned.close();
  }

  @Benchmark
  public MetricReport evaluate() {
    LearnedEigenfunctions.Sampled s = learned.sample(parameters, reference.points(), reference.weights(), density,
        problem.operator());
    RayleighRitz rr = RayleighRitz.of(s.psi(), s.hamiltonianPsi());
    int[] starts = Arrays.stream(reference.groups().starts()).filter(g -> g < L).toArray();
    return SpectralMetrics.evaluate(s.psi(), reference.functions(), starts, rr.rayleighQuotients(),
        Arrays.copyOf(reference.energies(), L));
  }
}
