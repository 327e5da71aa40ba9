package org.opsvd.benchmarks;

import java.util.concurrent.TimeUnit;
import org.opsvd.operators.spectra.HarmonicOscillatorSpectrum;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to enumerate the exact levels of a d-dimensional isotropic oscillator shell by shell, for large
 * requests: the 6D case at 10⁵ states is 18 shells, 100 947 quantum-number tuples. This is the speed claim
 * the unit test {@code HarmonicOscillatorSpectrumTest} used to time with a wall clock ("enumeration must
 * not blow up", under 5 s); the test now checks the shells' content and this measures the time.
 * Example: {@code java -jar benchmarks/target/benchmarks.jar SpectrumEnumerationBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class SpectrumEnumerationBenchmark {

    @Param({"3", "6"})
    public int dimension;

    @Param({"100000"})
    public int states;

    @Benchmark
    public double[] eigenvalues() {
        return HarmonicOscillatorSpectrum.isotropic(dimension, 1, 0.5).eigenvalues(states);
    }
}
