package org.opsvd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.jetbrains.bio.npy.NpyFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The other side of the refusals: inputs that used to fail and now work. An NPY file of pairs with
 * {@code --split}; evaluation points as float32, int64 or Fortran-order NPY; run files readable like the CSVs.
 */
class AcceptedInputTest {

    @Test
    void oneNpyFileOfPairsIsSplitByColumns(@TempDir Path dir) {
        Path pairs = dir.resolve("one.npy");
        double[] v = new double[200];
        for (int i = 0; i < 100; i++) {
            v[2 * i] = Math.sin(i);
            v[2 * i + 1] = Math.sin(i) + 0.1 * Math.cos(3 * i);
        }
        NpyFile.write(pairs, v, new int[] {100, 2});
        ReferenceCommandTest.Run r = ReferenceCommandTest.run("svd", "--pairs", pairs.toString(), "--split", "1",
                "--L", "2", "--steps", "5", "--batch", "16", "--hidden", "8", "--quiet", "--no-figures", "--out",
                dir.resolve("run").toString());
        assertEquals(0, r.status(), r.err());
    }

    @Test
    void evaluationPointsInEveryNumericNpyLayoutAndRunFilesWithUmaskPermissions(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        assertEquals(0, ReferenceCommandTest.run("solve", "--operator", "harmonic", "--dim", "2", "--L", "1",
                "--hidden", "8", "--batch", "16", "--steps", "5", "--eval-grid", "8", "--quiet", "--no-figures",
                "--out", run.toString()).status());
        Path f4 = dir.resolve("f4.npy");
        NpyFile.write(f4, new float[] {0.5f, -0.5f, 1f, 0f}, new int[] {2, 2});
        Path i8 = dir.resolve("i8.npy");
        NpyFile.write(i8, new long[] {0, 1, -1, 0}, new int[] {2, 2});
        Path fortran = fortran(dir.resolve("fortran.npy"));
        for (Path points : new Path[] {f4, i8, fortran}) {
            ReferenceCommandTest.Run r = ReferenceCommandTest.run("eval", run.toString(), "--points", points.toString(),
                    "--out", dir.resolve("psi-" + points.getFileName()).toString());
            assertEquals(0, r.status(), points + ": " + r.err());
        }
        Set<PosixFilePermission> csv = Files.getPosixFilePermissions(run.resolve("history.csv"));
        for (String f : new String[] {"config.json", "summary.json", "points.npy", "checkpoint.bin"}) {
            assertEquals(csv, Files.getPosixFilePermissions(run.resolve(f)), f + " as history.csv");
        }
    }

    /** [[0.5, -0.5], [1, 0]] stored column by column. */
    private static Path fortran(Path file) throws Exception {
        String dict = "{'descr': '<f8', 'fortran_order': True, 'shape': (2, 2), }";
        String header = dict + " ".repeat((64 - (10 + dict.length() + 1) % 64) % 64) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + 32).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length());
        b.put(header.getBytes(StandardCharsets.ISO_8859_1));
        for (double v : new double[] {0.5, 1, -0.5, 0}) {
            b.putDouble(v);
        }
        return Files.write(file, b.array());
    }
}
