package org.opsvd.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.opsvd.operators.OperatorCatalog;
import org.opsvd.operators.OperatorRequest;
import org.opsvd.operators.Problem;
import org.opsvd.solver.classical.ReferenceOptions;
import org.opsvd.solver.classical.ReferenceSolution;
import org.opsvd.solver.classical.ReferenceSolver;
import org.opsvd.solver.classical.Route;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code opsvd reference}: the lowest eigenvalues of an operator by a classical solver, printed next to the
 * exact spectrum, optionally written as JSON.
 */
@Command(name = "reference", sortOptions = false,
        description = "Classical reference spectrum (finite differences / radial), compared with the exact one.")
final class ReferenceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    OperatorChoice operator;

    static final class OperatorChoice {
        @Option(names = "--operator", paramLabel = "NAME",
                description = "Built-in operator: harmonic, hydrogen, box, cosine, h2plus (see 'opsvd operators').")
        String name;

        @Option(names = "--potential", paramLabel = "EXPR",
                description = "Potential formula in x, y, z (or x1..xd) and r, e.g. \"0.5*(x^2+4*y^2)\".")
        String expression;
    }

    @Option(names = "--dim", paramLabel = "D", defaultValue = "2", description = "Dimension (default: ${DEFAULT-VALUE}).")
    int dimension;

    @Option(names = "--grid", paramLabel = "N",
            description = "Grid points per axis (default: 1024 in 1D, 128 in 2D, 40 in 3D).")
    Integer grid;

    @Option(names = "--order", paramLabel = "2|4", defaultValue = "4",
            description = "Finite-difference order of the Laplacian (default: ${DEFAULT-VALUE}).")
    int order;

    @Option(names = "--box", paramLabel = "L", description = "Half-width L of the box [-L, L]^d (default: per operator).")
    Double box;

    @Option(names = "--k", paramLabel = "K", defaultValue = "16",
            description = "Number of eigenvalues, rounded up to complete degenerate shells (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--kinetic", paramLabel = "C", defaultValue = "0.5",
            description = "c in H = -c·Δ + V: 0.5 physicists (default), 1 NeuralSVD reference code.")
    double kinetic;

    @Option(names = "--method", paramLabel = "ROUTE", defaultValue = "auto",
            description = "auto, kronecker, radial, shift-invert, chebyshev, dense (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--sigma", paramLabel = "S", description = "Shift for shift-invert (default: below the spectrum).")
    Double sigma;

    @Option(names = "--omega", split = ",", paramLabel = "W", description = "harmonic: frequencies, one or one per axis.")
    double[] omega;

    @Option(names = "--charge", paramLabel = "Z", description = "hydrogen, h2plus: nuclear charge (default 1).")
    Double charge;

    @Option(names = "--separation", paramLabel = "R", description = "h2plus: internuclear distance (default 2).")
    Double separation;

    @Option(names = "--coefficients", split = ",", paramLabel = "C", description = "cosine: coefficients c_i.")
    double[] coefficients;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON.")
    Path json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Problem problem = OperatorCatalog.build(new OperatorRequest(operator.name, operator.expression, dimension,
                kinetic, box, omega, charge, separation, coefficients));
        ReferenceOptions options = new ReferenceOptions(grid != null ? grid : ReferenceOptions.defaultGrid(dimension),
                order, k, Route.parse(method), sigma);
        ReferenceSolution solution = ReferenceSolver.solve(problem, options);
        ResultTable.print(solution, out);
        if (json != null) {
            ResultJson.write(solution, json);
            out.println("wrote " + json);
        }
        return 0;
    }
}
