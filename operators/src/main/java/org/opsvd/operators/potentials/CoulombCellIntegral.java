package org.opsvd.operators.potentials;

/**
 * Closed-form integrals of 1/|x| over axis-aligned boxes in 2D and 3D, for cell-averaged Coulomb potentials.
 *
 * <p>With G the integral over [0,a]×[0,b](×[0,c]) for a, b, c ≥ 0, the integral over any box follows by
 * inclusion–exclusion over its corners of H(x) = Π sign(x_i) · G(|x|), because 1/|x| is even in every
 * coordinate.
 * <ul>
 *   <li>2D: G(a,b) = a·asinh(b/a) + b·asinh(a/b) (terms with a zero factor are 0).</li>
 *   <li>3D: G(a,b,c) = bc·asinh(a/ρ_bc) + ac·asinh(b/ρ_ac) + ab·asinh(c/ρ_ab)
 *       − ½[a²·atan(bc/(a r)) + b²·atan(ac/(b r)) + c²·atan(ab/(c r))], r = |(a,b,c)|, ρ_bc = |(b,c)|.</li>
 * </ul>
 */
final class CoulombCellIntegral {

    private CoulombCellIntegral() {
    }

    /** ∫ 1/|x| over [lo, hi] (2D or 3D box given by its lower and upper corners). */
    static double integral(double[] lo, double[] hi) {
        int d = lo.length;
        double total = 0;
        for (int corner = 0; corner < (1 << d); corner++) {
            double[] p = new double[d];
            int parity = 0;
            for (int i = 0; i < d; i++) {
                boolean upper = (corner >> i & 1) == 1;
                p[i] = upper ? hi[i] : lo[i];
                parity += upper ? 0 : 1;
            }
            double sign = parity % 2 == 0 ? 1 : -1;
            total += sign * signedG(p);
        }
        return total;
    }

    private static double signedG(double[] p) {
        double s = 1;
        double[] a = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            s *= Math.signum(p[i]);
            a[i] = Math.abs(p[i]);
        }
        if (s == 0) {
            return 0;
        }
        return s * (p.length == 2 ? g2(a[0], a[1]) : g3(a[0], a[1], a[2]));
    }

    private static double g2(double a, double b) {
        return a * asinh(b / a) + b * asinh(a / b);
    }

    private static double g3(double a, double b, double c) {
        double r = Math.sqrt(a * a + b * b + c * c);
        return b * c * asinh(a / Math.hypot(b, c)) + a * c * asinh(b / Math.hypot(a, c))
                + a * b * asinh(c / Math.hypot(a, b))
                - 0.5 * (a * a * Math.atan(b * c / (a * r)) + b * b * Math.atan(a * c / (b * r))
                        + c * c * Math.atan(a * b / (c * r)));
    }

    private static double asinh(double t) {
        return Math.log(t + Math.sqrt(t * t + 1));
    }
}
