package org.opsvd.solver.train;

import org.opsvd.operators.kernels.SvdData;
import org.opsvd.operators.kernels.SvdProblem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.hipparchus.random.Well19937c;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsvd.operators.kernels.KernelOperator;
import org.opsvd.operators.kernels.VolterraOperator;

/**
 * A full disk while a checkpoint is written (simulated through {@link Checkpoint#output}: a stream that
 * throws "No space left on device" after a few bytes): the previous checkpoint stays byte for byte, no
 * temporary file is left, and the error names the file and says the previous checkpoint is intact.
 */
class CheckpointDiskFullTest {

  private static final Checkpoint.Output REAL = Checkpoint.output;

  @AfterEach
  void restore() {
    Checkpoint.output = REAL;
  }

  /** Files opened after the first {@code okOpens} fail after {@code bytes} bytes. */
  private static void diskFullAfter(int okOpens, int bytes) {
    AtomicInteger opens = new AtomicInteger();
    Checkpoint.output = file -> {
      OutputStream real = Files.newOutputStream(file);
      if (opens.getAndIncrement() < okOpens) return real;
      return new FilterOutputStream(real) {
        private int written;

        @Override
        public void write(int b) throws IOException {
          if (++written > bytes) throw new IOException("No space left on device");
          super.write(b);
        }
      };
    };
  }

  private static Checkpoint checkpoint(int step) {
    return new Checkpoint(step, Checkpoint.saveGenerator(new Well19937c(step)), "{\"seed\":0}",
        List.of(new double[] {1, 2, 3}), List.of(new double[] {1, 2, 3}), List.of(new double[64]));
  }

  private static List<String> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void thePreviousCheckpointSurvivesAFullDisk(@TempDir Path dir) throws Exception {
    checkpoint(100).write(dir);
    Path file = dir.resolve(Checkpoint.FILE);
    byte[] before = Files.readAllBytes(file);

    diskFullAfter(0, 100);
    IOException e = assertThrows(IOException.class, () -> checkpoint(200).write(dir));
    assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
    assertTrue(e.getMessage().contains("the previous checkpoint " + file + " is intact"), e.getMessage());

    assertArrayEquals(before, Files.readAllBytes(file), "the previous checkpoint is byte-identical");
    assertEquals(List.of(Checkpoint.FILE), files(dir), "no temporary file is left behind");
    assertEquals(100, Checkpoint.read(dir).step());
  }

  @Test
  void aFullDiskBeforeTheFirstCheckpointLeavesNothing(@TempDir Path dir) throws Exception {
    diskFullAfter(0, 10);
    IOException e = assertThrows(IOException.class, () -> checkpoint(1).write(dir));
    assertTrue(e.getMessage().contains(dir.resolve(Checkpoint.FILE).toString())
        && e.getMessage().contains("there is no earlier checkpoint"), e.getMessage());
    assertEquals(List.of(), files(dir));
  }

  /** End to end through {@link SvdSolver}: the third checkpoint fails, the run stops with that error, the second stays. */
  @Test
  void anSvdRunStopsWithTheErrorAndKeepsItsLastCheckpoint(@TempDir Path dir) throws Exception {
    KernelOperator k = VolterraOperator.INSTANCE;
    SvdProblem problem = new SvdProblem("volterra", new SvdData.Kernel(k, true), k.left(), k.right(), k.exact(), false);
    SvdConfig config = org.opsvd.solver.SvdBuilder.of(problem).outputs(2).steps(200).batch(32).hidden(List.of(8))
        .fourier(8, 1).evalPoints(100).evalEvery(1000).config();
    diskFullAfter(2, 500);
    AtomicInteger lastStep = new AtomicInteger();
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> SvdSolver.solve(problem, config,
        new SvdSolver.Observer() {
          @Override
          public void onStep(SvdTrainer.StepRecord step) {
            lastStep.set(step.step() + 1);
          }

          @Override
          public void onEvaluation(SvdSolver.Evaluation evaluation) {
          }
        }, () -> false, new NeuralSolver.Checkpointing(dir, 20, "{}", null)));
    Path file = dir.resolve(Checkpoint.FILE);
    assertTrue(e.getMessage().contains("No space left on device")
        && e.getMessage().contains("the previous checkpoint " + file + " is intact"), e.getMessage());
    assertEquals(60, lastStep.get(), "the checkpoint at step 60 is the third");
    assertEquals(40, Checkpoint.read(dir).step());
    assertEquals(List.of(Checkpoint.FILE), files(dir));
  }
}
