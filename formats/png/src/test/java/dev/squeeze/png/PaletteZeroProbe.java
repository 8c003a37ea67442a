package dev.squeeze.png;

import dev.squeeze.Limits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * Measuring tool, not a test: unfiltered palette rows are a byte relabeling under a palette permutation except
 * for the filter-type byte 0 (and packing pad bits), so the colour at index 0 is what an order changes. For the
 * colours most often at row edges this prints the unfiltered zlib-9 size (and zopfli with -Dprobe.zopfli=true)
 * with that colour at index 0 and the rest by frequency.
 */
public final class PaletteZeroProbe {
  private PaletteZeroProbe() {}

  public static void main(String[] args) throws Exception {
    boolean zopfli = Boolean.getBoolean("probe.zopfli");
    int top = Integer.getInteger("probe.top", 8);
    DeflateCompressor nine = new JdkDeflateCompressor(9, java.util.zip.Deflater.DEFAULT_STRATEGY);
    DeflateCompressor zop = new ZopfliCompressor(dev.squeeze.png.deflate.ZopfliDeflater.defaults());
    for (String a : args) {
      PixelImage img = PngDecoder.decode(PngParser.parse(Files.readAllBytes(Path.of(a)), Limits.defaults()));
      PaletteBuilder.Counts c = img.isSixteenBit() ? null : PaletteBuilder.count(img.argb, 256);
      if (c == null) {
        continue;
      }
      int n = c.size();
      Map<Integer, Integer> pos = new HashMap<>();
      for (int i = 0; i < n; i++) {
        pos.put(c.colors()[i], i);
      }
      long[] starts = new long[n];
      long[] ends = new long[n];
      long[] both = new long[n];
      for (int y = 0; y < img.height; y++) {
        int s = pos.get(img.argb[y * img.width]);
        int e = pos.get(img.argb[y * img.width + img.width - 1]);
        starts[s]++;
        ends[e]++;
        if (y > 0) {
          int pe = pos.get(img.argb[y * img.width - 1]);
          if (pe == s) {
            both[s]++;
          }
        }
      }
      System.out.printf("%s  %d colours%n", Path.of(a).getFileName(), n);
      for (Encoding e : PaletteBuilder.encodings(img, c, true, true)) {
        report(e, nine, zop, zopfli, "");
      }
      Integer[] cand = new Integer[n];
      for (int i = 0; i < n; i++) {
        cand[i] = i;
      }
      Arrays.sort(cand, Comparator.comparingLong(i -> -(starts[i] + ends[i] + 2 * both[i])));
      for (int k = 0; k < Math.min(top, n); k++) {
        int x = cand[k];
        Integer[] order = cand.clone();
        Arrays.sort(order, Comparator.<Integer>comparingInt(i -> i == x ? 0 : 1)
            .thenComparingInt(i -> (c.colors()[i] >>> 24) == 255 ? 1 : 0).thenComparingInt(i -> -c.counts()[i]));
        Encoding e = PaletteBuilder.build(img, c, order, "zero=" + x);
        report(e, nine, zop, zopfli, String.format(" starts %d ends %d both %d count %d", starts[x], ends[x], both[x],
            c.counts()[x]));
      }
    }
  }

  private static void report(Encoding e, DeflateCompressor nine, DeflateCompressor zop, boolean zopfli, String note) {
    byte[] f = Filters.apply(e, Filters.Strategy.NONE);
    int over = 12 + e.palette().length + (e.transparency() == null ? 0 : 12 + e.transparency().length);
    String z = zopfli ? String.format(" zopfli %7d", zop.compress(f).length + over) : "";
    System.out.printf("  %-24s zlib9 %7d%s%s%n", e.label(), nine.compressedSize(f) + over, z, note);
  }
}
