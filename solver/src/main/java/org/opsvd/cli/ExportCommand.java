package org.opsvd.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.opsvd.solver.neural.Mlp;
import org.opsvd.solver.neural.Parameter;
import org.opsvd.solver.neural.Precision;
import org.opsvd.solver.train.Checkpoint;
import org.opsvd.solver.train.NeuralSolver;
import org.opsvd.solver.train.SamplingDensity;
import org.opsvd.solver.train.SolveConfig;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.family.TFloating;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import org.opsvd.solver.run.OutputPaths;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code opsvd export RUN_DIR --saved-model OUT}: the learned eigenfunctions of a solve run as a TensorFlow
 * SavedModel with the weights frozen as constants — signature {@code serving_default}, input {@code x}
 * [N, d], output {@code psi} [N, L] = √p(x)·f(x) (the importance envelope included) — loadable from Python
 * ({@code tf.saved_model.load}) and Java ({@code SavedModelBundle.load(dir, "serve")}).
 */
@Command(name = "export", sortOptions = false,
        description = "Export the learned eigenfunctions of a solve run as a TensorFlow SavedModel. "
            + "Prints the output directory only (no progress output, hence no --quiet).",
        footer = {"", "Examples:", "  opsvd export runs/harmonic-2d-L15-... --saved-model psi_model",
            "  opsvd export runs/harmonic-2d-L15-... --saved-model psi_model64 --precision float64",
            "  python: m = tf.saved_model.load('psi_model'); m.signatures['serving_default'](x=tf.constant(pts))['psi']"})
final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A directory written by 'opsvd solve'.")
    Path run;

    @Option(names = "--saved-model", paramLabel = "OUT", required = true, description = "SavedModel directory to create.")
    Path target;

    @Option(names = "--precision", paramLabel = "P", defaultValue = "float32",
            description = "float32 or float64 model (default: ${DEFAULT-VALUE}).")
    String precision;

    @Override
    public Integer call() throws Exception {
        SolveConfig config = SolveRunInput.read(run).config();
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new IllegalArgumentException("--saved-model " + target + " is a file; give a new directory");
        }
        if (Files.isDirectory(target)) {
            try (var entries = Files.list(target)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException("--saved-model " + target + " exists and is not empty");
                }
            }
        }
        OutputPaths.requireWritableFile(target.resolve("saved_model.pb"), "--saved-model");
        Checkpoint checkpoint = Checkpoint.read(run);
        Mlp network = NeuralSolver.network(config);
        SamplingDensity density = NeuralSolver.density(config);
        Precision p = Precision.parse(precision);
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            export(tf, g, network, config.outputs(), density, checkpoint.evaluated(network), p, config.centre());
        }
        spec.commandLine().getOut().println("wrote SavedModel " + target + " (input x [N, " + config.dimension()
                + "], output psi [N, " + config.outputs() + "], " + p + ")");
        return 0;
    }

    /**
     * Exports ψ of the network's first {@code reported} outputs (the guards after them are dropped) as a function of
     * x; the network and the density see y = x − c ({@code centre}, null for the origin).
     */
    private <T extends TFloating> void export(Ops tf, Graph g, Mlp network, int reported, SamplingDensity density,
                                              List<double[]> values, Precision p, List<Double> centre)
            throws java.io.IOException {
        int d = network.inputDimension();
        Placeholder<T> input = tf.withName("x").placeholder(p.type(), Placeholder.shape(Shape.of(-1, d)));
        Operand<T> x = centre == null ? input : tf.math.sub(input,
                p.<T>constant(tf, new long[] {d}, centre.stream().mapToDouble(Double::doubleValue).toArray()));
        List<Operand<T>> params = new ArrayList<>();
        List<Parameter> specs = network.parameters();
        for (int i = 0; i < specs.size(); i++) {
            params.add(p.constant(tf, specs.get(i).shape(), values.get(i)));
        }
        Operand<T> f = network.value(tf, x, params);
        Operand<T> all = density.wavefunctions(tf, x, f, p);
        Operand<T> wanted = reported == network.outputs() ? all
                : tf.slice(all, tf.constant(new int[] {0, 0}), tf.constant(new int[] {-1, reported}));
        Operand<T> psi = tf.withName("psi").identity(wanted);
        try (Session s = new Session(g)) {
            SavedModelBundle.exporter(target.toString()).withSession(s)
                    .withSignature(Signature.builder().key("serving_default").input("x", input).output("psi", psi).build())
                    .export();
        }
    }
}
