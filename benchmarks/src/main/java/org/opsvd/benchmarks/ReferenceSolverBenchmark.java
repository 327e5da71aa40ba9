package org.opsvd.benchmarks;

import java.util.concurrent.TimeUnit;
import org.opsvd.operators.OperatorCatalog;
import org.opsvd.operators.OperatorRequest;
import org.opsvd.operators.Problem;
import org.opsvd.solver.classical.ReferenceOptions;
import org.opsvd.solver.classical.ReferenceSolution;
import org.opsvd.solver.classical.ReferenceSolver;
import org.opsvd.solver.classical.Route;
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
 * Time (and peak heap) of the classical reference solves the project relies on, one full solve per
 * invocation: building H, factorising or filtering, ARPACK, Rayleigh quotients.
 *
 * <p>Cases are named {@code operator-d-grid-route[-k]}; each prints its max relative error against the
 * exact spectrum and the peak heap in use during the solve, so accuracy and memory sit next to the time.
 * Run one case: {@code java -jar benchmarks/target/benchmarks.jar ReferenceSolverBenchmark -p problem=ho2d-256-si}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class ReferenceSolverBenchmark {

    @Param({"ho2d-128-si", "ho2d-256-si", "ho2d-256-cheb", "ho2d-512-cheb", "ho2d-512-si", "h2d-400-si",
            "h2d-radial", "ho3d-40-cheb", "ho3d-60-cheb"})
    public String problem;

    private Problem operator;
    private ReferenceOptions options;
    private ReferenceSolution last;

    @Setup(Level.Trial)
    public void setUp() {
        String[] parts = problem.split("-");
        String name = parts[0];
        int d = name.contains("3d") ? 3 : 2;
        boolean hydrogen = name.startsWith("h2d") || name.startsWith("h3d");
        OperatorRequest request = OperatorRequest.named(hydrogen ? "hydrogen" : "harmonic", d, 0.5);
        if (hydrogen) {
            request = request.withHalfWidth(20.0);
        }
        operator = OperatorCatalog.build(request);
        if (parts[1].equals("radial")) {
            options = new ReferenceOptions(3, 2, 16, Route.RADIAL, null);
            return;
        }
        int n = Integer.parseInt(parts[1]);
        Route route = switch (parts[2]) {
            case "si" -> Route.SHIFT_INVERT;
            case "cheb" -> Route.CHEBYSHEV;
            default -> throw new IllegalArgumentException("unknown route in case " + problem);
        };
        int k = d == 3 ? 20 : 16;
        // hydrogen on a Cartesian grid: 2nd order (the singularity limits accuracy) and σ = −2.2 (facts file)
        // without Richardson extrapolation: the one FD matrix SciPy gets in compare-scipy.sh (AutoRouteBenchmark has
        // the extrapolated and spectral routes)
        options = new ReferenceOptions(n, hydrogen ? 2 : 4, k, route, hydrogen ? -2.2 : null).withExtrapolate(false);
    }

    @Setup(Level.Iteration)
    public void resetPeak() {
        HeapPeak.reset();
    }

    @Benchmark
    public ReferenceSolution solve() {
        last = ReferenceSolver.solve(operator, options);
        return last;
    }

    @TearDown(Level.Iteration)
    public void report() {
        System.out.printf("%n[%s] %d eigenvalues, max rel error %s, peak heap %.0f MB, %s%n", problem, last.count(),
                last.maxRelativeError() == null ? "n/a" : String.format("%.2e", last.maxRelativeError()),
                HeapPeak.megabytes(), last.discretisation());
    }
}
