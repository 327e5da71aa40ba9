package org.opsvd.solver.train;

import java.io.PrintWriter;
import java.util.function.LongSupplier;
import java.util.Locale;

/**
 * Training progress for people: on a terminal, one line redrawn in place a few times per second
 * (step, loss, the first estimates, steps/s, ETA); otherwise (CI logs, files) a plain line
 * about every 5% of the run, so logs stay short. Silent when {@code quiet}.
 */
public final class Progress {

  private final PrintWriter out;
  private final boolean terminal;
  private final boolean quiet;
  private final int total;
  private final String label;
  private long lastDraw;
  private int lastLineStep = -1;
  /** The first step reported and when: the rate counts this session's steps only (a resumed run starts late). */
  private int firstDone = -1;
  private long firstNanos;
  private final LongSupplier nanos;

  public Progress(PrintWriter out, boolean terminal, boolean quiet, int total) {
    this(out, terminal, quiet, total, "E");
  }

  /** @param label what the reported numbers are, e.g. {@code E} (energies) or {@code σ} (singular values) */
  public Progress(PrintWriter out, boolean terminal, boolean quiet, int total, String label) {
    this(out, terminal, quiet, total, label, System::nanoTime);
  }

  /** With the clock the rate is measured on (nanoseconds), for tests. */
  Progress(PrintWriter out, boolean terminal, boolean quiet, int total, String label, LongSupplier nanos) {
    this.nanos = nanos;
    this.label = label;
    this.out = out;
    this.terminal = terminal;
    this.quiet = quiet;
    this.total = total;
  }

  /** Reports one step; {@code estimates} are the current eigen- or singular-value estimates. */
  public void update(int step, double seconds, double loss, double[] estimates) {
    double[] energies = estimates;
    if (quiet) return;
    int done = step + 1;
    long now = nanos.getAsLong();
    if (firstDone < 0) {
      firstDone = done;
      firstNanos = now;
    }
    if (terminal) {
      if (now - lastDraw < 250_000_000L && done < total) return;
      lastDraw = now;
      out.print("\r" + line(done, seconds, loss, energies) + "   ");
      if (done == total) out.println();
      out.flush();
    } else {
      int every = Math.max(1, total / 20);
      if (done % every != 0 && done != total) return;
      if (done == lastLineStep) return;
      lastLineStep = done;
      out.println(line(done, seconds, loss, energies));
      out.flush();
    }
  }

  /** Prints a message on its own line (ends an in-place progress line first). */
  public void message(String text) {
    if (quiet) return;
    if (terminal) out.print("\r");
    out.println(text);
    out.flush();
  }

  /**
   * The per-mode detail of one evaluation (for {@code --verbose}): one line per mode with the estimate and,
   * where known, the reference value and relative error ({@code reference}/{@code relErrors} may be null).
   */
  public static String detail(String label, double[] estimates, double[] reference, double[] relErrors) {
    StringBuilder b = new StringBuilder();
    for (int l = 0; l < estimates.length; l++) {
      if (l > 0) b.append('\n');
      b.append(String.format(Locale.ROOT, "    %s%-3d %18.12g", label, l, estimates[l]));
      if (reference != null && l < reference.length) {
        b.append(String.format(Locale.ROOT, "  reference %18.12g", reference[l]));
      }
      if (relErrors != null && l < relErrors.length) {
        b.append(String.format(Locale.ROOT, "  rel. error %.3e", relErrors[l]));
      }
    }
    return b.toString();
  }

  /** The first four values, " %.5g" each, then "…" if there are more. */
  public static String values(double[] values) {
    StringBuilder e = new StringBuilder();
    for (int i = 0; i < Math.min(4, values.length); i++) {
      e.append(String.format(Locale.ROOT, " %.5g", values[i]));
    }
    if (values.length > 4) e.append(" …");
    return e.toString();
  }

  private String line(int done, double seconds, double loss, double[] energies) {
    double elapsed = (nanos.getAsLong() - firstNanos) * 1e-9;
    boolean measured = done > firstDone && elapsed > 0;
    double rate = measured ? (done - firstDone) / elapsed : Double.NaN;
    String e = values(energies);
    int width = 20;
    int filled = (int) Math.round(width * (double) done / total);
    String bar = "#".repeat(filled) + "-".repeat(width - filled);
    return String.format(Locale.ROOT, "[%s] %d/%d  loss %.5g  %s%s  %s steps/s  ETA %s",
        bar, done, total, loss, label, e, measured ? String.format(Locale.ROOT, "%.0f", rate) : "…",
        measured ? clock((total - done) / rate) : "…");
  }

  static String clock(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60)
        : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
  }
}
