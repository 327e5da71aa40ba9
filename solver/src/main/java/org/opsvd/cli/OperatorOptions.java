package org.opsvd.cli;

import org.opsvd.operators.OperatorCatalog;
import org.opsvd.operators.OperatorRequest;
import org.opsvd.operators.Problem;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** The options that name an operator, shared by every command that solves one. */
final class OperatorOptions {

    @ArgGroup(exclusive = true, multiplicity = "1")
    OperatorChoice operator;

    static final class OperatorChoice {
        @Option(names = "--operator", paramLabel = "NAME",
                description = "Built-in operator: harmonic, hydrogen, box, cosine, h2plus, langevin (see 'opsvd operators').")
        String name;

        @Option(names = "--potential", paramLabel = "EXPR",
                description = "Potential formula in x, y, z (or x1..xd) and r, e.g. \"0.5*(x^2+4*y^2)\".")
        String expression;
    }

    @Option(names = "--dim", paramLabel = "D", defaultValue = "2", description = "Dimension (default: ${DEFAULT-VALUE}).")
    int dimension;

    @Option(names = "--box", paramLabel = "L", description = "Half-width L of the box [-L, L]^d (default: per operator; for --potential 8, which solve widens "
            + "in d <= 3 to 4 rms radii of the widest wanted state when that is more).")
    Double box;

    @Option(names = "--kinetic", paramLabel = "C", defaultValue = "0.5",
            description = "c in H = -c·Δ + V: 0.5 physicists (default), 1 NeuralSVD reference code.")
    double kinetic;

    @Option(names = "--omega", split = ",", paramLabel = "W", description = "harmonic: frequencies, one or one per axis.")
    double[] omega;

    @Option(names = "--charge", paramLabel = "Z", description = "hydrogen, h2plus: nuclear charge (default 1).")
    Double charge;

    @Option(names = "--separation", paramLabel = "R", description = "h2plus: internuclear distance (default 2).")
    Double separation;

    @Option(names = "--coefficients", split = ",", paramLabel = "C", description = "cosine: coefficients c_i.")
    double[] coefficients;

    @Option(names = "--energy", paramLabel = "EXPR",
            description = "langevin: the potential energy U as a formula (default 0.5*|x|^2, Ornstein-Uhlenbeck).")
    String energy;

    @Option(names = "--beta", paramLabel = "B", description = "langevin: inverse temperature β (default 1).")
    Double beta;

    /** The operator request as given (null fields take the operator's defaults). */
    OperatorRequest request() {
        return new OperatorRequest(operator.name, operator.expression, dimension, kinetic, box, omega, charge,
                separation, coefficients, energy, beta);
    }

    /** Whether the grids' box may grow to hold the wanted states: a formula potential without --box. */
    boolean boxFromStates() {
        return operator.expression != null && box == null;
    }

    /** The problem, with the operator's defaults filled in. */
    Problem problem() {
        return OperatorCatalog.build(request());
    }
}
