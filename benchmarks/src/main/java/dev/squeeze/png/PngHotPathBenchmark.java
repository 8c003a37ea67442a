package dev.squeeze.png;

import dev.squeeze.Limits;
import dev.squeeze.testing.Corpus;
import java.util.List;
import java.util.Map;
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

/**
 * The lossless PNG engine's hot paths on three corpus files: decoding, colour-type reduction, row filtering
 * (each heuristic), and the whole candidate search. Lives in the engine's package to reach its
 * package-private stages; runs on the class path from the benchmarks jar.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PngHotPathBenchmark {
  @Param({"png/rose.png", "png/screenshot_gnome_shell_exit.png", "png/coffee.png"})
  public String file;

  private byte[] input;
  private PngParser.Parsed parsed;
  private PixelImage image;
  private Encoding encoding;

  @Setup
  public void setUp() throws Exception {
    input = Corpus.read(Corpus.file(file));
    parsed = PngParser.parse(input, Limits.defaults());
    image = PngDecoder.decode(parsed);
    encoding = ColorReducer.candidates(image, false).get(0);
  }

  /** The row-filter heuristic, a parameter of {@link #filterRows} only. */
  @State(Scope.Benchmark)
  public static class Heuristic {
    @Param({"MIN_SUM", "ENTROPY", "PAETH"})
    public String strategy;
  }

  @Benchmark
  public PixelImage decode() throws Exception {
    return PngDecoder.decode(PngParser.parse(input, Limits.defaults()));
  }

  @Benchmark
  public List<Encoding> reduceColours() {
    return ColorReducer.candidates(image, false);
  }

  @Benchmark
  public Map<Filters.Strategy, byte[]> filterRows(Heuristic h) {
    return Filters.applyAll(encoding, List.of(Filters.Strategy.valueOf(h.strategy)));
  }
}
