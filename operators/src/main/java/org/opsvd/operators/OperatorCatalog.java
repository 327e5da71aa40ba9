package org.opsvd.operators;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.opsvd.operators.grid.Boundary;
import org.opsvd.operators.potentials.CosinePotential;
import org.opsvd.operators.potentials.CoulombPotential;
import org.opsvd.operators.potentials.ExpressionPotential;
import org.opsvd.operators.potentials.HarmonicPotential;
import org.opsvd.operators.potentials.TwoCentreCoulombPotential;
import org.opsvd.operators.potentials.ZeroPotential;
import org.opsvd.operators.spectra.BoxSpectrum;
import org.opsvd.operators.spectra.ExactSpectrum;
import org.opsvd.operators.spectra.ShiftedSpectrum;
import org.opsvd.operators.spectra.HarmonicOscillatorSpectrum;
import org.opsvd.operators.spectra.Hydrogen2DSpectrum;
import org.opsvd.operators.spectra.Hydrogen3DSpectrum;
import org.opsvd.operators.spectra.TwoCentreCoulombSpectrum;

/**
 * The built-in operators by command-line name, and user potentials from formulas.
 *
 * <p>Each entry builds a {@link Problem}: the Hamiltonian −c·Δ + V, a default box that holds the low
 * states, and the exact spectrum where one is known.
 */
public final class OperatorCatalog {

    /** One built-in operator, for listings. */
    public record Entry(String name, String potential, String dimensions, String box, String exactSpectrum) {
    }

    private static final List<Entry> ENTRIES = List.of(
            new Entry("harmonic", "½ Σ ω_i² x_i²  (--omega, one per axis or one for all; default 1)", "any",
                    "Dirichlet [-L,L]^d, L ≈ 7 ω^-½ (truncation)", "Σ √(2c) ω_i (n_i + ½), degeneracy by counting"),
            new Entry("hydrogen", "−Z/|x|  (--charge Z, default 1)", "2, 3",
                    "Dirichlet [-L,L]^d, L = 40 (truncation; n = 4 needs L ≥ 50)",
                    "2D: −Z²/(4c(n−½)²), deg 2n−1;  3D: −Z²/(4c n²), deg n²"),
            new Entry("box", "0 inside, walls at ±L  (--box L, default 1)", "any", "Dirichlet [-L,L]^d (physical)",
                    "c Σ (π n_i / 2L)², n_i ≥ 1"),
            new Entry("cosine", "Σ c_i cos(x_i)  (--coefficients, default 1)", "any",
                    "periodic torus [-π,π)^d (physical)", "none (Mathieu; exact FD by Kronecker sums)"),
            new Entry("h2plus", "−Z/|x−a| − Z/|x+a|, |2a| = R  (--charge, --separation R, default 1, 2)", "2, 3",
                    "Dirichlet [-L,L]^d, L = 20 (truncation)",
                    "3D: separable in prolate spheroidal coordinates, solved to ~1e-11 (Z=1, R=2, c=½: E₀ = "
                            + "−1.1026342145, 1sσg); eigenvalues only, no eigenfunctions; 2D: none"),
            new Entry("langevin", "generator β⁻¹Δ − ∇U·∇ of overdamped Langevin dynamics  (--energy U, default "
                    + "½|x|²; --beta, default 1); eigenvalues ≤ 0", "any",
                    "Dirichlet [-L,L]^d, L ≈ 7 (2/β)^½ (truncation)",
                    "U = ½Σκ_i x_i² (Ornstein–Uhlenbeck): −Σ κ_i n_i; other U: finite differences on the "
                            + "ground-state transform −β⁻¹Δ + β|∇U|²/4 − ΔU/2"),
            new Entry("expression", "any formula via --potential, e.g. \"0.5*(x^2+4*y^2)\"", "any",
                    "Dirichlet [-L,L]^d, L = 8 unless --box (solve: wider when the states need it)", "none"));

    private OperatorCatalog() {
    }

    /** The built-in operators, for {@code opsvd operators}. */
    public static List<Entry> entries() {
        return ENTRIES;
    }

    /** The names accepted by {@link #build}. */
    public static List<String> names() {
        return ENTRIES.stream().map(Entry::name).filter(n -> !n.equals("expression")).toList();
    }

    /**
     * Builds a problem.
     *
     * @param request what the user asked for; unset optional fields take the operator's defaults
     * @throws IllegalArgumentException for an unknown operator or invalid parameters, naming the problem
     */
    public static Problem build(OperatorRequest request) {
        int d = request.dimension();
        if (d < 1) {
            throw new IllegalArgumentException("dimension must be at least 1, got " + d);
        }
        double c = request.kinetic();
        Double box = request.halfWidth();
        if (box != null && (!(box > 0) || !Double.isFinite(box))) {
            throw new IllegalArgumentException("box half-width must be positive and finite, got " + box);
        }
        if (request.expression() != null) {
            if (request.name() != null) {
                throw new IllegalArgumentException("give either --operator or --potential, not both");
            }
            Potential v = new ExpressionPotential(request.expression(), d);
            return new Problem("expression", new Hamiltonian(c, v), Boundary.DIRICHLET, box != null ? box : 8.0,
                    false, null);
        }
        if (request.name() == null) {
            throw new IllegalArgumentException("no operator given: use --operator NAME (one of "
                    + String.join(", ", names()) + ") or --potential EXPR");
        }
        String name = request.name().toLowerCase(Locale.ROOT);
        switch (name) {
            case "harmonic": {
                double[] omega = perAxis(request.omega(), d, 1.0, "--omega");
                HarmonicPotential v = new HarmonicPotential(omega);
                double wMin = Arrays.stream(omega).min().orElse(1);
                double length = Math.sqrt(Math.sqrt(2 * c) / wMin);
                double defaultBox = (d == 1 ? 8.0 : d == 2 ? 7.0 : 6.0) * length;
                return new Problem(name, new Hamiltonian(c, v), Boundary.DIRICHLET, box != null ? box : defaultBox,
                        false, new HarmonicOscillatorSpectrum(omega, c));
            }
            case "hydrogen": {
                double z = positive(request.charge(), 1.0, "--charge");
                CoulombPotential v = new CoulombPotential(z, d);
                var exact = d == 2 ? new Hydrogen2DSpectrum(z, c) : new Hydrogen3DSpectrum(z, c);
                return new Problem(name, new Hamiltonian(c, v), Boundary.DIRICHLET, box != null ? box : 40.0, false,
                        exact);
            }
            case "box": {
                double l = box != null ? box : 1.0;
                return new Problem(name, new Hamiltonian(c, new ZeroPotential(d)), Boundary.DIRICHLET, l, true,
                        new BoxSpectrum(d, l, c));
            }
            case "cosine": {
                if (box != null && Math.abs(box - Math.PI) > 1e-12) {
                    throw new IllegalArgumentException("the cosine operator lives on the torus [-π, π)^d; --box "
                            + box + " is not allowed");
                }
                double[] coeffs = perAxis(request.coefficients(), d, 1.0, "--coefficients");
                return new Problem(name, new Hamiltonian(c, new CosinePotential(coeffs)), Boundary.PERIODIC, Math.PI,
                        true, null);
            }
            case "h2plus": {
                double z = positive(request.charge(), 1.0, "--charge");
                double r = positive(request.separation(), 2.0, "--separation");
                return new Problem(name, new Hamiltonian(c, new TwoCentreCoulombPotential(z, r, d)), Boundary.DIRICHLET,
                        box != null ? box : 20.0, false, d == 3 ? new TwoCentreCoulombSpectrum(z, r, c) : null);
            }
            case "langevin":
                return langevin(request, d, box);
            default:
                throw new IllegalArgumentException("unknown operator '" + request.name() + "'; built-in operators (--operator): "
                        + String.join(", ", names()) + " (or --potential EXPR for a formula)");
        }
    }

    /**
     * The Langevin generator; U = ½|x|² by default, whose exact spectrum (Ornstein–Uhlenbeck) is known for any
     * harmonic U = ½Σκ_i x_i²: the ground-state transform is an oscillator with ω_i = κ_i(β/2)^½ and c = β⁻¹,
     * shifted by −Σκ_i/2, so the generator's eigenvalues are −Σκ_i n_i.
     */
    private static Problem langevin(OperatorRequest request, int d, Double box) {
        double beta = positive(request.beta(), 1.0, "--beta");
        SmoothPotential energy = request.energy() == null ? HarmonicPotential.isotropic(d, 1.0)
                : SmoothPotential.of(new ExpressionPotential(request.energy(), d, "energy"));
        LangevinGenerator generator = new LangevinGenerator(energy, beta);
        ExactSpectrum exact = null;
        double stiffness = 1;
        if (energy instanceof HarmonicPotential harmonic) {
            double[] kappa = harmonic.omega();
            double[] omega = new double[d];
            double shift = 0;
            for (int i = 0; i < d; i++) {
                kappa[i] *= kappa[i];
                omega[i] = kappa[i] * Math.sqrt(beta / 2);
                shift -= kappa[i] / 2;
            }
            stiffness = Arrays.stream(kappa).min().orElse(1);
            exact = new ShiftedSpectrum(new HarmonicOscillatorSpectrum(omega, generator.diffusion()), shift);
        }
        // |e^{-βU/2}|² = e^{-βU} has standard deviation (βκ)^(-1/2) per axis; the oscillator's rule (7 lengths in 2D).
        double length = Math.sqrt(2 / (beta * stiffness));
        double defaultBox = (d == 1 ? 8.0 : d == 2 ? 7.0 : 6.0) * length;
        return new Problem("langevin", generator.groundState(), Boundary.DIRICHLET, box != null ? box : defaultBox,
                false, exact, generator);
    }

    private static double[] perAxis(double[] given, int d, double fallback, String flag) {
        if (given == null || given.length == 0) {
            double[] v = new double[d];
            Arrays.fill(v, fallback);
            return v;
        }
        if (given.length == 1) {
            double[] v = new double[d];
            Arrays.fill(v, given[0]);
            return v;
        }
        if (given.length != d) {
            throw new IllegalArgumentException(flag + " needs 1 or " + d + " values in " + d + "D, got "
                    + given.length);
        }
        return given.clone();
    }

    private static double positive(Double given, double fallback, String flag) {
        double v = given == null ? fallback : given;
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(flag + " must be positive and finite, got " + v);
        }
        return v;
    }
}
