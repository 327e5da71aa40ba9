package org.opsvd.solver.train;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import org.hipparchus.random.RandomGenerator;

/**
 * Everything needed to continue a training run bit for bit: the steps completed, the sampler's
 * generator state, and the values of the parameters, their moving averages and the optimiser slots
 * (float64 copies of the graph variables, exact for float32 and float64 graphs), plus the resolved
 * configuration it belongs to (JSON). Stored as one binary file with a CRC-32, written to a temporary
 * file and renamed over the previous checkpoint, so a crash mid-write never leaves a torn file.
 *
 * @param step       steps completed
 * @param rng        the sampler's generator (serialised; Hipparchus generators are Serializable)
 * @param config     the resolved configuration as JSON
 * @param parameters θ
 * @param averages   θ̄
 * @param slots      optimiser slots in graph order
 * @param sampler    the training density's state ({@link AdaptiveDensity#state()}; empty for a fixed density, and in
 *                   checkpoints written before it existed)
 * @param outputLayer the output layer that Rayleigh–Ritz set after training these averages ({@link OutputLayerRitz}),
 *                   as the coefficients of {@link org.opsvd.solver.neural.Mlp#withOutputLayer}; empty when none (and in
 *                   checkpoints written before it existed). Training never reads it, so a resumed run trains on
 *                   bit for bit; what is evaluated is {@link #evaluated}
 */
public record Checkpoint(int step, byte[] rng, String config, List<double[]> parameters, List<double[]> averages,
    List<double[]> slots, double[] sampler, double[] outputLayer) {

  /** A checkpoint of a run with a fixed training density. */
  public Checkpoint(int step, byte[] rng, String config, List<double[]> parameters, List<double[]> averages,
      List<double[]> slots) {
    this(step, rng, config, parameters, averages, slots, new double[0]);
  }

  /** A checkpoint as training writes it: no refined output layer. */
  public Checkpoint(int step, byte[] rng, String config, List<double[]> parameters, List<double[]> averages,
      List<double[]> slots, double[] sampler) {
    this(step, rng, config, parameters, averages, slots, sampler, new double[0]);
  }

  /** This checkpoint with the output layer Rayleigh–Ritz set for its averages. */
  public Checkpoint withOutputLayer(double[] coefficients) {
    return new Checkpoint(step, rng, config, parameters, averages, slots, sampler, coefficients.clone());
  }

  /** The parameters a run's results come from: the averages, with the refined output layer when there is one. */
  public List<double[]> evaluated(org.opsvd.solver.neural.Mlp network) {
    return outputLayer.length == 0 ? averages : network.withOutputLayer(averages, outputLayer);
  }

  /** The file name inside a run directory. */
  public static final String FILE = "checkpoint.bin";

  private static final long MAGIC = 0x4f505356_44434b31L; // "OPSVDCK1"

  /** Parameters, averages and slots in one list (the order of {@code Trainer.load}). */
  public List<double[]> allValues() {
    List<double[]> all = new ArrayList<>(parameters);
    all.addAll(averages);
    all.addAll(slots);
    return all;
  }

  /** Serialises a generator's state. */
  public static byte[] saveGenerator(RandomGenerator rng) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(rng);
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialise the sampler's generator", e);
    }
    return bytes.toByteArray();
  }

  /** The generator stored in this checkpoint. */
  public RandomGenerator generator() {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(rng))) {
      return (RandomGenerator) in.readObject();
    } catch (IOException | ClassNotFoundException | ClassCastException e) {
      throw new IllegalArgumentException("checkpoint holds an unreadable generator state", e);
    }
  }

  /** Writes {@code dir/checkpoint.bin} atomically. */
  public void write(Path dir) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeLong(MAGIC);
      out.writeInt(step);
      byte[] c = config.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      out.writeInt(c.length);
      out.write(c);
      out.writeInt(rng.length);
      out.write(rng);
      for (List<double[]> list : List.of(parameters, averages, slots)) {
        out.writeInt(list.size());
        for (double[] a : list) {
          out.writeInt(a.length);
          for (double v : a) out.writeDouble(v);
        }
      }
      out.writeInt(sampler.length);
      for (double v : sampler) out.writeDouble(v);
      out.writeInt(outputLayer.length);
      for (double v : outputLayer) out.writeDouble(v);
    }
    byte[] body = bytes.toByteArray();
    CRC32 crc = new CRC32();
    crc.update(body);
    Path target = dir.resolve(FILE);
    Path tmp = null;
    try {
      tmp = org.opsvd.solver.run.AtomicFiles.temporary(dir, FILE);
      try (DataOutputStream out = new DataOutputStream(output.open(tmp))) {
        out.write(body);
        out.writeLong(crc.getValue());
      }
      // on disk before the rename, so that a power cut cannot leave a renamed but empty checkpoint
      try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(tmp,
          java.nio.file.StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new IOException("cannot write the checkpoint " + target + " (" + e.getMessage() + "); "
          + (Files.exists(target) ? "the previous checkpoint " + target + " is intact"
              : "there is no earlier checkpoint"), e);
    } finally {
      if (tmp != null) Files.deleteIfExists(tmp);
    }
  }

  /** How {@link #write} opens its temporary file: a seam for tests that simulate a full disk. */
  @FunctionalInterface
  interface Output {
    java.io.OutputStream open(Path file) throws IOException;
  }

  /** The opener {@link #write} uses (tests only replace it, and put it back). */
  static Output output = Files::newOutputStream;

  /** Reads {@code dir/checkpoint.bin}; a missing, truncated or corrupt file is an error naming it. */
  public static Checkpoint read(Path dir) throws IOException {
    Path file = dir.resolve(FILE);
    byte[] all;
    try {
      all = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("no checkpoint to resume from: " + file + " does not exist");
    }
    if (all.length < 8 + 8) throw new IllegalArgumentException("checkpoint " + file + " is truncated");
    CRC32 crc = new CRC32();
    crc.update(all, 0, all.length - 8);
    long stored = java.nio.ByteBuffer.wrap(all, all.length - 8, 8).getLong();
    if (stored != crc.getValue()) {
      throw new IllegalArgumentException("checkpoint " + file + " is corrupt (checksum mismatch); it was left untouched");
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(all, 0, all.length - 8))) {
      if (in.readLong() != MAGIC) throw new IllegalArgumentException(file + " is not an opsvd checkpoint");
      int step = in.readInt();
      byte[] c = new byte[in.readInt()];
      in.readFully(c);
      byte[] rng = new byte[in.readInt()];
      in.readFully(rng);
      List<List<double[]>> lists = new ArrayList<>();
      for (int k = 0; k < 3; k++) {
        int n = in.readInt();
        List<double[]> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          double[] a = new double[in.readInt()];
          for (int j = 0; j < a.length; j++) a[j] = in.readDouble();
          list.add(a);
        }
        lists.add(list);
      }
      double[] sampler = new double[in.available() > 0 ? in.readInt() : 0]; // absent before adaptive densities
      for (int j = 0; j < sampler.length; j++) sampler[j] = in.readDouble();
      double[] layer = new double[in.available() > 0 ? in.readInt() : 0]; // absent before output-layer refinement
      for (int j = 0; j < layer.length; j++) layer[j] = in.readDouble();
      return new Checkpoint(step, rng, new String(c, java.nio.charset.StandardCharsets.UTF_8), lists.get(0),
          lists.get(1), lists.get(2), sampler, layer);
    } catch (EOFException | NegativeArraySizeException | OutOfMemoryError e) {
      throw new IllegalArgumentException("checkpoint " + file + " is truncated or corrupt");
    }
  }
}
