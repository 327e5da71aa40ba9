package org.opsvd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opsvd.solver.NumericalFailure;

/**
 * The exact exit status of a representative bad input per command, for the cases the commands' own tests
 * do not pin down (they check solve, reproduce, eval's points and plot already): 2 for usage errors, 1 for
 * failures while computing; always one {@code opsvd: error:} line and no stack trace without --verbose.
 */
class ExitCodeTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "no command                 | ''                                           | missing command",
      "unknown command            | frobnicate                                   | Unmatched argument",
      "operators with an argument | operators hydrogen                           | Unmatched argument",
      "reference, unknown operator| reference --operator helium                  | unknown operator 'helium'",
      "svd, unknown operator      | svd --operator lanczos --steps 5             | unknown operator 'lanczos'",
      "svd, missing source        | svd --L 2                                    | --operator",
      "eval without --points      | eval @TMP@                                   | --points",
      "export, not a run          | export @TMP@ --saved-model @TMP@/m           | not a solve run directory",
      "plot, unknown option       | plot @TMP@ --colour red                      | --colour",
  })
  void usageErrorsExitWith2(String what, String args, String expected, @TempDir Path dir) {
    String line = args.replace("@TMP@", dir.toString()).trim();
    ReferenceCommandTest.Run r = ReferenceCommandTest.run(line.isEmpty() ? new String[0] : line.split("\\s+"));
    assertEquals(Main.USAGE_ERROR, r.status(), what + ": " + r.out() + r.err());
    assertTrue(r.err().startsWith("opsvd: error: "), r.err());
    assertTrue(r.err().contains(expected), r.err());
    assertFalse(r.err().contains("\tat "), "no stack trace without --verbose: " + r.err());
  }

  @Test
  void aNumericalFailureIsARunFailureAndABadOptionAUsageError(@TempDir Path dir) {
    // lr 1000 blows the learned functions up (Gram entries ~1e35) without a non-finite loss: the evaluation's Gram
    // matrix is then numerically singular, a failure while computing (1), where the same line with a bad
    // option is refused before anything is computed (2)
    List<String> line = List.of("solve", "--operator", "harmonic", "--dim", "1", "--L", "2", "--steps", "300",
        "--lr", "1000", "--quiet", "--no-figures");
    List<String> diverging = new ArrayList<>(line);
    diverging.addAll(List.of("--out", dir.resolve("diverged").toString()));
    ReferenceCommandTest.Run r = ReferenceCommandTest.run(diverging.toArray(String[]::new));
    assertEquals(Main.RUN_ERROR, r.status(), r.out() + r.err());
    assertTrue(r.err().startsWith("opsvd: error: numerical failure: Gram matrix is not positive definite"), r.err());
    assertFalse(r.err().contains("\tat "), "no stack trace without --verbose: " + r.err());
    List<String> badOption = new ArrayList<>(line);
    badOption.addAll(List.of("--batch", "255", "--out", dir.resolve("refused").toString()));
    r = ReferenceCommandTest.run(badOption.toArray(String[]::new));
    assertEquals(Main.USAGE_ERROR, r.status(), r.out() + r.err());
    assertTrue(r.err().startsWith("opsvd: error: --batch must be even"), r.err());
  }

  @Test
  void exitStatusTellsNumericalFailuresFromBadInput() {
    assertEquals(Main.RUN_ERROR, Main.exitStatus(new NumericalFailure("Gram matrix is not positive definite")));
    assertEquals(Main.USAGE_ERROR, Main.exitStatus(new IllegalArgumentException("--L must be at least 1")));
    assertEquals(Main.RUN_ERROR, Main.exitStatus(new IllegalStateException("decomposition failed")));
    assertEquals(Main.RUN_ERROR, Main.exitStatus(new java.io.IOException("disk full")));
  }

  @Test
  void aNonFiniteLossInSvdIsARunFailure(@TempDir Path dir) {
    // a learning rate this large overflows the float32 parameters within a few steps
    ReferenceCommandTest.Run r = ReferenceCommandTest.run("svd", "--operator", "volterra", "--L", "2",
        "--steps", "50", "--hidden", "8", "--batch", "32", "--lr", "1e30", "--eval-points", "50", "--quiet",
        "--no-figures", "--out", dir.toString());
    assertEquals(Main.RUN_ERROR, r.status(), r.out() + r.err());
    assertTrue(r.out().contains("stopped early: loss became"), r.out());
  }
}
