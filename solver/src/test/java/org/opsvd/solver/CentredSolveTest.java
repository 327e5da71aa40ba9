package org.opsvd.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsvd.cli.Main;
import org.opsvd.operators.io.NumericTable;

/**
 * A solve centred at its wanted states' mean runs in y = x − c and writes x: the configuration records c, the
 * points of the run directory lie around c, and {@code opsvd eval} at those points gives the functions the run
 * wrote there. A given {@code --centre} wins over the rule.
 */
class CentredSolveTest {

    private static final String WELL = "0.5*((x1-1.5)^2+x2^2+x3^2+x4^2)";

    @Test
    void aCentredRunWritesItsPointsAndFunctionsInTheOriginalCoordinates(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("run");
        StringWriter log = new StringWriter();
        assertEquals(0, run(log, "solve", "--potential", WELL, "--dim", "4", "--L", "2", "--steps", "60", "--hidden",
                "16,16", "--batch", "64", "--eval-points", "2000", "--no-figures", "--out", dir.toString()));
        assertTrue(log.toString().contains("the wanted states' mean (Rayleigh–Ritz"), log.toString());
        JsonNode centre = new ObjectMapper().readTree(dir.resolve("config.json").toFile()).path("config").path("centre");
        assertEquals(4, centre.size(), "config.json records c");
        assertEquals(1.5, centre.get(0).asDouble(), 0.05);
        NumericTable points = NumericTable.read(dir.resolve("points.npy"), "points");
        double mean = 0;
        for (int i = 0; i < points.rows(); i++) mean += points.values()[i * 4] / points.rows();
        assertEquals(1.5, mean, 0.1, "Monte Carlo points around c in x");

        assertEquals(0, run(new StringWriter(), "eval", dir.toString(), "--points", dir.resolve("points.npy").toString(),
                "--out", tmp.resolve("psi.npy").toString()));
        double[] written = NumericTable.read(dir.resolve("eigenfunctions.npy"), "psi").values();
        double[] evaluated = NumericTable.read(tmp.resolve("psi.npy"), "psi").values();
        assertArrayEquals(written, evaluated, 1e-9 * Arrays.stream(written).map(Math::abs).max().orElse(1));
    }

    @Test
    void aGivenCentreWinsOverTheRule() {
        StringWriter log = new StringWriter();
        assertEquals(0, run(log, "solve", "--potential", WELL, "--dim", "4", "--L", "2", "--centre", "0,0,0,0",
                "--explain"));
        assertTrue(log.toString().contains("--centre 0.000,0.000,0.000,0.000: given"), log.toString());
        StringWriter bad = new StringWriter();
        assertEquals(2, run(bad, "solve", "--potential", WELL, "--dim", "4", "--centre", "1,2", "--explain"));
        assertTrue(bad.toString().contains("--centre needs 4 coordinates"), bad.toString());
    }

    private static int run(StringWriter out, String... args) {
        return Main.execute(args, new PrintWriter(out, true), new PrintWriter(out, true));
    }
}
