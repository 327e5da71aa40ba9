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
 * The automatic reference route against every forced route that solves the same discretisation, one full solve
 * per invocation (issue 19: auto never more than 20 % slower than the best forced route).
 *
 * <p>Cases are {@code problem/route}. Problems: {@code quartic2d} V = ½|x|² + 0.1x²y² on [−7, 7]², lowest 16;
 * {@code quartic3d} V = ½|x|² + 0.1(x²y² + y²z² + z²x²) on [−6, 6]³, lowest 20; {@code ho2d} the 2D oscillator,
 * lowest 16; {@code soft2d} the softened Coulomb well −1/√(r² + ½) (not known smooth, clustered levels), lowest
 * 9; {@code h2d} 2D hydrogen. A suffix {@code -N} fixes the finite-difference grid (order 4, extrapolated when the
 * potential is known smooth; order 2 for {@code soft2d}); without it the routes choose their own grids (the DVR),
 * and {@code -raw} solves the fixed grid without extrapolation (the same matrix SciPy gets). Each iteration
 * prints the route, the largest estimated error and the discretisation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class AutoRouteBenchmark {

    @Param({"quartic2d/auto", "quartic2d/dvr",
            "quartic2d-256/auto", "quartic2d-256/chebyshev", "quartic2d-256/shift-invert",
            "quartic2d-256-raw/auto", "quartic2d-256-raw/chebyshev", "quartic2d-256-raw/shift-invert",
            "quartic2d-128/auto", "quartic2d-128/chebyshev", "quartic2d-128/shift-invert",
            "quartic3d/auto", "quartic3d/dvr",
            "quartic3d-40/auto", "quartic3d-40/chebyshev",
            "ho2d/auto", "ho2d/dvr",
            "ho2d-256/auto", "ho2d-256/kronecker", "ho2d-256/chebyshev",
            "soft2d-128/auto", "soft2d-128/shift-invert", "soft2d-128/chebyshev",
            "h2d/auto", "h2d/radial"})
    public String scenario;

    private Problem problem;
    private ReferenceOptions options;
    private ReferenceSolution last;

    @Setup(Level.Trial)
    public void setUp() {
        String[] parts = scenario.split("/");
        String[] name = parts[0].split("-");
        Route route = Route.parse(parts[1]);
        int k;
        switch (name[0]) {
            case "quartic2d" -> {
                problem = OperatorCatalog.build(OperatorRequest.formula("0.5*(x^2+y^2)+0.1*x^2*y^2", 2, 0.5)
                        .withHalfWidth(7.0));
                k = 16;
            }
            case "quartic3d" -> {
                problem = OperatorCatalog.build(OperatorRequest.formula(
                        "0.5*(x^2+y^2+z^2)+0.1*(x^2*y^2+y^2*z^2+z^2*x^2)", 3, 0.5).withHalfWidth(6.0));
                k = 20;
            }
            case "ho2d" -> {
                problem = OperatorCatalog.build(OperatorRequest.named("harmonic", 2, 0.5));
                k = 16;
            }
            case "soft2d" -> {
                problem = OperatorCatalog.build(OperatorRequest.formula("-1/sqrt(x^2+y^2+0.5)", 2, 0.5)
                        .withHalfWidth(20.0));
                k = 9;
            }
            case "h2d" -> {
                problem = OperatorCatalog.build(OperatorRequest.named("hydrogen", 2, 0.5));
                k = 16;
            }
            default -> throw new IllegalArgumentException("unknown problem in scenario " + scenario);
        }
        int d = problem.dimension();
        if (name.length == 1) {
            options = ReferenceOptions.defaults(d, k).withRoute(route);
        } else {
            int order = name[0].equals("soft2d") ? 2 : 4;
            options = new ReferenceOptions(Integer.parseInt(name[1]), order, k, route, null);
            if (name.length > 2 && name[2].equals("raw")) {
                options = options.withExtrapolate(false);
            }
        }
    }

    @Setup(Level.Iteration)
    public void resetPeak() {
        HeapPeak.reset();
    }

    @Benchmark
    public ReferenceSolution solve() {
        last = ReferenceSolver.solve(problem, options);
        return last;
    }

    @TearDown(Level.Iteration)
    public void report() {
        String head = last.notes().isEmpty() ? "" : last.notes().get(0);
        System.out.printf("%n[%s] route %s, %d eigenvalues, E0 = %.13f, max est. rel error %s, max rel error %s,"
                        + " peak heap %.0f MB, %s; %s%n", scenario, last.route().cliName(), last.count(),
                last.eigenvalues()[0],
                last.maxEstimatedRelativeError() == null ? "n/a" : String.format("%.1e", last.maxEstimatedRelativeError()),
                last.maxRelativeError() == null ? "n/a" : String.format("%.2e", last.maxRelativeError()),
                HeapPeak.megabytes(), head, last.discretisation());
    }
}
