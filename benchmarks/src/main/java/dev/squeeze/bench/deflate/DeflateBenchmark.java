package dev.squeeze.bench.deflate;

import dev.squeeze.png.deflate.ZopfliDeflater;
import dev.squeeze.testing.Corpus;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
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
 * The maximum-effort deflate against the JDK's level 9 on corpus PNGs' filtered scanlines (their IDAT data,
 * decompressed in setup). Sizes are printed once per setup so one run gives bytes and time side by side.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(1)
public class DeflateBenchmark {
  /** The contenders, side by side in one run. */
  public enum Compressor {
    JDK_9 {
      @Override
      byte[] zlib(byte[] data) {
        Deflater d = new Deflater(9);
        try {
          d.setInput(data);
          d.finish();
          ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2 + 64);
          byte[] buf = new byte[1 << 16];
          while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
          }
          return out.toByteArray();
        } finally {
          d.end();
        }
      }
    },
    ZOPFLI_1 {
      @Override
      byte[] zlib(byte[] data) {
        return ZopfliDeflater.defaults().withIterations(1).zlib(data);
      }
    },
    ZOPFLI_15 {
      @Override
      byte[] zlib(byte[] data) {
        return ZopfliDeflater.defaults().zlib(data);
      }
    };

    abstract byte[] zlib(byte[] data);
  }

  @Param({"png/rose.png", "png/logo.png", "png/coffee.png"})
  public String file;

  @Param({"JDK_9", "ZOPFLI_1", "ZOPFLI_15"})
  public Compressor compressor;

  private byte[] scanlines;

  @Setup
  public void setUp() throws DataFormatException {
    scanlines = idat(Corpus.read(Corpus.file(file)));
    System.out.printf("%n%s %s: %d -> %d bytes%n", file, compressor, scanlines.length,
        compressor.zlib(scanlines).length);
  }

  @Benchmark
  public byte[] compress() {
    return compressor.zlib(scanlines);
  }

  private static byte[] idat(byte[] png) throws DataFormatException {
    ByteBuffer b = ByteBuffer.wrap(png);
    b.position(8);
    ByteArrayOutputStream z = new ByteArrayOutputStream();
    while (b.remaining() >= 12) {
      int len = b.getInt();
      int type = b.getInt();
      if (type == 0x49444154) { // IDAT
        z.write(png, b.position(), len);
      }
      b.position(b.position() + len + 4);
    }
    Inflater inf = new Inflater();
    try {
      inf.setInput(z.toByteArray());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[1 << 16];
      while (!inf.finished()) {
        int n = inf.inflate(buf);
        if (n == 0 && !inf.finished() && inf.needsInput()) {
          throw new DataFormatException("truncated IDAT in " + png.length + "-byte file");
        }
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    } finally {
      inf.end();
    }
  }
}
