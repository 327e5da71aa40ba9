package org.opsvd.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * An experiment file: a YAML mapping whose keys are the long options of a command without the leading
 * {@code --} ({@code L: 16}, {@code sampler-scale: 16}, {@code hidden: [128, 128]}), plus the metadata keys
 * {@code version} (must be {@value #VERSION}), {@code description} and {@code experiment} (the paper's
 * problem name, e.g. {@code hydrogen2d}, used by {@code opsvd reproduce} to find the paper's numbers).
 *
 * <p>The file's settings are read as if given first on the command line, so options given there override them
 * ({@code opsvd solve --config FILE --steps 1000}). Keys are checked against the command's options and
 * values against the options' types before anything runs: an unknown key, a value of the wrong type or a
 * missing file is an error that names the file and the key.
 */
final class ConfigFile {

    /** The format version this build reads. */
    static final int VERSION = 1;

    private static final Set<String> METADATA = Set.of("version", "description", "experiment");
    /** Options that make no sense in a file: they name the file itself, or a run to continue. */
    private static final Set<String> NOT_IN_FILE = Set.of("config", "resume", "help", "version");

    private final Path file;
    private final Map<String, String> values;
    private final String experiment;

    private ConfigFile(Path file, Map<String, String> values, String experiment) {
        this.file = file;
        this.values = Collections.unmodifiableMap(values);
        this.experiment = experiment;
    }

    /**
     * Reads and checks {@code file} against the options of {@code command}.
     *
     * @throws IllegalArgumentException naming the file and the offending key
     */
    static ConfigFile read(Path file, CommandSpec command) {
        JsonNode root;
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException("--config " + file + " is a directory, not an experiment file");
        }
        try {
            root = new ObjectMapper(new YAMLFactory())
                    .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                    .readTree(file.toFile());
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new IllegalArgumentException("--config " + file + ": no such file");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            var at = e.getLocation();
            String m = String.valueOf(e.getOriginalMessage());
            if (m.startsWith("Duplicate field")) {
                throw new IllegalArgumentException("config file " + file + ": duplicate key " + m.split(" ")[2]
                        + (at == null ? "" : " at line " + at.getLineNr()) + " (give each option once)");
            }
            throw new IllegalArgumentException("config file " + file + " is not valid YAML"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")") + ": "
                    + Main.oneLine(String.valueOf(e.getOriginalMessage())));
        } catch (IOException e) {
            throw new IllegalArgumentException("--config " + file + " cannot be read ("
                    + Main.oneLine(String.valueOf(e.getMessage())) + ")");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("config file " + file + " must be a YAML mapping of option: value");
        }
        JsonNode version = root.get("version");
        if (version == null || !version.isInt() || version.asInt() != VERSION) {
            throw new IllegalArgumentException("config file " + file + ": 'version: " + VERSION
                    + "' is required (this build reads version " + VERSION + "), got "
                    + (version == null ? "none" : version.toString()));
        }
        Map<String, String> values = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (var it = root.fields(); it.hasNext(); ) {
            var entry = it.next();
            String key = entry.getKey();
            if (METADATA.contains(key)) continue;
            OptionSpec option = NOT_IN_FILE.contains(key) ? null : command.findOption("--" + key);
            if (option == null || !option.longestName().equals("--" + key)) {
                unknown.add(describeUnknown(key, command));
                continue;
            }
            values.put(key, text(file, key, entry.getValue(), option));
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("config file " + file + ": unknown key" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown) + " (keys are the long options of '" + command.name()
                    + "' without '--'; see 'opsvd " + command.name() + " --help')");
        }
        JsonNode experiment = root.get("experiment");
        return new ConfigFile(file, values, experiment == null ? null : experiment.asText());
    }

    /**
     * Settings that come from no file of their own (a point of a sweep's grid), named {@code name}; the values as
     * {@link #values()} gives them.
     */
    static ConfigFile of(String name, Map<String, String> values, String experiment) {
        return new ConfigFile(Path.of(name), new LinkedHashMap<>(values), experiment);
    }

    /** The file's option values as strings, in file order (lists joined by commas). */
    Map<String, String> values() {
        return values;
    }

    /** The paper problem this file reproduces ({@code experiment:}), or null. */
    String experiment() {
        return experiment;
    }

    Path file() {
        return file;
    }

    /**
     * The file's settings as command-line arguments ({@code --key value}; a boolean flag as {@code --key} when
     * true, omitted when false).
     */
    List<String> arguments(CommandSpec command) {
        List<String> args = new ArrayList<>();
        values.forEach((key, value) -> {
            OptionSpec option = command.findOption("--" + key);
            if (option.arity().max() == 0) {
                if (Boolean.parseBoolean(value)) args.add("--" + key);
            } else {
                args.add("--" + key);
                args.add(value);
            }
        });
        return args;
    }

    /**
     * Expands {@code --config FILE} (or {@code --config=FILE}) given after the subcommand {@code command}: the
     * file's settings are inserted right after the subcommand's name, so options given on the command line,
     * which come later, override them. Returns {@code args} unchanged when there is no {@code --config}.
     *
     * @throws IllegalArgumentException for a missing or invalid file
     */
    static String[] expand(CommandLine root, String command, String[] args) {
        int at = List.of(args).indexOf(command);
        if (at < 0) return args;
        for (int i = at + 1; i < args.length; i++) {
            String path = args[i].equals("--config") && i + 1 < args.length ? args[i + 1]
                    : args[i].startsWith("--config=") ? args[i].substring("--config=".length()) : null;
            if (path != null) {
                CommandLine sub = root.getSubcommands().get(command);
                List<String> expanded = new ArrayList<>(List.of(args).subList(0, at + 1));
                expanded.addAll(read(Path.of(path), sub.getCommandSpec()).arguments(sub.getCommandSpec()));
                expanded.addAll(List.of(args).subList(at + 1, args.length));
                sub.setOverwrittenOptionsAllowed(true); // later (command-line) values replace the file's
                return expanded.toArray(String[]::new);
            }
        }
        return args;
    }

    /** The value as the option's string form, after checking it against the option's type. */
    private static String text(Path file, String key, JsonNode value, OptionSpec option) {
        Class<?> type = option.type();
        boolean list = type.isArray() || List.class.isAssignableFrom(type);
        Class<?> element = type.isArray() ? type.getComponentType()
                : list ? option.auxiliaryTypes()[0] : type;
        if (list) {
            List<String> parts = new ArrayList<>();
            if (value.isArray()) {
                for (JsonNode v : value) parts.add(scalar(file, key, v, element));
            } else {
                parts.add(scalar(file, key, value, element));
            }
            return String.join(",", parts);
        }
        return scalar(file, key, value, element);
    }

    private static String scalar(Path file, String key, JsonNode v, Class<?> type) {
        String expected;
        boolean ok;
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            expected = "an integer";
            ok = v.isIntegralNumber() || (v.isTextual() && v.asText().matches("[+-]?\\d+"));
        } else if (type == double.class || type == Double.class) {
            expected = "a number";
            ok = v.isNumber() || (v.isTextual() && isNumber(v.asText()));
        } else if (type == boolean.class || type == Boolean.class) {
            expected = "true or false";
            ok = v.isBoolean();
        } else {
            expected = "a text value";
            ok = v.isValueNode() && !v.isNull();
        }
        if (!ok) {
            throw new IllegalArgumentException("config file " + file + ": '" + key + "' must be " + expected
                    + ", got " + (v.isContainerNode() ? v.toString() : "'" + v.asText() + "'"));
        }
        return v.asText();
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** "'stpes' (did you mean 'steps'?)", with picocli's own suggestion for a mistyped option. */
    static String describeUnknown(String key, CommandSpec command) {
        List<String> similar = new CommandLine.UnmatchedArgumentException(command.commandLine(), List.of("--" + key))
                .getSuggestions().stream().map(s -> s.replaceFirst("^--?", ""))
                .filter(s -> !NOT_IN_FILE.contains(s)).toList();
        return "'" + key + "'" + (similar.isEmpty() ? "" : " (did you mean '" + similar.get(0) + "'?)");
    }
}
