package dev.squeeze.jpeg;

import dev.squeeze.CorruptInputException;

/**
 * Decodes one Huffman-coded scan into quantised coefficients: sequential, or progressive DC/AC first and
 * refinement scans (ITU T.81 Annex G), interleaved or not, with restart intervals.
 */
final class ScanDecoder {
  private final JpegImage image;
  private final Component[] comps;
  private final HuffmanDecodeTable[] dcTables;
  private final HuffmanDecodeTable[] acTables;
  private final int ss;
  private final int se;
  private final int ah;
  private final int al;
  private final boolean progressive;
  private final int restartInterval;
  private final BitReader in;
  private final int[] pred;
  private int eobRun;

  ScanDecoder(JpegImage image, Component[] comps, HuffmanDecodeTable[] dcTables, HuffmanDecodeTable[] acTables,
      int ss, int se, int ah, int al, boolean progressive, int restartInterval, BitReader in) {
    this.image = image;
    this.comps = comps;
    this.dcTables = dcTables;
    this.acTables = acTables;
    this.ss = ss;
    this.se = se;
    this.ah = ah;
    this.al = al;
    this.progressive = progressive;
    this.restartInterval = restartInterval;
    this.in = in;
    this.pred = new int[comps.length];
  }

  /** Decodes the whole scan; afterwards {@code in} stands at (or before) the marker that follows it. */
  void decode() throws CorruptInputException {
    int mcus;
    int mcusWide;
    if (comps.length == 1) {
      mcusWide = comps[0].usedBlocksWide;
      mcus = mcusWide * comps[0].usedBlocksHigh;
    } else {
      mcusWide = image.mcusWide;
      mcus = mcusWide * image.mcusHigh;
    }
    int restartsSeen = 0;
    for (int m = 0; m < mcus; m++) {
      if (restartInterval > 0 && m > 0 && m % restartInterval == 0) {
        in.restart(restartsSeen & 7);
        restartsSeen++;
        java.util.Arrays.fill(pred, 0);
        eobRun = 0;
      }
      int my = m / mcusWide;
      int mx = m - my * mcusWide;
      if (comps.length == 1) {
        Component c = comps[0];
        block(0, c, (my * c.blocksWide + mx) * 64);
      } else {
        for (int ci = 0; ci < comps.length; ci++) {
          Component c = comps[ci];
          for (int by = 0; by < c.v; by++) {
            int row = my * c.v + by;
            for (int bx = 0; bx < c.h; bx++) {
              block(ci, c, (row * c.blocksWide + mx * c.h + bx) * 64);
            }
          }
        }
      }
    }
  }

  private void block(int ci, Component c, int off) throws CorruptInputException {
    short[] coef = c.coef;
    if (!progressive) {
      sequential(ci, coef, off);
    } else if (ss == 0) {
      if (ah == 0) {
        int s = dcTables[ci].decode(in);
        pred[ci] += in.receiveExtend(s);
        coef[off] = checked(pred[ci] << al);
      } else if (in.readBit() != 0) {
        coef[off] |= (short) (1 << al);
      }
    } else if (ah == 0) {
      acFirst(ci, coef, off);
    } else {
      acRefine(ci, coef, off);
    }
  }

  private void sequential(int ci, short[] coef, int off) throws CorruptInputException {
    int s = dcTables[ci].decode(in);
    pred[ci] += in.receiveExtend(s);
    coef[off] = checked(pred[ci]);
    HuffmanDecodeTable ac = acTables[ci];
    for (int k = 1; k < 64; k++) {
      int rs = ac.decode(in);
      int r = rs >>> 4;
      s = rs & 15;
      if (s != 0) {
        k += r;
        if (k > 63) {
          throw new CorruptInputException("JPEG block has more than 64 coefficients");
        }
        coef[off + k] = (short) in.receiveExtend(s);
      } else if (r == 15) {
        k += 15;
      } else {
        break;
      }
    }
  }

  private void acFirst(int ci, short[] coef, int off) throws CorruptInputException {
    if (eobRun > 0) {
      eobRun--;
      return;
    }
    HuffmanDecodeTable ac = acTables[ci];
    for (int k = ss; k <= se; k++) {
      int rs = ac.decode(in);
      int r = rs >>> 4;
      int s = rs & 15;
      if (s != 0) {
        k += r;
        if (k > se) {
          throw new CorruptInputException("JPEG progressive block runs past its spectral band");
        }
        coef[off + k] = checked(in.receiveExtend(s) << al);
      } else if (r == 15) {
        k += 15;
      } else {
        eobRun = (1 << r) - 1 + in.read(r);
        return;
      }
    }
  }

  private void acRefine(int ci, short[] coef, int off) throws CorruptInputException {
    int p1 = 1 << al;
    int m1 = -1 << al;
    int k = ss;
    if (eobRun == 0) {
      HuffmanDecodeTable ac = acTables[ci];
      for (; k <= se; k++) {
        int rs = ac.decode(in);
        int r = rs >>> 4;
        int s = rs & 15;
        if (s != 0) {
          if (s != 1) {
            throw new CorruptInputException("JPEG refinement scan codes a magnitude other than 1");
          }
          s = in.readBit() != 0 ? p1 : m1;
        } else if (r != 15) {
          eobRun = (1 << r) + in.read(r);
          break;
        }
        // skip r zero-history coefficients, refining the nonzero ones passed on the way
        while (k <= se) {
          int v = coef[off + k];
          if (v != 0) {
            refine(coef, off + k, v, p1, m1);
          } else {
            if (r == 0) {
              break;
            }
            r--;
          }
          k++;
        }
        if (s != 0) {
          if (k > se) {
            throw new CorruptInputException("JPEG refinement runs past its spectral band");
          }
          coef[off + k] = (short) s;
        }
      }
    }
    if (eobRun > 0) {
      for (; k <= se; k++) {
        int v = coef[off + k];
        if (v != 0) {
          refine(coef, off + k, v, p1, m1);
        }
      }
      eobRun--;
    }
  }

  private void refine(short[] coef, int i, int v, int p1, int m1) throws CorruptInputException {
    if (in.readBit() != 0 && (v & p1) == 0) {
      coef[i] = checked(v >= 0 ? v + p1 : v + m1);
    }
  }

  private static short checked(int v) throws CorruptInputException {
    if (v < Short.MIN_VALUE || v > Short.MAX_VALUE) {
      throw new CorruptInputException("JPEG coefficient out of range: " + v);
    }
    return (short) v;
  }
}
