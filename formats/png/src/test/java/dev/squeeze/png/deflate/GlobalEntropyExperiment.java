package dev.squeeze.png.deflate;

import dev.squeeze.Format;
import dev.squeeze.testing.Corpus;
import java.nio.file.Path;

/** Experiment: per-row filter minimising cost under a fixed global byte distribution, iterated. */
public final class GlobalEntropyExperiment {
  static byte[] refilter(PngRaw raw, byte[] current) {
    double[] hist = new double[256];
    int stride = raw.rowBytes + 1;
    for (int y = 0; y < raw.height; y++) {
      for (int i = 1; i < stride; i++) {
        hist[current[y * stride + i] & 0xFF]++;
      }
    }
    double total = 0;
    for (int b = 0; b < 256; b++) {
      hist[b] += 0.5;
      total += hist[b];
    }
    double[] cost = new double[256];
    for (int b = 0; b < 256; b++) {
      cost[b] = -Math.log(hist[b] / total);
    }
    byte[] out = new byte[current.length];
    byte[] c = new byte[stride];
    for (int y = 0; y < raw.height; y++) {
      int best = 0;
      double bestCost = Double.MAX_VALUE;
      int prev = y == 0 ? -1 : (y - 1) * raw.rowBytes;
      for (int t = 0; t < 5; t++) {
        Filters.apply(t, raw.pixels, y * raw.rowBytes, prev, raw.rowBytes, raw.bpp, c, 1);
        double s = 0;
        for (int i = 1; i < stride; i++) {
          s += cost[c[i] & 0xFF];
        }
        if (s < bestCost) {
          bestCost = s;
          best = t;
        }
      }
      out[y * stride] = (byte) best;
      Filters.apply(best, raw.pixels, y * raw.rowBytes, prev, raw.rowBytes, raw.bpp, out, y * stride + 1);
    }
    return out;
  }

  public static void main(String[] args) {
    for (Path p : Corpus.files(Format.PNG)) {
      byte[] png = Corpus.read(p);
      PngRaw raw = PngRaw.of(png);
      byte[] f = IdatData.of(png);
      StringBuilder sb = new StringBuilder(p.getFileName().toString());
      for (int round = 1; round <= 3; round++) {
        f = refilter(raw, f);
        sb.append(String.format("  round %d: jdk9 %d", round, DeflateSizeProbe.jdk9(f).length));
        if (args.length > 0) {
          sb.append(" zopfli " + ZopfliDeflater.defaults().withIterations(Integer.parseInt(args[0])).zlib(f).length);
        }
      }
      System.out.println(sb);
    }
  }
}
