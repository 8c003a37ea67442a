package dev.squeeze.service;

import java.util.Locale;

/** Which file of an image record a download means: the kept original, or the optimized result. */
public enum FileType {
  ORIGIN,
  OPTIMIZED;

  /** The wire name: {@code origin} or {@code optimized}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a wire name; unknown names are a 404, as an unknown download is. */
  public static FileType fromWire(String s) throws NotFoundException {
    for (FileType t : values()) {
      if (t.wireName().equals(s)) {
        return t;
      }
    }
    throw new NotFoundException("Not found: unknown file type '" + s + "' (origin or optimized)");
  }
}
