package org.opsvd.operators;

import java.util.List;
import java.util.Locale;
import org.opsvd.operators.action.Jet;
import org.opsvd.operators.action.LocalDensity;
import org.opsvd.operators.action.LocalOperator;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * The generator of overdamped Langevin dynamics dX = −∇U(X)dt + √(2/β)dW,
 * <pre>  𝓛u = β⁻¹Δu − ∇U·∇u,</pre>
 * self-adjoint and ≤ 0 in L²(μ), μ ∝ e^{−βU}. Its eigenvalues 0 = ν₀ &gt; ν₁ ≥ … are the relaxation rates of the
 * dynamics and its eigenfunctions the slow modes (reaction coordinates) of a metastable system. The solver learns
 * the lowest eigenpairs of A = −𝓛 = −β⁻¹Δ + ∇U·∇ and {@linkplain #reported reports} ν = −E.
 *
 * <p>Importance-weighted action: a network output f at x ~ p stands for u = √q·f with q = p/μ (so that
 * E_p[f_i f_j] = ⟨u_i, u_j⟩_μ), and with φ = ½log q = ½log p + ½βU, c = β⁻¹:
 * <pre>
 *   Ãf = A(√q f)/√q = −c·Δf + e·∇f + w·f,
 *   e = ∇U − 2c∇φ = −c∇log p,
 *   w = ∇U·∇φ − c(Δφ + |∇φ|²)
 *     = ½∇U·∇log p + ½β|∇U|² − c·Δ√p/√p − ½ΔU − ½∇log p·∇U − ¼β|∇U|².
 * </pre>
 * The second line of w is written out by terms in {@link #fields}; it simplifies to
 * w = β|∇U|²/4 − ΔU/2 − c·Δ√p/√p, which is the statement that √μ·u is an eigenfunction of the ground-state
 * transform {@link #groundState()} H = −β⁻¹Δ + β|∇U|²/4 − ΔU/2 in L²(dx) with eigenvalue −ν: the finite-difference
 * reference route for any U.
 *
 * @param energy the potential energy U (with its gradient and Laplacian)
 * @param beta   the inverse temperature β &gt; 0
 */
public record LangevinGenerator(SmoothPotential energy, double beta) implements LocalOperator {

    public LangevinGenerator {
        if (energy == null) {
            throw new IllegalArgumentException("the Langevin generator needs a potential energy U");
        }
        if (!(beta > 0) || !Double.isFinite(beta)) {
            throw new IllegalArgumentException("inverse temperature --beta must be positive and finite, got " + beta);
        }
    }

    @Override
    public int dimension() {
        return energy.dimension();
    }

    /** c = β⁻¹, the coefficient of Δ. */
    public double diffusion() {
        return 1 / beta;
    }

    /** H = −β⁻¹Δ + β|∇U|²/4 − ΔU/2 on L²(dx), unitarily equivalent to −𝓛 through u ↦ e^{−βU/2}u. */
    public Hamiltonian groundState() {
        return new Hamiltonian(diffusion(), new GroundStatePotential());
    }

    @Override
    public List<Field> fields() {
        return List.of(Field.vector("drift", dimension()), Field.scalar("weight"));
    }

    @Override
    public boolean fields(double[] x, LocalDensity density, double[][] out) {
        int d = dimension();
        double c = diffusion();
        double[] gradU = new double[d];
        energy.gradient(x, gradU);
        double lapU = energy.laplacian(x);
        double[] gradLogP = density.logGradient();
        double gradUSquared = 0;
        double cross = 0;
        for (int j = 0; j < d; j++) {
            out[0][j] = -c * gradLogP[j];
            gradUSquared += gradU[j] * gradU[j];
            cross += gradU[j] * gradLogP[j];
        }
        // ∇U·∇φ − c(Δφ + |∇φ|²), term by term (see the class comment).
        double gradUDotGradPhi = 0.5 * cross + 0.5 * beta * gradUSquared;
        double lapPhiPlusGradPhiSquared = density.curvature() + 0.5 * beta * lapU + 0.5 * beta * cross
                + 0.25 * beta * beta * gradUSquared;
        double w = gradUDotGradPhi - c * lapPhiPlusGradPhiSquared;
        out[1][0] = w;
        return Double.isFinite(w);
    }

    @Override
    public <T extends TFloating> Operand<T> act(Ops tf, Jet<T> jet, List<? extends Operand<T>> fields) {
        if (jet.gradient() == null) {
            throw new IllegalStateException("the Langevin generator needs the gradient of f");
        }
        Operand<T> f = jet.value();
        Operand<T> drift = tf.reduceSum(tf.math.mul(tf.expandDims(fields.get(0), tf.constant(2)), jet.gradient()),
                tf.constant(1));
        Operand<T> weight = tf.math.mul(tf.expandDims(fields.get(1), tf.constant(1)), f);
        Operand<T> diffusion = tf.math.mul(LocalOperator.scalar(tf, jet, -diffusion()), jet.laplacian());
        return tf.math.add(tf.math.add(diffusion, drift), weight);
    }

    @Override
    public double act(double[][] fields, double value, double[] gradient, double laplacian) {
        double drift = 0;
        for (int j = 0; j < gradient.length; j++) {
            drift += fields[0][j] * gradient[j];
        }
        return -diffusion() * laplacian + drift + fields[1][0] * value;
    }

    /** ν = −E: the generator's eigenvalue for an eigenvalue E of A = −𝓛. */
    @Override
    public double reported(double e) {
        return -e;
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "%s·Δ − ∇U·∇, U = %s", diffusion(), energy.describe());
    }

    /** β|∇U|²/4 − ΔU/2. */
    private final class GroundStatePotential implements Potential {
        @Override
        public int dimension() {
            return energy.dimension();
        }

        @Override
        public double value(double[] x) {
            double[] g = new double[x.length];
            energy.gradient(x, g);
            double g2 = 0;
            for (double v : g) {
                g2 += v * v;
            }
            return 0.25 * beta * g2 - 0.5 * energy.laplacian(x);
        }

        @Override
        public String describe() {
            return "β|∇U|²/4 − ΔU/2 (β = " + beta + ", U = " + energy.describe() + ")";
        }
    }
}
