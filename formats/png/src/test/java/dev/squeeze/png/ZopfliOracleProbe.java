package dev.squeeze.png;

import dev.squeeze.Limits;
import dev.squeeze.png.deflate.ZopfliDeflater;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;

/**
 * Measuring tool, not a test: for each encoding x filter strategy prints the zlib 9 size and the zopfli size,
 * to see how well zlib ranks candidates for zopfli. Usage: {@code ZopfliOracleProbe ITER FILES...}.
 */
public final class ZopfliOracleProbe {
  private ZopfliOracleProbe() {}

  private static java.util.List<Filters.Strategy> strategies() {
    String p = System.getProperty("strategies");
    return p == null ? java.util.List.of(Filters.Strategy.values())
        : java.util.Arrays.stream(p.split(",")).map(Filters.Strategy::valueOf).toList();
  }

  public static void main(String[] args) throws Exception {
    ZopfliDeflater z = ZopfliDeflater.defaults().withIterations(Integer.parseInt(args[0]));
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      PixelImage img = PngDecoder.decode(PngParser.parse(Files.readAllBytes(Path.of(a)), Limits.defaults()));
      System.out.println(a);
      for (Encoding e : ColorReducer.candidates(img, true, true)) {
        for (Filters.Strategy s : strategies()) {
          byte[] f = Filters.apply(e, s);
          int n9 = new JdkDeflateCompressor(9, Deflater.DEFAULT_STRATEGY).compressedSize(f);
          long t0 = System.nanoTime();
          int nz = z.zlib(f).length;
          System.out.printf("  %-24s %-12s z9 %8d zopfli %8d %5d ms%n", e.label(), s, n9, nz,
              (System.nanoTime() - t0) / 1_000_000);
        }
      }
    }
  }
}
