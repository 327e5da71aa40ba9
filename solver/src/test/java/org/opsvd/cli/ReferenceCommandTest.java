package org.opsvd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code opsvd reference} end to end on small grids, and every bad input the issue lists. */
class ReferenceCommandTest {

    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void oscillatorOnAGridPrintsTheComparisonTableAndWritesJson(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("sub/ho.json");
        Run r = run("reference", "--operator", "harmonic", "--dim", "2", "--grid", "64", "--k", "16",
                "--method", "shift-invert", "--no-extrapolate", "--json", json.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("rel.error"), r.out());
        assertTrue(r.out().contains("k = 16 rounded up to 21"), r.out());
        JsonNode node = new ObjectMapper().readTree(json.toFile());
        assertEquals(21, node.get("eigenvalues").size());
        assertEquals(1.0, node.get("exact").get(0).asDouble(), 1e-15);
        // 64² order 4 on [-7,7]²: discretisation error ~1e-3 (facts file: 8.3e-4), solver error far below
        double maxRel = node.get("max_rel_error").asDouble();
        assertTrue(maxRel > 1e-5 && maxRel < 2e-3, "max_rel_error " + maxRel);
        assertEquals(64, node.get("grid").get("points_per_axis").asInt());
        assertTrue(node.get("seconds").asDouble() > 0);
        assertFalse(Files.list(json.getParent()).anyMatch(p -> p.toString().endsWith(".tmp")), "no temp file left");
    }

    @Test
    void smoothPotentialGetsTheSpectralRouteWithErrorEstimatesInJson(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("quartic.json");
        Run r = run("reference", "--potential", "0.5*(x^2+y^2)+0.1*x^2*y^2", "--dim", "2", "--box", "7", "--k", "6",
                "--json", json.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("note       auto route: dvr (smooth potential: spectral DVR"), r.out());
        assertTrue(r.out().contains("est.error"), r.out());
        JsonNode node = new ObjectMapper().readTree(json.toFile());
        assertEquals("dvr", node.get("route").asText());
        assertEquals(node.get("eigenvalues").size(), node.get("error_estimates").size());
        assertTrue(node.get("max_estimated_rel_error").asDouble() <= 1e-10, node.toString());
        assertEquals(1.0233978594163, node.get("eigenvalues").get(0).asDouble(), 1e-12);
    }

    @Test
    void givenGridIsExtrapolatedOnlyWhenThePotentialIsKnownSmooth() {
        Run smooth = run("reference", "--operator", "harmonic", "--dim", "2", "--grid", "64", "--k", "6");
        assertTrue(smooth.out().contains("Richardson-extrapolated over n = 32, 48, 64"), smooth.out());
        Run kink = run("reference", "--potential", "abs(x)+abs(y)", "--dim", "2", "--grid", "40", "--k", "2");
        assertEquals(0, kink.status(), kink.err());
        assertTrue(kink.out().contains("no Richardson extrapolation: the potential is not known smooth ('abs'"),
                kink.out());
        // no series in h, but an error estimate from one coarser grid, assuming first-order convergence at worst
        assertTrue(kink.out().contains("error estimate: the difference to the grid of n = 30 over (H/h − 1)")
                && kink.out().contains("est.error"), kink.out());
    }

    @Test
    void hydrogenUsesTheRadialReferenceToPaperAccuracy() throws Exception {
        Run r = run("reference", "--operator", "hydrogen", "--dim", "2", "--k", "16", "--json",
                Files.createTempFile("h", ".json").toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("method     radial"), r.out());
        String last = r.out().lines().filter(l -> l.startsWith("max relative error")).findFirst().orElseThrow();
        double maxRel = Double.parseDouble(last.split("\\s+")[3]);
        assertTrue(maxRel <= 1e-5, last);
    }

    @Test
    void formulaPotentialWithoutExactSpectrumReportsNumericGroups() {
        Run r = run("reference", "--potential", "0.5*(x^2+y^2)", "--dim", "2", "--grid", "48", "--k", "2",
                "--method", "shift-invert");
        assertEquals(0, r.status(), r.err());
        // the isotropic oscillator written as a formula: the 2nd state opens a 2-fold group, so k = 2 → 3
        assertTrue(r.out().contains("k = 2 rounded up to 3"), r.out());
        assertTrue(r.out().contains("no exact spectrum known"), r.out());
    }

    @Test
    void operatorsListsEveryBuiltin() {
        Run r = run("operators");
        assertEquals(0, r.status());
        for (String name : new String[] {"harmonic", "hydrogen", "box", "cosine", "h2plus"}) {
            assertTrue(r.out().contains(name), name);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown operator       | --operator helium --dim 3                      | unknown operator 'helium'",
        "malformed expression   | --potential 0.5*(x^2+q^2) --dim 2              | position 10: unknown variable",
        "non-positive grid      | --operator harmonic --grid 0                   | --grid must be at least 3",
        "negative grid          | --operator harmonic --grid -8                  | --grid must be at least 3",
        "non-positive box       | --operator harmonic --box 0                    | box half-width must be positive",
        "k larger than the grid | --operator harmonic --dim 1 --grid 8 --k 9     | larger than the grid allows",
        "k zero                 | --operator harmonic --k 0                      | --k must be at least 1",
        "infinite potential     | --potential -1/sqrt(x^2+y^2) --grid 9 --method shift-invert | at grid point [0.0, 0.0]",
        "bad order              | --operator harmonic --order 3                  | order must be 2 or 4",
        "unknown method         | --operator harmonic --method magic             | unknown method 'magic'",
        "kronecker not separable| --operator hydrogen --method kronecker         | needs a separable potential",
        "dvr not smooth         | --operator hydrogen --method dvr               | needs a potential known to be smooth",
        "grid beyond memory     | --operator harmonic --dim 3 --grid 1200 --method chebyshev | needs about",
        "no operator            | --dim 2                                        | --operator",
    })
    void badInputGivesOneLineErrorAndNonZeroExit(String what, String args, String expected) {
        Run r = run(("reference " + args.trim()).split("\\s+"));
        assertTrue(r.status() != 0, what);
        String first = r.err().lines().findFirst().orElse("");
        assertTrue(first.startsWith("opsvd: error: "), r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace without --verbose: " + r.err());
    }

    @Test
    void verbosePrintsTheStackTrace() {
        Run r = run("reference", "--operator", "helium", "--verbose");
        assertTrue(r.status() != 0);
        assertTrue(r.err().contains("\tat "), r.err());
    }
}
