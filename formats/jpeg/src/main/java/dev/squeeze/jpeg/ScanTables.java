package dev.squeeze.jpeg;

import java.util.ArrayList;
import java.util.List;

/**
 * The Huffman tables of one scan, optimised from its symbol counts: which components share a table (every
 * grouping within the limit is costed, table bytes included) and each table's optimal code.
 */
final class ScanTables {
  /** Per component of the scan: its DC and AC table id, -1 where the scan codes no such symbols. */
  final int[] dcTable;
  final int[] acTable;
  final List<HuffmanCode> dcCodes = new ArrayList<>();
  final List<HuffmanCode> acCodes = new ArrayList<>();
  /** Symbol and raw bits of the scan's entropy-coded data. */
  long dataBits;

  private ScanTables(int n) {
    dcTable = new int[n];
    acTable = new int[n];
    java.util.Arrays.fill(dcTable, -1);
    java.util.Arrays.fill(acTable, -1);
  }

  /**
   * @param counts symbol counts of {@code scan} gathered by {@link ScanEncoder} (slot i: DC of component i,
   *     4 + i: its AC)
   * @param maxTables tables per class a decoder allows in this frame type: 2 for baseline, 4 otherwise
   */
  static ScanTables optimise(SymbolCounter counts, Scan scan, int maxTables) {
    int n = scan.comps().length;
    ScanTables t = new ScanTables(n);
    t.dataBits = counts.rawBits;
    boolean dc = scan.isDc() && !scan.isRefinement();
    boolean ac = scan.se() > 0;
    if (dc) {
      t.dataBits += group(counts, 0, n, maxTables, t.dcTable, t.dcCodes);
    }
    if (ac) {
      t.dataBits += group(counts, 4, n, maxTables, t.acTable, t.acCodes);
    }
    return t;
  }

  /** Chooses the cheapest partition of the n slots into at most maxTables shared tables; returns its bits. */
  private static long group(SymbolCounter counts, int base, int n, int maxTables, int[] tableOf,
      List<HuffmanCode> codes) {
    long best = Long.MAX_VALUE;
    int[] bestAssign = null;
    for (int[] assign : partitions(n, maxTables)) {
      int groups = 0;
      for (int g : assign) {
        groups = Math.max(groups, g + 1);
      }
      long bits = 0;
      for (int g = 0; g < groups; g++) {
        long[] merged = merged(counts, base, assign, g);
        HuffmanCode code = HuffmanCode.optimal(merged);
        bits += code.cost(merged) + 8L * code.tableBytes();
      }
      if (bits < best) {
        best = bits;
        bestAssign = assign;
      }
    }
    int groups = 0;
    long symbolBits = 0;
    for (int g : bestAssign) {
      groups = Math.max(groups, g + 1);
    }
    for (int g = 0; g < groups; g++) {
      long[] merged = merged(counts, base, bestAssign, g);
      HuffmanCode code = HuffmanCode.optimal(merged);
      codes.add(code);
      symbolBits += code.cost(merged);
    }
    System.arraycopy(bestAssign, 0, tableOf, 0, n);
    return symbolBits;
  }

  private static long[] merged(SymbolCounter counts, int base, int[] assign, int g) {
    long[] merged = new long[256];
    for (int i = 0; i < assign.length; i++) {
      if (assign[i] == g) {
        long[] f = counts.freq[base + i];
        for (int s = 0; s < 256; s++) {
          merged[s] += f[s];
        }
      }
    }
    return merged;
  }

  /** Set partitions of n items into at most k groups, as restricted-growth strings (first item in group 0). */
  static List<int[]> partitions(int n, int k) {
    List<int[]> out = new ArrayList<>();
    grow(new int[n], 0, 0, k, out);
    return out;
  }

  private static void grow(int[] a, int i, int used, int k, List<int[]> out) {
    if (i == a.length) {
      out.add(a.clone());
      return;
    }
    for (int g = 0; g <= Math.min(used, k - 1); g++) {
      a[i] = g;
      grow(a, i + 1, Math.max(used, g + 1), k, out);
    }
  }

  /** Bytes of the DHT segment for these tables (0 when the scan needs none). */
  int dhtBytes() {
    int b = 0;
    for (HuffmanCode c : dcCodes) {
      b += c.tableBytes();
    }
    for (HuffmanCode c : acCodes) {
      b += c.tableBytes();
    }
    return b == 0 ? 0 : 4 + b;
  }

  /** Estimated bytes of the scan in the file: tables, header and data (stuffed bytes not counted). */
  long estimatedBytes(int components) {
    return dhtBytes() + 2 + 2 + 1 + 2L * components + 3 + (dataBits + 7) / 8;
  }
}
