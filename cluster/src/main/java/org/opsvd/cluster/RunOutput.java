package org.opsvd.cluster;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.opsvd.cli.RunStore;
import org.opsvd.solver.run.AtomicFiles;

/**
 * The output of a sweep through Hadoop's FileSystem API: a local path, {@code file://…}, {@code hdfs://…} or any
 * scheme with a Hadoop file system on the class path. On a local file system the files are written with
 * {@link AtomicFiles} (rename over the target); elsewhere to a temporary file renamed with overwrite
 * ({@link FileContext#rename}: atomic on HDFS).
 */
final class RunOutput implements RunStore {

    private final String root;
    private transient FileSystem fs;

    /** The output at {@code root} (a path or URI). */
    RunOutput(String root) {
        this.root = root;
    }

    /**
     * Creates the output directory and checks that a file can be written and deleted in it.
     *
     * @throws IllegalArgumentException naming the output and the reason
     */
    void checkWritable() {
        try {
            Path probe = new Path(path(""), ".opsvd-write-check");
            fs().mkdirs(path(""));
            try (OutputStream o = fs().create(probe, true)) {
                o.write(1);
            }
            fs().delete(probe, false);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot write the output " + root + " ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("")) + ")");
        }
    }

    /** Whether the output is on this machine's file system (then run directories are written in place). */
    boolean isLocal() throws IOException {
        return fs() instanceof LocalFileSystem || fs() instanceof RawLocalFileSystem;
    }

    /** A local output's file for {@code relative}. */
    java.nio.file.Path localFile(String relative) throws IOException {
        return new File(fs().makeQualified(path(relative)).toUri()).toPath();
    }

    /** The Hadoop path of {@code relative} under the output. */
    Path path(String relative) {
        Path base = new Path(root);
        return relative.isEmpty() ? base : new Path(base, relative);
    }

    FileSystem fs() throws IOException {
        if (fs == null) fs = new Path(root).getFileSystem(new Configuration());
        return fs;
    }

    @Override
    public String read(String relative) throws IOException {
        Path p = path(relative);
        if (!fs().exists(p)) return null;
        try (InputStream in = fs().open(p)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public void write(String relative, String text) throws IOException {
        if (isLocal()) {
            AtomicFiles.writeText(text, localFile(relative));
            return;
        }
        Path target = path(relative);
        Path tmp = new Path(target.getParent(), "." + target.getName() + "." + System.nanoTime() + ".tmp");
        try (OutputStream o = fs().create(tmp, true)) {
            o.write(text.getBytes(StandardCharsets.UTF_8));
        }
        URI uri = fs().getUri();
        FileContext.getFileContext(uri, fs().getConf()).rename(tmp, target, Options.Rename.OVERWRITE);
    }

    @Override
    public String locate(String relative) {
        return relative.isEmpty() ? root : path(relative).toString();
    }
}
