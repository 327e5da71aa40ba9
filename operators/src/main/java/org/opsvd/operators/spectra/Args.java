package org.opsvd.operators.spectra;

/** Argument checks shared by the spectra classes. */
final class Args {

    private Args() {
    }

    static void requireMinStates(int minStates) {
        if (minStates < 1) {
            throw new IllegalArgumentException("the number of requested states must be at least 1, got "
                    + minStates);
        }
    }

    static double requirePositive(String name, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be positive and finite, got " + value);
        }
        return value;
    }
}
