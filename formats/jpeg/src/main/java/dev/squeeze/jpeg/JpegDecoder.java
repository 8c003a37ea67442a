package dev.squeeze.jpeg;

import dev.squeeze.CorruptInputException;
import dev.squeeze.Limits;
import dev.squeeze.SqueezeException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Parses a JPEG file's markers and decodes its scans to quantised DCT coefficients. Baseline, extended
 * sequential (8-bit) and progressive Huffman processes are decoded; the others raise
 * {@link UnsupportedJpegException} so the original can be kept. Limits are checked from the frame header,
 * before any coefficient buffer is allocated.
 */
final class JpegDecoder {
  /**
   * More scans than any real encoder writes (mozjpeg's search emits at most a few dozen; one scan per
   * coefficient, bit plane and component would be 64 x 14 x 4); bounds the work a tiny hostile file can cause.
   */
  private static final int MAX_SCANS = 1000;

  private final byte[] data;
  private final Limits limits;
  private int pos;
  private final int[][] quant = new int[4][];
  private final HuffmanDecodeTable[] dcTables = new HuffmanDecodeTable[4];
  private final HuffmanDecodeTable[] acTables = new HuffmanDecodeTable[4];
  private final List<Segment> segments = new ArrayList<>();
  private int restartInterval;
  private JpegImage image;
  private boolean progressive;
  private int scans;

  private JpegDecoder(byte[] data, Limits limits) {
    this.data = data;
    this.limits = limits;
  }

  /** Decodes {@code data} to coefficients. */
  static JpegImage decode(byte[] data, Limits limits) throws SqueezeException, UnsupportedJpegException {
    return new JpegDecoder(data, limits).run();
  }

  private JpegImage run() throws SqueezeException, UnsupportedJpegException {
    if (data.length < 4 || (data[0] & 0xFF) != 0xFF || (data[1] & 0xFF) != 0xD8) {
      throw new CorruptInputException("not a JPEG: no SOI marker");
    }
    pos = 2;
    while (true) {
      int marker = nextMarker();
      if (marker < 0 || marker == 0xD9) {
        break; // end of input without EOI is tolerated once scans were read, as libjpeg does
      }
      if (marker >= 0xD0 && marker <= 0xD7 || marker == 0x01) {
        continue; // stray RSTn or TEM: no payload
      }
      int len = u16(pos);
      if (len < 2 || pos + len > data.length) {
        throw new CorruptInputException("JPEG marker 0x" + Integer.toHexString(marker) + " has a bad length " + len);
      }
      int start = pos + 2;
      int end = pos + len;
      pos = end;
      switch (marker) {
        case 0xC0, 0xC1, 0xC2 -> frame(marker, start, end);
        case 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF -> unsupportedFrame(marker, start, end);
        case 0xCC -> throw new UnsupportedJpegException("arithmetic-coded JPEG (DAC marker) is kept as it is",
            dim(true), dim(false));
        case 0xC4 -> huffman(start, end);
        case 0xDB -> quantisation(start, end);
        case 0xDD -> {
          if (len != 4) {
            throw new CorruptInputException("JPEG DRI marker has length " + len);
          }
          restartInterval = u16(start);
        }
        case 0xDA -> scan(start, end);
        case 0xDC -> throw new UnsupportedJpegException("JPEG with a DNL marker is kept as it is", dim(true), dim(false));
        default -> {
          if (marker >= 0xE0 && marker <= 0xEF || marker == 0xFE) {
            segments.add(new Segment(marker, Arrays.copyOfRange(data, start, end)));
          }
        }
      }
    }
    if (image == null || scans == 0) {
      throw new CorruptInputException("JPEG has no " + (image == null ? "frame" : "scan"));
    }
    for (Component c : image.components) {
      if (c.quant == null) {
        throw new CorruptInputException("JPEG component " + c.id + " is in no scan");
      }
    }
    return image;
  }

  private int dim(boolean width) {
    return image == null ? 0 : width ? image.width : image.height;
  }

  /** Skips to the next marker (tolerating junk between segments, as libjpeg does); -1 at end of input. */
  private int nextMarker() {
    while (pos + 1 < data.length) {
      if ((data[pos] & 0xFF) == 0xFF) {
        int m = data[pos + 1] & 0xFF;
        if (m != 0xFF && m != 0x00) {
          pos += 2;
          return m;
        }
      }
      pos++;
    }
    pos = data.length;
    return -1;
  }

  private int u16(int at) throws CorruptInputException {
    if (at + 1 >= data.length) {
      throw new CorruptInputException("JPEG ends inside a marker segment");
    }
    return ((data[at] & 0xFF) << 8) | (data[at + 1] & 0xFF);
  }

  private int u8(int at, int end) throws CorruptInputException {
    if (at >= end) {
      throw new CorruptInputException("JPEG marker segment too short");
    }
    return data[at] & 0xFF;
  }

  private void unsupportedFrame(int marker, int start, int end) throws CorruptInputException, UnsupportedJpegException {
    int h = end - start >= 5 ? u16(start + 1) : 0;
    int w = end - start >= 5 ? u16(start + 3) : 0;
    String kind = switch (marker) {
      case 0xC3 -> "lossless-process (SOF3)";
      case 0xC5, 0xC6, 0xC7 -> "hierarchical";
      default -> "arithmetic-coded";
    };
    throw new UnsupportedJpegException(kind + " JPEG is kept as it is", w, h);
  }

  private void frame(int marker, int start, int end) throws SqueezeException, UnsupportedJpegException {
    if (image != null) {
      throw new CorruptInputException("JPEG has two frame headers");
    }
    int precision = u8(start, end);
    int height = u16(start + 1);
    int width = u16(start + 3);
    int n = u8(start + 5, end);
    if (precision != 8) {
      throw new UnsupportedJpegException(precision + "-bit JPEG is kept as it is", width, height);
    }
    if (height == 0) {
      throw new UnsupportedJpegException("JPEG with its height in a DNL marker is kept as it is", width, 0);
    }
    if (width == 0) {
      throw new CorruptInputException("JPEG frame has zero width");
    }
    if (n < 1 || n > 4) {
      if (n == 0) {
        throw new CorruptInputException("JPEG frame has no components");
      }
      throw new UnsupportedJpegException("JPEG with " + n + " components is kept as it is", width, height);
    }
    if (end - start < 6 + 3 * n) {
      throw new CorruptInputException("JPEG frame header too short");
    }
    limits.checkPixels(width, height);
    int[] ids = new int[n];
    int[] hs = new int[n];
    int[] vs = new int[n];
    int[] tqs = new int[n];
    int maxH = 1;
    int maxV = 1;
    for (int i = 0; i < n; i++) {
      int p = start + 6 + 3 * i;
      ids[i] = data[p] & 0xFF;
      hs[i] = (data[p + 1] & 0xFF) >>> 4;
      vs[i] = data[p + 1] & 15;
      tqs[i] = data[p + 2] & 0xFF;
      if (hs[i] < 1 || hs[i] > 4 || vs[i] < 1 || vs[i] > 4 || tqs[i] > 3) {
        throw new CorruptInputException("JPEG component " + ids[i] + " has bad sampling or table");
      }
      for (int j = 0; j < i; j++) {
        if (ids[j] == ids[i]) {
          throw new CorruptInputException("JPEG frame repeats component id " + ids[i]);
        }
      }
      maxH = Math.max(maxH, hs[i]);
      maxV = Math.max(maxV, vs[i]);
    }
    int mcusWide = JpegImage.ceilDiv(width, 8 * maxH);
    int mcusHigh = JpegImage.ceilDiv(height, 8 * maxV);
    Component[] comps = new Component[n];
    for (int i = 0; i < n; i++) {
      int cw = JpegImage.ceilDiv(width * hs[i], maxH);
      int ch = JpegImage.ceilDiv(height * vs[i], maxV);
      comps[i] = new Component(ids[i], hs[i], vs[i], tqs[i], mcusWide * hs[i], mcusHigh * vs[i],
          JpegImage.ceilDiv(cw, 8), JpegImage.ceilDiv(ch, 8));
    }
    progressive = marker == 0xC2;
    image = new JpegImage(width, height, comps, segments);
    for (Component c : comps) {
      c.coef = new short[c.blockCount() * 64];
    }
  }

  private void quantisation(int start, int end) throws CorruptInputException {
    int p = start;
    while (p < end) {
      int pq = (data[p] & 0xFF) >>> 4;
      int tq = data[p] & 15;
      if (pq > 1 || tq > 3) {
        throw new CorruptInputException("JPEG DQT has bad precision or id");
      }
      p++;
      if (p + 64 * (pq + 1) > end) {
        throw new CorruptInputException("JPEG DQT too short");
      }
      int[] q = new int[64];
      for (int k = 0; k < 64; k++) {
        q[k] = pq == 0 ? data[p++] & 0xFF : u16((p += 2) - 2);
        if (q[k] == 0) {
          throw new CorruptInputException("JPEG quantisation table has a zero entry");
        }
      }
      quant[tq] = q;
    }
  }

  private void huffman(int start, int end) throws CorruptInputException {
    int p = start;
    while (p < end) {
      int tc = (data[p] & 0xFF) >>> 4;
      int th = data[p] & 15;
      if (tc > 1 || th > 3) {
        throw new CorruptInputException("JPEG DHT has bad class or id");
      }
      p++;
      if (p + 16 > end) {
        throw new CorruptInputException("JPEG DHT too short");
      }
      int[] counts = new int[17];
      int total = 0;
      for (int i = 1; i <= 16; i++) {
        counts[i] = data[p++] & 0xFF;
        total += counts[i];
      }
      if (total > 256 || p + total > end) {
        throw new CorruptInputException("JPEG DHT has too many symbols");
      }
      int[] symbols = new int[total];
      for (int i = 0; i < total; i++) {
        symbols[i] = data[p++] & 0xFF;
      }
      HuffmanDecodeTable t = HuffmanDecodeTable.of(counts, symbols, tc == 0);
      if (tc == 0) {
        dcTables[th] = t;
      } else {
        acTables[th] = t;
      }
    }
  }

  private void scan(int start, int end) throws CorruptInputException {
    if (image == null) {
      throw new CorruptInputException("JPEG scan before the frame header");
    }
    if (++scans > MAX_SCANS) {
      throw new CorruptInputException("JPEG has more than " + MAX_SCANS + " scans");
    }
    int ns = u8(start, end);
    if (ns < 1 || ns > 4 || end - start != 4 + 2 * ns) {
      throw new CorruptInputException("JPEG scan header is malformed");
    }
    Component[] comps = new Component[ns];
    HuffmanDecodeTable[] dc = new HuffmanDecodeTable[ns];
    HuffmanDecodeTable[] ac = new HuffmanDecodeTable[ns];
    int p = start + 1;
    int ss = data[start + 1 + 2 * ns] & 0xFF;
    int se = data[start + 2 + 2 * ns] & 0xFF;
    int ah = (data[start + 3 + 2 * ns] & 0xFF) >>> 4;
    int al = data[start + 3 + 2 * ns] & 15;
    if (!progressive) {
      ss = 0;
      se = 63;
      ah = 0;
      al = 0;
    } else if (ss > se || se > 63 || (ss == 0) != (se == 0) || (ss > 0 && ns != 1) || al > 13
        || (ah != 0 && ah != al + 1)) {
      throw new CorruptInputException("JPEG progressive scan has bad parameters Ss=" + ss + " Se=" + se
          + " Ah=" + ah + " Al=" + al);
    }
    int blocks = 0;
    for (int i = 0; i < ns; i++) {
      int id = data[p++] & 0xFF;
      int tables = data[p++] & 0xFF;
      Component c = null;
      for (Component x : image.components) {
        if (x.id == id) {
          c = x;
        }
      }
      if (c == null) {
        throw new CorruptInputException("JPEG scan names unknown component " + id);
      }
      for (int j = 0; j < i; j++) {
        if (comps[j] == c) {
          throw new CorruptInputException("JPEG scan repeats component " + id);
        }
      }
      comps[i] = c;
      blocks += c.h * c.v;
      int td = tables >>> 4;
      int ta = tables & 15;
      boolean needDc = ss == 0 && ah == 0;
      boolean needAc = se > 0;
      if (td > 3 || ta > 3 || (needDc && dcTables[td] == null) || (needAc && acTables[ta] == null)) {
        throw new CorruptInputException("JPEG scan uses an undefined Huffman table");
      }
      dc[i] = dcTables[td];
      ac[i] = acTables[ta];
      if (c.quant == null) {
        if (quant[c.tq] == null) {
          throw new CorruptInputException("JPEG component " + id + " uses undefined quantisation table " + c.tq);
        }
        c.quant = quant[c.tq].clone();
      }
    }
    if (ns > 1 && blocks > 10) {
      throw new CorruptInputException("JPEG scan has " + blocks + " blocks per MCU (at most 10)");
    }
    BitReader in = new BitReader(data, end);
    new ScanDecoder(image, comps, dc, ac, ss, se, ah, al, progressive, restartInterval, in).decode();
    pos = in.position();
  }
}
