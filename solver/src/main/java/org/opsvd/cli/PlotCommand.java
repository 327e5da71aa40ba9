package org.opsvd.cli;

import org.opsvd.solver.run.RunFigures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.opsvd.solver.plot.Figures;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code opsvd plot RUN_DIR}: (re)draws the PNG figures of a run directory from its files alone, without
 * retraining. Exit status 0 when every figure was drawn, 1 when a file is missing or a figure failed,
 * 2 when RUN_DIR is not a directory.
 */
@Command(name = "plot", sortOptions = false,
        description = "Draw the figures of a run directory (opsvd solve or opsvd svd) from its files, without "
            + "retraining: errors.png and loss.png (curves against step and seconds); for solve runs also "
            + "eigenfunctions.png (learned vs reference, by degenerate shell; d ≤ 3), gram.png and gram.csv. "
            + "On a run still in progress: the curves only, until summary.json exists.",
        footer = {"", "Exit status here: 0 all figures drawn, 1 a file is missing or a figure failed, 2 RUN_DIR is not a directory.",
            "", "Examples:",
            "  opsvd plot runs/harmonic-2d-L6-20250101-120000",
            "  opsvd plot runs/aniso --out /tmp/aniso-figures"})
final class PlotCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "Run directory written by opsvd solve or opsvd svd.")
    Path run;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder for the figures (default: RUN_DIR/figures).")
    Path out;

    @Option(names = "--quiet", description = "Print nothing but errors.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        if (!Files.exists(run)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "run directory " + run + " does not exist");
        }
        if (!Files.isDirectory(run)) {
            throw new CommandLine.ParameterException(spec.commandLine(), run + " is not a directory (give a run directory)");
        }
        Path target = out != null ? out : run.resolve("figures");
        Figures figures = RunFigures.write(run, target, spec.commandLine().getOut(), quiet);
        var err = spec.commandLine().getErr();
        figures.failures().forEach(m -> err.println("opsvd: error: figure not drawn: " + m));
        if (!quiet) {
            figures.files().forEach(f -> spec.commandLine().getOut().println("  " + target.resolve(f.name())));
        }
        return figures.failures().isEmpty() ? 0 : Main.RUN_ERROR;
    }
}
