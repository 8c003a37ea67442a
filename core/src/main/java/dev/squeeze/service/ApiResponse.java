package dev.squeeze.service;

import java.nio.charset.StandardCharsets;

/**
 * What a server sends back for one {@link ApiRequest}: the HTTP status, the content type (empty for 204) and
 * the body bytes (JSON, an image file or a zip).
 */
public record ApiResponse(int status, String contentType, byte[] body) {
  /** The body as UTF-8 text (for JSON). */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** True for a 4xx or 5xx status. */
  public boolean isError() {
    return status >= 400;
  }

  @Override
  public String toString() {
    return status + " " + contentType + " (" + body.length + " bytes)";
  }
}
