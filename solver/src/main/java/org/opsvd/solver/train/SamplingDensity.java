package org.opsvd.solver.train;

import java.util.Locale;
import org.hipparchus.random.RandomGenerator;

/**
 * The training density p on R^d for importance sampling (method notes §3.2): points x ~ p, network
 * outputs f, wavefunctions ψ = √p·f, and the operator applied as T̃f = T(√p·f)/√p. With
 * φ = log √p the Laplacian part is the closed form
 * <pre>  Δ(√p f)/√p = Δf + ∇log p · ∇f + (Δφ + |∇φ|²) f,</pre>
 * so only the jet of f is needed and no clamp of √p is required. {@link #drift} returns ∇log p and
 * {@link #curvature} returns Δ√p/√p = Δφ + |∇φ|². Densities are normalised (∫p = 1), so at the
 * nested optimum ‖ψ_l‖²_{L²} = E_p[f_l²] is the l-th eigenvalue of T.
 */
public sealed interface SamplingDensity {

  /** Dimension d. */
  int dimension();

  /** Fills {@code out} (length ≥ count·d, row-major [count, d]) with independent draws. */
  void sample(RandomGenerator rng, double[] out, int count);

  /** √p(x). */
  double sqrtDensity(double[] x);

  /** ∇log p(x) into {@code out} (length d). */
  void drift(double[] x, double[] out);

  /** Δ√p(x)/√p(x). */
  double curvature(double[] x);

  /** A short description, e.g. {@code gaussian(s=4)}. */
  String describe();

  /** N(0, s²I_d): √p ∝ exp(−|x|²/(4s²)). */
  record Gaussian(int dimension, double scale) implements SamplingDensity {
    public Gaussian {
      requireDimension(dimension);
      if (!(scale > 0) || !Double.isFinite(scale)) {
        throw new IllegalArgumentException("Gaussian sampling scale must be positive and finite, got " + scale);
      }
    }

    @Override
    public void sample(RandomGenerator rng, double[] out, int count) {
      for (int i = 0; i < count * dimension; i++) {
        out[i] = scale * rng.nextGaussian();
      }
    }

    @Override
    public double sqrtDensity(double[] x) {
      double r2 = 0;
      for (double v : x) r2 += v * v;
      double s2 = scale * scale;
      return Math.pow(2 * Math.PI * s2, -0.25 * dimension) * Math.exp(-r2 / (4 * s2));
    }

    @Override
    public void drift(double[] x, double[] out) {
      double s2 = scale * scale;
      for (int i = 0; i < dimension; i++) out[i] = -x[i] / s2;
    }

    @Override
    public double curvature(double[] x) {
      double r2 = 0;
      for (double v : x) r2 += v * v;
      double s2 = scale * scale;
      return r2 / (4 * s2 * s2) - dimension / (2 * s2);
    }

    @Override
    public String describe() {
      return String.format(Locale.ROOT, "gaussian(s=%g)", scale);
    }
  }

  /** Uniform on the box [−ℓ, ℓ]^d: √p constant, no drift, no curvature. */
  record UniformBox(int dimension, double halfWidth) implements SamplingDensity {
    public UniformBox {
      requireDimension(dimension);
      if (!(halfWidth > 0) || !Double.isFinite(halfWidth)) {
        throw new IllegalArgumentException("uniform sampling half-width must be positive and finite, got " + halfWidth);
      }
    }

    @Override
    public void sample(RandomGenerator rng, double[] out, int count) {
      for (int i = 0; i < count * dimension; i++) {
        out[i] = halfWidth * (2 * rng.nextDouble() - 1);
      }
    }

    @Override
    public double sqrtDensity(double[] x) {
      for (double v : x) {
        if (Math.abs(v) > halfWidth) return 0;
      }
      return Math.pow(2 * halfWidth, -0.5 * dimension);
    }

    @Override
    public void drift(double[] x, double[] out) {
      java.util.Arrays.fill(out, 0, dimension, 0.0);
    }

    @Override
    public double curvature(double[] x) {
      return 0;
    }

    @Override
    public String describe() {
      return String.format(Locale.ROOT, "uniform(box=%g)", halfWidth);
    }
  }

  /** Parses {@code gaussian} or {@code uniform} with its scale (std for Gaussian, half-width for uniform). */
  static SamplingDensity of(String kind, int dimension, double scale) {
    return switch (kind.toLowerCase(Locale.ROOT)) {
      case "gaussian", "normal" -> new Gaussian(dimension, scale);
      case "uniform", "box" -> new UniformBox(dimension, scale);
      default -> throw new IllegalArgumentException("unknown sampler '" + kind + "' (expected gaussian or uniform)");
    };
  }

  private static void requireDimension(int d) {
    if (d < 1) throw new IllegalArgumentException("dimension must be at least 1, got " + d);
  }
}
