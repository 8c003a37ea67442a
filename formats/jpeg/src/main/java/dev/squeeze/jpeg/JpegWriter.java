package dev.squeeze.jpeg;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes a JPEG file from coefficients and a scan script: the kept segments, one DQT, the frame header, and
 * per scan a DHT with that scan's optimised tables, the scan header and its entropy-coded data.
 */
final class JpegWriter {
  private JpegWriter() {}

  /**
   * @param progressive write SOF2 and treat {@code script} as progressive scans; otherwise sequential scans
   *     with at most two tables per class (baseline, or extended sequential when a quantiser exceeds 255)
   */
  static byte[] write(JpegImage image, List<Segment> segments, boolean progressive, List<Scan> script) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(estimateSize(image));
    out.write(0xFF);
    out.write(0xD8);
    for (Segment s : segments) {
      marker(out, s.marker(), s.payload().length);
      out.writeBytes(s.payload());
    }
    Component[] comps = image.components;
    List<int[]> tables = new ArrayList<>();
    int[] tableOf = new int[comps.length];
    boolean wide = false;
    for (int i = 0; i < comps.length; i++) {
      int found = -1;
      for (int t = 0; t < tables.size(); t++) {
        if (Arrays.equals(tables.get(t), comps[i].quant)) {
          found = t;
        }
      }
      if (found < 0) {
        found = tables.size();
        tables.add(comps[i].quant);
      }
      tableOf[i] = found;
      for (int q : comps[i].quant) {
        wide |= q > 255;
      }
    }
    int dqtLen = 0;
    for (int[] q : tables) {
      boolean w = needsWide(q);
      dqtLen += 1 + (w ? 128 : 64);
    }
    marker(out, 0xDB, dqtLen);
    for (int t = 0; t < tables.size(); t++) {
      int[] q = tables.get(t);
      boolean w = needsWide(q);
      out.write((w ? 0x10 : 0) | t);
      for (int v : q) {
        if (w) {
          out.write(v >>> 8);
        }
        out.write(v);
      }
    }
    int sof = progressive ? 0xC2 : wide ? 0xC1 : 0xC0;
    marker(out, sof, 6 + 3 * comps.length);
    out.write(8);
    u16(out, image.height);
    u16(out, image.width);
    out.write(comps.length);
    for (int i = 0; i < comps.length; i++) {
      out.write(comps[i].id);
      out.write((comps[i].h << 4) | comps[i].v);
      out.write(tableOf[i]);
    }
    AcTableSlots acSlots = progressive ? new AcTableSlots() : null;
    for (Scan scan : script) {
      writeScan(out, image, scan, progressive ? 4 : 2, acSlots);
    }
    out.write(0xFF);
    out.write(0xD9);
    return out.toByteArray();
  }

  private static boolean needsWide(int[] q) {
    for (int v : q) {
      if (v > 255) {
        return true;
      }
    }
    return false;
  }

  /**
   * AC tables a progressive decoder still holds from earlier scans (ids 0-3 of class 1). A later AC scan
   * whose symbols an earlier table covers may reuse it when the bits it loses against its own optimal code
   * are fewer than that code's DHT segment costs: refinement scans of one band, and bands of similar
   * statistics, often share a table that way.
   */
  static final class AcTableSlots {
    private final HuffmanCode[] codes = new HuffmanCode[4];
    private final int[] lastUse = new int[4];
    private int clock;

    /** The slot whose table codes {@code freq} in fewer bits than {@code limitBits}, or -1. */
    int cheaperThan(long[] freq, long limitBits) {
      int best = -1;
      long bestBits = limitBits;
      for (int i = 0; i < codes.length; i++) {
        HuffmanCode c = codes[i];
        if (c != null && covers(c, freq)) {
          long bits = c.cost(freq);
          if (bits < bestBits) {
            bestBits = bits;
            best = i;
          }
        }
      }
      if (best >= 0) {
        lastUse[best] = ++clock;
      }
      return best;
    }

    /** Stores {@code code} in an empty slot, else in the one unused longest; returns the slot. */
    int store(HuffmanCode code) {
      int slot = 0;
      for (int i = 0; i < codes.length; i++) {
        if (codes[i] == null) {
          slot = i;
          break;
        }
        if (lastUse[i] < lastUse[slot]) {
          slot = i;
        }
      }
      codes[slot] = code;
      lastUse[slot] = ++clock;
      return slot;
    }

    private static boolean covers(HuffmanCode c, long[] freq) {
      for (int s = 0; s < 256; s++) {
        if (freq[s] != 0 && c.length[s] == 0) {
          return false;
        }
      }
      return true;
    }
  }

  /** Counts, optimises tables, writes DHT, SOS and data for one scan. */
  static void writeScan(ByteArrayOutputStream out, JpegImage image, Scan scan, int maxTables) {
    writeScan(out, image, scan, maxTables, null);
  }

  /**
   * As {@link #writeScan(ByteArrayOutputStream, JpegImage, Scan, int)}; with {@code acSlots} (progressive
   * files), single-component AC scans reuse or replace the AC tables defined by earlier scans.
   */
  static void writeScan(ByteArrayOutputStream out, JpegImage image, Scan scan, int maxTables, AcTableSlots acSlots) {
    SymbolCounter counter = new SymbolCounter(8);
    ScanEncoder.encode(image, scan, counter);
    ScanTables t = ScanTables.optimise(counter, scan, maxTables);
    int n = scan.comps().length;
    HuffmanCode[] slots = new HuffmanCode[8];
    int acId = -1;
    boolean acDefined = false;
    if (acSlots != null && n == 1 && scan.se() > 0) {
      HuffmanCode own = t.acCodes.get(0);
      long ownBits = own.cost(counter.freq[4]) + 8L * own.tableBytes();
      acId = acSlots.cheaperThan(counter.freq[4], ownBits);
      if (acId >= 0) {
        slots[4] = acSlots.codes[acId];
      } else {
        acId = acSlots.store(own);
        slots[4] = own;
        acDefined = true;
      }
    }
    int dhtPayload = 0;
    for (HuffmanCode c : t.dcCodes) {
      dhtPayload += c.tableBytes();
    }
    if (acId < 0) {
      for (HuffmanCode c : t.acCodes) {
        dhtPayload += c.tableBytes();
      }
    } else if (acDefined) {
      dhtPayload += slots[4].tableBytes();
    }
    if (dhtPayload > 0) {
      marker(out, 0xC4, dhtPayload);
      for (int i = 0; i < t.dcCodes.size(); i++) {
        table(out, 0x00 | i, t.dcCodes.get(i));
      }
      if (acId < 0) {
        for (int i = 0; i < t.acCodes.size(); i++) {
          table(out, 0x10 | i, t.acCodes.get(i));
        }
      } else if (acDefined) {
        table(out, 0x10 | acId, slots[4]);
      }
    }
    marker(out, 0xDA, 4 + 2 * n);
    out.write(n);
    for (int i = 0; i < n; i++) {
      out.write(image.components[scan.comps()[i]].id);
      int ac = acId >= 0 ? acId : Math.max(0, t.acTable[i]);
      out.write((Math.max(0, t.dcTable[i]) << 4) | ac);
    }
    out.write(scan.ss());
    out.write(scan.se());
    out.write((scan.ah() << 4) | scan.al());
    for (int i = 0; i < n; i++) {
      if (t.dcTable[i] >= 0) {
        slots[i] = t.dcCodes.get(t.dcTable[i]);
      }
      if (acId < 0 && t.acTable[i] >= 0) {
        slots[4 + i] = t.acCodes.get(t.acTable[i]);
      }
    }
    BitWriter w = new BitWriter(out, slots);
    ScanEncoder.encode(image, scan, w);
    w.flush();
  }

  private static void table(ByteArrayOutputStream out, int classAndId, HuffmanCode code) {
    out.write(classAndId);
    for (int len = 1; len <= 16; len++) {
      out.write(code.counts[len]);
    }
    for (int s : code.symbols) {
      out.write(s);
    }
  }

  /** Writes a marker and the length field for a payload of {@code payloadLength} bytes. */
  static void marker(ByteArrayOutputStream out, int marker, int payloadLength) {
    out.write(0xFF);
    out.write(marker);
    u16(out, payloadLength + 2);
  }

  private static void u16(ByteArrayOutputStream out, int v) {
    out.write(v >>> 8);
    out.write(v);
  }

  private static int estimateSize(JpegImage image) {
    long blocks = 0;
    for (Component c : image.components) {
      blocks += c.blockCount();
    }
    return (int) Math.min(1 << 26, 1024 + blocks * 8);
  }
}
