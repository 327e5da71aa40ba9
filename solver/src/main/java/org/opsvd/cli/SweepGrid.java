package org.opsvd.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A sweep: fixed options of a command ({@code solve}, the default, or {@code svd}) and a grid of values for others;
 * its points are every combination of the grid's values (the first key varying slowest), each run over seeds
 * 0..K-1. Read from a YAML file
 * <pre>
 * version: 1
 * command: solve                                                   # optional: solve (default) or svd
 * base: ../experiments/oscillator2d-tuned/neuralsvd-seq-L15.yaml   # optional, relative to this file
 * options: {L: 6, steps: 3000}                                     # optional, over the base's
 * grid: {lr: [1.0e-3, 2.0e-3], fourier-scale: [0.1, 0.2]}
 * seeds: 2
 * </pre>
 * and from the command line ({@code --command}, {@code --set KEY=VALUE}, {@code --grid KEY=V1,V2}), which overrides
 * the file.
 */
final class SweepGrid {

    /** Keys a sweep sets itself, or that name no setting of a run. */
    private static final Set<String> NOT_SWEPT = Set.of("seed", "out", "resume", "config", "help", "version");

    /** The commands a sweep runs. */
    static final List<String> COMMANDS = List.of("solve", "svd");

    private final CommandSpec command;
    private final Map<String, String> fixed = new LinkedHashMap<>();
    private final Map<String, List<String>> grid = new LinkedHashMap<>();
    private String experiment;
    private Integer seeds;

    /**
     * The settings of a file, checked against the options of its {@code command:} ({@code solve} when it names
     * none).
     *
     * @param command the command given on the command line, or null: it must agree with the file's
     */
    static SweepGrid read(Path file, String command) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (java.io.FileNotFoundException e) {
            throw new IllegalArgumentException("sweep file " + file + ": no such file");
        } catch (IOException e) {
            throw new IllegalArgumentException("sweep file " + file + " cannot be read: " + Main.oneLine(String.valueOf(e.getMessage())));
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("sweep file " + file + " must be a YAML mapping (version, base, options, grid, seeds)");
        }
        if (root.path("version").asInt(-1) != ConfigFile.VERSION) {
            throw new IllegalArgumentException("sweep file " + file + ": 'version: " + ConfigFile.VERSION + "' is required");
        }
        List<String> unknown = new ArrayList<>();
        for (var it = root.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!Set.of("version", "description", "command", "experiment", "base", "options", "grid", "seeds").contains(k)) {
                unknown.add("'" + k + "'");
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("sweep file " + file + ": unknown key(s) " + String.join(", ", unknown)
                    + " (expected version, description, command, experiment, base, options, grid, seeds)");
        }
        String named = root.hasNonNull("command") ? root.get("command").asText() : null;
        if (command != null && named != null && !command.equals(named)) {
            throw new IllegalArgumentException("--command " + command + " disagrees with the sweep file " + file
                    + " (command: " + named + ")");
        }
        SweepGrid sweep = new SweepGrid(command != null ? command : named != null ? named : "solve");
        if (root.hasNonNull("base")) {
            Path base = file.toAbsolutePath().getParent().resolve(root.get("base").asText()).normalize();
            sweep.base(ConfigFile.read(base, sweep.command));
        }
        if (root.hasNonNull("experiment")) sweep.experiment = root.get("experiment").asText();
        root.path("options").fields().forEachRemaining(e -> sweep.set("sweep file " + file + ": options",
                e.getKey(), text(e.getValue())));
        JsonNode grid = root.path("grid");
        if (!grid.isMissingNode() && !grid.isObject()) {
            throw new IllegalArgumentException("sweep file " + file + ": 'grid' must map option names to lists of values");
        }
        grid.fields().forEachRemaining(e -> {
            List<String> values = new ArrayList<>();
            if (e.getValue().isArray()) e.getValue().forEach(v -> values.add(text(v)));
            else values.add(text(e.getValue()));
            sweep.vary("sweep file " + file + ": grid", e.getKey(), values);
        });
        if (root.has("seeds")) {
            if (!root.get("seeds").canConvertToInt()) throw new IllegalArgumentException("sweep file " + file + ": 'seeds' must be an integer");
            sweep.seeds = root.get("seeds").asInt();
        }
        return sweep;
    }

    /**
     * An empty sweep of {@code command}'s runs, to be filled from the command line.
     *
     * @throws IllegalArgumentException for a command a sweep does not run
     */
    SweepGrid(String command) {
        if (!COMMANDS.contains(command)) {
            throw new IllegalArgumentException("a sweep runs solve or svd, not '" + command + "'");
        }
        this.command = Main.commandLine(new Main()).getSubcommands().get(command).getCommandSpec();
    }

    /** The options' command. */
    CommandSpec command() {
        return command;
    }

    /** Takes an experiment file's settings as the fixed options (the file's own {@code experiment} too). */
    void base(ConfigFile config) {
        fixed.putAll(config.values());
        if (config.experiment() != null) experiment = config.experiment();
    }

    /** Fixes {@code key} to {@code value} (and removes it from the grid). */
    void set(String where, String key, String value) {
        check(where, key);
        grid.remove(key);
        fixed.put(key, value);
    }

    /** Varies {@code key} over {@code values}. */
    void vary(String where, String key, List<String> values) {
        check(where, key);
        if (values.isEmpty()) throw new IllegalArgumentException(where + ": '" + key + "' has no values (an empty grid)");
        fixed.remove(key);
        grid.put(key, List.copyOf(values));
    }

    /** Seeds per point, from the file (or null). */
    Integer seeds() {
        return seeds;
    }

    String experiment() {
        return experiment;
    }

    /** The varied option names, in order. */
    List<String> varied() {
        return List.copyOf(grid.keySet());
    }

    /** Every point: the fixed values and one combination of the grid's, in grid order. */
    List<Map<String, String>> points() {
        if (grid.isEmpty()) {
            throw new IllegalArgumentException("the sweep has an empty grid: vary at least one option (grid: in the "
                    + "sweep file, or --grid NAME=V1,V2)");
        }
        List<Map<String, String>> points = new ArrayList<>();
        points.add(new LinkedHashMap<>(fixed));
        for (Map.Entry<String, List<String>> axis : grid.entrySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> p : points) {
                for (String v : axis.getValue()) {
                    Map<String, String> q = new LinkedHashMap<>(p);
                    q.put(axis.getKey(), v);
                    next.add(q);
                }
            }
            points = next;
        }
        return points;
    }

    /** A point's name: its grid values, as {@code lr=0.001_fourier-scale=0.1} (safe as a directory name). */
    String name(Map<String, String> point) {
        List<String> parts = new ArrayList<>();
        for (String k : grid.keySet()) parts.add(k + "=" + point.get(k));
        return String.join("_", parts).replaceAll("[^A-Za-z0-9.=+,_-]", "-");
    }

    private void check(String where, String key) {
        OptionSpec option = NOT_SWEPT.contains(key) ? null : command.findOption("--" + key);
        if (option == null || !option.longestName().equals("--" + key)) {
            String why = NOT_SWEPT.contains(key) ? "'" + key + "' (set by the sweep itself)"
                    : ConfigFile.describeUnknown(key, command);
            throw new IllegalArgumentException(where + ": unknown option " + why + " (names are the long options of '"
                    + command.name() + "' without '--'; see 'opsvd " + command.name() + " --help')");
        }
    }

    private static String text(JsonNode v) {
        if (!v.isArray()) return v.asText();
        List<String> parts = new ArrayList<>();
        v.forEach(x -> parts.add(x.asText()));
        return String.join(",", parts);
    }
}
