package dev.squeeze.png;

import dev.squeeze.Limits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;

/** Measuring tool, not a test: prints every candidate encoding x filter x deflate setting with size and time. */
public final class PngSearchProbe {
  private PngSearchProbe() {}

  public static void main(String[] args) throws Exception {
    for (String a : args) {
      PixelImage img = PngDecoder.decode(PngParser.parse(Files.readAllBytes(Path.of(a)), Limits.defaults()));
      System.out.println(a);
      for (int rep = 0; rep < 2; rep++) {
        for (Encoding e : ColorReducer.candidates(img, true)) {
          for (Filters.Strategy s : Filters.Strategy.values()) {
            long t0 = System.nanoTime();
            byte[] f = Filters.apply(e, s);
            long t1 = System.nanoTime();
            StringBuilder sb = new StringBuilder(String.format("  %-22s %-8s filter %4d ms", e.label(), s,
                (t1 - t0) / 1_000_000));
            for (int level : new int[] {4, 6, 7, 8, 9}) {
              long t2 = System.nanoTime();
              int n = new JdkDeflateCompressor(level, Deflater.DEFAULT_STRATEGY).compressedSize(f);
              sb.append(String.format(" L%d %8d %4dms", level, n, (System.nanoTime() - t2) / 1_000_000));
            }
            long t2 = System.nanoTime();
            int n = new JdkDeflateCompressor(9, Deflater.FILTERED).compressedSize(f);
            sb.append(String.format(" L9F %8d %4dms", n, (System.nanoTime() - t2) / 1_000_000));
            if (rep == 1) {
              System.out.println(sb);
            }
          }
        }
      }
    }
  }
}
