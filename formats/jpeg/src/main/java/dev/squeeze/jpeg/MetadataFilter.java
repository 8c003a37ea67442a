package dev.squeeze.jpeg;

import dev.squeeze.MetadataPolicy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Chooses the APPn/COM segments that go into the output under a {@link MetadataPolicy}. Whatever decides
 * how the coefficients become pixels is kept under every policy: the JFIF marker (cut to its 14 bytes,
 * thumbnail dropped) and the Adobe APP14 marker, whose transform flag decides RGB versus YCbCr (YCCK versus
 * CMYK). Orientation survives as a minimal EXIF holding only that tag, since a lossless transcode cannot
 * rotate pixels; ICC profiles are kept, except that {@link MetadataPolicy#STRIP_ALL} drops an sRGB one (what
 * decoders assume anyway).
 */
final class MetadataFilter {
  private static final String EXIF = "Exif\0\0";
  private static final String ICC = "ICC_PROFILE\0";
  private static final String JFIF = "JFIF\0";
  private static final String ADOBE = "Adobe";
  /** JFIF APP0 payload without thumbnail: identifier 5, version 2, units 1, densities 4, thumbnail size 2. */
  private static final int JFIF_MINIMAL = 14;

  private MetadataFilter() {}

  static List<Segment> select(List<Segment> segments, MetadataPolicy policy, int components) {
    if (policy == MetadataPolicy.KEEP_ALL) {
      return segments;
    }
    List<Segment> out = new ArrayList<>();
    boolean iccIsSrgb = policy == MetadataPolicy.STRIP_ALL && isSrgbProfile(segments);
    boolean exifDone = false;
    for (Segment s : segments) {
      if (s.isApp(0, JFIF) && s.payload().length >= JFIF_MINIMAL) {
        byte[] p = java.util.Arrays.copyOf(s.payload(), JFIF_MINIMAL);
        p[12] = 0;
        p[13] = 0;
        out.add(new Segment(0xE0, p));
      } else if (s.isApp(14, ADOBE) && components > 1) {
        out.add(s);
      } else if (s.isApp(2, ICC) && !iccIsSrgb) {
        out.add(s);
      } else if (s.isApp(1, EXIF) && !exifDone) {
        exifDone = true;
        int orientation = orientation(s.payload());
        if (orientation > 1 && orientation <= 8) {
          out.add(new Segment(0xE1, minimalExif(orientation)));
        }
      }
    }
    return out;
  }

  /**
   * Segments for a file re-encoded from pixels as JFIF YCbCr or grey: a JFIF marker (the input's density, or
   * 1:1), then orientation and profile as {@link #select} keeps them; the Adobe marker never (the colour
   * transform is now JFIF's).
   */
  static List<Segment> forReencoded(List<Segment> segments, MetadataPolicy policy) {
    List<Segment> out = new ArrayList<>();
    Segment jfif = null;
    for (Segment s : segments) {
      if (s.isApp(0, JFIF) && s.payload().length >= JFIF_MINIMAL) {
        jfif = s;
      }
    }
    byte[] p = jfif != null ? java.util.Arrays.copyOf(jfif.payload(), JFIF_MINIMAL)
        : new byte[] {'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0};
    p[12] = 0;
    p[13] = 0;
    out.add(new Segment(0xE0, p));
    for (Segment s : policy == MetadataPolicy.KEEP_ALL ? segments : select(segments, policy, 3)) {
      if (!s.isApp(0, JFIF) && !s.isApp(14, ADOBE)) {
        out.add(s);
      }
    }
    return out;
  }

  private static boolean isSrgbProfile(List<Segment> segments) {
    for (Segment s : segments) {
      if (s.isApp(2, ICC)) {
        // the profile description of the common sRGB profiles (HP/IEC, Google, Apple) names sRGB
        String text = new String(s.payload(), 0, Math.min(s.payload().length, 4096), StandardCharsets.ISO_8859_1);
        return text.contains("sRGB");
      }
    }
    return false;
  }

  /** The EXIF orientation (1-8) from IFD0, or 0 when absent or unreadable. */
  static int orientation(byte[] p) {
    int t = EXIF.length();
    if (p.length < t + 8) {
      return 0;
    }
    boolean le = p[t] == 'I' && p[t + 1] == 'I';
    if (!le && !(p[t] == 'M' && p[t + 1] == 'M')) {
      return 0;
    }
    long ifd = u32(p, t + 4, le);
    if (ifd < 8 || t + ifd + 2 > p.length) {
      return 0;
    }
    int at = (int) (t + ifd);
    int entries = u16(p, at, le);
    for (int i = 0; i < entries; i++) {
      int e = at + 2 + 12 * i;
      if (e + 12 > p.length) {
        return 0;
      }
      if (u16(p, e, le) == 0x0112 && u16(p, e + 2, le) == 3) {
        return u16(p, e + 8, le);
      }
    }
    return 0;
  }

  /** An EXIF payload whose IFD0 holds only the orientation tag (big-endian TIFF, 32 bytes). */
  static byte[] minimalExif(int orientation) {
    return new byte[] {'E', 'x', 'i', 'f', 0, 0, 'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1,
        0, (byte) orientation, 0, 0, 0, 0, 0, 0};
  }

  private static int u16(byte[] p, int at, boolean le) {
    int a = p[at] & 0xFF;
    int b = p[at + 1] & 0xFF;
    return le ? a | (b << 8) : (a << 8) | b;
  }

  private static long u32(byte[] p, int at, boolean le) {
    long hi = u16(p, le ? at + 2 : at, le);
    long lo = u16(p, le ? at : at + 2, le);
    return (hi << 16) | lo;
  }
}
