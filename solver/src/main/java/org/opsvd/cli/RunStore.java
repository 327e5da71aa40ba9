package org.opsvd.cli;

import java.io.IOException;

/** Text files under the output of a reproduce or a sweep, named relative to it ({@code RUN/summary.json}). */
public interface RunStore {

    /** The file's text, or null when it does not exist. */
    String read(String relative) throws IOException;

    /** Writes the file atomically: readers see the old or the new text, never a part. */
    void write(String relative, String text) throws IOException;

    /** Where the file is, for messages. */
    String locate(String relative);
}
