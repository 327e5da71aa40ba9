package org.opsvd.operators.spectra;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;
import org.hipparchus.util.CombinatoricsUtils;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Checked in both conventions (c = ½, 1) and for Z ≠ 1. */
class Hydrogen2DEigenbasisTest {

    @ParameterizedTest(name = "Z={0}, c={1}")
    @CsvSource({"1, 1", "1, 0.5", "2, 0.5", "1.5, 0.8"})
    void orderedAsTheSpectrum(double z, double c) {
        Hydrogen2DEigenbasis basis = new Hydrogen2DEigenbasis(z, c, 16);
        assertArrayEquals(new Hydrogen2DSpectrum(z, c).eigenvalues(16), basis.energies(), 0);
        assertEquals("(n,m)=(3,-1)", basis.label(6));
    }

    @org.junit.jupiter.api.Test
    void matchesTheConfluentHypergeometricFormOfMethodSection41() {
        // method.md §4.1, c = 1, Z = 1, code numbering ν = n − 1 ≥ 0, β = 1/(ν + ½), a = |m|:
        // R = β/(2a)!·√((ν+a)!/((2ν+1)(ν−a)!))·(βr)^a e^{−βr/2} ₁F₁(a−ν; 2a+1; βr); ₁F₁ summed as a finite
        // series here. Agreement to 1e-12 absolute (R is O(1) at most).
        Hydrogen2DEigenbasis basis = new Hydrogen2DEigenbasis(1, 1, 36);
        for (int i = 0; i < basis.count(); i++) {
            int nu = basis.principal(i) - 1;
            int a = Math.abs(basis.magnetic(i));
            double beta = 1 / (nu + 0.5);
            double norm = beta / CombinatoricsUtils.factorialDouble(2 * a) * Math.sqrt(
                    CombinatoricsUtils.factorialDouble(nu + a) / ((2 * nu + 1) * CombinatoricsUtils.factorialDouble(nu - a)));
            for (double r = 0; r < 60; r += 0.7) {
                double x = beta * r;
                double series = 0, term = 1;
                for (int k = 0; k <= nu - a; k++) {
                    series += term;
                    term *= (a - nu + k) * x / ((2 * a + 1 + k) * (k + 1.0));
                }
                double want = norm * Math.pow(x, a) * Math.exp(-x / 2) * series;
                assertEquals(want, basis.radial(i, r), 1e-12, basis.label(i) + " r=" + r);
            }
        }
    }

    @ParameterizedTest(name = "Z={0}, c={1}")
    @CsvSource({"1, 1", "2, 0.5"})
    void radialFactorsAreNormalisedUpToN30(double z, double c) {
        // ∫R² r dr with ρ = 2κr: Σ_j w_j e^{ρ_j} R(ρ_j/2κ)² ρ_j/(4κ²), Gauss–Laguerre with 40 points
        // (exact: the integrand is e^{−ρ} times a polynomial of degree 2n − 1 ≤ 59 < 80). Tolerance 1e-12.
        GaussIntegrator rule = new GaussIntegratorFactory().laguerre(40);
        Hydrogen2DEigenbasis basis = new Hydrogen2DEigenbasis(z, c, 30 * 30);
        for (int i = 0; i < basis.count(); i++) {
            if (basis.magnetic(i) < 0) {
                continue;   // same radial factor as +|m|
            }
            double kappa = z / (2 * c * (basis.principal(i) - 0.5));
            double sum = 0;
            for (int j = 0; j < rule.getNumberOfPoints(); j++) {
                double rho = rule.getPoint(j);
                double r = basis.radial(i, rho / (2 * kappa));
                sum += rule.getWeight(j) * Math.exp(rho) * r * r * rho / (4 * kappa * kappa);
            }
            assertEquals(1, sum, 1e-12, basis.label(i));
        }
    }

    @ParameterizedTest(name = "Z={0}, c={1}")
    @CsvSource({"1, 1", "1, 0.5", "2, 0.5"})
    void orthonormalInThePlane(double z, double c) {
        // ∫∫ψ_iψ_j r dr dθ for the 16 states n ≤ 4, from Cartesian value(): 64 Gauss–Legendre panels of
        // 16 points on r ∈ [0, 45/κ_4] (tail < 1e-15) × trapezoid with 32 angles (exact for |m| ≤ 15).
        Hydrogen2DEigenbasis basis = new Hydrogen2DEigenbasis(z, c, 16);
        int n = basis.count();
        double rMax = 45 / (z / (2 * c * 3.5));
        int panels = 64, angles = 32;
        GaussIntegratorFactory factory = new GaussIntegratorFactory();
        double[][] g = new double[n][n];
        for (int p = 0; p < panels; p++) {
            GaussIntegrator rule = factory.legendre(16, p * rMax / panels, (p + 1) * rMax / panels);
            for (int j = 0; j < rule.getNumberOfPoints(); j++) {
                double r = rule.getPoint(j);
                for (int a = 0; a < angles; a++) {
                    double theta = 2 * Math.PI * a / angles;
                    double w = rule.getWeight(j) * r * 2 * Math.PI / angles;
                    double[] v = basis.values(new double[] {r * Math.cos(theta), r * Math.sin(theta)});
                    for (int s = 0; s < n; s++) {
                        for (int t = 0; t < n; t++) {
                            g[s][t] += w * v[s] * v[t];
                        }
                    }
                }
            }
        }
        for (int s = 0; s < n; s++) {
            for (int t = 0; t < n; t++) {
                assertEquals(s == t ? 1 : 0, g[s][t], 1e-10, basis.label(s) + " vs " + basis.label(t));
            }
        }
    }

    @ParameterizedTest(name = "Z={0}, c={1}")
    @CsvSource({"1, 1", "1, 0.5", "2, 0.5", "1.5, 0.8"})
    void solveTheEigenEquation(double z, double c) {
        // |−cΔψ − Z/r ψ − Eψ| ≤ 1e-6·|E| away from the nucleus (r ≥ 0.3/κ_1), Δ by 8th-order FD,
        // step h = 0.01/κ_1 scaled with the orbit size.
        Hydrogen2DEigenbasis basis = new Hydrogen2DEigenbasis(z, c, 25);
        double unit = 2 * c / z;   // 1/κ_1 · ½
        double h = 0.01 * unit;
        double[][] points = {{0.4, 0.5}, {-1.3, 0.2}, {0.7, -2.9}, {-3.0, -4.1}, {6.0, 1.0}, {-1e-3, 0.9}};
        for (int i = 0; i < basis.count(); i++) {
            final int ii = i;
            for (double[] p : points) {
                double[] x = {p[0] * unit, p[1] * unit};
                double r = Math.hypot(x[0], x[1]);
                double lap = FiniteDifference.laplacian(y -> basis.value(ii, y), x, h);
                double psi = basis.value(i, x);
                double residual = -c * lap - z / r * psi - basis.energy(i) * psi;
                assertEquals(0, residual, 1e-6 * Math.abs(basis.energy(i)), basis.label(i) + " at " + x[0] + "," + x[1]);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void finiteFarOut() {
        // e^{−ρ/2} underflows long before L_k^{(2a)}(ρ) ≈ ρ^k/k! overflows; the product must be 0, never ∞·0 = NaN.
        Hydrogen2DEigenbasis basis = new Hydrogen2DEigenbasis(1, 1, 100);
        for (int i = 0; i < basis.count(); i++) {
            for (double[] x : new double[][] {{1e300, 0}, {-3e3, 4e3}, {0, 0}, {1e-300, -1e-300}}) {
                assertTrue(Double.isFinite(basis.value(i, x)), basis.label(i) + " at " + x[0] + "," + x[1]);
            }
            assertEquals(0, basis.value(i, new double[] {1e300, 0}), 0);
        }
    }
}
