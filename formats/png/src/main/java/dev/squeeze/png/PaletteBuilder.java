package dev.squeeze.png;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Palettes for images of at most 256 distinct colours: each colour once, translucent entries first (so tRNS
 * stops after them), then ordered by frequency or by luminance; the smallest bit depth that indexes them all.
 */
final class PaletteBuilder {
  private PaletteBuilder() {}

  /** Distinct colours with their pixel counts, in order of first appearance. */
  record Counts(int[] colors, int[] counts) {
    int size() {
      return colors.length;
    }
  }

  /** The distinct colours of {@code px}, or null when there are more than {@code max}. */
  static Counts count(int[] px, int max) {
    Map<Integer, int[]> seen = new HashMap<>();
    List<Integer> order = new ArrayList<>();
    int last = 0;
    int[] lastCount = null;
    for (int p : px) {
      if (lastCount != null && p == last) {
        lastCount[0]++;
        continue;
      }
      int[] c = seen.get(p);
      if (c == null) {
        if (seen.size() == max) {
          return null;
        }
        c = new int[1];
        seen.put(p, c);
        order.add(p);
      }
      c[0]++;
      last = p;
      lastCount = c;
    }
    int[] colors = new int[order.size()];
    int[] counts = new int[order.size()];
    for (int i = 0; i < colors.length; i++) {
      colors[i] = order.get(i);
      counts[i] = seen.get(colors[i])[0];
    }
    return new Counts(colors, counts);
  }

  /**
   * The palette encodings of {@code img}: by frequency, and with {@code allOrders} by luminance and first use.
   * With {@code edgeFirst} also the "edge-first" order: the colour that most often starts a row gets index 0,
   * the others follow by frequency (translucent ones still before opaque ones). An unfiltered row's filter-type
   * byte is 0, so with the row-edge colour (a background, typically) at index 0 the type byte continues the
   * run of background indices across the row boundary and LZ matches span rows. Measured on
   * horse_rgba_bilevel.png, whose background is opaque white after two translucent colours: zopfli 5100 bytes
   * with white at index 2, 4848 with white at index 0 (oxipng's file, PathIterationProbe), for one more tRNS byte.
   */
  static List<Encoding> encodings(PixelImage img, Counts c, boolean allOrders, boolean edgeFirst) {
    Integer[] idx = new Integer[c.size()];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    Comparator<Integer> translucentFirst = Comparator.comparingInt(i -> (c.colors()[i] >>> 24) == 255 ? 1 : 0);
    List<Encoding> out = new ArrayList<>();
    Integer[] byCount = idx.clone();
    Arrays.sort(byCount, translucentFirst.thenComparing(i -> -c.counts()[i]));
    out.add(build(img, c, byCount, "frequency"));
    if (allOrders) {
      Integer[] byLuma = idx.clone();
      Arrays.sort(byLuma, translucentFirst.thenComparingInt(i -> luma(c.colors()[i])));
      out.add(build(img, c, byLuma, "luminance"));
      Integer[] firstSeen = idx.clone();
      Arrays.sort(firstSeen, translucentFirst);
      out.add(build(img, c, firstSeen, "first-use"));
    }
    if (edgeFirst) {
      int edge = edgeColor(img, c);
      if (edge != byCount[0]) {
        Integer[] edgeOrder = idx.clone();
        Arrays.sort(edgeOrder, Comparator.<Integer>comparingInt(i -> i == edge ? 0 : 1).thenComparing(translucentFirst)
            .thenComparing(i -> -c.counts()[i]));
        out.add(build(img, c, edgeOrder, "edge-first"));
      }
      out.addAll(adjacencyOrders(img, c, byCount[0], edge));
    }
    return out;
  }

  /**
   * Zeng-style orders (see {@link PaletteOrders#chain}) starting from the frequency order's first colour and,
   * when it differs, from the row-edge colour. Unfiltered palette rows are a relabelling of one another under any
   * order except for the filter-type byte 0 (which the first colour decides), so what adjacency changes is the
   * Huffman code-length headers: colours used together in a region sit together, so each of zopfli's blocks has
   * fewer, longer runs of equal and of zero code lengths. Measured with PaletteOrderProbe (zopfli, unfiltered):
   * screenshot_gnome_tool 122296 bytes against 122456 for the best other order, logo 24464 against 24486,
   * futureprototype_few_colours 8475 against 8492; flat and end-only weights gained less. They are tried
   * unfiltered only: Zeng's aim of small index differences for prediction did not pay here: no filter strategy
   * beat unfiltered rows on an adjacency order of a corpus palette image (PaletteOrderProbe, zlib 9; the closest
   * were equal or 2-97 bytes larger), while the filtered trials cost about 2 of the 2.1 s an order adds to the
   * search on screenshot_gnome_tool.
   */
  private static List<Encoding> adjacencyOrders(PixelImage img, Counts c, int freqFirst, int edge) {
    if (c.size() <= 2) {
      return List.of(); // one order of two colours is the frequency order or edge-first
    }
    long[] co = PaletteOrders.adjacency(img, c);
    double[] weight = PaletteOrders.zengWeights(c.size());
    List<Encoding> out = new ArrayList<>();
    for (int first : freqFirst == edge ? new int[] {freqFirst} : new int[] {freqFirst, edge}) {
      int[] translucent = new int[c.size()];
      int[] opaque = new int[c.size()];
      int nt = 0;
      int no = 0;
      for (int i = 0; i < c.size(); i++) {
        if (i != first) {
          if ((c.colors()[i] >>> 24) != 255) {
            translucent[nt++] = i;
          } else {
            opaque[no++] = i;
          }
        }
      }
      int[] order = PaletteOrders.chain(co, c, first, new int[][] {Arrays.copyOf(translucent, nt),
          Arrays.copyOf(opaque, no)}, weight);
      Integer[] boxed = new Integer[order.length];
      for (int i = 0; i < order.length; i++) {
        boxed[i] = order[i];
      }
      out.add(build(img, c, boxed, first == freqFirst ? "adjacency" : "adjacency-edge", true));
    }
    return out;
  }

  /** Position in {@code c} of the colour found most often as the first pixel of a row. */
  static int edgeColor(PixelImage img, Counts c) {
    Map<Integer, Integer> position = new HashMap<>();
    for (int i = 0; i < c.size(); i++) {
      position.put(c.colors()[i], i);
    }
    int[] starts = new int[c.size()];
    for (int y = 0; y < img.height; y++) {
      starts[position.get(img.argb[y * img.width])]++;
    }
    int best = 0;
    for (int i = 1; i < starts.length; i++) {
      if (starts[i] > starts[best]) {
        best = i;
      }
    }
    return best;
  }

  // Rec. 601 luma weights (x1000): a cheap perceptual order that keeps similar colours at nearby indices
  static int luma(int argb) {
    return 299 * ((argb >> 16) & 0xFF) + 587 * ((argb >> 8) & 0xFF) + 114 * (argb & 0xFF);
  }

  static Encoding build(PixelImage img, Counts c, Integer[] order, String label) {
    return build(img, c, order, label, false);
  }

  /** @param unfilteredOnly see {@link Encoding#unfilteredOnly} */
  static Encoding build(PixelImage img, Counts c, Integer[] order, String label, boolean unfilteredOnly) {
    int n = order.length;
    int depth = n <= 2 ? 1 : n <= 4 ? 2 : n <= 16 ? 4 : 8;
    byte[] plte = new byte[3 * n];
    int translucent = 0;
    Map<Integer, Integer> index = new HashMap<>();
    for (int i = 0; i < n; i++) {
      int argb = c.colors()[order[i]];
      index.put(argb, i);
      plte[3 * i] = (byte) (argb >> 16);
      plte[3 * i + 1] = (byte) (argb >> 8);
      plte[3 * i + 2] = (byte) argb;
      if ((argb >>> 24) != 255) {
        translucent = i + 1;
      }
    }
    byte[] trns = null;
    if (translucent > 0) {
      trns = new byte[translucent];
      for (int i = 0; i < translucent; i++) {
        trns[i] = (byte) (c.colors()[order[i]] >>> 24);
      }
    }
    PackedRows rows = new PackedRows(img.width, img.height, depth);
    int[] px = img.argb;
    int last = px[0];
    int lastIndex = index.get(last);
    for (int y = 0, i = 0; y < img.height; y++) {
      for (int x = 0; x < img.width; x++, i++) {
        if (px[i] != last) {
          last = px[i];
          lastIndex = index.get(last);
        }
        rows.put(x, y, lastIndex);
      }
    }
    return new Encoding("palette" + depth + "-" + label, PngHeader.PALETTE, depth, plte, trns, img.width, img.height,
        rows.bytes(), unfilteredOnly);
  }
}
