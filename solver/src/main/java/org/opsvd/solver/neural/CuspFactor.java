package org.opsvd.solver.neural;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opsvd.operators.action.Jet;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Sum;
import org.tensorflow.types.family.TFloating;

/**
 * Coulomb cusp factor on every network output, one term per attractive centre a_c:
 * <pre>  J(x) = Π_c exp(−κ_c u_c),  u_c = r_c/(1 + κ_c r_c),  r_c = |x − a_c|.</pre>
 * Each term is ≈ e^{−κ_c r_c} near its centre and → e^{−1} for r_c ≫ 1/κ_c, so it shapes only the nucleus and not
 * the tails, and the other terms are smooth there. For H = −cΔ − Z_c/r_c + (terms bounded near a_c) in d ≥ 2,
 * κ_c = Z_c/(c(d−1)) makes the singular part cκ_c(d−1)/r_c of −cΔJ/J cancel −Z_c/r_c: the local energy stays
 * bounded at every nucleus, for every state, and ψ = J·g with g smooth meets Kato's condition ∂ψ̄/∂r_c =
 * −κ_c ψ = −Z_c/(c(d−1))·ψ at a_c (ψ̄: the spherical average about a_c). ΔJ has no δ part for d ≥ 2.
 *
 * <p>With s = log J = −Σ_c κ_c u_c, u' = 1/(1+κr)², u'' = −2κ/(1+κr)³:
 * <pre>  ∇s = −Σ_c κ_c u_c'·(x − a_c)/r_c,  Δs = −Σ_c κ_c (u_c'' + (d−1)u_c'/r_c),
 *   ∇J = J∇s,  ΔJ = J(|∇s|² + Δs).</pre>
 * At a centre exactly the gradient and Laplacian are not finite (as is the Coulomb potential there).
 *
 * <p>JSON (a solve's {@code config.json}): one centre at the origin is written as its κ alone, the form of runs
 * before several centres existed; otherwise a list of {@code {"position": [...], "kappa": κ}}.
 *
 * @param centres at least one; positions in bohr, κ in 1/bohr
 */
public record CuspFactor(List<Centre> centres) {

  /**
   * One term of the factor.
   *
   * @param position a_c, length d; the origin may be given as an empty array (any dimension) and is stored so
   * @param kappa    κ_c &gt; 0, finite
   */
  public record Centre(double[] position, double kappa) {
    public Centre {
      if (!(kappa > 0) || !Double.isFinite(kappa)) {
        throw new IllegalArgumentException("cusp slope κ (--cusp) must be positive and finite, got " + kappa);
      }
      for (double v : position) {
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException("cusp centre must be finite, got " + Arrays.toString(position));
        }
      }
      position = Arrays.stream(position).allMatch(v -> v == 0) ? new double[0] : position.clone();
    }

    @Override
    public double[] position() {
      return position.clone();
    }

    /** Whether a_c is the origin. */
    public boolean atOrigin() {
      return position.length == 0;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Centre c && c.kappa == kappa && Arrays.equals(c.position, position);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(position) + Double.hashCode(kappa);
    }

    @Override
    public String toString() {
      return "Centre" + Arrays.toString(position) + "(κ=" + kappa + ")";
    }
  }

  public CuspFactor {
    centres = List.copyOf(centres);
    if (centres.isEmpty()) throw new IllegalArgumentException("a cusp factor needs at least one centre");
  }

  /** One centre at the origin with slope κ. */
  public static CuspFactor atOrigin(double kappa) {
    return new CuspFactor(List.of(new Centre(new double[0], kappa)));
  }

  /** κ of the single centre at the origin, or null when the factor has other centres. */
  public Double originKappa() {
    return centres.size() == 1 && centres.get(0).atOrigin() ? centres.get(0).kappa() : null;
  }

  /** Refuses centres whose position is not a point of R^d. */
  public void requireDimension(int d) {
    for (Centre c : centres) {
      if (!c.atOrigin() && c.position.length != d) {
        throw new IllegalArgumentException("cusp centre " + Arrays.toString(c.position) + " is not a point in "
            + d + "D");
      }
    }
  }

  /**
   * J(x), with ∇J written into {@code gradient} (length ≥ d) and ΔJ returned in {@code laplacian[0]} (float64).
   */
  public double evaluate(double[] x, double[] gradient, double[] laplacian) {
    int d = x.length;
    Arrays.fill(gradient, 0, d, 0.0);
    double[] dx = new double[d];
    double log = 0;
    double logLaplacian = 0;
    for (Centre c : centres) {
      double k = c.kappa;
      double r2 = 0;
      for (int j = 0; j < d; j++) {
        dx[j] = x[j] - (c.atOrigin() ? 0 : c.position[j]);
        r2 += dx[j] * dx[j];
      }
      double r = Math.sqrt(r2);
      double w = 1 + k * r;
      double u1 = 1 / (w * w);
      double u2 = -2 * k * u1 / w;
      log -= k * r / w;
      logLaplacian -= k * (u2 + (d - 1) * u1 / r);
      for (int j = 0; j < d; j++) gradient[j] -= k * u1 * dx[j] / r;
    }
    double value = Math.exp(log);
    double g2 = 0;
    for (int j = 0; j < d; j++) {
      g2 += gradient[j] * gradient[j];
      gradient[j] *= value;
    }
    laplacian[0] = value * (g2 + logLaplacian);
    return value;
  }

  /**
   * The factor's jet at points x [B, d] as graph ops: value [B, 1], gradient [B, d, 1], Laplacian [B, 1]; gradient
   * and Laplacian only if {@code full} (else null).
   */
  public <T extends TFloating> Jet<T> jet(Ops tf, Operand<T> x, int d, boolean full) {
    Operand<T> log = null;
    Operand<T> slope = null; // ∇s [B, d]
    Operand<T> curvature = null; // Δs [B, 1]
    for (Centre c : centres) {
      double k = c.kappa;
      Operand<T> dx = c.atOrigin() ? x : tf.math.sub(x, Graphs.constant(tf, x, new long[] {1, d}, c.position));
      Operand<T> r = tf.math.sqrt(tf.sum(tf.math.square(dx), tf.constant(1), Sum.keepDims(true))); // [B,1]
      Operand<T> w = tf.math.add(Graphs.scalar(tf, x, 1.0), tf.math.mul(Graphs.scalar(tf, x, k), r)); // 1+κr
      Operand<T> term = tf.math.neg(tf.math.div(tf.math.mul(Graphs.scalar(tf, x, k), r), w));
      log = log == null ? term : tf.math.add(log, term);
      if (!full) continue;
      Operand<T> u1 = tf.math.reciprocal(tf.math.square(w));
      Operand<T> u2 = tf.math.mul(Graphs.scalar(tf, x, -2 * k), tf.math.div(u1, w));
      Operand<T> g = tf.math.mul(tf.math.mul(Graphs.scalar(tf, x, -k), u1), tf.math.div(dx, r));
      Operand<T> l = tf.math.mul(Graphs.scalar(tf, x, -k),
          tf.math.add(u2, tf.math.mul(Graphs.scalar(tf, x, d - 1.0), tf.math.div(u1, r))));
      slope = slope == null ? g : tf.math.add(slope, g);
      curvature = curvature == null ? l : tf.math.add(curvature, l);
    }
    Operand<T> value = tf.math.exp(log);
    if (!full) return new Jet<>(value, null, null);
    Operand<T> grad = tf.expandDims(tf.math.mul(value, slope), tf.constant(2));
    Operand<T> g2 = tf.sum(tf.math.square(slope), tf.constant(1), Sum.keepDims(true));
    return new Jet<>(value, grad, tf.math.mul(value, tf.math.add(g2, curvature)));
  }

  /** A number for one centre at the origin (its κ), else the list of centres. */
  @JsonValue
  Object json() {
    Double kappa = originKappa();
    if (kappa != null) return kappa;
    List<Map<String, Object>> list = new ArrayList<>();
    for (Centre c : centres) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("position", c.position);
      m.put("kappa", c.kappa);
      list.add(m);
    }
    return list;
  }

  /** Reads {@link #json()}'s forms: a number (κ at the origin) or a list of {position, kappa}. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static CuspFactor fromJson(JsonNode node) {
    if (node.isNumber()) return atOrigin(node.doubleValue());
    if (!node.isArray()) throw new IllegalArgumentException("cusp must be a number or a list of centres, got " + node);
    List<Centre> centres = new ArrayList<>();
    for (JsonNode c : node) {
      JsonNode p = c.get("position");
      JsonNode k = c.get("kappa");
      if (p == null || !p.isArray() || k == null || !k.isNumber()) {
        throw new IllegalArgumentException("cusp centre needs 'position' (a list) and 'kappa', got " + c);
      }
      double[] position = new double[p.size()];
      for (int j = 0; j < position.length; j++) position[j] = p.get(j).doubleValue();
      centres.add(new Centre(position, k.doubleValue()));
    }
    return new CuspFactor(centres);
  }

  /** E.g. {@code κ=1 at [0, 0, 1]; κ=1 at [0, 0, -1]} or {@code κ=2 at the origin}. */
  public String describe() {
    StringBuilder b = new StringBuilder();
    for (Centre c : centres) {
      if (b.length() > 0) b.append("; ");
      b.append(String.format(java.util.Locale.ROOT, "κ=%.3g at ", c.kappa))
          .append(c.atOrigin() ? "the origin" : Arrays.toString(c.position));
    }
    return b.toString();
  }
}
