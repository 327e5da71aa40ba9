package org.opsvd.solver.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A streamed CSV log: rows reach the file at flush; a resume keeps the header and the rows of its checkpoint. */
class CsvLogTest {

  @Test
  void rowsReachTheFileAtFlush(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("history.csv");
    try (CsvLog log = CsvLog.create(f, List.of("step", "loss"))) {
      log.row("1,0.5");
      log.flush();
      assertEquals(List.of("step,loss", "1,0.5"), Files.readAllLines(f));
      log.row("2,0.25");
    }
    assertEquals(List.of("step,loss", "1,0.5", "2,0.25"), Files.readAllLines(f));
  }

  @Test
  void aResumeCutsBackToTheCheckpointAndAppends(@TempDir Path dir) throws Exception {
    Path f = Files.writeString(dir.resolve("history.csv"), "step,loss\n1,0.5\n2,0.4\n3,0.3\n4,0.2");
    try (CsvLog log = CsvLog.resume(f, 2)) {
      log.row("3,0.31");
    }
    assertEquals(List.of("step,loss", "1,0.5", "2,0.4", "3,0.31"), Files.readAllLines(f));
    assertEquals(0.4, RunResume.secondsBefore(List.of("step,seconds", "1,0.2", "2,0.4")), "the clock continues");
  }
}
