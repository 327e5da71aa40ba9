package org.opsvd.operators.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The kernel catalog: every built-in name builds its problem; formulas, files and bad requests. */
class KernelCatalogTest {

  @ParameterizedTest
  @ValueSource(strings = {"volterra", "gauss-kernel", "gaussian-cdk", "class-pairs"})
  void everyBuiltInBuilds(String name) throws Exception {
    SvdProblem p = KernelCatalog.build(KernelRequest.named(name), 4, 100, 0);
    assertEquals(name, p.name());
    boolean known = !name.equals("class-pairs");
    assertEquals(known, p.exact().isPresent(), "exact singular system");
    assertEquals(name.equals("gaussian-cdk") || name.equals("class-pairs"), p.constantMode());
    assertEquals(name.equals("class-pairs"), p.labels() != null, "labels for retrieval");
    if (p.samples() != null) assertEquals(100 * 8, p.samples().x().length, "evaluation samples [100, 8]");
  }

  @Test
  void aFormulaUsesItsMeasure() throws Exception {
    KernelRequest r = new KernelRequest(null, "exp(-abs(x-y))", null, null, "uniform:-1:1", 1, 0.6, 1, 1, 10, true);
    SvdProblem p = KernelCatalog.build(r, 4, 100, 0);
    assertEquals("kernel", p.name());
    assertTrue(p.left() instanceof Measure.UniformBox);
    assertNotNull(p.kernel());
    assertNull(p.labels());
  }

  @Test
  void badRequestsAreRefusedNamingTheProblem(@TempDir Path dir) throws Exception {
    var e = assertThrows(IllegalArgumentException.class,
        () -> KernelCatalog.build(KernelRequest.named("volterrra"), 4, 100, 0));
    assertTrue(e.getMessage().contains("unknown operator 'volterrra'"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Measure.parse("uniform:0", 1));
    assertTrue(e.getMessage().contains("uniform:LO:HI"), e.getMessage());
    Path csv = Files.writeString(dir.resolve("p.csv"), "0,1\n1,2\n2,3\n");
    KernelRequest noSplit = new KernelRequest(null, null, List.of(csv), null, "gaussian:1", 1, 0.6, 1, 1, 10, true);
    e = assertThrows(IllegalArgumentException.class, () -> KernelCatalog.build(noSplit, 2, 100, 0));
    assertTrue(e.getMessage().contains("--split"), e.getMessage());
    KernelRequest tooFew = new KernelRequest(null, null, List.of(csv), 1, "gaussian:1", 1, 0.6, 1, 1, 10, true);
    e = assertThrows(IllegalArgumentException.class, () -> KernelCatalog.build(tooFew, 3, 100, 0));
    assertTrue(e.getMessage().contains("--L 3 needs more than 3 pairs"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new KernelRequest("volterra", "x*y", null, null, "gaussian:1", 1, 0.6, 1, 1, 10, true));
  }
}
