package org.opsvd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Experiment files ({@code opsvd solve --config FILE}): the file's values are the run's settings, the
 * command line overrides them, the resolved configuration round-trips, and every bad file is refused
 * with a message that names the file and the key, before anything runs.
 */
class ConfigFileTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final String SMALL = """
            version: 1
            description: 1D oscillator, seconds
            experiment: oscillator1d
            operator: harmonic
            dim: 1
            L: 2
            hidden: [32, 32]
            batch: 128
            steps: 400
            lr: 3.0e-3
            eval-grid: 200
            constant-lr: false
            """;

    @Test
    void fileSuppliesTheSettingsAndTheCommandLineOverridesThem(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("small.yaml"), SMALL);
        Path out = dir.resolve("run");
        ReferenceCommandTest.Run r = ReferenceCommandTest.run("solve", "--config", file.toString(), "--steps", "200",
                "--quiet", "--out", out.toString());
        assertEquals(0, r.status(), r.err() + r.out());
        JsonNode config = JSON.readTree(out.resolve("config.json").toFile()).get("config");
        assertEquals(200, config.get("steps").asInt(), "command line wins over the file");
        assertEquals(2, config.get("outputs").asInt());
        assertEquals(1, config.get("dimension").asInt());
        assertEquals(List.of(32, 32), JSON.convertValue(config.get("hidden"), List.class));
        assertEquals(128, config.get("batch").asInt());
        assertEquals(3e-3, config.get("learningRate").asDouble(), 0);
        assertTrue(config.get("cosineSchedule").asBoolean());
        assertEquals(SMALL, Files.readString(out.resolve("experiment.yaml")), "the file is kept with the run");
    }

    @Test
    void resolvedConfigurationRoundTripsThroughAFile(@TempDir Path dir) throws Exception {
        // Settings read from a file and the same settings given as options resolve to the same configuration; a file
        // keeps the trained output layer unless it sets output-ritz (it reproduces a protocol), so the options say so.
        Path file = Files.writeString(dir.resolve("small.yaml"), SMALL);
        ReferenceCommandTest.Run a = ReferenceCommandTest.run("solve", "--config", file.toString(), "--steps", "2",
                "--quiet", "--out", dir.resolve("a").toString());
        ReferenceCommandTest.Run b = ReferenceCommandTest.run("solve", "--operator", "harmonic", "--dim", "1", "--L", "2",
                "--hidden", "32,32", "--batch", "128", "--steps", "2", "--lr", "3e-3", "--eval-grid", "200", "--quiet",
                "--no-output-ritz", "--out", dir.resolve("b").toString());
        Path refined = Files.writeString(dir.resolve("refined.yaml"), SMALL + "output-ritz: true\n");
        ReferenceCommandTest.Run c = ReferenceCommandTest.run("solve", "--config", refined.toString(), "--steps", "2",
                "--quiet", "--out", dir.resolve("c").toString());
        assertEquals(0, c.status(), c.err());
        assertTrue(JSON.readTree(dir.resolve("c/config.json").toFile()).get("config").get("outputRitz").asBoolean());
        assertEquals(0, a.status(), a.err());
        assertEquals(0, b.status(), b.err());
        assertEquals(JSON.readTree(dir.resolve("b/config.json").toFile()),
                JSON.readTree(dir.resolve("a/config.json").toFile()));
    }

    @Test
    void unknownKeysAreNamedWithASuggestion(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("bad.yaml"), SMALL + "stpes: 10\nwarmup: 5\n");
        ReferenceCommandTest.Run r = ReferenceCommandTest.run("solve", "--config", file.toString());
        assertEquals(Main.USAGE_ERROR, r.status());
        assertTrue(r.err().contains("bad.yaml") && r.err().contains("unknown keys 'stpes' (did you mean 'steps'?), "
                + "'warmup'"), r.err());
    }

    @Test
    void wrongTypesAreNamed(@TempDir Path dir) throws Exception {
        for (String[] c : new String[][] {{"steps: ten", "'steps' must be an integer, got 'ten'"},
                {"lr: fast", "'lr' must be a number, got 'fast'"},
                {"hidden: [32, wide]", "'hidden' must be an integer, got 'wide'"},
                {"constant-lr: 1", "'constant-lr' must be true or false, got '1'"},
                {"operator: {name: harmonic}", "'operator' must be a text value, got {\"name\":\"harmonic\"}"}}) {
            String text = SMALL.lines().filter(l -> !l.startsWith(c[0].substring(0, c[0].indexOf(':') + 1)))
                    .reduce("", (x, y) -> x + y + "\n") + c[0] + "\n";
            Path file = Files.writeString(dir.resolve("typed.yaml"), text);
            ReferenceCommandTest.Run r = ReferenceCommandTest.run("solve", "--config", file.toString());
            assertEquals(Main.USAGE_ERROR, r.status(), c[0]);
            assertTrue(r.err().contains(c[1]), c[0] + " -> " + r.err());
        }
    }

    @Test
    void missingFileVersionAndNonMappingAreRefused(@TempDir Path dir) throws Exception {
        ReferenceCommandTest.Run missing = ReferenceCommandTest.run("solve", "--config", dir.resolve("none.yaml").toString());
        assertEquals(Main.USAGE_ERROR, missing.status());
        assertTrue(missing.err().contains("--config " + dir.resolve("none.yaml") + ": no such file"), missing.err());

        Path noVersion = Files.writeString(dir.resolve("v.yaml"), SMALL.replace("version: 1\n", ""));
        ReferenceCommandTest.Run v = ReferenceCommandTest.run("solve", "--config", noVersion.toString());
        assertTrue(v.err().contains("'version: 1' is required"), v.err());

        Path list = Files.writeString(dir.resolve("l.yaml"), "- a\n- b\n");
        ReferenceCommandTest.Run l = ReferenceCommandTest.run("solve", "--config", list.toString());
        assertTrue(l.err().contains("must be a YAML mapping"), l.err());
        try (Stream<Path> s = Files.list(dir)) {
            assertFalse(s.anyMatch(Files::isDirectory), "nothing was run");
        }
    }

    @Test
    void everyShippedExperimentFileIsValid() throws Exception {
        Path experiments = Path.of("..", "experiments");
        var solve = Main.commandLine(new Main()).getSubcommands().get("solve").getCommandSpec();
        List<Path> files;
        try (Stream<Path> s = Files.walk(experiments)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(files.size() >= 11, "the paper's experiments: " + files);
        for (Path f : files) {
            ConfigFile c = ConfigFile.read(f, solve);
            assertTrue(c.values().containsKey("method") && c.values().containsKey("batch"), f.toString());
        }
    }
}
