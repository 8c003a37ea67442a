package dev.squeeze.bench;

import dev.squeeze.Options;
import dev.squeeze.Squeeze;
import dev.squeeze.testing.Corpus;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Whole-file optimize through the public API, on three corpus files per format. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class OptimizeBenchmark {
  @Param({"png/rose.png", "png/logo_alpha.png", "png/coffee.png", "jpeg/rose.jpg", "jpeg/grace_hopper.jpg",
      "jpeg/coffee_q92.jpg"})
  public String file;

  @Param({"LOSSLESS", "LOSSY"})
  public String mode;

  private Squeeze squeeze;
  private byte[] input;
  private Options options;

  @Setup
  public void setUp() {
    squeeze = Squeeze.create();
    input = Corpus.read(Corpus.file(file));
    options = mode.equals("LOSSLESS") ? Options.lossless() : Options.defaults();
  }

  @Benchmark
  public byte[] optimize() throws Exception {
    return squeeze.optimize(input, options).data();
  }
}
