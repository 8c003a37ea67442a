package dev.squeeze.jpeg;

/**
 * Entropy-codes one scan of quantised coefficients into an {@link EntropySink}: sequential (baseline),
 * or a progressive DC/AC first or refinement scan (T.81 Annex G). Table slots in the sink: the DC table of
 * the scan's i-th component is slot {@code i}, its AC table slot {@code 4 + i}.
 */
final class ScanEncoder {
  /** AC run of end-of-bands can be at most 0x7FFF (EOB14 with 14 appended bits). */
  private static final int MAX_EOB_RUN = 0x7FFF;
  /**
   * Correction bits buffered while an end-of-band run grows; libjpeg flushes the run before 1000 such bits
   * (MAX_CORR_BITS) to bound its buffer, and we keep the same bound.
   */
  private static final int MAX_CORRECTION_BITS = 1000;

  private final JpegImage image;
  private final Scan scan;
  private final EntropySink sink;
  private final int[] lastDc;
  private int eobRun;
  private final byte[] correction = new byte[MAX_CORRECTION_BITS + 64];
  private int pendingCorrection;
  private final int[] absValues = new int[64];

  private ScanEncoder(JpegImage image, Scan scan, EntropySink sink) {
    this.image = image;
    this.scan = scan;
    this.sink = sink;
    this.lastDc = new int[scan.comps().length];
  }

  /** Codes the whole of {@code scan} into {@code sink} (without the final byte padding). */
  static void encode(JpegImage image, Scan scan, EntropySink sink) {
    new ScanEncoder(image, scan, sink).run();
  }

  private void run() {
    int[] ci = scan.comps();
    Component[] comps = image.components;
    if (ci.length == 1) {
      Component c = comps[ci[0]];
      for (int by = 0; by < c.usedBlocksHigh; by++) {
        for (int bx = 0; bx < c.usedBlocksWide; bx++) {
          block(0, c.coef, (by * c.blocksWide + bx) * 64);
        }
      }
    } else {
      for (int my = 0; my < image.mcusHigh; my++) {
        for (int mx = 0; mx < image.mcusWide; mx++) {
          for (int i = 0; i < ci.length; i++) {
            Component c = comps[ci[i]];
            for (int y = 0; y < c.v; y++) {
              int row = my * c.v + y;
              for (int x = 0; x < c.h; x++) {
                block(i, c.coef, (row * c.blocksWide + mx * c.h + x) * 64);
              }
            }
          }
        }
      }
    }
    flushEobRun();
  }

  private void block(int i, short[] coef, int off) {
    if (scan.ss() == 0 && scan.se() == 63) {
      dc(i, coef[off], 0);
      acFirst(i, coef, off, 1, 63, 0);
    } else if (scan.isDc()) {
      if (scan.isRefinement()) {
        sink.bits(coef[off] >> scan.al(), 1);
      } else {
        dc(i, coef[off], scan.al());
      }
    } else if (scan.isRefinement()) {
      acRefine(coef, off);
    } else {
      acFirst(i, coef, off, scan.ss(), scan.se(), scan.al());
    }
  }

  private void dc(int i, int value, int al) {
    int v = value >> al;
    int diff = v - lastDc[i];
    lastDc[i] = v;
    int mag = diff < 0 ? -diff : diff;
    int n = bitLength(mag);
    if (n > 11) {
      throw new IllegalStateException("DC difference " + diff + " outside the 8-bit JPEG range");
    }
    sink.symbol(i, n);
    if (n > 0) {
      sink.bits(diff < 0 ? diff - 1 : diff, n);
    }
  }

  /** Sequential AC coding (eobRun stays 0 when ss..se is 1..63 of a sequential scan) and progressive first scans. */
  private void acFirst(int i, short[] coef, int off, int ss, int se, int al) {
    int table = 4 + i;
    boolean sequential = scan.ss() == 0;
    int r = 0;
    for (int k = ss; k <= se; k++) {
      int v = coef[off + k];
      if (v == 0) {
        r++;
        continue;
      }
      int mag;
      int bits;
      if (v < 0) {
        mag = -v >> al;
        bits = ~mag;
      } else {
        mag = v >> al;
        bits = mag;
      }
      if (mag == 0) {
        r++;
        continue;
      }
      if (eobRun > 0) {
        flushEobRun();
      }
      while (r > 15) {
        sink.symbol(table, 0xF0);
        r -= 16;
      }
      int n = bitLength(mag);
      if (n > 10) {
        throw new IllegalStateException("AC coefficient " + v + " outside the 8-bit JPEG range");
      }
      sink.symbol(table, (r << 4) + n);
      sink.bits(bits, n);
      r = 0;
    }
    if (r > 0) {
      if (sequential) {
        sink.symbol(table, 0x00);
      } else if (++eobRun == MAX_EOB_RUN) {
        flushEobRun();
      }
    }
  }

  private void acRefine(short[] coef, int off) {
    int ss = scan.ss();
    int se = scan.se();
    int al = scan.al();
    int eob = 0;
    for (int k = ss; k <= se; k++) {
      int v = coef[off + k];
      int a = (v < 0 ? -v : v) >> al;
      absValues[k] = a;
      if (a == 1) {
        eob = k; // the last coefficient that becomes nonzero in this scan
      }
    }
    int r = 0;
    int br = 0; // correction bits of this block, appended after the pending ones
    int brStart = pendingCorrection;
    for (int k = ss; k <= se; k++) {
      int a = absValues[k];
      if (a == 0) {
        r++;
        continue;
      }
      while (r > 15 && k <= eob) {
        flushEobRun();
        sink.symbol(4, 0xF0);
        r -= 16;
        emitCorrection(brStart, br);
        brStart = 0;
        br = 0;
      }
      if (a > 1) {
        correction[brStart + br++] = (byte) (a & 1);
        continue;
      }
      flushEobRun();
      sink.symbol(4, (r << 4) + 1);
      sink.bits(coef[off + k] < 0 ? 0 : 1, 1);
      emitCorrection(brStart, br);
      brStart = 0;
      br = 0;
      r = 0;
    }
    if (r > 0 || br > 0) {
      eobRun++;
      pendingCorrection = brStart + br;
      if (eobRun == MAX_EOB_RUN || pendingCorrection > MAX_CORRECTION_BITS - 63) {
        flushEobRun();
      }
    }
  }

  private void emitCorrection(int start, int n) {
    for (int j = 0; j < n; j++) {
      sink.bits(correction[start + j], 1);
    }
  }

  /** Codes the pending end-of-band run (progressive scans), then any correction bits it carries. */
  private void flushEobRun() {
    if (eobRun > 0) {
      int n = bitLength(eobRun) - 1;
      sink.symbol(4, n << 4);
      if (n > 0) {
        sink.bits(eobRun, n);
      }
      eobRun = 0;
      emitCorrection(0, pendingCorrection);
    }
    pendingCorrection = 0;
  }

  static int bitLength(int v) {
    return 32 - Integer.numberOfLeadingZeros(v);
  }
}
