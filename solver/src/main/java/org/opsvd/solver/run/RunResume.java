package org.opsvd.solver.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.opsvd.solver.train.Checkpoint;

/** What {@code opsvd solve --resume} and {@code opsvd svd --resume} share: checking the checkpoint, cutting the logs. */
public final class RunResume {

    private RunResume() {
    }

    /**
     * The checkpoint in {@code dir}, if it belongs to the same configuration (JSON objects compared key by
     * key); otherwise an error naming every differing key with both values. A missing, truncated or corrupt
     * checkpoint is an error naming the file, which is left untouched.
     */
    public static Checkpoint resumable(Path dir, String configJson) throws IOException {
        return resumable(dir, configJson, Set.of());
    }

    /**
     * As {@link #resumable(Path, String)}, except that the keys in {@code finalOnly} (settings only the final
     * evaluation reads) may differ.
     */
    public static Checkpoint resumable(Path dir, String configJson, Set<String> finalOnly) throws IOException {
        Checkpoint c = Checkpoint.read(dir);
        ObjectMapper mapper = new ObjectMapper();
        JsonNode saved = mapper.readTree(c.config());
        JsonNode now = mapper.readTree(configJson);
        List<String> differences = new ArrayList<>();
        Set<String> keys = new TreeSet<>();
        saved.fieldNames().forEachRemaining(keys::add);
        now.fieldNames().forEachRemaining(keys::add);
        for (String k : keys) {
            if (!finalOnly.contains(k) && !Objects.equals(saved.get(k), now.get(k))) {
                differences.add(k + ": " + saved.get(k) + " in the checkpoint, " + now.get(k) + " now");
            }
        }
        if (!differences.isEmpty()) {
            throw new IllegalArgumentException("cannot resume " + dir + ": the configuration differs ("
                    + String.join("; ", differences) + ")");
        }
        return c;
    }

    /**
     * The lines of a CSV log whose first column is a step count: the header and the rows up to
     * {@code keepSteps}, stopping at the first later or torn row (one cut by a crash); none if the file is missing.
     */
    /**
     * The training seconds before a resume: the seconds column (the second) of the last kept history row, or 0
     * when only the header (or nothing) is kept. The logs and summary.json of a resumed run continue this clock.
     */
    public static double secondsBefore(List<String> keptHistory) {
        if (keptHistory.size() < 2) return 0;
        String[] cells = keptHistory.get(keptHistory.size() - 1).split(",", 3);
        return cells.length < 2 ? 0 : Double.parseDouble(cells[1]);
    }

    public static List<String> keptLines(Path file, int keepSteps) throws IOException {
        List<String> lines = Files.exists(file) ? Files.readAllLines(file) : List.of();
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i > 0) {
                int comma = line.indexOf(',');
                try {
                    if (comma < 0 || Integer.parseInt(line.substring(0, comma)) > keepSteps) break;
                } catch (NumberFormatException torn) {
                    break;
                }
            }
            kept.add(line);
        }
        return kept;
    }
}
