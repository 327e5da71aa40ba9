package org.opsvd.operators.kernels;

import java.util.Optional;

/**
 * The Volterra (integration) operator (Tg)(x) = ∫₀ˣ g(y) dy on L²[0,1]: kernel k(x,y) = 1{y < x}, with
 * k(x,x) = ½ (the mean of the two sides of the jump: a null set for the integral, and the value that keeps
 * a quadrature on one grid for x and y second-order accurate), ρ₀ = ρ₁ = U[0,1]. Not self-adjoint:
 * (T*f)(y) = ∫_y¹ f(x) dx.
 *
 * <p>Exact SVD, k = 0, 1, …: σ_k = 2/((2k+1)π), u_k(x) = √2·sin((2k+1)πx/2) (f side),
 * v_k(y) = √2·cos((2k+1)πy/2) (g side). Immutable singleton.
 */
public final class VolterraOperator implements KernelOperator {

    /** The operator. */
    public static final VolterraOperator INSTANCE = new VolterraOperator();

    private static final Measure UNIT = Measure.UniformBox.unit(1);
    private static final double ROOT2 = Math.sqrt(2);

    private static final SingularSystem EXACT = new SingularSystem() {
        @Override
        public double singularValue(int k) {
            return 2 / ((2 * SingularSystem.requireIndex(k) + 1) * Math.PI);
        }

        @Override
        public double left(int k, double[] x) {
            return ROOT2 * Math.sin((2 * SingularSystem.requireIndex(k) + 1) * Math.PI * x[0] / 2);
        }

        @Override
        public double right(int k, double[] y) {
            return ROOT2 * Math.cos((2 * SingularSystem.requireIndex(k) + 1) * Math.PI * y[0] / 2);
        }
    };

    private VolterraOperator() {
    }

    @Override
    public Measure left() {
        return UNIT;
    }

    @Override
    public Measure right() {
        return UNIT;
    }

    @Override
    public double kernel(double[] x, double[] y) {
        return y[0] < x[0] ? 1 : y[0] == x[0] ? 0.5 : 0;
    }

    @Override
    public String name() {
        return "volterra";
    }

    @Override
    public String describe() {
        return "(Tg)(x) = ∫_0^x g(y) dy, k(x,y) = 1{y <= x} on U[0,1]";
    }

    @Override
    public boolean selfAdjoint() {
        return false;
    }

    @Override
    public Optional<SingularSystem> exact() {
        return Optional.of(EXACT);
    }
}
