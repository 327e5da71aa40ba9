package org.opsvd.operators.kernels;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link KernelCatalog#build} needs to make an {@link SvdProblem}: exactly one of a built-in name, a kernel
 * expression or paired-data files, with the parameters the sources use (the others are ignored).
 *
 * @param name        built-in operator ({@code volterra}, {@code gauss-kernel}, {@code gaussian-cdk},
 *                    {@code class-pairs}), or null
 * @param kernel      kernel formula k(x, y) in x, y (1D) or x1..xd, y1..yd, or null
 * @param pairs       one CSV/NPY file with x and y columns, or two files (x then y), or null
 * @param split       with one pairs file: the first {@code split} columns are x
 * @param measure     kernel formula: the measure of x and y, {@code uniform:LO:HI} or {@code gaussian:SIGMA}
 * @param dimension   dimension of x and y (kernel formula, gauss-kernel; class-pairs: 8 when 1)
 * @param rho         gaussian-cdk: correlation ρ ∈ (−1, 1)
 * @param lengthScale gauss-kernel: ℓ
 * @param sigma       gauss-kernel: standard deviation of the Gaussian measure
 * @param classes     class-pairs: number of classes
 * @param stratified  known measures: Latin-hypercube batches instead of independent draws
 */
public record KernelRequest(String name, String kernel, List<Path> pairs, Integer split, String measure,
                            int dimension, double rho, double lengthScale, double sigma, int classes,
                            boolean stratified) {

    public KernelRequest {
        int given = (name != null ? 1 : 0) + (kernel != null ? 1 : 0) + (pairs != null ? 1 : 0);
        if (given != 1) {
            throw new IllegalArgumentException("give exactly one of --operator, --kernel and --pairs");
        }
        pairs = pairs == null ? null : List.copyOf(pairs);
    }

    /** A built-in operator with the default parameters (as {@code opsvd svd --operator NAME}). */
    public static KernelRequest named(String name) {
        return new KernelRequest(name, null, null, null, "gaussian:1", 1, 0.6, 1, 1, 10, true);
    }

    /** The source's name in summaries: the built-in name, {@code kernel} or {@code pairs}. */
    public String sourceName() {
        return name != null ? name : kernel != null ? "kernel" : "pairs";
    }
}
