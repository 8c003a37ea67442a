package dev.squeeze;

/** What happens to metadata that does not change how pixels look. */
public enum MetadataPolicy {
  /**
   * Drop everything, colour profiles and orientation included. Where dropping changes what a viewer shows
   * (an EXIF orientation, a non-sRGB profile), the optimizer applies it to the pixels first or keeps it.
   */
  STRIP_ALL,
  /** Keep what decides how pixels look (ICC profile, sRGB/gAMA/cHRM, EXIF orientation); the default. */
  KEEP_COLOR_AND_ORIENTATION,
  /** Keep every metadata chunk or marker. */
  KEEP_ALL
}
