package dev.squeeze.jpeg;

/**
 * Counts the symbols and raw bits of progressive AC scans of one component without walking zeros: the
 * component's nonzero AC coefficients are listed once (position and magnitude per block, in scan order),
 * and each candidate scan of the script search is counted from that list. Gives exactly what
 * {@link ScanEncoder} counts for the same scan (a property test holds them equal) at a fraction of the
 * cost, since most coefficients of a photo are zero and the search counts some hundred scans.
 */
final class SparseScanCounter {
  /** As {@link ScanEncoder}: the longest EOB run and the correction-bit buffer bound. */
  private static final int MAX_EOB_RUN = 0x7FFF;
  private static final int MAX_CORRECTION_BITS = 1000;

  private final int blocks;
  /** Entries of block b are {@code start[b] .. start[b+1]-1}. */
  private final int[] start;
  private final byte[] pos;
  private final short[] mag;

  SparseScanCounter(Component c) {
    blocks = c.usedBlocksWide * c.usedBlocksHigh;
    start = new int[blocks + 1];
    int n = 0;
    for (int by = 0; by < c.usedBlocksHigh; by++) {
      for (int bx = 0; bx < c.usedBlocksWide; bx++) {
        int off = (by * c.blocksWide + bx) * 64;
        for (int k = 1; k < 64; k++) {
          if (c.coef[off + k] != 0) {
            n++;
          }
        }
      }
    }
    pos = new byte[n];
    mag = new short[n];
    int i = 0;
    int b = 0;
    for (int by = 0; by < c.usedBlocksHigh; by++) {
      for (int bx = 0; bx < c.usedBlocksWide; bx++) {
        start[b++] = i;
        int off = (by * c.blocksWide + bx) * 64;
        for (int k = 1; k < 64; k++) {
          int v = c.coef[off + k];
          if (v != 0) {
            pos[i] = (byte) k;
            mag[i] = (short) Math.abs(v);
            i++;
          }
        }
      }
    }
    start[blocks] = i;
  }

  /** Counts of the first AC scan of band {@code lo..hi} at bit position {@code al} (AC table in slot 4). */
  SymbolCounter first(int lo, int hi, int al) {
    SymbolCounter out = new SymbolCounter(8);
    long[] f = out.freq[4];
    long raw = 0;
    int eobRun = 0;
    for (int b = 0; b < blocks; b++) {
      int prev = lo - 1;
      for (int e = start[b], end = start[b + 1]; e < end; e++) {
        int p = pos[e];
        if (p < lo) {
          continue;
        }
        if (p > hi) {
          break;
        }
        int m = mag[e] >> al;
        if (m == 0) {
          continue;
        }
        if (eobRun > 0) {
          raw += eob(f, eobRun);
          eobRun = 0;
        }
        int r = p - prev - 1;
        while (r > 15) {
          f[0xF0]++;
          r -= 16;
        }
        int n = ScanEncoder.bitLength(m);
        f[(r << 4) + n]++;
        raw += n;
        prev = p;
      }
      if (prev < hi && ++eobRun == MAX_EOB_RUN) {
        raw += eob(f, eobRun);
        eobRun = 0;
      }
    }
    if (eobRun > 0) {
      raw += eob(f, eobRun);
    }
    out.rawBits = raw;
    return out;
  }

  /** Counts of the AC refinement scan of band {@code lo..hi} bringing in bit {@code al} (Ah = al + 1). */
  SymbolCounter refine(int lo, int hi, int al) {
    SymbolCounter out = new SymbolCounter(8);
    long[] f = out.freq[4];
    long raw = 0;
    int eobRun = 0;
    int pending = 0; // correction bits carried by the pending EOB run
    for (int b = 0; b < blocks; b++) {
      int first = start[b];
      int end = start[b + 1];
      int eobPos = -1; // last position that becomes nonzero in this scan
      for (int e = first; e < end; e++) {
        int p = pos[e];
        if (p >= lo && p <= hi && (mag[e] >> al) == 1) {
          eobPos = p;
        }
      }
      int prev = lo - 1;
      int r = 0;
      int br = 0;
      for (int e = first; e < end; e++) {
        int p = pos[e];
        if (p < lo) {
          continue;
        }
        if (p > hi) {
          break;
        }
        int m = mag[e] >> al;
        if (m == 0) {
          continue; // a zero-history position: part of the gap
        }
        r += p - prev - 1;
        prev = p;
        while (r > 15 && p <= eobPos) {
          if (eobRun > 0) {
            raw += eob(f, eobRun) + pending;
            eobRun = 0;
          }
          pending = 0;
          f[0xF0]++;
          r -= 16;
          raw += br;
          br = 0;
        }
        if (m > 1) {
          br++;
          continue;
        }
        if (eobRun > 0) {
          raw += eob(f, eobRun) + pending;
          eobRun = 0;
        }
        pending = 0;
        f[(r << 4) + 1]++;
        raw += 1 + br;
        br = 0;
        r = 0;
      }
      r += hi - prev;
      if (r > 0 || br > 0) {
        eobRun++;
        pending += br;
        if (eobRun == MAX_EOB_RUN || pending > MAX_CORRECTION_BITS - 63) {
          raw += eob(f, eobRun) + pending;
          eobRun = 0;
          pending = 0;
        }
      }
    }
    if (eobRun > 0) {
      raw += eob(f, eobRun) + pending;
    }
    out.rawBits = raw;
    return out;
  }

  /** Counts an EOB-run symbol; returns its appended bits. */
  private static int eob(long[] f, int run) {
    int n = ScanEncoder.bitLength(run) - 1;
    f[n << 4]++;
    return n;
  }
}
