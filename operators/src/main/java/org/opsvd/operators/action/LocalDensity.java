package org.opsvd.operators.action;

/**
 * The sampling density p at one point x, as the importance-weighted action of an operator needs it: with
 * ψ = √p·f the learned function is f and every operator acts as Ãf = A(√p·f)/√p, which involves p only through
 * these two quantities (φ = log √p), not through √p itself:
 * <pre>  ∇(√p f)/√p = ∇f + ½∇log p·f,   Δ(√p f)/√p = Δf + ∇log p·∇f + (Δφ + |∇φ|²)·f.</pre>
 *
 * @param logGradient ∇log p(x), length d (owned by the caller: read it, do not keep it)
 * @param curvature   Δ√p(x)/√p(x) = Δφ + |∇φ|²
 */
public record LocalDensity(double[] logGradient, double curvature) {}
