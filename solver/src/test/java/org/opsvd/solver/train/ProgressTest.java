package org.opsvd.solver.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Progress output: periodic plain lines when the output is not a terminal, in-place redraws when it is. */
class ProgressTest {

  private static String run(boolean terminal, boolean quiet, int total) {
    StringWriter s = new StringWriter();
    Progress p = new Progress(new PrintWriter(s, true), terminal, quiet, total, "σ");
    for (int t = 0; t < total; t++) {
      p.update(t, 0.001 * (t + 1), 1.0 / (t + 1), new double[] {0.6, 0.36});
      if (t == total / 2) p.message("  eval @ " + (t + 1));
    }
    return s.toString();
  }

  @Test
  void notATerminalGivesAboutTwentyPlainLines() {
    String out = run(false, false, 1000);
    assertFalse(out.contains("\r"), "no carriage returns in a log file");
    long lines = out.lines().filter(l -> l.startsWith("[")).count();
    assertEquals(20, lines, out);
    assertTrue(out.contains("1000/1000") && out.contains("σ 0.60000 0.36000") && out.contains("  eval @ 501"), out);
  }

  @Test
  void aTerminalRedrawsInPlaceAndQuietPrintsNothing() {
    String out = run(true, false, 1000);
    assertTrue(out.contains("\r["), out);
    assertTrue(out.endsWith("\n"), "the last redraw ends its line");
    assertEquals("", run(false, true, 1000));
    assertEquals("", run(true, true, 1000));
  }

  @Test
  void afterAResumeTheRateAndEtaCountThisSessionsStepsOnly() {
    StringWriter s = new StringWriter();
    long[] now = {0};
    Progress p = new Progress(new PrintWriter(s, true), false, false, 1000, "E", () -> now[0]);
    for (int t = 500; t < 1000; t++) { // resumed at step 500; 0.1 s per step in this session
      p.update(t, 60 + 0.1 * (t - 499), 1.0, new double[] {0.5});
      now[0] += 100_000_000L;
    }
    String at550 = s.toString().lines().filter(l -> l.contains(" 550/1000")).findFirst().orElseThrow();
    assertTrue(at550.contains(" 10 steps/s  ETA 0m45s"), at550);
  }

  @Test
  void detailListsEveryModeWithItsReference() {
    String d = Progress.detail("σ", new double[] {0.61, 0.35}, new double[] {0.6, 0.36}, new double[] {1.0 / 60, 1.0 / 36});
    assertEquals(2, d.lines().count(), d);
    assertTrue(d.contains("σ1") && d.contains("reference") && d.contains("rel. error 2.778e-02"), d);
  }
}
