package dev.squeeze.png;

import dev.squeeze.Limits;
import java.nio.file.Files;
import java.nio.file.Path;

/** Measuring tool, not a test: counts pixels that differ between two PNGs and the distinct colours of each. */
public final class PixelDiffProbe {
  private PixelDiffProbe() {}

  public static void main(String[] args) throws Exception {
    PixelImage a = PngDecoder.decode(PngParser.parse(Files.readAllBytes(Path.of(args[0])), Limits.defaults()));
    PixelImage b = PngDecoder.decode(PngParser.parse(Files.readAllBytes(Path.of(args[1])), Limits.defaults()));
    int diff = 0;
    java.util.Set<Integer> ca = new java.util.HashSet<>();
    java.util.Set<Integer> cb = new java.util.HashSet<>();
    for (int i = 0; i < a.argb.length; i++) {
      ca.add(a.argb[i]);
      cb.add(b.argb[i]);
      if (a.argb[i] != b.argb[i]) {
        if (diff++ < 5) {
          System.out.printf("pixel %d: %08x vs %08x%n", i, a.argb[i], b.argb[i]);
        }
      }
    }
    System.out.println("differ " + diff + " colours " + ca.size() + " vs " + cb.size());
  }
}
