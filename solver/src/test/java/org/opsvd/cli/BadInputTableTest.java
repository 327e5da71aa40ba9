package org.opsvd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opsvd.operators.OperatorCatalog;
import org.opsvd.operators.OperatorRequest;
import org.opsvd.solver.SolveBuilder;

/**
 * Every command against bad input, as a table: each row is a command line that must be refused, with the
 * exit status and a word the message must contain (the option or the file). For every row: the status; one
 * line on stderr, {@code opsvd: error: …}, naming the option or file; no stack trace and no exception class
 * (no {@code --verbose}); and no file created or changed, in the fixtures or in the working directory.
 *
 * <p>Tokens starting with {@code @} are files of the fixture directory ({@code @one.npy}); {@code ''} is the
 * empty argument.
 */
class BadInputTableTest {

    @TempDir
    static Path dir;

    /** Solve options that make any accepted run tiny. */
    private static final String SOLVE = "solve --operator harmonic --dim 1 --L 2 --steps 10 --quiet --no-figures"
            + " --out @new-run";
    private static final String SVD = "svd --operator volterra --L 2 --steps 10 --quiet --no-figures --out @new-svd";
    private static final String REF = "reference --operator harmonic --dim 1 --k 2";

    record Bad(int status, String mentions, String[] args) {
        @Override
        public String toString() {
            String s = args.length == 0 ? "(no arguments)" : String.join(" ", args);
            return s.length() > 110 ? s.substring(0, 110) + "…" : s;
        }
    }

    static List<Bad> table() {
        List<Bad> t = new ArrayList<>();
        // 1. expressions: names beyond the dimension, products in disguise, malformed and hostile text
        for (String[] e : new String[][] {
                {"x3^2", "2", "'x3'"}, {"x2", "1", "'x2'"}, {"x0^2", "2", "'x0'"}, {"x1^2+x3^2", "2", "'x3'"},
                {"x^2+z^2", "2", "'z'"}, {"xy", "2", "'xy'"}, {"pi2*x", "1", "'pi2'"}, {"x4", "3", "'x4'"},
                {"y", "1", "'y'"}, {"X^2", "1", "'X'"}, {"x_1", "1", "'x_1'"}, {"2e", "1", "exponent"},
                {"2e+x", "1", "exponent"}, {"1e400*x", "1", "float64"}, {"1.2.3", "1", "malformed number"},
                {"x^2+", "1", "potential"}, {"(x^2", "1", "unclosed"}, {"x^2)", "1", "unmatched"},
                {"''", "1", "potential"}, {"x;ls", "1", "';'"}, {"$(reboot)", "1", "'$'"}, {"x#2", "1", "'#'"},
                {"sin", "1", "potential"}, {"sqrt(x,x)", "1", "potential"}, {"x**2", "1", "potential"},
                {"()", "1", "potential"}, {"x==1", "1", "'='"}, {"[x]", "1", "'['"}, {"x²", "1", "'²'"},
                {"é", "1", "'é'"}, {"x\u0000", "1", "\\u0000"}, {"1,x", "1", "potential"}, {"x!", "1", "'!'"},
                {"e1x", "1", "'e1x'"}, {"sinx", "1", "'sinx'"}}) {
            t.add(bad(2, e[2], "reference --potential " + e[0] + " --dim " + e[1] + " --k 2"));
        }
        t.add(bad(2, "'x3'", SOLVE.replace("--operator harmonic --dim 1", "--potential x1^2+x3^2 --dim 2")));
        t.add(bad(2, "'x2'", SOLVE.replace("--operator harmonic", "--potential x2")));
        t.add(bad(2, "not bounded below", SOLVE.replace("--operator harmonic", "--potential -x^2")));
        t.add(bad(2, "not bounded below", SOLVE.replace("--operator harmonic --dim 1", "--potential x*y --dim 2")));
        t.add(badArgs(2, "longer than", "reference", "--potential", "x+".repeat(6000) + "x", "--dim", "1"));
        t.add(badArgs(2, "nested deeper", "reference", "--potential", "(".repeat(300) + "x" + ")".repeat(300),
                "--dim", "1"));
        t.add(bad(2, "energy", "reference --operator langevin --energy x3^2 --dim 2 --k 2"));
        t.add(bad(2, "'y2'", SVD.replace("--operator volterra", "--kernel exp(-abs(x-y2))")));
        t.add(bad(2, "'x3'", SVD.replace("--operator volterra", "--kernel x3*y")));
        t.add(bad(2, "'y3'", SVD.replace("--operator volterra", "--kernel x1*y3") + " --dim 2"));
        t.add(bad(2, "kernel", SVD.replace("--operator volterra", "--kernel ''")));
        t.add(bad(2, "unclosed", SVD.replace("--operator volterra", "--kernel exp(-(x-y)^2")));
        t.add(bad(2, "'k'", SVD.replace("--operator volterra", "--kernel k(x,y)")));

        // 2. numbers and sizes: reference and the operator options
        for (String[] n : new String[][] {
                {"--grid 0", "--grid"}, {"--grid -8", "--grid"}, {"--grid 2", "--grid"},
                {"--grid abc", "--grid"}, {"--grid 99999999999", "--grid"}, {"--grid 1000000000", "--grid"},
                {"--k 0", "--k"}, {"--k -3", "--k"}, {"--k 1e3", "--k"}, {"--order 3", "order"},
                {"--method magic", "magic"}, {"--sigma NaN", "--sigma"}, {"--sigma Infinity", "--sigma"},
                {"--box 0", "box"}, {"--box -1", "box"}, {"--box NaN", "box"}, {"--box Infinity", "box"},
                {"--kinetic 0", "kinetic"}, {"--kinetic -1", "kinetic"}, {"--kinetic NaN", "kinetic"},
                {"--omega -1", "omega"}, {"--omega 0", "omega"}, {"--omega NaN", "omega"},
                {"--omega 1,2,3", "omega"}, {"--dim 0", "dim"}, {"--dim -1", "dim"}, {"--dim 2.5", "--dim"},
                {"--grd 5", "--grd"}, {"--json @adir", "--json"}, {"--json @afile/x.json", "--json"},
                {"--json ''", "--json"}}) {
            t.add(bad(2, n[1], REF + " " + n[0]));
        }
        t.add(bad(2, "--grid", "reference --potential x^2+y^2 --dim 2 --grid 40000"));
        t.add(bad(2, "--grid", "reference --potential x^2+y^2+z^2 --dim 3 --grid 3000"));
        t.add(bad(2, "--grid", "reference --potential x^2 --dim 1 --grid 1000000000"));
        t.add(bad(2, "--grid", "reference --potential x^2+y^2 --dim 2 --grid 30000 --method dense"));
        t.add(bad(2, "in 100D", "reference --operator harmonic --dim 100 --k 2"));
        t.add(bad(2, "charge", "reference --operator hydrogen --dim 2 --charge NaN --k 2"));
        t.add(bad(2, "separation", "reference --operator h2plus --dim 3 --separation -1 --k 2"));
        t.add(bad(2, "coefficients", "reference --operator cosine --dim 1 --coefficients NaN --k 2"));
        t.add(bad(2, "beta", "reference --operator langevin --dim 1 --beta 0 --k 2"));
        t.add(bad(2, "beta", "reference --operator langevin --dim 1 --beta -1 --k 2"));
        t.add(bad(2, "helium", "reference --operator helium --dim 3"));
        t.add(bad(2, "--operator", "reference --operator '' --dim 1"));
        t.add(bad(2, "--operator", "reference --operator harmonic --potential x^2 --dim 1"));
        t.add(bad(2, "--operator", "reference --dim 2"));

        // 3. numbers and sizes: solve
        for (String[] n : new String[][] {
                {"--lr 0", "--lr"}, {"--lr -1", "--lr"}, {"--lr NaN", "--lr"}, {"--lr Infinity", "--lr"},
                {"--lr abc", "--lr"}, {"--ema 2", "--ema"}, {"--ema -0.1", "--ema"}, {"--ema 1", "--ema"},
                {"--ema NaN", "--ema"}, {"--hidden 0", "--hidden"}, {"--hidden -5", "--hidden"},
                {"--hidden 64,0", "--hidden"}, {"--hidden 100000000,100000000", "--hidden"},
                {"--batch 0", "--batch"}, {"--batch 3", "--batch"}, {"--batch -2", "--batch"},
                {"--batch 2000000000", "--batch"}, {"--steps 0", "--steps"}, {"--steps -1", "--steps"},
                {"--L 0", "--L"}, {"--L -1", "--L"}, {"--guard -1", "--guard"}, {"--guard 100000", "--guard"},
                {"--guard 5", "--guard"}, {"--guard abc", "--guard"}, {"--adapt-every -1", "--adapt-every"}, {"--eval-grid 1", "--eval-grid"},
                {"--eval-points 0", "--eval-points must be at least 2"},
                {"--eval-points 1000", "--eval-points 1000 does not apply"},
                {"--eval-grid -5", "--eval-grid"}, {"--eval-grid 2000000000", "--eval-grid"},
                {"--centre 1,2", "--centre needs 1 coordinate (one per axis), got 2"}, {"--centre NaN", "--centre"},
                {"--centre abc", "--centre"},
                {"--eval-every 0", "--eval-every"}, {"--checkpoint-every -5", "--checkpoint-every"}, {"--time-budget -1", "--time-budget"},
                {"--stop soon", "unknown stop mode 'soon' (expected converged or steps)"},
                {"--sequence halton", "unknown point sequence 'halton' (expected sobol or random)"},
                {"--gram-batch -4", "--gram-batch must be 0 (none) or a number of points, got -4"},
                {"--method spin --gram-batch 64", "--gram-batch applies to the NeuralSVD losses"},
                {"--network disjoint --output-ritz", "--output-ritz needs --network shared"},
                {"--stop-tolerance -0.1", "--stop-tolerance must be a positive number"},
                {"--stop steps --stop-tolerance 0", "--stop-tolerance must be a positive number"},
                {"--fourier -1", "--fourier"}, {"--fourier 4 --fourier-scale 0", "--fourier-scale"},
                {"--fourier 4 --fourier-scale NaN", "--fourier-scale"},
                {"--method spin --spin-decay 0", "--spin-decay"}, {"--method spin --spin-decay 2", "--spin-decay"},
                {"--method spin --spin-memory-mb -1", "--spin-memory-mb"},
                {"--laplacian fd --fd-eps 0", "--fd-eps"}, {"--laplacian fd --fd-eps -1", "--fd-eps"},
                {"--envelope 0", "--envelope"}, {"--envelope -1", "--envelope"}, {"--cusp -1", "--cusp"},
                {"--cusp NaN", "--cusp"}, {"--sampler-scale 0", "scale"}, {"--sampler-scale -1", "scale"},
                {"--sampler-scale NaN", "scale"}, {"--scale NaN", "--scale"}, {"--shift Infinity", "--shift"},
                {"--method magic", "--method"}, {"--optimizer magic", "--optimizer"},
                {"--precision float16", "--precision"}, {"--activation magic", "--activation"},
                {"--network magic", "--network"}, {"--sampler magic", "--sampler"},
                {"--laplacian magic", "--laplacian"}, {"--device tpu", "--device"},
                {"--eval-precision magic", "--eval-precision"}, {"--seed abc", "--seed"},
                {"--reference magic", "--reference"},
                {"--device gpu", "--device gpu"}}) {
            t.add(bad(2, n[1], SOLVE + " " + n[0]));
        }
        t.add(bad(2, "--eval-grid", "solve --operator harmonic --dim 2 --L 2 --quiet --out @new-run --eval-grid 40000"));
        t.add(bad(2, "--centre does not apply", "solve --operator box --dim 2 --L 2 --quiet --out @new-run --centre 1,0"));
        t.add(bad(2, "--fourier-scale 0.3 does not apply: a periodic problem",
                "solve --operator cosine --dim 1 --L 2 --quiet --out @new-run --fourier-scale 0.3"));
        t.add(bad(2, "--fourier must be a positive multiple of d = 2",
                "solve --operator cosine --dim 2 --L 2 --quiet --out @new-run --fourier 3"));
        t.add(bad(2, "--eval-grid", SOLVE.replace("--operator harmonic --dim 1", "--operator hydrogen --dim 3")
                + " --eval-grid 40")); // 3D Coulomb: Monte Carlo, no grid
        t.add(bad(2, "--reference", SOLVE.replace("--operator harmonic", "--potential x^2") + " --reference exact"));
        // refusals that used to leave a partial run directory
        t.add(bad(2, "potential", SOLVE.replace("--operator harmonic", "--potential log(x)")));
        t.add(bad(2, "--L", SOLVE.replace("--L 2", "--L 100000")));
        t.add(bad(2, "kernel", SVD.replace("--operator volterra", "--kernel log(x)") + " --measure gaussian:1"));
        // 4. output and input paths of solve
        t.add(bad(2, "--out", SOLVE.replace("--out @new-run", "--out ''")));
        t.add(bad(2, "--out", SOLVE.replace("--out @new-run", "--out @afile")));
        t.add(bad(2, "--out", SOLVE.replace("--out @new-run", "--out @afile/sub")));
        t.add(bad(2, "--resume", SOLVE.replace("--out @new-run", "--out @earlier-run")));
        t.add(bad(2, "checkpoint", SOLVE.replace("--out @new-run", "--resume @adir")));
        t.add(bad(2, "--config", SOLVE + " --config @missing.yaml"));
        t.add(bad(2, "--config", SOLVE + " --config @adir"));
        t.add(bad(2, "duplicate", SOLVE + " --config @dup.yaml"));
        t.add(bad(2, "line 3", SOLVE + " --config @syntax.yaml"));
        t.add(bad(2, "frobnicate", SOLVE + " --config @unknown.yaml"));
        t.add(bad(2, "version", SOLVE + " --config @noversion.yaml"));
        t.add(bad(2, "lr", SOLVE + " --config @badvalue.yaml"));
        t.add(bad(2, "mapping", SOLVE + " --config @list.yaml"));
        t.add(bad(2, "'x3'", "solve --config @badpotential.yaml --quiet --out @new-run"));

        // 5. svd: numbers, choices, paired-data files
        for (String[] n : new String[][] {
                {"--L 0", "--L"}, {"--steps 0", "--steps"}, {"--batch 3", "--batch"}, {"--lr 0", "--lr"},
                {"--guard -1", "--guard"}, {"--guard 100000", "--guard"}, {"--ema 2", "--ema"}, {"--hidden 0", "--hidden"}, {"--eval-points 1", "--eval-points"},
                {"--eval-points 1000000000", "--eval-points"}, {"--sampling magic", "--sampling"},
                {"--nesting magic", "--nesting"}, {"--checkpoint-every -5", "--checkpoint-every"},
                {"--nystrom 1", "--nystrom"}, {"--retrieval", "--retrieval"}, {"--batch 2000000000", "--batch"},
                {"--fourier -1", "--fourier"}, {"--mode-balance -1", "--mode-balance"}}) {
            t.add(bad(2, n[1], SVD + " " + n[0]));
        }
        t.add(bad(2, "--out", SVD.replace("--out @new-svd", "--out @earlier-run")));
        t.add(bad(2, "--out", SVD.replace("--out @new-svd", "--out ''")));
        t.add(bad(2, "magic", SVD.replace("volterra", "magic")));
        t.add(bad(2, "measure", SVD.replace("--operator volterra", "--kernel exp(-(x-y)^2)") + " --measure magic"));
        t.add(bad(2, "measure", SVD.replace("--operator volterra", "--kernel exp(-(x-y)^2)") + " --measure uniform:1:0"));
        t.add(bad(2, "measure", SVD.replace("--operator volterra", "--kernel exp(-(x-y)^2)") + " --measure gaussian:-1"));
        t.add(bad(2, "rho", SVD.replace("volterra", "gaussian-cdk") + " --rho 2"));
        t.add(bad(2, "length", SVD.replace("volterra", "gauss-kernel") + " --length-scale 0"));
        t.add(bad(2, "sigma", SVD.replace("volterra", "gauss-kernel") + " --sigma -1"));
        t.add(bad(2, "classes", SVD.replace("volterra", "class-pairs") + " --classes 0"));
        String pairs = "svd --L 2 --steps 10 --quiet --no-figures --out @new-svd --pairs";
        for (String[] p : new String[][] {
                {"@one.npy", "--split"}, {"@one.npy @one.npy @one.npy", "--pairs"},
                {"@one.npy --split 0", "--split"}, {"@one.npy --split 2", "--split"},
                {"@one.npy @one.npy --split 1", "--split"}, {"@nan.npy --split 1", "nan.npy"},
                {"@inf.npy --split 1", "inf.npy"}, {"@empty.npy --split 1", "empty.npy"},
                {"@missing.csv --split 1", "missing.csv"}, {"@adir --split 1", "adir"},
                {"@binary.bin --split 1", "binary.bin"}, {"@ragged.csv --split 1", "ragged.csv"},
                {"@words.csv --split 1", "words.csv"}, {"@nan.csv --split 1", "nan.csv"},
                {"@inf.csv --split 1", "inf.csv"}, {"@header-only.csv --split 1", "header-only.csv"},
                {"@emptyfile.csv --split 1", "emptyfile.csv"}, {"@complex.npy --split 1", "complex.npy"},
                {"@bool.npy --split 1", "bool.npy"}, {"@unicode.npy --split 1", "unicode.npy"},
                {"@truncated.npy --split 1", "truncated.npy"}, {"@badheader.npy --split 1", "badheader.npy"},
                {"@v9.npy --split 1", "v9.npy"}, {"@cube.npy --split 1", "cube.npy"},
                {"@huge.npy --split 1", "huge.npy"}, {"@pts.csv @two.csv", "rows"},
                {"@one.npy @nan.npy", "nan.npy"}, {"@one.npy --split 1 --L 5", "--L"}}) {
            t.add(bad(2, p[1], pairs + " " + p[0]));
        }

        String trajectory = "svd --L 2 --steps 10 --quiet --no-figures --out @new-svd --trajectory";
        for (String[] p : new String[][] {
                {"@single.npy --dt 0.1 --lag 0.1", "single frame"}, {"@one.npy --dt 0.1 --lag 0.25", "multiple"},
                {"@one.npy --dt 0.1 --lag 0.4", "not shorter"}, {"@one.npy --dt 0.1 --lag 0", "--lag"},
                {"@nan.npy --dt 0.1 --lag 0.1", "nan.npy"}, {"@one.npy @three.npy --dt 0.1 --lag 0.1", "dimension"},
                {"@missing.npy --dt 0.1 --lag 0.1", "missing.npy"}, {"@one.npy --lag 0.1", "--dt"},
                {"@one.npy --dt 0.1", "--lag"}, {"@one.npy --dt -1 --lag 0.1", "--dt"},
                {"@one.npy --dt 0.1 --lag 0.1 --L 3", "--L"}}) {
            t.add(bad(2, p[1], trajectory + " " + p[0]));
        }
        t.add(bad(2, "--lag", SVD + " --lag 0.5"));
        String simulate = "simulate --energy x^2/2 --dt 0.01 --steps 10";
        for (String[] p : new String[][] {
                {"--out @new.txt", ".npy"}, {"--trajectories 2 --out @new.csv", "CSV"}, {"--dt 0 --out @new.npy", "--dt"},
                {"--beta -1 --out @new.npy", "--beta"}, {"--save-every 3 --out @new.npy", "--save-every"},
                {"--start 1,2 --out @new.npy", "--start"}, {"--trajectories 0 --out @new.npy", "--trajectories"},
                {"--out @adir", "--out"}, {"--out @afile/x.npy", "--out"}}) {
            t.add(bad(2, p[1], simulate + " " + p[0]));
        }
        t.add(bad(2, "'x3'", simulate.replace("x^2/2", "x3") + " --out @new.npy"));
        t.add(bad(2, "not finite", simulate.replace("x^2/2", "log(x)") + " --out @new.npy"));
        t.add(bad(2, "--out", "simulate --energy x^2 --dt 0.01 --steps 10"));
        t.add(bad(1, "too large", "simulate --energy x^4 --dt 1 --steps 100 --start 10 --out @new.npy"));

        // 6. eval and export: run directories, points files, outputs
        String eval = "eval @run-ok --points";
        for (String[] p : new String[][] {
                {"@nan.npy", "nan.npy"}, {"@inf.npy", "inf.npy"}, {"@empty.npy", "empty.npy"},
                {"@one.npy", "one.npy"}, {"@three.npy", "three.npy"}, {"@missing.npy", "missing.npy"},
                {"@adir", "adir"}, {"@complex.npy", "complex.npy"}, {"@truncated.npy", "truncated.npy"},
                {"@nan.csv", "nan.csv"}, {"@words.csv", "words.csv"}, {"@binary.bin", "binary.bin"},
                {"@emptyfile.csv", "emptyfile.csv"}, {"@cube.npy", "cube.npy"}, {"@huge.npy", "huge.npy"},
                {"@pts.csv --out @adir", "--out"}, {"@pts.csv --out @afile/x.npy", "--out"},
                {"''", "--points"}}) {
            t.add(bad(2, p[1], eval + " " + p[0]));
        }
        t.add(bad(2, "RUN_DIR", "eval @missing-run --points @pts.csv"));
        t.add(bad(2, "RUN_DIR", "eval @afile --points @pts.csv"));
        t.add(bad(2, "RUN_DIR", "eval @adir --points @pts.csv"));
        t.add(bad(2, "checkpoint", "eval @run-nockpt --points @pts.csv"));
        t.add(bad(2, "RUN_DIR", "eval @broken-run --points @pts.csv"));
        t.add(bad(2, "--points", "eval @run-ok"));
        t.add(bad(2, "--saved-model", "export @run-ok --saved-model @afile"));
        t.add(bad(2, "--saved-model", "export @run-ok --saved-model @earlier-run"));
        t.add(bad(2, "RUN_DIR", "export @missing-run --saved-model @new-model"));
        t.add(bad(2, "checkpoint", "export @run-nockpt --saved-model @new-model"));
        t.add(bad(2, "--saved-model", "export @run-ok"));

        // 7. the other commands and the command line itself
        t.add(bad(2, "missing.yaml", "reproduce @missing.yaml --out @new-repro"));
        t.add(bad(2, "--seeds", "reproduce @good.yaml --seeds 0 --out @new-repro"));
        t.add(bad(2, "--resume", "reproduce @good.yaml --out @earlier-repro"));
        t.add(bad(2, "--engine spark", "reproduce @good.yaml --engine spark --out @new-repro"));
        String sweep = "sweep --set operator=harmonic --out @new-sweep";
        t.add(bad(2, "'stpes' (did you mean 'steps'?)", sweep + " --grid stpes=1,2"));
        t.add(bad(2, "'seed' (set by the sweep itself)", sweep + " --grid seed=1,2"));
        t.add(bad(2, "empty grid", sweep));
        t.add(bad(2, "'lr' has no values", sweep + " --grid lr="));
        t.add(bad(2, "--lr", sweep + " --grid lr=1e-3,abc"));
        t.add(bad(2, "--set", sweep + " --grid lr=1e-3 --set L"));
        t.add(bad(2, "missing.yaml", "sweep @missing.yaml --out @new-sweep"));
        t.add(bad(2, "afile", "sweep --set operator=harmonic --grid lr=1e-3 --out @afile/x"));
        t.add(bad(2, "cluster module", sweep + " --grid lr=1e-3 --engine spark"));
        t.add(bad(2, "--engine 'flink'", sweep + " --grid lr=1e-3 --engine flink"));
        t.add(bad(2, "--master", sweep + " --grid lr=1e-3 --master local[2]"));
        t.add(bad(2, "--seeds", sweep + " --grid lr=1e-3 --seeds 0"));
        t.add(bad(2, "'fit'", sweep + " --grid lr=1e-3 --command fit"));
        String svdSweep = "sweep --command svd --set operator=volterra --out @new-sweep";
        t.add(bad(2, "'eval-grid'", svdSweep + " --grid eval-grid=10,20"));
        t.add(bad(2, "empty grid", svdSweep));
        t.add(bad(2, "--lag 0.1,0.5", svdSweep + " --set lag=0.1,0.5 --grid lr=1e-3"));
        t.add(bad(2, "--command solve", "sweep @svd-sweep.yaml --command solve --out @new-sweep"));
        t.add(bad(2, "'lrr'", "sweep @svd-sweep-typo.yaml --out @new-sweep"));
        t.add(bad(2, "'lr' has no values", "sweep @empty-grid.yaml --out @new-sweep"));
        t.add(bad(2, "empty grid", "sweep @no-grid.yaml --out @new-sweep"));
        t.add(bad(2, "--memory-per-run", sweep + " --grid lr=1e-3 --memory-per-run 0"));
        t.add(bad(2, "--memory-per-run 100 MB", sweep + " --set dim=1 --set L=2 --grid lr=1e-3 --memory-per-run 100"));
        t.add(bad(2, "--memory-per-run 100 MB", "reproduce @good.yaml --out @new-repro --memory-per-run 100"));
        t.add(bad(2, "this machine's", sweep + " --set dim=1 --set L=2 --grid lr=1e-3 --memory-per-run 100000000"));
        t.add(bad(2, "missing", "plot @missing-run"));
        t.add(bad(2, "--bogus", "operators --bogus"));
        t.add(bad(2, "frobnicate", "frobnicate"));
        t.add(bad(2, "command", ""));
        return t;
    }

    private static Bad bad(int status, String mentions, String commandLine) {
        String[] tokens = commandLine.isBlank() ? new String[0] : commandLine.trim().split(" +");
        return badArgs(status, mentions, tokens);
    }

    private static Bad badArgs(int status, String mentions, String... args) {
        return new Bad(status, mentions, args);
    }

    static Stream<Arguments> cases() {
        return table().stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedInOneLineNamingTheInputAndLeavesNoFiles(Bad bad) throws IOException {
        String[] args = Arrays.stream(bad.args()).map(BadInputTableTest::resolve).toArray(String[]::new);
        Map<String, String> before = snapshot();
        ReferenceCommandTest.Run r = ReferenceCommandTest.run(args);
        List<String> lines = r.err().lines().filter(l -> !l.isBlank()).toList();
        String err = String.join(" | ", lines);
        assertEquals(bad.status(), r.status(), "status; stderr: " + err);
        assertEquals(1, lines.size(), "one line: " + err);
        assertTrue(lines.get(0).startsWith("opsvd: error: "), err);
        assertTrue(lines.get(0).contains(resolve(bad.mentions())), "should name '" + bad.mentions() + "': " + err);
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception") || r.err().contains("Error:"),
                "no stack trace or exception class: " + err);
        assertEquals(before, snapshot(), "no file created or changed");
    }

    @Test
    void theTableCoversEveryCommandWithAtLeast150Cases() {
        List<Bad> t = table();
        assertTrue(t.size() >= 150, "cases: " + t.size());
        for (String command : List.of("solve", "svd", "simulate", "reference", "eval", "export", "plot", "reproduce",
                "sweep",
                "operators")) {
            assertTrue(t.stream().anyMatch(b -> b.args().length > 0 && b.args()[0].equals(command)), command);
        }
    }

    private static String resolve(String token) {
        if (token.equals("''")) {
            return "";
        }
        return token.startsWith("@") ? dir.resolve(token.substring(1)).toString() : token;
    }

    /** Every file under the fixtures and the working directory's runs/: path → size and modification time. */
    private static Map<String, String> snapshot() throws IOException {
        Map<String, String> files = new TreeMap<>();
        for (Path root : List.of(dir, Path.of("runs").toAbsolutePath())) {
            if (!Files.exists(root)) {
                continue;
            }
            try (Stream<Path> s = Files.walk(root)) {
                for (Path p : s.toList()) {
                    files.put(p.toString(), Files.isDirectory(p) ? "dir"
                            : Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis());
                }
            }
        }
        return files;
    }

    @BeforeAll
    static void fixtures() throws IOException {
        npy("one.npy", "<f8", "4, 2", 1, 2, 3, 4, 5, 6, 7, 8);
        npy("three.npy", "<f8", "2, 3", 1, 2, 3, 4, 5, 6);
        npy("single.npy", "<f8", "1, 2", 1, 2);
        npy("nan.npy", "<f8", "2, 2", 1, 2, Double.NaN, 4);
        npy("inf.npy", "<f8", "2, 2", 1, Double.POSITIVE_INFINITY, 3, 4);
        npy("empty.npy", "<f8", "0, 2");
        npy("complex.npy", "<c16", "2,", 1, 0, 2, 0);
        npy("bool.npy", "|b1", "2,");
        npy("unicode.npy", "<U3", "2,");
        npy("truncated.npy", "<f8", "100, 2", 1, 2);
        npy("v9.npy", "<f8", "1, 1", 1);
        Files.write(dir.resolve("v9.npy"), patch(Files.readAllBytes(dir.resolve("v9.npy")), 6, (byte) 9));
        npy("cube.npy", "<f8", "2, 2, 2", 1, 2, 3, 4, 5, 6, 7, 8);
        npy("huge.npy", "<f8", "100000000000, 1", 1);
        Files.write(dir.resolve("badheader.npy"), new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, 4, 0,
                'j', 'u', 'n', 'k'});
        text("pts.csv", "0.1\n0.2\n");
        text("two.csv", "1\n");
        text("nan.csv", "1,2\nnan,3\n");
        text("inf.csv", "1,Infinity\n");
        text("ragged.csv", "1,2\n3\n");
        text("words.csv", "1,2\n3,abc\n");
        text("header-only.csv", "a,b\n");
        text("emptyfile.csv", "");
        Files.write(dir.resolve("binary.bin"), new byte[] {1, 0, 2, 0, 3});
        text("afile", "not a directory\n");
        Files.createDirectories(dir.resolve("adir"));
        text("earlier-run/config.json", "{\"config\": {}}\n");
        text("earlier-repro/results.csv", "file,seed\n");
        text("dup.yaml", "version: 1\nlr: 0.1\nlr: 0.2\n");
        text("syntax.yaml", "version: 1\nlr: 0.1\nhidden: [1,\n");
        text("unknown.yaml", "version: 1\nfrobnicate: 3\n");
        text("noversion.yaml", "lr: 0.1\n");
        text("badvalue.yaml", "version: 1\nlr: abc\n");
        text("list.yaml", "- a\n- b\n");
        text("badpotential.yaml", "version: 1\npotential: x3^2\ndim: 2\nL: 2\nsteps: 10\n");
        text("good.yaml", "version: 1\noperator: harmonic\ndim: 1\nL: 2\nsteps: 10\n");
        text("svd-sweep.yaml", "version: 1\ncommand: svd\noptions: {operator: volterra}\ngrid: {lr: [1.0e-3]}\n");
        text("empty-grid.yaml", "version: 1\noptions: {operator: harmonic}\ngrid: {lr: []}\n");
        text("no-grid.yaml", "version: 1\noptions: {operator: harmonic, L: 2}\n");
        text("svd-sweep-typo.yaml", "version: 1\ncommand: svd\ngrid: {lrr: [1.0e-3]}\n");
        String config = new ObjectMapper().writeValueAsString(Map.of("config", SolveBuilder.of(OperatorCatalog.build(
                new OperatorRequest("harmonic", null, 1, 0.5, null, null, null, null, null, null, null)))
                .outputs(2).steps(10).config()));
        text("run-nockpt/config.json", config);
        text("run-ok/config.json", config);
        text("run-ok/checkpoint.bin", "not read: the refusals come first");
        text("broken-run/config.json", "{\"config\": [");
        text("broken-run/checkpoint.bin", "x");
    }

    private static void text(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    private static byte[] patch(byte[] bytes, int at, byte value) {
        bytes[at] = value;
        return bytes;
    }

    /** A version-1 NPY file with this header, and the values as little-endian float64. */
    private static void npy(String name, String descr, String shape, double... values) throws IOException {
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + shape + "), }";
        String header = dict + " ".repeat((64 - (10 + dict.length() + 1) % 64) % 64) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + 8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length());
        b.put(header.getBytes(StandardCharsets.ISO_8859_1));
        for (double v : values) {
            b.putDouble(v);
        }
        Files.write(dir.resolve(name), b.array());
    }
}
