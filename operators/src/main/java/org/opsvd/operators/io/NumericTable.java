package org.opsvd.operators.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opsvd.operators.MemoryBudget;

/**
 * A table of finite numbers read from a user's file, N rows × d columns, row-major: the one reader of
 * numeric input files (paired data, evaluation points). The format is told by the content, not the name:
 * a file starting with the NPY magic is NPY (1D [N] or 2D [N, d], and 3D [M, N, d] through {@link #readStack};
 * float64, float32, int64 or int32 in either byte order; C or Fortran order), anything else is text (CSV, semicolons or whitespace between numbers,
 * blank lines and {@code #} comments skipped, one header line of names allowed).
 *
 * <p>Every refusal is an {@link IllegalArgumentException} whose message starts with the option and the file
 * ({@code "--points p.npy: …"}): missing, a directory, unreadable, binary but not NPY, an unsupported dtype,
 * a truncated NPY, ragged rows, a cell that is not a number, NaN or ±∞ (with its row and column), no rows,
 * and a size that would not fit in memory (estimated from the header or the file size before reading).
 *
 * @param values  row-major values
 * @param rows    N ≥ 1
 * @param columns d ≥ 1
 */
public record NumericTable(double[] values, int rows, int columns) {

    private static final byte[] NPY_MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    /**
     * Reads {@code file}, given by {@code option} (for messages).
     *
     * @throws IllegalArgumentException for any of the refusals above
     */
    public static NumericTable read(Path file, String option) {
        return read(file, option, 2).get(0);
    }

    /**
     * Reads {@code file} as one or many tables of equal shape: an NPY array [M, N, d] is M tables [N, d] (the
     * trajectories of {@code opsvd simulate}); any other file is one table, as {@link #read(Path, String)}.
     * A non-finite value is refused naming its table (for M &gt; 1), row and column.
     *
     * @throws IllegalArgumentException for any of the refusals of {@link #read(Path, String)}
     */
    public static List<NumericTable> readStack(Path file, String option) {
        return read(file, option, 3);
    }

    private static List<NumericTable> read(Path file, String option, int maxRank) {
        String name = option + " " + file;
        if (file.toString().isEmpty()) {
            throw new IllegalArgumentException(option + ": the file name is empty");
        }
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(name + " is a directory, not a data file");
        }
        if (!Files.exists(file)) {
            throw new IllegalArgumentException(name + ": no such file");
        }
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException(name + ": permission denied");
        }
        try {
            long size = Files.size(file);
            byte[] head = new byte[NPY_MAGIC.length];
            int got;
            try (InputStream in = Files.newInputStream(file)) {
                got = in.readNBytes(head, 0, head.length);
            }
            boolean npy = got == head.length && java.util.Arrays.equals(head, NPY_MAGIC);
            if (!npy) {
                NumericTable t = readText(file, name, size);
                t.requireFinite(name);
                return List.of(t);
            }
            List<NumericTable> tables = readNpy(file, name, size, maxRank);
            for (int m = 0; m < tables.size(); m++) {
                tables.get(m).requireFinite(tables.size() == 1 ? name : name + " (table " + (m + 1) + " of "
                        + tables.size() + ")");
            }
            return tables;
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException(name + ": permission denied", e);
        } catch (IOException e) {
            throw new IllegalArgumentException(name + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** Refuses a column count other than {@code expected}, naming what decides it. */
    public NumericTable requireColumns(int expected, String option, Path file, String why) {
        if (columns != expected) {
            throw new IllegalArgumentException(option + " " + file + " has " + columns + " column"
                    + (columns == 1 ? "" : "s") + "; " + why + " needs " + expected);
        }
        return this;
    }

    private void requireFinite(String name) {
        if (rows < 1) {
            throw new IllegalArgumentException(name + " holds no rows");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(name + ": row " + (i / columns + 1) + ", column "
                        + (i % columns + 1) + " is " + values[i] + " (every value must be finite)");
            }
        }
    }

    private static List<NumericTable> readNpy(Path file, String name, long size, int maxRank)
            throws IOException {
        ByteBuffer prefix;
        int headerLength;
        int dataOffset;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] start = in.readNBytes(12);
            if (start.length < 10) {
                throw new IllegalArgumentException(name + ": truncated NPY header");
            }
            prefix = ByteBuffer.wrap(start).order(ByteOrder.LITTLE_ENDIAN);
            int major = start[6];
            if (major == 1) {
                headerLength = Short.toUnsignedInt(prefix.getShort(8));
                dataOffset = 10 + headerLength;
            } else if (major == 2 || major == 3) {
                if (start.length < 12) {
                    throw new IllegalArgumentException(name + ": truncated NPY header");
                }
                headerLength = prefix.getInt(8);
                dataOffset = 12 + headerLength;
            } else {
                throw new IllegalArgumentException(name + ": NPY format version " + major + " is not supported");
            }
        }
        if (headerLength < 0 || dataOffset > size) {
            throw new IllegalArgumentException(name + ": truncated NPY header");
        }
        String header;
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(dataOffset - headerLength);
            header = new String(in.readNBytes(headerLength), StandardCharsets.ISO_8859_1);
        }
        Matcher descr = DESCR.matcher(header);
        Matcher fortran = FORTRAN.matcher(header);
        Matcher shapeText = SHAPE.matcher(header);
        if (!descr.find() || !fortran.find() || !shapeText.find()) {
            throw new IllegalArgumentException(name + ": malformed NPY header " + header.strip());
        }
        Dtype dtype = Dtype.parse(descr.group(1), name);
        boolean fortranOrder = fortran.group(1).equals("True");
        List<Long> shape = new ArrayList<>();
        for (String s : shapeText.group(1).split(",")) {
            if (!s.isBlank()) {
                shape.add(Long.parseLong(s.strip()));
            }
        }
        if (shape.size() < 1 || shape.size() > maxRank) {
            throw new IllegalArgumentException(name + ": expected a 1D [N] or 2D [N, d]" + (maxRank == 3
                    ? " or 3D [M, N, d]" : "") + " array, got shape " + shape);
        }
        long tables = shape.size() == 3 ? shape.get(0) : 1;
        if (tables < 1) {
            throw new IllegalArgumentException(name + " holds no rows (shape " + shape + ")");
        }
        long rows = MemoryBudget.times(tables, shape.get(shape.size() == 3 ? 1 : 0));
        long columns = shape.size() >= 2 ? shape.get(shape.size() - 1) : 1;
        if (columns < 1) {
            throw new IllegalArgumentException(name + ": the array has no columns, shape " + shape);
        }
        long count = MemoryBudget.times(rows, columns);
        MemoryBudget.requireIndexable(count, name);
        MemoryBudget.require(MemoryBudget.times(count, 8 + dtype.bytes()), name + " (" + rows + " × " + columns
                + " values)");
        long expected = MemoryBudget.times(count, dtype.bytes());
        MemoryBudget.requireIndexable(expected, name);
        if (size - dataOffset < expected) {
            throw new IllegalArgumentException(name + ": truncated, shape " + shape + " of " + dtype.descr() + " needs "
                    + expected + " bytes of data, the file has " + (size - dataOffset));
        }
        ByteBuffer data = ByteBuffer.allocate((int) expected).order(dtype.order());
        try (var channel = Files.newByteChannel(file)) {
            channel.position(dataOffset);
            while (data.hasRemaining() && channel.read(data) >= 0) {
                // fill
            }
        }
        data.flip();
        if (fortranOrder && tables > 1) {
            throw new IllegalArgumentException(name + ": a 3D array must be in C order (fortran_order False)");
        }
        int r = (int) rows;
        int c = (int) columns;
        double[] values = new double[r * c];
        for (int k = 0; k < values.length; k++) {
            double v = dtype.next(data);
            // Fortran order stores column by column: element k is (k mod r, k div r)
            values[fortranOrder ? (k % r) * c + k / r : k] = v;
        }
        if (tables == 1) {
            return List.of(new NumericTable(values, r, c));
        }
        int n = (int) (rows / tables);
        List<NumericTable> out = new ArrayList<>();
        for (int m = 0; m < tables; m++) {
            out.add(new NumericTable(java.util.Arrays.copyOfRange(values, m * n * c, (m + 1) * n * c), n, c));
        }
        return out;
    }

    /** An NPY element type read as numbers: float64, float32, int64 or int32, in its byte order. */
    private record Dtype(String descr, char kind, int bytes, ByteOrder order) {

        static Dtype parse(String descr, String name) {
            String type = descr.length() == 3 ? descr.substring(1) : "";
            char endian = descr.isEmpty() ? '?' : descr.charAt(0);
            if (!List.of("f8", "f4", "i8", "i4").contains(type) || "<>=|".indexOf(endian) < 0) {
                throw new IllegalArgumentException(name + ": dtype '" + descr + "' is not supported (float64, "
                        + "float32, int64 or int32)");
            }
            return new Dtype(descr, type.charAt(0), type.charAt(1) - '0',
                    endian == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        }

        double next(ByteBuffer b) {
            if (kind == 'f') {
                return bytes == 8 ? b.getDouble() : b.getFloat();
            }
            return bytes == 8 ? b.getLong() : b.getInt();
        }
    }

    private static NumericTable readText(Path file, String name, long size) throws IOException {
        // a text table takes about 3 bytes of heap per byte of file while read, then 8 bytes per value
        MemoryBudget.require(MemoryBudget.times(size, 6), name + " (" + MemoryBudget.bytes(size) + " of text)");
        byte[] bytes = Files.readAllBytes(file);
        for (byte b : bytes) {
            if (b == 0) {
                throw new IllegalArgumentException(name + " is neither NPY nor text (it holds NUL bytes)");
            }
        }
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\r?\n|\r");
        List<double[]> rows = new ArrayList<>();
        int columns = -1;
        boolean first = true;
        for (int ln = 0; ln < lines.length; ln++) {
            String line = lines[ln].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split(line.indexOf(',') >= 0 ? "\\s*,\\s*" : line.indexOf(';') >= 0
                    ? "\\s*;\\s*" : "\\s+");
            if (first) {
                first = false;
                if (noneNumeric(cells)) {
                    continue; // a header of column names
                }
            }
            if (columns < 0) {
                columns = cells.length;
            } else if (cells.length != columns) {
                throw new IllegalArgumentException(name + ":" + (ln + 1) + ": expected " + columns
                        + " columns, found " + cells.length);
            }
            double[] row = new double[columns];
            for (int c = 0; c < columns; c++) {
                try {
                    row[c] = Double.parseDouble(cells[c]);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(name + ":" + (ln + 1) + ": column " + (c + 1)
                            + " is not a number: '" + cells[c] + "'");
                }
                if (!Double.isFinite(row[c])) {
                    throw new IllegalArgumentException(name + ":" + (ln + 1) + ": column " + (c + 1) + " is "
                            + row[c] + " (every value must be finite)");
                }
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(name + " holds no rows");
        }
        double[] values = new double[rows.size() * columns];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, values, i * columns, columns);
        }
        return new NumericTable(values, rows.size(), columns);
    }

    private static boolean noneNumeric(String[] cells) {
        for (String c : cells) {
            try {
                Double.parseDouble(c);
                return false;
            } catch (NumberFormatException e) {
                // a header cell
            }
        }
        return true;
    }
}
