package org.opsvd.solver.plot;

/**
 * One output file of the figures: a name relative to the figures folder and its bytes (PNG or CSV).
 *
 * @param name  file name, e.g. {@code gram.png}
 * @param bytes content (not copied: the producer hands it over)
 */
public record FigureFile(String name, byte[] bytes) {

    public FigureFile {
        if (name == null || name.isEmpty() || name.contains("/")) {
            throw new IllegalArgumentException("figure file name must be a plain file name, got '" + name + "'");
        }
        if (bytes == null) {
            throw new IllegalArgumentException("figure " + name + " has no content");
        }
    }
}
