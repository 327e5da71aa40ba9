package org.opsvd.notebook;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/**
 * Evaluates notebook cells with JShell, in this JVM (no remote agent), so that snippets share the kernel's
 * class path and their values are real objects.
 *
 * <p>A cell is split into snippets with {@link SourceCodeAnalysis#analyzeCompletion}; each snippet is evaluated
 * in order, and the first one that does not compile, refers to something undefined, or throws ends the cell with
 * a {@link CellException} (what a Jupyter client reports as an error, so {@code nbconvert --execute} fails). The
 * value of the cell is the value of its last snippet when that snippet is an expression (a bare expression or a
 * variable name) not ended by a semicolon (IPython's convention: {@code display(img);} shows no value), else
 * null.
 *
 * <p>Line magics are lines of the form {@code %name args} on their own; {@code %jars} (alias
 * {@code %classpath}) adds jars, directories or globs such as {@code lib/*.jar} to the class path of later
 * snippets, relative to the working directory. Other magics are errors.
 */
public final class CellEvaluator implements AutoCloseable {

  private static final Pattern MAGIC = Pattern.compile("^\\s*%(\\w+)(.*)$");

  /** Snippets run at start-up: common imports and the notebook functions ({@code display}, {@code render}, …). */
  static final List<String> STARTUP = List.of(
      "import java.util.*;",
      "import java.util.function.*;",
      "import java.util.stream.*;",
      "import java.io.*;",
      "import java.nio.file.*;");

  private final JShell shell;
  private final SourceCodeAnalysis analysis;
  private final ValueCapturingExecution.Provider provider = new ValueCapturingExecution.Provider();
  private final List<String> classpath = new ArrayList<>();

  /**
   * A fresh JShell whose compiler and class loader see this JVM's class path.
   *
   * @param extraStartup snippets to evaluate after {@link #STARTUP}, e.g. static imports of notebook functions
   */
  public CellEvaluator(List<String> extraStartup) {
    this.shell = JShell.builder().executionEngine(provider, null).out(System.out).err(System.err).build();
    this.analysis = shell.sourceCodeAnalysis();
    for (String entry : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
      if (!entry.isBlank()) shell.addToClasspath(entry);
    }
    List<String> startup = new ArrayList<>(STARTUP);
    startup.addAll(extraStartup);
    for (String s : startup) {
      try {
        eval(s);
      } catch (CellException e) {
        throw new IllegalStateException("kernel start-up snippet failed: " + s + "\n" + e.getMessage(), e);
      }
    }
  }

  public CellEvaluator() {
    this(List.of());
  }

  /** The jars and directories added by {@code %jars} so far. */
  public List<String> addedClasspath() {
    return List.copyOf(classpath);
  }

  /** The underlying JShell (completion, documentation). */
  public JShell shell() {
    return shell;
  }

  /**
   * Evaluates one cell.
   *
   * @return the value of the last snippet if it is an expression, else null
   * @throws CellException for a compile error, an unresolved reference, an exception, or a bad magic
   */
  public Object eval(String cell) throws CellException {
    Object value = null;
    StringBuilder code = new StringBuilder();
    int codeStartLine = 1;
    String[] lines = cell.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher m = MAGIC.matcher(lines[i]);
      if (m.matches()) {
        if (!code.toString().isBlank()) evalCode(code.toString(), codeStartLine);
        code.setLength(0);
        lineMagic(m.group(1), m.group(2).trim(), i + 1);
        value = null;
        codeStartLine = i + 2;
      } else {
        code.append(lines[i]).append('\n');
      }
    }
    if (!code.toString().isBlank()) {
      value = evalCode(code.toString(), codeStartLine);
    }
    return value;
  }

  /**
   * Whether {@code code} is complete: {@code complete}, {@code invalid}, {@code unknown} or an indent for the
   * next line, as Jupyter's is_complete request expects.
   */
  public String isComplete(String code) {
    String rest = stripMagics(code);
    while (!rest.isBlank()) {
      SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
      switch (info.completeness()) {
        case DEFINITELY_INCOMPLETE:
        case CONSIDERED_INCOMPLETE:
          return "    ";
        case UNKNOWN:
          return "invalid";
        case EMPTY:
          return "complete";
        default:
          rest = info.remaining();
      }
    }
    return "complete";
  }

  private static String stripMagics(String code) {
    return code.lines().filter(l -> !MAGIC.matcher(l).matches()).collect(Collectors.joining("\n"));
  }

  private Object evalCode(String code, int firstLine) throws CellException {
    Object value = null;
    String rest = code;
    int consumed = 0;
    while (!rest.isBlank()) {
      SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
      String source;
      switch (info.completeness()) {
        case EMPTY:
          return value;
        case DEFINITELY_INCOMPLETE:
        case CONSIDERED_INCOMPLETE:
          throw new CellException("IncompleteCode", "the cell ends in the middle of a statement (line "
              + (firstLine + lineOf(code, consumed)) + "): " + firstLineOf(rest.strip()));
        case COMPLETE_WITH_SEMI:
        case COMPLETE:
        case UNKNOWN:
        default:
          source = info.source();
          if (source == null || source.isBlank()) {
            source = rest; // let the compiler say what is wrong
          }
      }
      int line = firstLine + lineOf(code, consumed + leadingBlank(rest));
      String remaining = info.remaining() == null ? "" : info.remaining();
      value = evalSnippet(source, line);
      if (rest.substring(0, rest.length() - remaining.length()).strip().endsWith(";")) {
        value = null; // as in IPython, a trailing semicolon hides the value (e.g. display(...)'s id)
      }
      if (info.completeness() == SourceCodeAnalysis.Completeness.UNKNOWN && remaining.equals(rest)) {
        break;
      }
      consumed += rest.length() - remaining.length();
      rest = remaining;
    }
    return value;
  }

  private Object evalSnippet(String source, int line) throws CellException {
    provider.last().clear();
    List<SnippetEvent> events = shell.eval(source);
    System.out.flush();
    System.err.flush();
    Object value = null;
    for (SnippetEvent e : events) {
      if (e.causeSnippet() != null) {
        continue; // an update of an earlier snippet
      }
      Snippet s = e.snippet();
      if (e.status() == Snippet.Status.REJECTED) {
        throw new CellException("CompilationError", diagnostics(s, line));
      }
      if (e.exception() != null) {
        throw fromException(e.exception(), line);
      }
      if (e.status() == Snippet.Status.RECOVERABLE_DEFINED || e.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
        List<String> missing = shell.unresolvedDependencies((jdk.jshell.DeclarationSnippet) s).toList();
        throw new CellException("UnresolvedReference", "line " + line + ": " + name(s) + " refers to undefined "
            + String.join(", ", missing));
      }
      if (isValue(s)) {
        value = provider.last().value();
      } else {
        value = null;
      }
    }
    return value;
  }

  private static boolean isValue(Snippet s) {
    return s.kind() == Snippet.Kind.EXPRESSION
        || (s instanceof VarSnippet && s.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND);
  }

  private static String name(Snippet s) {
    return s instanceof jdk.jshell.DeclarationSnippet d ? d.name() : s.source().strip();
  }

  private String diagnostics(Snippet s, int line) {
    List<Diag> diags = shell.diagnostics(s).toList();
    StringBuilder b = new StringBuilder();
    String source = s.source();
    for (Diag d : diags) {
      if (!d.isError()) continue;
      long pos = Math.max(0, d.getStartPosition());
      int lineInSnippet = lineOf(source, (int) Math.min(pos, source.length()))
          - lineOf(source, leadingBlank(source));
      int lineStart = source.lastIndexOf('\n', (int) Math.min(pos, source.length()) - 1) + 1;
      int lineEnd = source.indexOf('\n', lineStart);
      String text = source.substring(lineStart, lineEnd < 0 ? source.length() : lineEnd);
      if (b.length() > 0) b.append('\n');
      b.append("line ").append(line + lineInSnippet).append(": error: ")
          .append(d.getMessage(Locale.ROOT)).append('\n')
          .append("    ").append(text).append('\n')
          .append("    ").append(" ".repeat((int) Math.max(0, pos - lineStart))).append('^');
    }
    if (b.length() == 0) {
      b.append("line ").append(line).append(": the snippet was rejected: ").append(firstLineOf(source.strip()));
    }
    return b.toString();
  }

  private static CellException fromException(JShellException ex, int line) {
    if (ex instanceof UnresolvedReferenceException u) {
      return new CellException("UnresolvedReference", "line " + line + ": "
          + name(u.getSnippet()) + " cannot run: it refers to something not (or no longer) defined");
    }
    String className = ex instanceof EvalException ee ? ee.getExceptionClassName() : ex.getClass().getName();
    StringBuilder trace = new StringBuilder();
    Throwable t = ex;
    boolean first = true;
    while (t != null) {
      String cls = t instanceof EvalException e ? e.getExceptionClassName() : t.getClass().getName();
      trace.append(first ? "" : "Caused by: ").append(cls)
          .append(t.getMessage() == null ? "" : ": " + t.getMessage()).append('\n');
      for (StackTraceElement el : t.getStackTrace()) {
        String c = el.getClassName();
        if (c.startsWith("jdk.internal.") || c.startsWith("java.lang.reflect.") || c.startsWith("jdk.jshell.")
            || c.startsWith("org.opsvd.notebook.")) {
          continue;
        }
        boolean snippet = c.startsWith("REPL.") || c.isEmpty()
            || (el.getFileName() != null && el.getFileName().startsWith("#"));
        trace.append("\tat ").append(snippet ? "notebook code (JShell snippet " + el.getFileName() + ", line "
            + el.getLineNumber() + ")" : el.toString()).append('\n');
      }
      t = t.getCause();
      first = false;
    }
    String simple = className.substring(className.lastIndexOf('.') + 1);
    return new CellException(simple, "line " + line + ": " + trace.toString().stripTrailing());
  }

  private void lineMagic(String name, String args, int line) throws CellException {
    switch (name) {
      case "jars", "classpath" -> {
        List<String> entries = new ArrayList<>();
        for (String arg : splitArgs(args)) {
          for (String p : arg.split(java.io.File.pathSeparator)) {
            if (!p.isBlank()) entries.addAll(resolveGlob(p, line));
          }
        }
        if (entries.isEmpty()) {
          throw new CellException("MagicError", "line " + line + ": %" + name + " needs at least one path");
        }
        for (String e : entries) {
          shell.addToClasspath(e);
          classpath.add(e);
        }
      }
      default -> throw new CellException("MagicError", "line " + line + ": unknown line magic %" + name
          + " (this kernel knows %jars and %classpath)");
    }
  }

  /** Whitespace-separated arguments; double quotes group. */
  static List<String> splitArgs(String args) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(args);
    while (m.find()) out.add(m.group(1) != null ? m.group(1) : m.group(2));
    return out;
  }

  /** A path, or a glob in its last component ({@code lib/*.jar}), as absolute paths; nothing matching is an error. */
  static List<String> resolveGlob(String spec, int line) throws CellException {
    Path p = Path.of(spec);
    String last = p.getFileName() == null ? "" : p.getFileName().toString();
    if (!last.contains("*") && !last.contains("?") && !last.contains("[") && !last.contains("{")) {
      if (!Files.exists(p)) {
        throw new CellException("MagicError", "line " + line + ": %jars: " + p.toAbsolutePath() + " does not exist");
      }
      return List.of(p.toAbsolutePath().normalize().toString());
    }
    Path dir = p.getParent() == null ? Path.of(".") : p.getParent();
    List<String> out = new ArrayList<>();
    if (Files.isDirectory(dir)) {
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, last)) {
        ds.forEach(f -> out.add(f.toAbsolutePath().normalize().toString()));
      } catch (IOException e) {
        throw new CellException("MagicError", "line " + line + ": %jars: cannot list " + dir + ": " + e.getMessage());
      }
    }
    if (out.isEmpty()) {
      throw new CellException("MagicError", "line " + line + ": %jars: nothing matches " + p.toAbsolutePath()
          + " (build first: ./opsvd operators, or notebooks/run-notebooks.sh)");
    }
    out.sort(null);
    return out;
  }

  private static int leadingBlank(String s) {
    int i = 0;
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
    return i;
  }

  private static int lineOf(String s, int offset) {
    int n = 0;
    for (int i = 0; i < Math.min(offset, s.length()); i++) {
      if (s.charAt(i) == '\n') n++;
    }
    return n;
  }

  private static String firstLineOf(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl) + " …";
  }

  @Override
  public void close() {
    shell.close();
  }
}
