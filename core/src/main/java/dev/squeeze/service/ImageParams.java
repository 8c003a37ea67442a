package dev.squeeze.service;

import dev.squeeze.CompressionType;
import dev.squeeze.Options;
import java.util.Objects;

/**
 * The {@code params} of an upload: {@code compression_type} ({@code lossy}, the default, or {@code lossless})
 * and {@code resize.width}, the largest width in pixels (0: keep the size).
 */
public record ImageParams(CompressionType compression, int resizeWidth) {
  public ImageParams {
    Objects.requireNonNull(compression, "compression");
    if (resizeWidth < 0) {
      throw new IllegalArgumentException("resizeWidth must be 0 (no resize) or positive, was " + resizeWidth);
    }
  }

  /** Lossy, no resize: what the reference does when no params are sent. */
  public static ImageParams defaults() {
    return new ImageParams(CompressionType.LOSSY, 0);
  }

  public static ImageParams lossless() {
    return new ImageParams(CompressionType.LOSSLESS, 0);
  }

  public ImageParams withResizeWidth(int width) {
    return new ImageParams(compression, width);
  }

  Options toOptions() {
    Options o = Options.defaults().withCompression(compression);
    return resizeWidth > 0 ? o.withMaxWidth(resizeWidth) : o;
  }

  /** Canonical text of the params, the second half of the dedupe key. */
  String key() {
    return compression.name().toLowerCase(java.util.Locale.ROOT) + (resizeWidth > 0 ? ";w=" + resizeWidth : "");
  }
}
