package dev.squeeze.jpeg;

import dev.squeeze.Limits;
import dev.squeeze.testing.Corpus;
import java.awt.image.BufferedImage;
import java.util.List;
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
 * The JPEG codec's hot paths one by one, on a corpus photo prepared in {@link #setUp()}: forward DCT,
 * trellis quantisation, Huffman code construction, baseline scan coding, the progressive scan-script
 * search, and the whole lossless transcode and lossy encode. Lives in the codec's package to reach its
 * package-private classes (the benchmarks run on the class path).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JpegHotPathBenchmark {
  @Param({"jpeg/astronaut_q95.jpg"})
  public String file;

  private JpegImage coefficients;
  private int[][] planes;
  private int width;
  private int height;
  private final double[] block = new double[64];
  private final double[] out = new double[64];
  private final ForwardDct dct = new ForwardDct();
  private float[] dctBlock;
  private TrellisQuantizer trellis;
  private final short[] quantised = new short[64];
  private long[] histogram;

  @Setup
  public void setUp() throws Exception {
    byte[] input = Corpus.read(Corpus.file(file));
    coefficients = JpegDecoder.decode(input, Limits.defaults());
    BufferedImage img = PixelSource.decode(input);
    planes = PixelSource.planes(img);
    width = img.getWidth();
    height = img.getHeight();
    java.util.Random rnd = new java.util.Random(42);
    for (int i = 0; i < 64; i++) {
      block[i] = rnd.nextInt(256) - 128;
    }
    dct.transform(block, out);
    dctBlock = new float[64];
    for (int i = 0; i < 64; i++) {
      dctBlock[i] = (float) out[i];
    }
    SymbolCounter counter = new SymbolCounter(8);
    ScanEncoder.encode(coefficients, Scan.sequential(0), counter);
    histogram = counter.freq[4];
    HuffmanCode ac = HuffmanCode.optimal(histogram);
    HuffmanCode dc = HuffmanCode.optimal(counter.freq[0]);
    trellis = new TrellisQuantizer(QuantTables.forQuality(75), ac.length, dc.length);
  }

  /** One 8x8 forward DCT. */
  @Benchmark
  public double[] forwardDctBlock() {
    dct.transform(block, out);
    return out;
  }

  /** Trellis quantisation of one block's AC coefficients. */
  @Benchmark
  public short[] trellisBlock() {
    trellis.quantizeAc(dctBlock, 0, quantised, 0);
    return quantised;
  }

  /** An optimal length-limited Huffman code from a luma AC histogram. */
  @Benchmark
  public HuffmanCode huffmanCode() {
    return HuffmanCode.optimal(histogram);
  }

  /** Decode to coefficients (baseline Huffman decoding). */
  @Benchmark
  public JpegImage decodeCoefficients() throws Exception {
    return JpegDecoder.decode(Corpus.read(Corpus.file(file)), Limits.defaults());
  }

  /** Baseline file with optimised tables (two passes over the coefficients). */
  @Benchmark
  public byte[] baselineEncode() {
    return JpegWriter.write(coefficients, List.of(), false, JpegTranscoder.sequentialScript(coefficients));
  }

  /** The progressive scan-script search alone. */
  @Benchmark
  public List<Scan> scanScriptSearch() {
    return ScanScriptSearch.search(coefficients);
  }

  /** The whole lossless transcode from coefficients: baseline, script search, progressive, keep the smaller. */
  @Benchmark
  public byte[] losslessTranscode() {
    return JpegTranscoder.transcode(coefficients, List.of(), true).data();
  }

  /** Lossy encode at quality 75 from pixels: colour, DCT, two trellis passes, entropy optimisation. */
  @Benchmark
  public byte[] lossyEncode() {
    JpegImage img = LossyEncoder.encode(planes, width, height, 75, 2);
    return JpegTranscoder.transcode(img, List.of(), true).data();
  }
}
