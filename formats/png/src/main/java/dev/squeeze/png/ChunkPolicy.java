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
    List<PngChunk> out = new ArrayList<>();
    boolean hasSrgb = chunks.stream().anyMatch(c -> c.type().equals("sRGB"));
    for (PngChunk c : chunks) {
      String t = c.type();
      if (ANIMATION.contains(t)) {
        continue;
      }
      if (t.equals("eXIf")) {
        if (policy == MetadataPolicy.KEEP_ALL) {
          out.add(c);
        } else {
          int orientation = Exif.orientation(c.data());
          if (orientation > 1 && orientation <= 8) {
            out.add(new PngChunk("eXIf", Exif.orientationOnly(orientation), false));
          }
        }
        continue;
      }
      boolean keep = switch (policy) {
        case KEEP_ALL -> COLOR.contains(t) || KEEPABLE_UNSAFE.contains(t) || (FORMAT_BOUND.contains(t) && sameFormat)
            || (c.isSafeToCopy() && !FORMAT_BOUND.contains(t));
        case KEEP_COLOR_AND_ORIENTATION -> COLOR.contains(t);
        // stripping everything must not change what a viewer shows: an sRGB chunk says what untagged
        // images are assumed to be anyway, but a profile or gamma that is not sRGB changes the colours
        case STRIP_ALL -> !hasSrgb && COLOR.contains(t) && !(t.equals("iCCP") && IccProfiles.isSrgb(c.data()));
      };
      if (keep) {
        out.add(c);
      }
    }
    return out;
  }
}
