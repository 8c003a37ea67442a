package dev.squeeze.png.deflate;

import dev.squeeze.Format;
import dev.squeeze.testing.Corpus;
import java.nio.file.Path;

/** Shell benchmark: Deflater(9) size of each fixed filter type, the file's own filters, and brute force. */
public final class FilterProbe {
  public static void main(String[] args) {
    for (Path p : Corpus.files(Format.PNG)) {
      byte[] png = Corpus.read(p);
      PngRaw raw = PngRaw.of(png);
      if (raw == null) {
        System.out.println(p.getFileName() + " interlaced, skipped");
        continue;
      }
      StringBuilder sb = new StringBuilder(String.format("%-16s own %8d", p.getFileName(),
          DeflateSizeProbe.jdk9(IdatData.of(png)).length));
      for (int t = 0; t < 5; t++) {
        sb.append(String.format("  f%d %8d", t, DeflateSizeProbe.jdk9(raw.filteredWith(t)).length));
      }
      long t0 = System.nanoTime();
      byte[] brute = BruteForceFilter.filter(raw.pixels, raw.height, raw.rowBytes, raw.bpp);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      sb.append(String.format("  brute %8d (%d ms)", DeflateSizeProbe.jdk9(brute).length, ms));
      if (args.length > 0) {
        ZopfliDeflater z = ZopfliDeflater.defaults().withIterations(Integer.parseInt(args[0]));
        sb.append(String.format("%n   zopfli: own %d f3 %d f4 %d brute %d",
            z.zlib(IdatData.of(png)).length, z.zlib(raw.filteredWith(3)).length,
            z.zlib(raw.filteredWith(4)).length, z.zlib(brute).length));
      }
      System.out.println(sb);
    }
  }
}
