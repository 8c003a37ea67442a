package dev.squeeze.png;

import dev.squeeze.Effort;
import dev.squeeze.Limits;
import dev.squeeze.png.deflate.ZopfliDeflater;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Measuring tool, not a test: the maximum-effort finalists of each file (zlib 9's best four trials) and their
 * zopfli sizes at several iteration counts ({@code -Dits=1,3,15}): which of them wins, and how far behind zlib 9's
 * first it was ranked.
 */
public final class FinalistProbe {
  private FinalistProbe() {}

  /** One trial: its filtered rows, its PLTE/tRNS bytes and its zlib 9 size. */
  private record T(String label, Filters.Strategy s, byte[] f, int over, int z9) {
    int zopfli(int iterations) {
      return ZopfliDeflater.defaults().withIterations(iterations).zlib(f).length + over;
    }
  }

  public static void main(String[] args) throws Exception {
    int[] its = Arrays.stream(System.getProperty("its", "1,3,15").split(",")).mapToInt(Integer::parseInt).toArray();
    Compressors c = Compressors.forEffort(Effort.MAXIMUM);
    for (String a : args) {
      PixelImage img = PngDecoder.decode(PngParser.parse(Files.readAllBytes(Path.of(a)), Limits.defaults()));
      List<T> trials = new ArrayList<>();
      List<byte[]> distinct = new ArrayList<>();
      for (Encoding e : ColorReducer.candidates(img, true, true)) {
        int over = PngEncoder.overhead(e);
        for (Filters.Strategy s : PngEncoder.strategies(e, Effort.MAXIMUM)) {
          byte[] f = Filters.apply(e, s);
          if (distinct.stream().noneMatch(d -> Arrays.equals(d, f))) {
            distinct.add(f);
            trials.add(new T(e.label(), s, f, over, c.search(f.length).compressedSize(f) + over));
          }
        }
      }
      trials.sort(Comparator.comparingInt(T::z9));
      System.out.println(Path.of(a).getFileName() + " trials=" + trials.size());
      for (int i = 0; i < Math.min(c.finalists(), trials.size()); i++) {
        T t = trials.get(i);
        boolean kept = t.z9() <= trials.get(0).z9() * c.finalistMargin();
        StringBuilder sb = new StringBuilder(String.format("  #%d %-22s %-14s z9=%8d %s", i, t.label(), t.s(), t.z9(),
            kept ? "finalist" : "outside margin"));
        for (int it : its) {
          long t0 = System.nanoTime();
          int n = t.zopfli(it);
          sb.append(String.format(" i%d=%8d (%5d ms)", it, n, (System.nanoTime() - t0) / 1_000_000));
        }
        System.out.println(sb);
      }
      double all = Double.parseDouble(System.getProperty("all", "0"));
      if (all > 0) {
        // every trial within this factor of zlib's first, deflated by zopfli: how far the finalists are from the best
        int bestAll = Integer.MAX_VALUE;
        String bestLabel = "";
        for (int i = 0; i < trials.size() && trials.get(i).z9() <= trials.get(0).z9() * all; i++) {
          T t = trials.get(i);
          int n = t.zopfli(its[its.length - 1]);
          if (n < bestAll) {
            bestAll = n;
            bestLabel = "#" + i + " " + t.label() + " " + t.s();
          }
        }
        System.out.printf("  best of all trials within %.3f: %d (%s)%n", all, bestAll, bestLabel);
      }
      if (Boolean.getBoolean("none")) {
        // unfiltered trials ranked below the finalists: zlib 9 may misjudge them against filtered ones
        for (int i = c.finalists(); i < trials.size(); i++) {
          T t = trials.get(i);
          if (t.s() == Filters.Strategy.NONE) {
            int n = t.zopfli(its[its.length - 1]);
            System.out.printf("  #%d %-22s %-14s z9=%8d i%d=%8d%n", i, t.label(), t.s(), t.z9(), its[its.length - 1], n);
          }
        }
      }
    }
  }
}
