package org.opsvd.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.opsvd.operators.OperatorCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code opsvd operators}: the built-in operators with their exact spectra. */
@Command(name = "operators", description = "List the built-in operators and their exact spectra. Prints the list only "
        + "(no progress output, hence no --quiet).",
        footer = {"", "Examples:", "  opsvd operators", "  opsvd operators | grep -A2 hydrogen"})
final class OperatorsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("Operators H = -c·Δ + V  (c = 0.5 physicists' default, --kinetic 1 for the NeuralSVD code's)");
        out.println();
        for (OperatorCatalog.Entry e : OperatorCatalog.entries()) {
            out.printf("  %-10s V = %s%n", e.name(), e.potential());
            out.printf("  %-10s dimensions: %s;  box: %s%n", "", e.dimensions(), e.box());
            out.printf("  %-10s exact spectrum: %s%n%n", "", e.exactSpectrum());
        }
        return 0;
    }
}
