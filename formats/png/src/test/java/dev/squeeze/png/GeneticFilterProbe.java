package dev.squeeze.png;

import dev.squeeze.Limits;
import dev.squeeze.png.deflate.ZopfliDeflater;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Measuring tool, not a test: a zopflipng-style genetic search over per-row filter types, every individual
 * judged by the real optimal-parsing deflate (few iterations), seeded with the heuristics' choices. Prints the
 * best size per generation, to bound what any per-row filter search could still find.
 * Usage: {@code GeneticFilterProbe FILE} with -Dgens, -Dpop, -Dit.
 */
public final class GeneticFilterProbe {
  private GeneticFilterProbe() {}

  public static void main(String[] args) throws Exception {
    int gens = Integer.getInteger("gens", 30);
    int pop = Integer.getInteger("pop", 12);
    ZopfliDeflater judge = ZopfliDeflater.defaults().withIterations(Integer.getInteger("it", 3));
    long seed = Long.getLong("seed", 1);
    System.out.println("seed=" + seed);
    SplittableRandom rnd = new SplittableRandom(seed);
    PixelImage img = PngDecoder.decode(PngParser.parse(Files.readAllBytes(Path.of(args[0])), Limits.defaults()));
    Encoding e = ColorReducer.candidates(img, true, true).stream().filter(c -> c.label().equals("rgb8")).findFirst()
        .orElseThrow();
    int h = e.height();
    int stride = e.stride();
    byte[][] forms = new byte[5][];
    for (int f = 0; f < 5; f++) {
      forms[f] = Filters.apply(e, Filters.Strategy.values()[f]);
    }
    byte[][] people = new byte[pop][];
    int[] size = new int[pop];
    Filters.Strategy[] seeds = {Filters.Strategy.ENTROPY, Filters.Strategy.GLOBAL_ENTROPY, Filters.Strategy.BRUTE_FORCE,
        Filters.Strategy.MIN_SUM, Filters.Strategy.PAETH, Filters.Strategy.AVERAGE};
    for (int i = 0; i < pop; i++) {
      byte[] f = Filters.apply(e, seeds[i % seeds.length]);
      byte[] types = new byte[h];
      for (int y = 0; y < h; y++) {
        types[y] = f[y * (stride + 1)];
      }
      if (i >= seeds.length) {
        mutate(types, rnd, 0.05);
      }
      people[i] = types;
      size[i] = judge.zlib(assemble(types, forms, stride)).length;
    }
    report(-1, size);
    for (int g = 0; g < gens; g++) {
      byte[] a = people[tournament(size, rnd)];
      byte[] b = people[tournament(size, rnd)];
      byte[] child = new byte[h];
      int cut1 = rnd.nextInt(h);
      int cut2 = rnd.nextInt(cut1, h + 1);
      for (int y = 0; y < h; y++) {
        child[y] = y >= cut1 && y < cut2 ? b[y] : a[y];
      }
      mutate(child, rnd, 0.01);
      int s = judge.zlib(assemble(child, forms, stride)).length;
      int worst = 0;
      for (int i = 1; i < pop; i++) {
        if (size[i] > size[worst]) {
          worst = i;
        }
      }
      if (s < size[worst]) {
        people[worst] = child;
        size[worst] = s;
      }
      report(g, size);
    }
    int best = 0;
    for (int i = 1; i < pop; i++) {
      if (size[i] < size[best]) {
        best = i;
      }
    }
    System.out.println("final at 15 iterations: " + ZopfliDeflater.defaults().zlib(assemble(people[best], forms, stride)).length);
  }

  private static int tournament(int[] size, SplittableRandom rnd) {
    int a = rnd.nextInt(size.length);
    int b = rnd.nextInt(size.length);
    return size[a] <= size[b] ? a : b;
  }

  private static void mutate(byte[] types, SplittableRandom rnd, double rate) {
    for (int y = 0; y < types.length; y++) {
      if (rnd.nextDouble() < rate) {
        types[y] = (byte) rnd.nextInt(5);
      }
    }
  }

  private static byte[] assemble(byte[] types, byte[][] forms, int stride) {
    byte[] out = new byte[types.length * (stride + 1)];
    for (int y = 0; y < types.length; y++) {
      System.arraycopy(forms[types[y]], y * (stride + 1), out, y * (stride + 1), stride + 1);
    }
    return out;
  }

  private static void report(int g, int[] size) {
    int[] s = size.clone();
    Arrays.sort(s);
    System.out.println("gen " + g + " best " + s[0] + " median " + s[s.length / 2]);
  }
}
