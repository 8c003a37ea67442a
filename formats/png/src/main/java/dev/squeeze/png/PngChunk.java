package dev.squeeze.png;

import java.util.Objects;

/**
 * One PNG chunk kept as raw bytes (an ancillary chunk carried from input to output), with where it stood:
 * before the image data or after it.
 *
 * @param type the four-letter chunk type, such as {@code iCCP}
 * @param data the chunk's payload (not copied; treat as read-only)
 * @param afterImageData whether the chunk followed the IDAT chunks in its source
 */
public record PngChunk(String type, byte[] data, boolean afterImageData) {
  /** Checks the type is four ASCII letters. */
  public PngChunk {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(data, "data");
    if (type.length() != 4 || !type.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
      throw new IllegalArgumentException("chunk type must be four ASCII letters, was '" + type + "'");
    }
  }

  /** Whether a decoder may ignore this chunk (lower-case first letter). */
  public boolean isAncillary() {
    return Character.isLowerCase(type.charAt(0));
  }

  /** Whether the PNG rules let an editor copy this chunk unchanged after altering the image (lower-case fourth letter). */
  public boolean isSafeToCopy() {
    return Character.isLowerCase(type.charAt(3));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PngChunk c && c.type.equals(type) && java.util.Arrays.equals(c.data, data)
        && c.afterImageData == afterImageData;
  }

  @Override
  public int hashCode() {
    return type.hashCode() * 31 + java.util.Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return type + "[" + data.length + " bytes" + (afterImageData ? ", after IDAT]" : "]");
  }
}
