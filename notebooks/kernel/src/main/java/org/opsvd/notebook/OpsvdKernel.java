package org.opsvd.notebook;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import jdk.jshell.SourceCodeAnalysis;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;

/**
 * The Jupyter side of the kernel: jjava-jupyter's {@link BaseKernel} does the messaging and rendering, a
 * {@link CellEvaluator} runs the cells. Cells can call {@code display(obj)}, {@code render(obj)} and
 * {@code display(obj, mimeTypes...)} (jjava-jupyter's notebook functions, the same names JJava/IJava offer): a
 * {@code java.awt.image.BufferedImage} shows as an inline {@code image/png}, text as {@code text/plain}.
 */
public final class OpsvdKernel extends BaseKernel {

  /** Makes the notebook functions ({@code display}, {@code render}, …) plain names in cells. */
  static final String NOTEBOOK_FUNCTIONS = "import static org.dflib.jjava.jupyter.kernel.BaseNotebookStatics.*;";

  /** A failed cell, as the exception BaseKernel reports to Jupyter. */
  static final class CellError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String kind;

    CellError(CellException e) {
      super(e.kind() + ": " + e.getMessage(), e, false, false); // no kernel stack trace: the message says it all
      this.kind = e.kind();
    }
  }

  private final CellEvaluator evaluator;

  OpsvdKernel() {
    super("opsvd-java", version(),
        new LanguageInfo("java", System.getProperty("java.version"), "text/x-java-source", ".jshell", "java",
            "java", "script"),
        List.of(new HelpLink("opsvd notebooks", "notebooks/README.md")), null,
        new JupyterIO(StandardCharsets.UTF_8), new CommManager(), new Renderer(), null, new MagicsRegistry(), false,
        new StringStyler.Builder().addPrimaryStyle("\u001b[31m").addSecondaryStyle("\u001b[0m")
            .addHighlightStyle("\u001b[1m").build());
    this.evaluator = new CellEvaluator(List.of(NOTEBOOK_FUNCTIONS));
  }

  private static String version() {
    String v = OpsvdKernel.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  @Override
  public Object evalRaw(String source) {
    try {
      return evaluator.eval(source);
    } catch (CellException e) {
      throw new CellError(e);
    }
  }

  @Override
  public List<String> formatError(Throwable e) {
    if (e instanceof CellError c) {
      List<String> lines = new ArrayList<>();
      lines.add(errorStyler.primary(c.kind));
      lines.addAll(errorStyler.secondaryLines(c.getCause().getMessage()));
      return lines;
    }
    return super.formatError(e);
  }

  @Override
  public DisplayData inspect(String code, int at, boolean extraDetail) {
    List<SourceCodeAnalysis.Documentation> docs =
        evaluator.shell().sourceCodeAnalysis().documentation(code, at, extraDetail);
    if (docs.isEmpty()) return null;
    StringBuilder b = new StringBuilder();
    for (SourceCodeAnalysis.Documentation d : docs) {
      b.append(d.signature()).append('\n');
      if (d.javadoc() != null) b.append(d.javadoc()).append('\n');
    }
    return new DisplayData(b.toString());
  }

  @Override
  public ReplacementOptions complete(String code, int at) {
    int[] anchor = new int[1];
    List<SourceCodeAnalysis.Suggestion> s = evaluator.shell().sourceCodeAnalysis().completionSuggestions(code, at,
        anchor);
    List<String> options = s.stream().map(SourceCodeAnalysis.Suggestion::continuation).distinct().toList();
    return new ReplacementOptions(options, anchor[0], at);
  }

  @Override
  public String isComplete(String code) {
    return evaluator.isComplete(code);
  }

  @Override
  public void onShutdown(boolean restarting) {
    super.onShutdown(restarting);
    evaluator.close();
  }
}
