import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.opsvd.solver.neural.Mlp;
import org.opsvd.solver.neural.NetworkEvaluator;
import org.opsvd.solver.run.AtomicFiles;
import org.opsvd.solver.train.Checkpoint;
import org.opsvd.solver.train.SvdConfig;
import org.opsvd.solver.train.SvdSolver;

/**
 * The learned singular functions f (left) and g (right) of a one-dimensional `opsvd svd` run, in float64 from the
 * moving-average parameters of RUN_DIR/checkpoint.bin, on the uniform grid of N points over [LO, HI]: writes
 * OUT-f.npy and OUT-g.npy, [N, L + G] each (the networks' raw outputs, as the run's evaluation uses them). With
 * d = 1 and a fine grid, linear interpolation of these gives f and g at every frame of a long trajectory without
 * evaluating the network 10^8 times (benchmarks/scripts/ou_exact_functions.py --grid-values).
 *
 * <p>Run from the repository root after a build (Java 17 single-file source launch):
 * <pre>
 * java -cp "solver/target/opsvd.jar:solver/target/lib/*" benchmarks/scripts/SvdFunctionsOnGrid.java RUN_DIR LO HI N OUT
 * </pre>
 */
public final class SvdFunctionsOnGrid {

  public static void main(String[] args) throws Exception {
    if (args.length != 5) {
      System.err.println("usage: SvdFunctionsOnGrid RUN_DIR LO HI N OUT_PREFIX");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    double lo = Double.parseDouble(args[1]);
    double hi = Double.parseDouble(args[2]);
    int n = Integer.parseInt(args[3]);
    String out = args[4];
    Checkpoint ck = Checkpoint.read(dir);
    ObjectMapper mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    ObjectNode node = (ObjectNode) mapper.readTree(ck.config());
    node.put("evalPoints", 2); // only the evaluation's memory check reads it, and this program holds no evaluation
    SvdConfig c = mapper.treeToValue(node, SvdConfig.class);
    Mlp f = SvdSolver.network(c, 1, c.seed());
    Mlp g = SvdSolver.network(c, 1, c.seed() + 1);
    int nf = f.parameters().size();
    List<double[]> averages = ck.averages();
    if (averages.size() != nf + g.parameters().size()) {
      throw new IllegalStateException("checkpoint holds " + averages.size() + " averages, the networks "
          + (nf + g.parameters().size()) + " parameters");
    }
    double[] grid = new double[n];
    for (int i = 0; i < n; i++) grid[i] = lo + (hi - lo) * i / (n - 1);
    int outputs = c.trainedOutputs();
    try (NetworkEvaluator<?> fe = NetworkEvaluator.float64(f, false);
         NetworkEvaluator<?> ge = NetworkEvaluator.float64(g, false)) {
      AtomicFiles.writeNpy(Path.of(out + "-f.npy"), fe.values(averages.subList(0, nf), grid).values(),
          new int[] {n, outputs});
      AtomicFiles.writeNpy(Path.of(out + "-g.npy"), ge.values(averages.subList(nf, averages.size()), grid).values(),
          new int[] {n, outputs});
    }
    System.out.printf("step %d, L + G = %d, %d grid points on [%s, %s]: %s-f.npy, %s-g.npy%n", ck.step(), outputs, n,
        lo, hi, out, out);
  }
}
