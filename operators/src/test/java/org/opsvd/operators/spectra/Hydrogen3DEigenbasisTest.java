package org.opsvd.operators.spectra;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Checked in both conventions (c = ½, 1) and for Z ≠ 1; float64 throughout. */
class Hydrogen3DEigenbasisTest {

    @ParameterizedTest(name = "Z={0}, c={1}")
    @CsvSource({"1, 1", "1, 0.5", "2, 0.5", "1.5, 0.8"})
    void listsNSquaredStatesPerShellInTheSpectrumsOrder(double z, double c) {
        Hydrogen3DSpectrum spectrum = new Hydrogen3DSpectrum(z, c);
        Hydrogen3DEigenbasis basis = new Hydrogen3DEigenbasis(z, c, 20);
        assertEquals(30, basis.count());   // 1 + 4 + 9 + 16: the shell n = 4 is completed
        assertArrayEquals(spectrum.eigenvalues(20), basis.energies(), 0);
        int i = 0;
        for (Level level : spectrum.levels(20)) {
            int n = level.quantumNumbers().get(0).get(0);
            assertEquals(n * n, level.degeneracy());
            for (List<Integer> q : level.quantumNumbers()) {
                assertEquals(q, List.of(basis.principal(i), basis.azimuthal(i), basis.magnetic(i)));
                assertEquals("(n,l,m)=(" + q.get(0) + "," + q.get(1) + "," + q.get(2) + ")", basis.label(i));
                i++;
            }
        }
        assertEquals("(n,l,m)=(3,2,-2)", basis.label(13));
        assertEquals(30, spectrum.eigenbasis(20).orElseThrow().count());
        assertTrue(spectrum.eigenbasis(20).orElseThrow() instanceof Hydrogen3DEigenbasis);
    }

    @Test
    void matchesTheTextbookStatesOfPhysicistsHydrogen() {
        // Z = 1, c = ½ (a = 1 bohr): ψ_100 = e^{−r}/√π, ψ_200 = (2 − r)e^{−r/2}/√(32π), ψ_210 = z e^{−r/2}/√(32π),
        // ψ_211 = x e^{−r/2}/√(32π), ψ_300 = (27 − 18r + 2r²)e^{−r/3}/(81√(3π)), ψ_320 = (3z² − r²)e^{−r/3}/(81√(6π));
        // 1e-14 absolute (the values are ≤ 0.57).
        Hydrogen3DEigenbasis basis = new Hydrogen3DEigenbasis(1, 0.5, 14);
        double[][] points = {{0, 0, 0}, {0.3, -0.2, 0.1}, {1.5, 0.5, -2}, {-4, 3, 6}, {0, 0, 9}};
        for (double[] p : points) {
            double x = p[0], y = p[1], z = p[2];
            double r = Math.sqrt(x * x + y * y + z * z);
            double n2 = Math.exp(-r / 2) / Math.sqrt(32 * Math.PI);
            double n3 = Math.exp(-r / 3) / 81;
            assertEquals(Math.exp(-r) / Math.sqrt(Math.PI), basis.value(0, p), 1e-14);
            assertEquals((2 - r) * n2, basis.value(1, p), 1e-14);
            assertEquals(z * n2, basis.value(2, p), 1e-14);
            assertEquals(x * n2, basis.value(3, p), 1e-14);
            assertEquals(y * n2, basis.value(4, p), 1e-14);
            assertEquals((27 - 18 * r + 2 * r * r) * n3 / Math.sqrt(3 * Math.PI), basis.value(5, p), 1e-14);
            assertEquals((3 * z * z - r * r) * n3 / Math.sqrt(6 * Math.PI), basis.value(9, p), 1e-14);
        }
    }

    @ParameterizedTest(name = "Z={0}, c={1}")
    @CsvSource({"1, 1", "2, 0.5", "3, 0.25", "1.5, 0.8"})
    void scaleWithTheBohrRadius(double z, double c) {
        // ψ(x; Z, c) = a^{−3/2}·ψ(x/a; 1, ½) with a = 2c/Z, and E(Z, c) = (Z²/2c)·E(1, ½); 1e-13 relative.
        Hydrogen3DEigenbasis basis = new Hydrogen3DEigenbasis(z, c, 30);
        Hydrogen3DEigenbasis unit = new Hydrogen3DEigenbasis(1, 0.5, 30);
        double a = 2 * c / z;
        double[][] points = {{0, 0, 0}, {0.2, 0.1, -0.4}, {1.1, -2.3, 0.7}, {-5, 4, 3}, {0, -8, 12}};
        for (int i = 0; i < basis.count(); i++) {
            assertEquals(z * z / (2 * c) * unit.energy(i), basis.energy(i), 1e-15);
            for (double[] p : points) {
                double[] scaled = {p[0] * a, p[1] * a, p[2] * a};
                double want = Math.pow(a, -1.5) * unit.value(i, p);
                assertEquals(want, basis.value(i, scaled), 1e-13 * Math.pow(a, -1.5), basis.label(i));
            }
        }
    }

    @ParameterizedTest(name = "Z={0}, c={1}")
    @CsvSource({"1, 1", "2, 0.5"})
    void radialFactorsAreNormalisedUpToN30(double z, double c) {
        // ∫R² r² dr with ρ = 2κr: Σ_j w_j e^{ρ_j} R(ρ_j/2κ)² ρ_j²/(2κ)³, Gauss–Laguerre with 40 points
        // (exact: the integrand is e^{−ρ} times a polynomial of degree 2n ≤ 60 < 80). Tolerance 1e-12.
        GaussIntegrator rule = new GaussIntegratorFactory().laguerre(40);
        Hydrogen3DEigenbasis basis = new Hydrogen3DEigenbasis(z, c, 30 * 30);
        for (int i = 0; i < basis.count(); i++) {
            if (basis.magnetic(i) != 0) {
                continue;   // the radial factor depends on (n, l) only
            }
            double kappa = z / (2 * c * basis.principal(i));
            double sum = 0;
            for (int j = 0; j < rule.getNumberOfPoints(); j++) {
                double rho = rule.getPoint(j);
                double r = basis.radial(i, rho / (2 * kappa));
                sum += rule.getWeight(j) * Math.exp(rho) * r * r * rho * rho / Math.pow(2 * kappa, 3);
            }
            assertEquals(1, sum, 1e-12, basis.label(i));
        }
    }

    @ParameterizedTest(name = "Z={0}, c={1}")
    @CsvSource({"1, 1", "2, 0.5"})
    void orthonormalInSpace(double z, double c) {
        // ∫ψ_iψ_j d³x for the 30 states n ≤ 4, from Cartesian value(), in spherical coordinates:
        // 24 Gauss–Legendre panels of 16 points on r ∈ [0, 45/κ_4] (tail < 1e-15) × 8-point Gauss–Legendre in
        // cos θ × 16-point trapezoid in φ (both exact for l ≤ 3). Measured deviation 8e-14; tolerance 1e-12.
        Hydrogen3DEigenbasis basis = new Hydrogen3DEigenbasis(z, c, 30);
        int n = basis.count();
        double rMax = 45 / (z / (2 * c * 4));
        int panels = 24, angles = 16;
        GaussIntegratorFactory factory = new GaussIntegratorFactory();
        GaussIntegrator polar = factory.legendre(8, -1, 1);
        double[][] g = new double[n][n];
        for (int p = 0; p < panels; p++) {
            GaussIntegrator radial = factory.legendre(16, p * rMax / panels, (p + 1) * rMax / panels);
            for (int j = 0; j < radial.getNumberOfPoints(); j++) {
                double r = radial.getPoint(j);
                for (int k = 0; k < polar.getNumberOfPoints(); k++) {
                    double t = polar.getPoint(k);
                    double s = Math.sqrt(1 - t * t);
                    for (int a = 0; a < angles; a++) {
                        double phi = 2 * Math.PI * a / angles;
                        double w = radial.getWeight(j) * r * r * polar.getWeight(k) * 2 * Math.PI / angles;
                        double[] v = basis.values(new double[] {r * s * Math.cos(phi), r * s * Math.sin(phi), r * t});
                        for (int u = 0; u < n; u++) {
                            for (int q = u; q < n; q++) {
                                g[u][q] += w * v[u] * v[q];
                            }
                        }
                    }
                }
            }
        }
        for (int u = 0; u < n; u++) {
            for (int q = u; q < n; q++) {
                assertEquals(u == q ? 1 : 0, g[u][q], 1e-12, basis.label(u) + " vs " + basis.label(q));
            }
        }
    }

    @ParameterizedTest(name = "Z={0}, c={1}")
    @CsvSource({"1, 1", "1, 0.5", "2, 0.5", "1.5, 0.8"})
    void solveTheEigenEquation(double z, double c) {
        // |−cΔψ − Z/r ψ − Eψ| ≤ 1e-9·|E_1|·a^{−3/2} (a = 2c/Z the Bohr radius, a^{−3/2} the scale of ψ) away
        // from the nucleus (r ≥ 0.3a), for the 55 states n ≤ 5; Δ by 8th-order FD with step h = 0.01a
        // (truncation ~h⁸, round-off ~6ε/h² ≈ 1e-11 of that scale; measured 6e-12).
        Hydrogen3DEigenbasis basis = new Hydrogen3DEigenbasis(z, c, 55);
        double a = 2 * c / z;
        double h = 0.01 * a;
        double scale = Math.abs(basis.energy(0)) * Math.pow(a, -1.5);
        double[][] points = {{0.2, 0.1, -0.25}, {0.4, 0.5, 1.1}, {-1.3, 0.2, -0.7}, {0.7, -2.9, 2.2},
            {-3.0, -4.1, 0.5}, {6.0, 1.0, -5.0}, {1e-3, -1e-3, 0.9}, {0, 0, -12}};
        for (int i = 0; i < basis.count(); i++) {
            final int ii = i;
            for (double[] p : points) {
                double[] x = {p[0] * a, p[1] * a, p[2] * a};
                double r = Math.sqrt(x[0] * x[0] + x[1] * x[1] + x[2] * x[2]);
                double lap = FiniteDifference.laplacian(y -> basis.value(ii, y), x, h);
                double psi = basis.value(i, x);
                double residual = -c * lap - z / r * psi - basis.energy(i) * psi;
                assertEquals(0, residual, 1e-9 * scale, basis.label(i) + " at " + p[0] + "," + p[1] + "," + p[2]);
            }
        }
    }

    @ParameterizedTest(name = "Z={0}, c={1}")
    @CsvSource({"1, 1", "1, 0.5", "2, 0.5", "1.5, 0.8"})
    void sStatesHaveKatosCusp(double z, double c) {
        // l = 0: ∂_rψ(0⁺) = −(Z/2c)·ψ(0) in every direction, by a one-sided 4th-order difference along the ray,
        // h = 1e-3·a (truncation ~(h/a)⁴; measured 2e-12); 1e-9 relative. l > 0: ψ(0) = 0.
        Hydrogen3DEigenbasis basis = new Hydrogen3DEigenbasis(z, c, 55);
        double h = 1e-3 * 2 * c / z;
        double[][] directions = {{0, 0, 1}, {0.6, -0.8, 0}, {-0.48, 0.6, 0.64}};
        for (int i = 0; i < basis.count(); i++) {
            double psi0 = basis.value(i, new double[3]);
            if (basis.azimuthal(i) > 0) {
                assertEquals(0, psi0, 0, basis.label(i));
                continue;
            }
            assertTrue(psi0 > 0);
            for (double[] u : directions) {
                double[] f = new double[5];
                for (int k = 0; k < 5; k++) {
                    f[k] = basis.value(i, new double[] {k * h * u[0], k * h * u[1], k * h * u[2]});
                }
                double slope = (-25 * f[0] + 48 * f[1] - 36 * f[2] + 16 * f[3] - 3 * f[4]) / (12 * h);
                assertEquals(-z / (2 * c), slope / psi0, 1e-9 * z / (2 * c), basis.label(i));
            }
        }
    }

    @Test
    void finiteEverywhere() {
        // n ≤ 10 at the nucleus, next to it, and far out (ρ ≫ 1500, where e^{−ρ/2} underflows but L_k^{(α)}(ρ)
        // ≈ ρ^k/k! overflows): finite, and exactly 0 beyond the range of doubles.
        Hydrogen3DEigenbasis basis = new Hydrogen3DEigenbasis(1, 1, 385);
        double[][] points = {{0, 0, 0}, {1e-300, 0, 0}, {0, -1e-200, 1e-200}, {300, 0, 0}, {1e3, -2e3, 0},
            {0, 0, 1e100}, {1e300, 1e300, -1e300}, {Double.MAX_VALUE, 0, 0}};
        for (int i = 0; i < basis.count(); i++) {
            for (double[] p : points) {
                assertTrue(Double.isFinite(basis.value(i, p)), basis.label(i) + " at " + p[0] + "," + p[1] + "," + p[2]);
            }
            assertEquals(0, basis.value(i, new double[] {0, 0, 1e100}), 0);
        }
    }
}
