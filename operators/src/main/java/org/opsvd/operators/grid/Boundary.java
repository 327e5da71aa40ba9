package org.opsvd.operators.grid;

/** Boundary condition of a {@link Grid}. */
public enum Boundary {
    /** ψ = 0 on the walls x_i = ±L; the walls are not grid points. */
    DIRICHLET,
    /** ψ periodic with period 2L along each axis (a torus). */
    PERIODIC
}
