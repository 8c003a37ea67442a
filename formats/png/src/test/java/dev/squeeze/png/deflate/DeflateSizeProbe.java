package dev.squeeze.png.deflate;

import dev.squeeze.Format;
import dev.squeeze.testing.Corpus;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.Deflater;

/**
 * Benchmark from the shell (not a unit test): ZopfliDeflater vs java.util.zip level 9 on every corpus
 * PNG's raw IDAT data. Args: [iterations].
 */
public final class DeflateSizeProbe {
  public static void main(String[] args) {
    int iterations = args.length > 0 ? Integer.parseInt(args[0]) : ZopfliDeflater.DEFAULT_ITERATIONS;
    ZopfliDeflater z = ZopfliDeflater.defaults().withIterations(iterations);
    long totalJdk = 0;
    long totalZ = 0;
    long totalMs = 0;
    for (Path p : Corpus.files(Format.PNG)) {
      byte[] raw = IdatData.of(Corpus.read(p));
      byte[] jdk = jdk9(raw);
      long t0 = System.nanoTime();
      byte[] ours = z.zlib(raw);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      if (!Arrays.equals(IdatData.inflate(ours), raw)) {
        throw new AssertionError("round trip failed for " + p);
      }
      totalJdk += jdk.length;
      totalZ += ours.length;
      totalMs += ms;
      System.out.printf("%-20s raw %9d  jdk9 %8d  zopfli %8d  ratio %.4f  %6d ms%n",
          p.getFileName(), raw.length, jdk.length, ours.length, (double) ours.length / jdk.length, ms);
    }
    System.out.printf("TOTAL iterations=%d jdk9 %d zopfli %d ratio %.4f time %d ms%n",
        iterations, totalJdk, totalZ, (double) totalZ / totalJdk, totalMs);
  }

  static byte[] jdk9(byte[] raw) {
    Deflater d = new Deflater(9);
    try {
      d.setInput(raw);
      d.finish();
      byte[] buf = new byte[raw.length + raw.length / 100 + 1024];
      int n = 0;
      while (!d.finished()) {
        if (n == buf.length) {
          buf = Arrays.copyOf(buf, buf.length * 2);
        }
        n += d.deflate(buf, n, buf.length - n);
      }
      return Arrays.copyOf(buf, n);
    } finally {
      d.end();
    }
  }
}
