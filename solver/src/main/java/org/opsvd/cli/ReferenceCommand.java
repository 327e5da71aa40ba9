package org.opsvd.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.opsvd.operators.Problem;
import org.opsvd.solver.classical.ReferenceOptions;
import org.opsvd.solver.classical.ReferenceSolution;
import org.opsvd.solver.classical.ReferenceSolver;
import org.opsvd.solver.classical.Route;
import org.opsvd.solver.run.OutputPaths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code opsvd reference}: the lowest eigenvalues of an operator by a classical solver, printed next to the
 * exact spectrum, optionally written as JSON.
 */
@Command(name = "reference", sortOptions = false,
        description = "Classical reference spectrum (DVR / finite differences / radial), compared with the exact one, "
            + "with an error estimate per eigenvalue where the route gives one. "
            + "Prints the result table only (no progress output, hence no --quiet).",
        footer = {"", "Examples:",
            "  opsvd reference --operator harmonic --dim 2 --k 16",
            "  opsvd reference --operator hydrogen --dim 2 --k 16 --json hydrogen2d.json",
            "  opsvd reference --potential \"0.5*(x^2+y^2)+0.1*x^2*y^2\" --dim 2 --box 7 --k 16 --json e.json",
            "  opsvd reference --potential \"0.5*(x^2+4*y^2)\" --dim 2 --grid 96 --method shift-invert"})
final class ReferenceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    OperatorOptions operator;

    @Option(names = "--grid", paramLabel = "N",
            description = "Grid points per axis. Given, the automatic route solves this finite-difference grid "
                + "(or the DVR on it with --method dvr). Default: the DVR chooses its own grid for smooth potentials, "
                + "else 1024 in 1D, 128 in 2D, 40 in 3D.")
    Integer grid;

    @Option(names = "--order", paramLabel = "2|4", defaultValue = "4",
            description = "Finite-difference order of the Laplacian (default: ${DEFAULT-VALUE}).")
    int order;

    @Option(names = "--k", paramLabel = "K", defaultValue = "16",
            description = "Number of eigenvalues, rounded up to complete degenerate shells (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--method", paramLabel = "ROUTE", defaultValue = "auto",
            description = "auto, kronecker, radial, shift-invert, chebyshev, dense, dvr (default: ${DEFAULT-VALUE}; "
                + "it prints why it chose its route).")
    String method;

    @Option(names = "--sigma", paramLabel = "S", description = "Shift for shift-invert (default: below the spectrum).")
    Double sigma;

    @Option(names = "--no-extrapolate",
            description = "Finite-difference routes: report the grid's own eigenvalues, without Richardson extrapolation "
                + "over grids of spacing 8h/3, 2h, 4h/3 and h (on for potentials known smooth).")
    boolean noExtrapolate;

    @Option(names = "--json", paramLabel = "FILE",
            description = "Also write the results as JSON (error_estimates: estimated absolute error per eigenvalue).")
    Path json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (json != null) {
            OutputPaths.requireWritableFile(json, "--json");
        }
        Problem problem = operator.problem();
        ReferenceOptions options = new ReferenceOptions(grid != null ? grid : ReferenceOptions.defaultGrid(problem.dimension()),
                order, k, Route.parse(method), sigma, grid != null, noExtrapolate ? Boolean.FALSE : null);
        ReferenceSolution solution = ReferenceSolver.solve(problem, options);
        ResultTable.print(solution, out);
        if (json != null) {
            ResultJson.write(solution, json);
            out.println("wrote " + json);
        }
        return 0;
    }
}
