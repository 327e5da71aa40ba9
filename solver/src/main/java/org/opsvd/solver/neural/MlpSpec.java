package org.opsvd.solver.neural;

import java.util.List;
import java.util.Objects;

/**
 * Architecture of an {@link Mlp}: f: R^d → R^L,
 * f_l(x) = MLP_l(φ(x)) · e_l(x) · b(x) · J(x), with optional Fourier features φ, envelope e_l, box
 * mask b and Coulomb cusp factor J (each absent means the identity map or the factor 1).
 *
 * @param inputDimension d ≥ 1
 * @param hiddenWidths widths of the hidden layers (at least one, each ≥ 1), e.g. [128, 128, 128]
 * @param outputs L ≥ 1
 * @param activation hidden-layer activation (no output activation)
 * @param parametrisation one shared MLP or L disjoint MLPs
 * @param fourier random Fourier features, or null for the raw input x
 * @param envelope learnable exp(−|x|/s_l) envelope, or null
 * @param box Dirichlet box mask, or null
 * @param cusp Coulomb cusp factor (one term per centre), or null
 */
public record MlpSpec(int inputDimension, List<Integer> hiddenWidths, int outputs,
    Activation activation, Parametrisation parametrisation, FourierFeatures fourier,
    Envelope envelope, BoxMask box, CuspFactor cusp) {

  /**
   * Fixed features φ(x) = [sin(xB), cos(xB)] ∈ R^{2m}; the raw x is not appended. B is a graph constant, not a
   * {@link Parameter}: B = 2πσ·N(0,1) ∈ R^{d×m} drawn from the network's seed, or, on a torus [−h, h)^d
   * ({@code periodicHalfWidth} h &gt; 0), the harmonics B_{j, jK+k−1} = kπ/h for k = 1 … K = m/d (zero elsewhere), so
   * that every network function is 2h-periodic along each axis (σ unused then).
   *
   * @param periodicHalfWidth h of the torus, or 0 for random features
   */
  public record FourierFeatures(int frequencies, double scale, double periodicHalfWidth) {
    public FourierFeatures {
      if (frequencies < 1) throw new IllegalArgumentException("Fourier frequencies must be >= 1, got " + frequencies);
      if (!(scale > 0) || Double.isInfinite(scale)) {
        throw new IllegalArgumentException("Fourier scale must be finite and > 0, got " + scale);
      }
      if (!(periodicHalfWidth >= 0) || Double.isInfinite(periodicHalfWidth)) {
        throw new IllegalArgumentException("the torus half-width must be finite and >= 0, got " + periodicHalfWidth);
      }
    }

    /** Random features of scale σ. */
    public FourierFeatures(int frequencies, double scale) {
      this(frequencies, scale, 0);
    }
  }

  /**
   * Envelope e_l(x) = exp(−r(x)/s_l) with one learnable scale s_l per output (parameter
   * "envelope/scale", shape [L], initialised to {@code initialScale}). |x| is not differentiable at
   * 0, so r(x) = sqrt(|x|² + ε²) with ε = {@code smoothing} (then Δr = (d−1)/r + ε²/r³). The default
   * ε = 1 (bohr) keeps the envelope smooth: with a sharp cusp the Laplacian carries a singular part
   * (a δ at 0 in 1D) that pointwise Laplacians never sample, and training exploits it — measured: a
   * 1D oscillator ground state at E = 0.375 &lt; 0.5 with ε = 1e-6.
   */
  public record Envelope(double initialScale, double smoothing) {
    public static final double DEFAULT_SMOOTHING = 1.0;

    public Envelope {
      if (!(initialScale > 0) || Double.isInfinite(initialScale)) {
        throw new IllegalArgumentException("envelope scale must be finite and > 0, got " + initialScale);
      }
      if (!(smoothing > 0) || Double.isInfinite(smoothing)) {
        throw new IllegalArgumentException("envelope smoothing must be finite and > 0, got " + smoothing);
      }
    }

    public Envelope(double initialScale) {
      this(initialScale, DEFAULT_SMOOTHING);
    }
  }

  /**
   * Dirichlet mask b(x) = Π_i g(x_i)/n, zero on the faces of [−ℓ, ℓ]^d, each factor scaled to unit mean square on
   * [−ℓ, ℓ]: n² = (1/2ℓ)∫g² ({@link #axisMeanSquare}), so E_uniform[b²] = 1 in every d. g is the {@link MaskShape}:
   * (1−e^{−(ℓ−t)})(1−e^{−(t+ℓ)}) or cos(πt/2ℓ) (n² = 1/2). Unscaled, the exponential mask's mean square is n^{2d}
   * (n² = 0.087 at ℓ = 1: 5e-6 in 5-D), and the network, whose outputs start O(1), would have to output ~n^{−d}
   * (≈ 450 at ℓ = 1, d = 5) to represent a normalised state.
   */
  public record BoxMask(double halfWidth, MaskShape shape) {
    public BoxMask {
      if (!(halfWidth > 0) || Double.isInfinite(halfWidth)) {
        throw new IllegalArgumentException("box half-width must be finite and > 0, got " + halfWidth);
      }
      Objects.requireNonNull(shape, "shape");
    }

    /** The exponential mask. */
    public BoxMask(double halfWidth) {
      this(halfWidth, MaskShape.EXPONENTIAL);
    }

    /**
     * n² = (1/2ℓ)∫_{−ℓ}^{ℓ} g(t)² dt: 1/2 for the cosine; for the exponential [2ℓk² + 1 − e^{−4ℓ} − 4k(1 − e^{−2ℓ}) + 4ℓe^{−2ℓ}]/(2ℓ), k = 1 + e^{−2ℓ}
     * (0.0871 at ℓ = 1, → 1 as ℓ → ∞).
     */
    public double axisMeanSquare() {
      if (shape == MaskShape.COSINE) return 0.5;
      double ell = halfWidth;
      double e2 = Math.exp(-2 * ell);
      double k = 1 + e2;
      return (2 * ell * k * k - Math.expm1(-4 * ell) + 4 * k * Math.expm1(-2 * ell) + 4 * ell * e2) / (2 * ell);
    }
  }

  public MlpSpec {
    if (inputDimension < 1) throw new IllegalArgumentException("input dimension must be >= 1, got " + inputDimension);
    if (outputs < 1) throw new IllegalArgumentException("number of outputs must be >= 1, got " + outputs);
    Objects.requireNonNull(hiddenWidths, "hiddenWidths");
    if (hiddenWidths.isEmpty()) throw new IllegalArgumentException("at least one hidden layer is required");
    for (Integer w : hiddenWidths) {
      if (w == null || w < 1) throw new IllegalArgumentException("hidden widths must be >= 1, got " + hiddenWidths);
    }
    hiddenWidths = List.copyOf(hiddenWidths);
    Objects.requireNonNull(activation, "activation");
    Objects.requireNonNull(parametrisation, "parametrisation");
    if (cusp != null) cusp.requireDimension(inputDimension);
  }

  /** Softplus, shared, no features, no envelope, no mask. */
  public static MlpSpec of(int inputDimension, List<Integer> hiddenWidths, int outputs) {
    return new MlpSpec(inputDimension, hiddenWidths, outputs, Activation.SOFTPLUS,
        Parametrisation.SHARED, null, null, null, null);
  }

  public MlpSpec withActivation(Activation a) {
    return new MlpSpec(inputDimension, hiddenWidths, outputs, a, parametrisation, fourier, envelope, box, cusp);
  }

  public MlpSpec withParametrisation(Parametrisation p) {
    return new MlpSpec(inputDimension, hiddenWidths, outputs, activation, p, fourier, envelope, box, cusp);
  }

  /** m frequencies, scale σ. */
  public MlpSpec withFourier(int frequencies, double scale) {
    return new MlpSpec(inputDimension, hiddenWidths, outputs, activation, parametrisation,
        new FourierFeatures(frequencies, scale), envelope, box, cusp);
  }

  /** Envelope with initial scale s (e.g. 10) and the default smoothing ε = 1. */
  public MlpSpec withEnvelope(double initialScale) {
    return new MlpSpec(inputDimension, hiddenWidths, outputs, activation, parametrisation, fourier,
        new Envelope(initialScale), box, cusp);
  }

  /** Box mask for [−ℓ, ℓ]^d. */
  public MlpSpec withBox(double halfWidth) {
    return new MlpSpec(inputDimension, hiddenWidths, outputs, activation, parametrisation, fourier,
        envelope, new BoxMask(halfWidth), cusp);
  }

  /** Box mask of the given shape for [−ℓ, ℓ]^d. */
  public MlpSpec withBox(double halfWidth, MaskShape shape) {
    return new MlpSpec(inputDimension, hiddenWidths, outputs, activation, parametrisation, fourier,
        envelope, new BoxMask(halfWidth, shape), cusp);
  }

  /** Coulomb cusp factor with slope κ at the origin. */
  public MlpSpec withCusp(double kappa) {
    return withCusp(CuspFactor.atOrigin(kappa));
  }

  /** Coulomb cusp factor with a term at each of its centres. */
  public MlpSpec withCusp(CuspFactor factor) {
    return new MlpSpec(inputDimension, hiddenWidths, outputs, activation, parametrisation, fourier, envelope, box,
        factor);
  }

  /** Width of the first layer's input: 2m with Fourier features, else d. */
  public int featureDimension() {
    return fourier == null ? inputDimension : 2 * fourier.frequencies();
  }
}
