package org.opsvd.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CellEvaluatorTest {

  private static CellEvaluator cells;

  @BeforeAll
  static void start() {
    cells = new CellEvaluator();
  }

  @AfterAll
  static void stop() {
    cells.close();
  }

  @Test
  void twoStatementsAndAnExpressionGiveTheExpressionsValue() throws CellException {
    Object v = cells.eval("int a = 40;\nint b = a + 1;\nb + 1");
    assertEquals(42, v);
  }

  @Test
  void valuesAreObjectsNotStrings() throws CellException {
    assertEquals(List.of(1, 2), cells.eval("List.of(1, 2)"));
    assertNull(cells.eval("var unused = List.of(3);"), "a declaration has no value");
    assertNull(cells.eval("System.out.print(\"\")"), "a void call has no value");
    assertNull(cells.eval("40 + 2;"), "a trailing semicolon hides the value");
  }

  @Test
  void laterCellsSeeEarlierDeclarations() throws CellException {
    cells.eval("double square(double x) { return x * x; }\nrecord Pair(int a, int b) {}");
    assertEquals(9.0, cells.eval("square(3)"));
    assertEquals(3, cells.eval("new Pair(1, 2).a() + new Pair(1, 2).b()"));
  }

  @Test
  void aCompileErrorReportsTheDiagnosticAndItsLine() {
    CellException e = assertThrows(CellException.class, () -> cells.eval("int ok = 1;\nint bad = undefinedName + 1;"));
    assertEquals("CompilationError", e.kind());
    assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    assertTrue(e.getMessage().contains("cannot find symbol"), e.getMessage());
    assertTrue(e.getMessage().contains("undefinedName"), e.getMessage());
  }

  @Test
  void anExceptionInACellIsAnErrorWithItsClassAndMessage() {
    CellException e = assertThrows(CellException.class, () -> cells.eval("throw new IllegalStateException(\"boom\");"));
    assertEquals("IllegalStateException", e.kind());
    assertTrue(e.getMessage().contains("java.lang.IllegalStateException: boom"), e.getMessage());
  }

  @Test
  void anExceptionStopsTheRestOfTheCell() throws CellException {
    cells.eval("int counter = 0;");
    assertThrows(CellException.class, () -> cells.eval("counter = 1;\nInteger.parseInt(\"x\");\ncounter = 2;"));
    assertEquals(1, cells.eval("counter"));
  }

  @Test
  void aMethodUsingSomethingUndefinedIsAnError() {
    CellException e = assertThrows(CellException.class, () -> cells.eval("int f() { return missing(); }"));
    assertEquals("UnresolvedReference", e.kind());
    assertTrue(e.getMessage().contains("missing"), e.getMessage());
  }

  @Test
  void anIncompleteCellIsAnError() {
    CellException e = assertThrows(CellException.class, () -> cells.eval("for (int i = 0; i < 3; i++) {"));
    assertEquals("IncompleteCode", e.kind());
  }

  @Test
  void unknownMagicsAndMissingJarsAreErrors() {
    assertEquals("MagicError", assertThrows(CellException.class, () -> cells.eval("%maven a:b:1")).kind());
    assertEquals("MagicError",
        assertThrows(CellException.class, () -> cells.eval("%jars /nonexistent/dir/*.jar")).kind());
  }

  @Test
  void jarsMagicAddsClassesFromAGlob(@TempDir Path dir) throws Exception {
    // compile a class into a directory and package it as a jar, then load it through %jars
    Path src = Files.createDirectories(dir.resolve("src/demo"));
    Files.writeString(src.resolve("Answer.java"), "package demo; public class Answer { public static int get() { return 7; } }");
    Path classes = Files.createDirectories(dir.resolve("classes"));
    int rc = javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
        src.resolve("Answer.java").toString());
    assertEquals(0, rc);
    Path lib = Files.createDirectories(dir.resolve("lib"));
    try (var jar = new java.util.jar.JarOutputStream(Files.newOutputStream(lib.resolve("answer.jar")))) {
      jar.putNextEntry(new java.util.jar.JarEntry("demo/Answer.class"));
      jar.write(Files.readAllBytes(classes.resolve("demo/Answer.class")));
      jar.closeEntry();
    }
    Object v = cells.eval("%jars " + lib + "/*.jar\ndemo.Answer.get() * 6");
    assertEquals(42, v);
    assertTrue(cells.addedClasspath().contains(lib.resolve("answer.jar").toString()));
  }

  @Test
  void isCompleteAsksForMoreInsideABlock() {
    assertEquals("complete", cells.isComplete("int x = 1;"));
    assertEquals("    ", cells.isComplete("for (int i = 0; i < 3; i++) {"));
  }
}
