package dev.squeeze.service;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One call as a client of the reference sends it: method, path (with an optional query string and an
 * optional {@code /v1} prefix), form or query fields ({@code auth} and {@code params} as JSON text, plain
 * fields such as {@code title}), and an optional uploaded file. Immutable; built with {@code withX} copies.
 *
 * <pre>{@code
 * ApiRequest r = ApiRequest.of("POST", "/v1/images")
 *     .withField("auth", "{\"key\":\"…\",\"secret\":\"…\"}")
 *     .withField("params", "{\"compression_type\":\"lossless\"}")
 *     .withFile("logo.png", bytes);
 * }</pre>
 */
public final class ApiRequest {
  private final String method;
  private final String path;
  private final Map<String, String> fields;
  private final String fileName;
  private final byte[] fileData;

  private ApiRequest(String method, String path, Map<String, String> fields, String fileName, byte[] fileData) {
    this.method = method;
    this.path = path;
    this.fields = fields;
    this.fileName = fileName;
    this.fileData = fileData;
  }

  /** A request without fields or file. */
  public static ApiRequest of(String method, String path) {
    return new ApiRequest(Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT),
        Objects.requireNonNull(path, "path"), Map.of(), null, null);
  }

  /** A copy with one more field (replacing a field of the same name). */
  public ApiRequest withField(String name, String value) {
    Map<String, String> f = new LinkedHashMap<>(fields);
    f.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    return new ApiRequest(method, path, Collections.unmodifiableMap(f), fileName, fileData);
  }

  /** A copy carrying the uploaded {@code file} field. */
  public ApiRequest withFile(String name, byte[] data) {
    return new ApiRequest(method, path, fields, Objects.requireNonNull(name, "name"),
        Objects.requireNonNull(data, "data").clone());
  }

  public String method() {
    return method;
  }

  public String path() {
    return path;
  }

  /** The form fields (query-string fields are parsed from {@link #path()} by the adapter). */
  public Map<String, String> fields() {
    return fields;
  }

  /** The uploaded file's name, or null. */
  public String fileName() {
    return fileName;
  }

  /** The uploaded file's bytes (a copy), or null. */
  public byte[] fileData() {
    return fileData == null ? null : fileData.clone();
  }

  boolean hasFile() {
    return fileData != null;
  }

  byte[] fileDataShared() {
    return fileData;
  }

  @Override
  public String toString() {
    return method + " " + path + " fields=" + fields.keySet() + (fileName == null ? "" : " file=" + fileName);
  }
}
