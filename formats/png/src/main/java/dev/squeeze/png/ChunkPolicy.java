package dev.squeeze.png;

import dev.squeeze.MetadataPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Which ancillary chunks survive optimization under each {@link MetadataPolicy}. */
final class ChunkPolicy {
  /** Chunks that decide how pixel values map to colours. */
  static final Set<String> COLOR = Set.of("iCCP", "sRGB", "gAMA", "cHRM", "cICP", "mDCv", "cLLi");
  /** Chunks whose payload is expressed in the source's colour type or bit depth. */
  private static final Set<String> FORMAT_BOUND = Set.of("bKGD", "sBIT", "hIST");
  /** Chunks describing the pixels that stay true whatever the encoding, although their names say unsafe-to-copy. */
  private static final Set<String> KEEPABLE_UNSAFE = Set.of("tIME", "sPLT");
  /** Animation chunks: never copied onto a still image. */
  private static final Set<String> ANIMATION = Set.of("acTL", "fcTL", "fdAT");

  private ChunkPolicy() {}

  /**
   * The chunks to write for {@code policy}.
   *
   * @param sameFormat whether the output keeps the input's colour type and bit depth
   */
  static List<PngChunk> select(List<PngChunk> chunks, MetadataPolicy policy, boolean sameFormat) {
    boolean hasSrgb = chunks.stream().anyMatch(c -> c.type().equals("sRGB"));
    List<PngChunk> out = new ArrayList<>();
    for (PngChunk c : chunks) {
      PngChunk kept = decide(c, policy, sameFormat, hasSrgb);
      if (kept != null) {
        out.add(kept);
      }
    }
    return out;
  }

  /**
   * The chunk to write in place of {@code c} (itself, or a reduced copy) or null to drop it.
   *
   * @param hasSrgb whether the source has an sRGB chunk
   */
  static PngChunk decide(PngChunk c, MetadataPolicy policy, boolean sameFormat, boolean hasSrgb) {
    String t = c.type();
    if (ANIMATION.contains(t)) {
      return null;
    }
    if (t.equals("eXIf")) {
      if (policy == MetadataPolicy.KEEP_ALL) {
        return c;
      }
      int orientation = Exif.orientation(c.data());
      return orientation > 1 && orientation <= 8
          ? new PngChunk("eXIf", Exif.orientationOnly(orientation), c.afterImageData()) : null;
    }
    boolean keep = switch (policy) {
      case KEEP_ALL -> COLOR.contains(t) || KEEPABLE_UNSAFE.contains(t) || (FORMAT_BOUND.contains(t) && sameFormat)
          || (c.isSafeToCopy() && !FORMAT_BOUND.contains(t));
      case KEEP_COLOR_AND_ORIENTATION -> COLOR.contains(t);
      // stripping everything must not change what a viewer shows: an sRGB chunk says what untagged
      // images are assumed to be anyway, but a profile or gamma that is not sRGB changes the colours
      case STRIP_ALL -> !hasSrgb && COLOR.contains(t) && !restatesSrgb(c);
    };
    return keep ? c : null;
  }

  // sRGB's white point and primaries as cHRM stores them (x and y times 100000), from the PNG specification's
  // sRGB section; 1000 units of tolerance covers the rounded values encoders write
  private static final int[] SRGB_CHROMATICITIES = {31270, 32900, 64000, 33000, 30000, 60000, 15000, 6000};

  /** Whether a colour chunk says no more than "sRGB", which viewers assume for untagged images anyway. */
  static boolean restatesSrgb(PngChunk c) {
    byte[] d = c.data();
    return switch (c.type()) {
      case "iCCP" -> IccProfiles.isSrgb(d);
      // 45455 is 1/2.2, the gamma the sRGB chunk's specification pairs with it
      case "gAMA" -> d.length == 4 && Math.abs(PngBytes.u32(d, 0) - 45455) <= 500;
      case "cHRM" -> {
        if (d.length != 32) {
          yield false;
        }
        for (int i = 0; i < 8; i++) {
          if (Math.abs(PngBytes.u32(d, 4 * i) - SRGB_CHROMATICITIES[i]) > 1000) {
            yield false;
          }
        }
        yield true;
      }
      default -> false;
    };
  }
}
