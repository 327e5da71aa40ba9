package org.opsvd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsvd.operators.io.NumericTable;

/**
 * {@code opsvd simulate} then {@code opsvd svd --trajectory} on the Ornstein–Uhlenbeck process (U = x²/2, β = 1),
 * whose lag-τ transfer operator has σ_k = e^{−kτ} (Hermite polynomials) and implied timescales t_k = 1/k; the
 * Euler–Maruyama chain's own values are (1 − h)^{kτ/h}, within 5e-4 of e^{−kτ} for h = 0.01 and k ≤ 2.
 */
class TrajectoryCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ReferenceCommandTest.Run run(String... args) {
        return ReferenceCommandTest.run(args);
    }

    @Test
    void simulateWritesSeededTrajectoriesAsNpyStacksOrCsv(@TempDir Path dir) throws Exception {
        Path npy = dir.resolve("ou.npy");
        String[] args = {"simulate", "--energy", "x^2/2+y^2", "--dim", "2", "--dt", "0.01", "--steps", "100",
            "--save-every", "10", "--trajectories", "3", "--start", "1,2", "--seed", "5", "--out", npy.toString()};
        ReferenceCommandTest.Run r = run(args);
        assertEquals(0, r.status(), r.err());
        List<NumericTable> t = NumericTable.readStack(npy, "--trajectory");
        assertEquals(3, t.size(), "three trajectories");
        assertEquals(11, t.get(0).rows(), "frames 0, 10, …, 100");
        assertEquals(2, t.get(0).columns());
        assertEquals(1.0, t.get(2).values()[0], 0, "each starts at --start");
        assertEquals(2.0, t.get(2).values()[1], 0);
        assertTrue(t.get(0).values()[2] != t.get(1).values()[2], "independent noise");
        byte[] first = Files.readAllBytes(npy);
        assertEquals(0, run(args).status());
        assertTrue(java.util.Arrays.equals(first, Files.readAllBytes(npy)), "the same seed, the same file");

        Path csv = dir.resolve("ou.csv");
        assertEquals(0, run("simulate", "--energy", "x^2/2", "--dt", "0.01", "--steps", "50", "--out",
                csv.toString()).status());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("x1", lines.get(0));
        assertEquals(52, lines.size(), "header and 51 frames");
    }

    /** Simulates two OU trajectories with h = 0.01, frames 0.05 apart, then learns singular pairs at the lags. */
    private static ReferenceCommandTest.Run ornsteinUhlenbeck(Path dir, long steps, String lags, String... svd) {
        Path traj = dir.resolve("ou.npy");
        ReferenceCommandTest.Run sim = run("simulate", "--energy", "x^2/2", "--dt", "0.01", "--steps",
                Long.toString(steps), "--save-every", "5", "--trajectories", "2", "--seed", "3", "--out",
                traj.toString());
        assertEquals(0, sim.status(), sim.err());
        List<String> all = new java.util.ArrayList<>(List.of("svd", "--quiet", "--no-figures", "--trajectory",
                traj.toString(), "--dt", "0.05", "--lag", lags, "--out", dir.resolve("run").toString()));
        all.addAll(List.of(svd));
        ReferenceCommandTest.Run r = run(all.toArray(String[]::new));
        assertEquals(0, r.status(), r.err() + r.out());
        return r;
    }

    @Test
    void ornsteinUhlenbeckSingularValuesAndTimescalesFromATrajectoryAtTwoLags(@TempDir Path dir) throws Exception {
        // 2 × 10⁵ steps = 4000 time units, 80 000 pairs; 600 steps of B = 512 per lag. Measured at τ = 0.5:
        // σ = 0.5986, 0.3602 (Ritz 0.6037, 0.3633), t = 0.974, 0.490 (Ritz 0.991, 0.494); at τ = 1 Ritz t₁ = 0.990. Tolerances ≈ 4 standard errors of this budget.
        ReferenceCommandTest.Run r = ornsteinUhlenbeck(dir, 200_000, "0.5,1", "--L", "2", "--steps", "600",
                "--hidden", "32,32", "--lr", "3e-3", "--eval-points", "80000");
        assertTrue(r.out().contains("implied timescales t_k = -τ/ln σ_k at τ = 0.5"), r.out());
        JsonNode s = JSON.readTree(dir.resolve("run/lag-0.5/summary.json").toFile());
        assertEquals(Math.exp(-0.5), s.get("singular_values").get(0).asDouble(), 0.02);
        assertEquals(Math.exp(-1.0), s.get("singular_values").get(1).asDouble(), 0.03);
        assertEquals(1.0, s.get("implied_timescales").get(0).asDouble(), 0.1);
        assertEquals(0.5, s.get("implied_timescales").get(1).asDouble(), 0.1);
        assertEquals(1.0, s.get("ritz_implied_timescales").get(0).asDouble(), 0.1);
        assertEquals(0.5, s.get("lag").asDouble(), 0);
        assertEquals("trajectory", s.get("operator").asText());
        List<String> csv = Files.readAllLines(dir.resolve("run/implied_timescales.csv"));
        assertEquals(List.of("lag,k,t,ritz_t"), csv.subList(0, 1));
        assertEquals(5, csv.size(), "two lags × two modes");
        String[] lag1mode1 = csv.get(3).split(",");
        assertEquals("1.0", lag1mode1[0]);
        assertEquals(1.0, Double.parseDouble(lag1mode1[3]), 0.15, "t_1 at τ = 1 (σ_1 = 0.37)");
        assertTrue(Files.size(dir.resolve("run/implied_timescales.png")) > 1000);
    }

    @Test
    @Tag("slow")
    void ornsteinUhlenbeckFirstThreeSingularValuesWithinTwoThousandths(@TempDir Path dir) throws Exception {
        // The RESULTS.md run: h = 0.001, T = 10⁵ time units, 5·10⁶ frames 0.02 apart, τ = 0.1 (σ_k = 0.905, 0.819,
        // 0.741; the chain's own (1 − h)^{100k} within 1.5e-4 of them), L = 4, 30 000 steps. Measured Ritz errors
        // 1.2e-4, 6.2e-4, 5.0e-4; the data's own standard errors (exact functions on these pairs) 4e-4, 1.4e-3,
        // 3.6e-3, so k = 3 passing is partly this seed's luck, and k = 4 (data error 8e-3) is not asserted.
        Path traj = dir.resolve("ou.npy");
        assertEquals(0, run("simulate", "--energy", "x^2/2", "--dt", "0.001", "--steps", "100000000",
                "--save-every", "20", "--seed", "1", "--out", traj.toString()).status());
        ReferenceCommandTest.Run r = run("svd", "--quiet", "--no-figures", "--trajectory", traj.toString(), "--dt",
                "0.02", "--lag", "0.1", "--L", "4", "--steps", "30000", "--eval-points", "1000000", "--eval-every",
                "10000", "--out", dir.resolve("run").toString());
        assertEquals(0, r.status(), r.err());
        JsonNode s = JSON.readTree(dir.resolve("run/summary.json").toFile());
        for (int k = 1; k <= 3; k++) {
            assertEquals(Math.exp(-0.1 * k), s.get("ritz_singular_values").get(k - 1).asDouble(), 2e-3, "Ritz σ_" + k);
        }
    }
}
