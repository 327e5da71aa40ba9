package org.opsvd.operators.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hipparchus.random.Well19937c;
import org.jetbrains.bio.npy.NpyFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsvd.operators.io.NumericTable;
import org.opsvd.operators.kernels.SvdProblem;

/** The pairs (x_t, x_{t+τ}) of trajectories, and the trajectories and lags refused. */
class LaggedPairsTest {

    @TempDir
    Path dir;

    /** A trajectory in R² whose frame t of trajectory i is (100·i + t, −t): pairs show where they came from. */
    private static NumericTable labelled(int i, int frames) {
        double[] v = new double[2 * frames];
        for (int t = 0; t < frames; t++) {
            v[2 * t] = 100 * i + t;
            v[2 * t + 1] = -t;
        }
        return new NumericTable(v, frames, 2);
    }

    @Test
    void everyPairIsAFrameAndTheFrameOneLagLaterOfTheSameTrajectory() {
        // frames 0.5 apart, lag 1.5 = 3 frames: trajectories of 5, 4 and 10 frames give 2 + 1 + 7 = 10 pairs
        LaggedPairs p = LaggedPairs.of(List.of(labelled(0, 5), labelled(1, 4), labelled(2, 10)),
                List.of("a", "b", "c"), 0.5, 1.5);
        assertEquals(10, p.size());
        assertEquals(3, p.lagFrames());
        int n = 5000;
        double[] x = new double[2 * n];
        double[] y = new double[2 * n];
        p.sample(new Well19937c(1), x, y, n);
        Set<Double> seen = new HashSet<>();
        for (int b = 0; b < n; b++) {
            assertEquals(x[2 * b] + 3, y[2 * b], 0, "same trajectory, 3 frames later");
            assertEquals(x[2 * b + 1] - 3, y[2 * b + 1], 0);
            int trajectory = (int) (x[2 * b] / 100);
            int frames = new int[] {5, 4, 10}[trajectory];
            assertTrue(y[2 * b] - 100 * trajectory < frames, "within the trajectory");
            seen.add(x[2 * b]);
        }
        assertEquals(10, seen.size(), "every pair is drawn");
    }

    @Test
    void evaluationUsesEveryPairWhenThereAreFewEnough() {
        SvdProblem problem = LaggedPairs.of(List.of(labelled(0, 6)), List.of("a"), 1, 2).problem(2, 100, 0);
        assertEquals(8, problem.samples().x().length, "4 pairs in R²");
        assertEquals(0.0, problem.samples().x()[0]);
        assertEquals(2.0, problem.samples().y()[0]);
        assertTrue(problem.constantMode());
        assertEquals(2, problem.data().leftDimension());
    }

    @Test
    void readsOneOrManyFilesAndStacksOfTrajectories() throws IOException {
        Path stack = dir.resolve("stack.npy");
        NpyFile.write(stack, new double[] {0, 1, 2, 3, 10, 11, 12, 13}, new int[] {2, 4, 1});
        Path csv = Files.writeString(dir.resolve("one.csv"), "x1\n5\n6\n7\n");
        LaggedPairs p = LaggedPairs.read(List.of(stack, csv), 0.1, 0.2);
        assertEquals(3, p.trajectories());
        assertEquals(2 + 2 + 1, p.size());
        assertTrue(p.describe().startsWith("lag-0.2 transfer operator of 3 trajectories in R^1 (5 pairs"),
                p.describe());
    }

    private static String refusal(List<NumericTable> t, double dt, double lag) {
        return assertThrows(IllegalArgumentException.class,
                () -> LaggedPairs.of(t, List.of("a.npy", "b.npy"), dt, lag)).getMessage();
    }

    @Test
    void refusesWhatCannotMakeAPair() {
        String single = refusal(List.of(labelled(0, 1)), 0.1, 0.1);
        assertTrue(single.contains("a.npy has a single frame"), single);
        String notMultiple = refusal(List.of(labelled(0, 10)), 0.1, 0.25);
        assertTrue(notMultiple.contains("--lag 0.25 is not a multiple of the time between frames --dt 0.1"),
                notMultiple);
        String belowOneFrame = refusal(List.of(labelled(0, 10)), 0.1, 0.04);
        assertTrue(belowOneFrame.contains("not a multiple"), belowOneFrame);
        String tooLong = refusal(List.of(labelled(0, 10), labelled(1, 3)), 0.1, 0.3);
        assertTrue(tooLong.contains("--lag 0.3 (3 frames) is not shorter than --trajectory b.npy: 3 frames"),
                tooLong);
        NumericTable oneD = new NumericTable(new double[] {1, 2, 3}, 3, 1);
        String dims = refusal(List.of(labelled(0, 10), oneD), 0.1, 0.1);
        assertTrue(dims.contains("b.npy has dimension 1 but a.npy has 2"), dims);
        assertTrue(refusal(List.of(labelled(0, 10)), 0, 0.1).contains("--dt"));
        assertTrue(refusal(List.of(labelled(0, 10)), 0.1, Double.NaN).contains("--lag"));
        // float rounding of a true multiple is accepted: 0.3/0.1 = 2.9999999999999996
        assertEquals(3, LaggedPairs.of(List.of(labelled(0, 10)), List.of("a"), 0.1, 0.3).lagFrames());
    }
}
