package org.opsvd.cli;

import org.opsvd.solver.loss.Method;
import org.opsvd.solver.loss.Nesting;
import org.opsvd.solver.neural.Activation;
import org.opsvd.solver.neural.LaplacianMethod;
import org.opsvd.solver.neural.Parametrisation;
import org.opsvd.solver.neural.Precision;
import org.opsvd.solver.train.OptimizerSpec;
import org.opsvd.solver.train.PointSequence;
import org.opsvd.solver.train.ReferenceMode;
import org.opsvd.solver.train.SamplingDensity;
import org.opsvd.solver.train.SessionOptions;
import org.opsvd.solver.train.SvdDefaults;
import org.opsvd.solver.train.SolveDefaults;
import java.io.PrintWriter;
import org.opsvd.solver.NumericalFailure;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code opsvd} command line: {@code opsvd solve …}, {@code opsvd svd …}, {@code opsvd plot …},
 * {@code opsvd reference …}, {@code opsvd operators} and more.
 *
 * <p>Errors in the user's input print one line {@code opsvd: error: …} and exit with status 2 (usage) or 1
 * (a problem found while computing, such as a {@link NumericalFailure} after a diverged run); the stack trace
 * only with {@code --verbose}.
 */
@Command(name = "opsvd", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, version = "opsvd 0.1.0",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {" 0:success",
            " 1:failure while computing (e.g. a non-finite loss, a figure not drawn, a file that cannot be written)",
            " 2:usage error (bad option or input; nothing was computed)",
            "130:interrupted (Ctrl-C or SIGTERM; the results so far are written)"},
        footer = {"", "Every command takes --help (-h) and --verbose. Examples:",
            "  opsvd operators",
            "  opsvd solve --help",
            "  opsvd solve --operator harmonic --dim 2 --L 15",
            "  opsvd svd --operator volterra --L 8"},
        description = "Top eigenfunctions of operators: neural solvers checked against classical references.",
        subcommands = {SolveCommand.class, ReproduceCommand.class, SweepCommand.class, SvdCommand.class, SimulateCommand.class, PlotCommand.class, EvalCommand.class, ExportCommand.class, ReferenceCommand.class, OperatorsCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    /** Columns of {@code --help}: the longest example line fits. */
    static final int USAGE_WIDTH = 110;

    /** Exit status when the command line itself is wrong. */
    static final int USAGE_ERROR = 2;
    /** Exit status when the input is well-formed but cannot be solved (bad operator, NaN potential, …). */
    static final int RUN_ERROR = 1;

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Stack traces on errors; solve and svd also print every evaluation in detail (per mode).")
    boolean verbose;

    /** Whether {@code --verbose} was given (an inherited option: its value lives in the root command). */
    static boolean verbose(CommandLine.Model.CommandSpec spec) {
        return spec.root().userObject() instanceof Main m && m.verbose;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "missing command (try: opsvd --help)");
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * The exit status for an exception thrown by a command: {@link #RUN_ERROR} for a {@link NumericalFailure}
     * (checked first: it is an IllegalArgumentException too), {@link #USAGE_ERROR} for any other
     * IllegalArgumentException (bad input), {@link #RUN_ERROR} for the rest.
     */
    static int exitStatus(Exception ex) {
        if (ex instanceof NumericalFailure) return RUN_ERROR;
        return ex instanceof IllegalArgumentException ? USAGE_ERROR : RUN_ERROR;
    }

    /**
     * The command tree with its typed options: every enum option is read by its type's {@code parse} (the names
     * of {@code --help}, case-insensitive, with their aliases), and the defaults of {@code solve} and {@code svd}
     * come from {@link SolveDefaults} and {@link SvdDefaults} (shown by {@code --help}).
     */
    static CommandLine commandLine(Main main) {
        CommandLine cli = new CommandLine(main);
        cli.registerConverter(Method.class, choice(Method::parse))
                .registerConverter(Nesting.class, choice(Nesting::parse))
                .registerConverter(OptimizerSpec.Kind.class, choice(OptimizerSpec.Kind::parse))
                .registerConverter(LaplacianMethod.class, choice(LaplacianMethod::parse))
                .registerConverter(Precision.class, choice(Precision::parse))
                .registerConverter(SessionOptions.Device.class, choice(SessionOptions.Device::parse))
                .registerConverter(Activation.class, choice(Activation::parse))
                .registerConverter(Parametrisation.class, choice(Parametrisation::parse))
                .registerConverter(SamplingDensity.Kind.class, choice(SamplingDensity.Kind::parse))
                .registerConverter(ReferenceMode.class, choice(ReferenceMode::parse))
                .registerConverter(PointSequence.class, choice(PointSequence::parse))
                .registerConverter(org.opsvd.solver.neural.MaskShape.class,
                        choice(org.opsvd.solver.neural.MaskShape::parse))
                .registerConverter(org.opsvd.solver.train.StopMode.class,
                        choice(org.opsvd.solver.train.StopMode::parse));
        // wide enough that no example line wraps (in the middle of a path)
        cli.setUsageHelpWidth(USAGE_WIDTH);
        cli.getSubcommands().get("solve").setDefaultValueProvider(defaults(SolveOptions.defaults()));
        cli.getSubcommands().get("svd").setDefaultValueProvider(defaults(SvdCommand.defaults()));
        return cli;
    }

    /** A converter whose refusal reads "Invalid value for option '--x': unknown …", without an exception class. */
    private static <T> CommandLine.ITypeConverter<T> choice(java.util.function.Function<String, T> parse) {
        return text -> {
            try {
                return parse.apply(text);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        };
    }

    private static CommandLine.IDefaultValueProvider defaults(java.util.Map<String, String> byOption) {
        return arg -> arg instanceof CommandLine.Model.OptionSpec o ? byOption.get(o.longestName()) : null;
    }

    /** Runs the command line with the given output streams; returns the exit status. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        // libraries log through java.util.logging (netlib's "Failed to load implementation …", TensorFlow's
        // loader): only errors, unless --verbose
        java.util.logging.Logger.getLogger("").setLevel(java.util.Arrays.asList(args).contains("--verbose")
                ? java.util.logging.Level.INFO : java.util.logging.Level.SEVERE);
        Main main = new Main();
        CommandLine cli = commandLine(main);
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, a) -> {
            err.println("opsvd: error: " + oneLine(ex.getMessage()).replaceFirst("^Error: ", ""));
            if (main.verbose) {
                ex.printStackTrace(err);
            }
            return USAGE_ERROR;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parsed) -> {
            String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : oneLine(ex.getMessage());
            boolean expected = ex instanceof IllegalArgumentException || ex instanceof java.io.IOException
                    || ex instanceof java.io.UncheckedIOException;
            err.println("opsvd: error: " + (ex instanceof NumericalFailure ? "numerical failure: " : "") + message
                    + (expected || main.verbose ? "" : " (unexpected " + ex.getClass().getName()
                    + "; rerun with --verbose for details)"));
            if (main.verbose) {
                ex.printStackTrace(err);
            }
            return exitStatus(ex);
        });
        try {
            args = ConfigFile.expand(cli, "solve", args);
        } catch (IllegalArgumentException e) {
            err.println("opsvd: error: " + e.getMessage());
            return USAGE_ERROR;
        }
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError | StackOverflowError e) {
            // a size the estimates let through: one line, not a JVM stack trace
            err.println("opsvd: error: " + (e instanceof OutOfMemoryError ? "out of memory (" + e.getMessage()
                    + "); choose smaller sizes, or raise the heap limit: OPSVD_JAVA_OPTS=-Xmx…" : "stack overflow"));
            if (main.verbose) {
                e.printStackTrace(err);
            }
            return RUN_ERROR;
        }
    }

    /** The first line of a message; the rest (a stack of causes, a quoted file) only with --verbose. */
    static String oneLine(String message) {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl).strip();
    }
}
