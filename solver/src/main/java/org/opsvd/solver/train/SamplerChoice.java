package org.opsvd.solver.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The training density a solve takes when none is given: among centred Gaussians N(0, s²I) and three-scale
 * mixtures (s/16, s/4, s) on a geometric grid of s, the one under which the wanted states are best sampled, judged
 * on their Rayleigh–Ritz estimates u_l ({@link GalerkinLevels.States}).
 *
 * <p>Importance sampling of state l under p has the weights u_l²/p, whose second moment M_l = ∫u_l⁴/p is 1 when
 * p = u_l² and grows as p misses where u_l lives; 1/M_l is the fraction of a batch that counts (effective sample
 * fraction). The criterion is the geometric mean of the fractions weighted by the number of nested objectives each
 * state enters, L − l (NeuralSVD's loss sums the nested objectives of modes 1…l, so the low states weigh most):
 * <pre>  G(p) = exp(−Σ_l (L − l)·log M_l / Σ_l (L − l)).</pre>
 * Measured on the 2D oscillator with L = 15: G peaks at s ≈ 1.3; training with s = 1 and 1.25 reached mean
 * relative eigenvalue errors of 1.1e-4 and 1.3e-4, s = 0.85 and 2.33 (box/3, the former default) 2.5e-4 and
 * 2.6e-4 (benchmarks/RESULTS.md). The worst state alone (max–min) would choose s ≈ 1.7, too wide. Coulomb
 * problems, whose states span two orders of magnitude in size, get a mixture.
 *
 * <p>The scales start at c_d times the ground state's widest root-mean-square coordinate w₀ (the widest scale,
 * for a mixture): a Gaussian ground state of variance w₀² along an axis then gives f_0 = u_0/√p ∝
 * exp(−x²(1 − 1/c²)/(4w₀²)), bounded and decaying, whereas as p → u_0² the excited f_l become unbounded polynomials
 * where few samples fall. The weighted criterion alone picks narrower samplers for small L (3D anharmonic well,
 * L = 4: 0.78 where 1.0, the floor, reached 2.8e-4 against 5.5e-2 with the former box/3). c_d = √2 up to d = 4;
 * beyond, the margin costs the ground state's sampling a factor (c²/√(2c² − 1)) per axis, which compounds with d
 * (√2: a fraction 1/1.155^d of the batch, 10 % in d = 16), so c_d is the margin whose cost over all d axes is 2
 * ({@link #floorFactor}): 1.35 in d = 6, 1.29 in d = 8, 1.19 in d = 16 (the 16-D oscillator: 7.4e-4 after 10 200
 * steps with a Gaussian of 0.8 = 1.13 w₀, 2.3e-2 after 51 000 with the three-scale mixture the √2 floor left as the
 * best choice).
 *
 * <p>In d ≥ {@value #SHAPED_FROM} the Gaussians also come shaped, N(0, diag(s²a_j²)) with a_j = w_j/max w the ground
 * state's per-axis root mean square widths w_j² = ∫|u_0|²x_j² relative to the widest, when some a_j is below
 * {@value #ANISOTROPY}: an isotropic Gaussian wide enough for the widest axis wastes a factor per narrow axis, and the
 * energy of its √p grows with each. Their floor is c_d times the ground state's width along every axis at once (the
 * isotropic floor holds only along the widest). The 6-D oscillator with ω = 1, 1, 1, 1, 1, 3, L = 7: isotropic
 * s = 0.655 (below the floor, for the energy cap) 1.5e-3; shaped by the wanted states' mean widths 1.1e-3; shaped by
 * the ground state's (this rule) in benchmarks/RESULTS.md.
 *
 * @param kind          Gaussian or mixture
 * @param scale         the Gaussian's standard deviation (along its widest axis when shaped), or the mixture's widest
 *                      (bohr)
 * @param fraction      G of the chosen density
 * @param worstState    the state with the smallest effective sample fraction under it
 * @param worstFraction that fraction, 1/M_l
 * <p>When the potential has two or more wells that can hold the wanted states ({@link Wells}, d ≥ {@value
 * #SHAPED_FROM} only), the equal-weight mixture of Gaussians at the wells ({@link SamplingDensity.WellMixture}) is one
 * more family, its scale s the factor on the wells' harmonic widths, from c_d (the floor above, per well: f_0 = u_0/√p
 * stays bounded near each well when its component is c_d times wider than the harmonic ground state) up to {@value
 * #WELLS_TOP}; it competes under the same criterion G and the same energy cap, and is chosen only where it wins.
 * A state split over wells a distance 2a apart along x₁ with local width σ ≪ a makes a centred Gaussian of std ≈ a
 * waste the factor ≈ a/σ on that axis alone, which the mixture does not.
 *
 * @param kind          Gaussian, mixture or wells
 * @param scale         the Gaussian's standard deviation (along its widest axis when shaped), or the mixture's widest
 *                      (bohr); for the wells, the factor s on their widths
 * @param fraction      G of the chosen density
 * @param worstState    the state with the smallest effective sample fraction under it
 * @param worstFraction that fraction, 1/M_l
 * @param shape         a Gaussian's per-axis factors a_j (the largest 1), or null for an isotropic density
 * @param wells         the wells of a {@link SamplingDensity.Kind#WELLS} choice, else null
 */
public record SamplerChoice(SamplingDensity.Kind kind, double scale, double fraction, int worstState,
    double worstFraction, double[] shape, Wells wells) {

  /** A choice other than the wells mixture. */
  public SamplerChoice(SamplingDensity.Kind kind, double scale, double fraction, int worstState, double worstFraction,
      double[] shape) {
    this(kind, scale, fraction, worstState, worstFraction, shape, null);
  }

  /** The widest wells mixture tried: s times the wells' harmonic widths. */
  static final double WELLS_TOP = 4;

  /** The least d in which shaped Gaussians are candidates (grids and references end at d = 3). */
  static final int SHAPED_FROM = 4;
  /** Shaped Gaussians are tried when some axis factor a_j is below this. */
  static final double ANISOTROPY = 0.8;

  @Override
  public double[] shape() {
    return shape == null ? null : shape.clone();
  }

  /** The density chosen. */
  public SamplingDensity density(int d) {
    return kind == SamplingDensity.Kind.WELLS ? wells.density(scale) : SamplingDensity.of(kind, d, scale, shape);
  }

  /** The narrowest scale, as a multiple of the ground state's widest root-mean-square coordinate, up to d = 4. */
  static final double FLOOR = Math.sqrt(2);

  /**
   * c_d, the narrowest scale as a multiple of w₀ in d dimensions: √2, or where smaller the c with
   * (c²/√(2c² − 1))^d = 2, i.e. c² = t + √(t² − t) with t = 2^{2/d}.
   */
  static double floorFactor(int d) {
    double t = Math.pow(2, 2.0 / d);
    return Math.min(FLOOR, Math.sqrt(t + Math.sqrt(t * t - t)));
  }
  /** Grid ratio of the candidate scales, 2^{1/8}. */
  private static final double STEP = Math.pow(2, 0.125);

  /** The best Gaussian or three-scale mixture for the lowest {@code outputs} of the estimated states. */
  public static SamplerChoice of(GalerkinLevels.States states, int outputs) {
    return of(states, outputs, SamplingDensity.Kind.GAUSSIAN, SamplingDensity.Kind.MIXTURE);
  }

  /** As {@link #of(GalerkinLevels.States, int)}, among the given kinds (Gaussian and/or mixture) only. */
  public static SamplerChoice of(GalerkinLevels.States states, int outputs, SamplingDensity.Kind... kinds) {
    return of(states, outputs, null, kinds);
  }

  /**
   * A cap on the energy E(√p) of the candidates' square roots ({@link EnvelopeEnergy}): the functions a solve starts
   * from must lie where T is positive.
   *
   * @param energy E(√p) of a candidate density
   * @param most   the largest E(√p) allowed
   */
  public record EnergyCap(java.util.function.ToDoubleFunction<SamplingDensity> energy, double most) {}

  /**
   * As {@link #of(GalerkinLevels.States, int, SamplingDensity.Kind...)}, among the candidates whose E(√p) is at most
   * {@code cap.most()} (all of them if none is, or when {@code cap} is null).
   */
  public static SamplerChoice of(GalerkinLevels.States states, int outputs, EnergyCap cap,
      SamplingDensity.Kind... kinds) {
    return of(states, outputs, cap, null, kinds);
  }

  /**
   * As {@link #of(GalerkinLevels.States, int, EnergyCap, SamplingDensity.Kind...)}, with the mixture at {@code
   * wells} as one more family when there are at least two of them (null: none).
   */
  public static SamplerChoice of(GalerkinLevels.States states, int outputs, EnergyCap cap, Wells wells,
      SamplingDensity.Kind... kinds) {
    int wanted = Math.min(outputs, states.levels().length);
    int d = states.q().dimension();
    int n = states.nodes();
    int count = states.levels().length;
    double largest = 0;
    for (int l = 0; l < wanted; l++) largest = Math.max(largest, states.width(l));
    double floor = 0; // c_d × the ground state's widest axis: f_0 = u_0/√p must decay
    for (int j = 0; j < d; j++) floor = Math.max(floor, floorFactor(d) * states.axisWidth(0, j));
    // per node: r², log q and g_l⁴ (M_l = Σ_n w_n (q/p)(x_n) g_l(x_n)⁴, with u_l = √q·g_l)
    double[] r2 = new double[n];
    double[] logQ = new double[n];
    double[] g4 = new double[n * wanted];
    double[] x = new double[d];
    for (int i = 0; i < n; i++) {
      System.arraycopy(states.points(), i * d, x, 0, d);
      for (double v : x) r2[i] += v * v;
      logQ[i] = 2 * Math.log(states.q().sqrtDensity(x));
      for (int l = 0; l < wanted; l++) {
        double g = states.values()[i * count + l];
        g4[i * wanted + l] = g * g * g * g;
      }
    }
    // candidate families, each a scale s ↦ choice from its floor up: the kinds asked for, then shaped Gaussians
    List<Family> families = new ArrayList<>();
    for (SamplingDensity.Kind kind : kinds) {
      if (kind == SamplingDensity.Kind.UNIFORM) throw new IllegalArgumentException("uniform has no scale to choose");
      families.add(new Family(floor, 8 * Math.max(largest, floor), s -> of(kind, s, moments(states, wanted, r2, logQ,
          g4, kind == SamplingDensity.Kind.GAUSSIAN ? new double[] {s} : new double[] {s / 16, s / 4, s}), null),
          kind == SamplingDensity.Kind.GAUSSIAN));
    }
    double[] shape = java.util.Arrays.asList(kinds).contains(SamplingDensity.Kind.GAUSSIAN) ? shape(states, wanted)
        : null;
    if (shape != null) { // s the standard deviation along the widest axis; floor c_d·w0_j/a_j along every axis
      double[] z2 = new double[n];
      double logShape = 0;
      double shapedFloor = 0;
      for (int j = 0; j < d; j++) {
        logShape += Math.log(shape[j]);
        shapedFloor = Math.max(shapedFloor, floorFactor(d) * states.axisWidth(0, j) / shape[j]);
      }
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < d; j++) {
          double v = states.points()[i * d + j] / shape[j];
          z2[i] += v * v;
        }
      }
      double product = Math.exp(logShape);
      families.add(new Family(shapedFloor, 8 * Math.max(largest, shapedFloor), s -> {
        double[] m = moments(states, wanted, z2, logQ, g4, new double[] {s});
        for (int l = 0; l < wanted; l++) m[l] *= product; // p(x) = N(z; s)/Π a_j, z_j = x_j/a_j
        return of(SamplingDensity.Kind.GAUSSIAN, s, m, shape);
      }, true));
    }
    if (wells != null && wells.wells().size() >= 2) families.add(wellsFamily(states, wanted, logQ, g4, wells));
    SamplerChoice best = null;
    SamplerChoice bestCapped = null;
    for (Family f : families) {
      for (double s = f.floor(); s <= f.top(); s *= STEP) {
        SamplerChoice c = f.choice().apply(s);
        if (best == null || c.fraction > best.fraction) best = c;
        if (cap != null && (bestCapped == null || c.fraction > bestCapped.fraction)
            && cap.energy().applyAsDouble(c.density(d)) <= cap.most()) {
          bestCapped = c;
        }
      }
    }
    if (cap != null && bestCapped == null) {
      // below the floor, down to the ground state's own width (f_0 still bounded): the widest Gaussian within the
      // cap, shaped ones first
      for (int k = families.size() - 1; k >= 0; k--) {
        Family f = families.get(k);
        if (!f.belowFloor()) continue;
        double w0 = f.floor() / floorFactor(d);
        for (double s = Math.max(f.floor() / STEP, w0); ; s = Math.max(s / STEP, w0)) {
          SamplerChoice c = f.choice().apply(s);
          if (cap.energy().applyAsDouble(c.density(d)) <= cap.most()) return c;
          if (s == w0) break;
        }
      }
    }
    return bestCapped != null ? bestCapped : best;
  }

  /**
   * Candidates of one kind: the choice at scale s, from {@code floor} up to {@code top}; {@code belowFloor}: a
   * Gaussian, which may go below the floor when nothing else meets the energy cap.
   */
  private record Family(double floor, double top, java.util.function.DoubleFunction<SamplerChoice> choice,
      boolean belowFloor) {}

  /**
   * The wells mixture at s from c_d to {@value #WELLS_TOP}: log p at node n is log-sum-exp over wells k of
   * −d·log s − Σ_j log(√(2π)σ_kj) − A_nk/(2s²), A_nk = Σ_j ((x_nj − μ_kj)/σ_kj)², less log K.
   */
  private static Family wellsFamily(GalerkinLevels.States states, int wanted, double[] logQ, double[] g4,
      Wells wells) {
    int d = states.q().dimension();
    int n = states.nodes();
    int count = wells.wells().size();
    double[] a = new double[n * count];
    double[] b = new double[count];
    for (int k = 0; k < count; k++) {
      double[] mu = wells.wells().get(k).centre();
      double[] sigma = wells.wells().get(k).widths();
      for (int j = 0; j < d; j++) b[k] += Math.log(Math.sqrt(2 * Math.PI) * sigma[j]);
      for (int i = 0; i < n; i++) {
        double sum = 0;
        for (int j = 0; j < d; j++) {
          double z = (states.points()[i * d + j] - mu[j]) / sigma[j];
          sum += z * z;
        }
        a[i * count + k] = sum;
      }
    }
    return new Family(floorFactor(d), WELLS_TOP, s -> {
      double[] m = new double[wanted];
      double[] t = new double[count];
      for (int i = 0; i < n; i++) {
        double w = states.weights()[i];
        if (w == 0) continue;
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < count; k++) {
          t[k] = -d * Math.log(s) - b[k] - a[i * count + k] / (2 * s * s);
          max = Math.max(max, t[k]);
        }
        double sum = 0;
        for (int k = 0; k < count; k++) sum += Math.exp(t[k] - max);
        double ratio = w * Math.exp(logQ[i] - (max + Math.log(sum / count)));
        for (int l = 0; l < wanted; l++) m[l] += ratio * g4[i * wanted + l];
      }
      SamplerChoice c = of(SamplingDensity.Kind.WELLS, s, m, null);
      return new SamplerChoice(c.kind, s, c.fraction, c.worstState, c.worstFraction, null, wells);
    }, false);
  }

  /** M_l of every wanted state under the mixture of N(0, s_k²I) over {@code scales} (one scale: a Gaussian). */
  private static double[] moments(GalerkinLevels.States states, int wanted, double[] r2, double[] logQ, double[] g4,
      double[] scales) {
    int d = states.q().dimension();
    double[] moments = new double[wanted];
    for (int i = 0; i < r2.length; i++) {
      double w = states.weights()[i];
      if (w == 0) continue;
      double ratio = w * Math.exp(logQ[i] - logDensity(scales, d, r2[i]));
      for (int l = 0; l < wanted; l++) moments[l] += ratio * g4[i * wanted + l];
    }
    return moments;
  }

  /** log p(x) of the equal-weight mixture of N(0, s_k²I_d) at |x|² = r2 (log-sum-exp). */
  private static double logDensity(double[] scales, int d, double r2) {
    double max = Double.NEGATIVE_INFINITY;
    double[] t = new double[scales.length];
    for (int k = 0; k < scales.length; k++) {
      double s2 = scales[k] * scales[k];
      t[k] = -0.5 * d * Math.log(2 * Math.PI * s2) - r2 / (2 * s2);
      max = Math.max(max, t[k]);
    }
    double sum = 0;
    for (double tk : t) sum += Math.exp(tk - max);
    return max + Math.log(sum / scales.length);
  }

  /**
   * a_j = w_j/max w, w_j² = ∫|u_0|²x_j² the ground state's, when d ≥ {@value #SHAPED_FROM} and some a_j &lt; {@value
   * #ANISOTROPY}; else null.
   */
  static double[] shape(GalerkinLevels.States states, int wanted) {
    int d = states.q().dimension();
    if (d < SHAPED_FROM) return null;
    double[] w = new double[d];
    double widest = 0;
    for (int j = 0; j < d; j++) {
      w[j] = states.axisWidth(0, j);
      widest = Math.max(widest, w[j]);
    }
    boolean anisotropic = false;
    for (int j = 0; j < d; j++) {
      w[j] /= widest;
      anisotropic |= w[j] < ANISOTROPY;
    }
    return anisotropic ? w : null;
  }

  /** The choice with the criterion G from the weight moments M_l. */
  private static SamplerChoice of(SamplingDensity.Kind kind, double scale, double[] moments, double[] shape) {
    int wanted = moments.length;
    double logSum = 0;
    double weightSum = 0;
    int worst = 0;
    for (int l = 0; l < wanted; l++) {
      double weight = wanted - l;
      logSum += weight * Math.log(moments[l]);
      weightSum += weight;
      if (moments[l] > moments[worst]) worst = l;
    }
    double fraction = Math.exp(-logSum / weightSum);
    return new SamplerChoice(kind, scale, Double.isFinite(fraction) ? fraction : 0, worst, 1 / moments[worst], shape);
  }

  /** E.g. {@code gaussian, scale 1.09 (weighted effective sample fraction 0.31; worst: state 14, 0.08)}. */
  public String describe() {
    return String.format(Locale.ROOT, "%s, scale %.3g%s%s (weighted effective sample fraction %.2f; worst: state %d,"
        + " %.2g)", kind, scale, shape == null ? "" : ", axes " + java.util.Arrays.stream(shape).mapToObj(a ->
        String.format(Locale.ROOT, "%.2f", a)).collect(java.util.stream.Collectors.joining(",")), wells == null ? ""
        : " × the harmonic widths of " + wells.wells().size() + " wells", fraction, worstState, worstFraction);
  }
}
