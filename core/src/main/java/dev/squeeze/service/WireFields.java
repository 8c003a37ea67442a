package dev.squeeze.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The fields of one request (query string first, then form fields over it), read the way the reference's
 * clients write them: {@code auth} and {@code params} as JSON, plain fields possibly in double quotes
 * ({@code -d 'title="New subaccount"'} in the reference's curl examples).
 */
final class WireFields {
  private final Map<String, String> values;

  private WireFields(Map<String, String> values) {
    this.values = values;
  }

  static WireFields of(String query, Map<String, String> form) {
    Map<String, String> v = new LinkedHashMap<>();
    if (query != null && !query.isEmpty()) {
      for (String pair : query.split("&")) {
        int eq = pair.indexOf('=');
        String k = eq < 0 ? pair : pair.substring(0, eq);
        String val = eq < 0 ? "" : pair.substring(eq + 1);
        v.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(val, StandardCharsets.UTF_8));
      }
    }
    v.putAll(form);
    return new WireFields(v);
  }

  /** A plain field, without the double quotes some clients wrap around it; null when absent. */
  String text(String name) throws BadRequestException {
    String v = values.get(name);
    if (v == null) {
      return null;
    }
    String t = v.trim();
    if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
      try {
        return WireJson.MAPPER.readValue(t, String.class);
      } catch (JsonProcessingException e) {
        throw new BadRequestException("Invalid field " + name + ": not a valid quoted string");
      }
    }
    return v;
  }

  /** A whole number field; null when absent. */
  Long number(String name) throws BadRequestException {
    String t = text(name);
    if (t == null || t.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(t.trim());
    } catch (NumberFormatException e) {
      throw new BadRequestException("Invalid field " + name + ": '" + t + "' is not a whole number");
    }
  }

  /** A JSON field; null when absent. */
  JsonNode json(String name) throws BadRequestException {
    String v = values.get(name);
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      return WireJson.MAPPER.readTree(v);
    } catch (JsonProcessingException e) {
      throw new BadRequestException("Invalid field " + name + ": not valid JSON");
    }
  }

  /** {@code auth={"key":…,"secret":…}}; 401 when missing or incomplete. */
  Credentials auth() throws ServiceException {
    JsonNode a = json("auth");
    if (a == null || !a.isObject() || !a.path("key").isTextual() || !a.path("secret").isTextual()) {
      throw new UnauthorizedException("Authentication required: auth={\"key\":\"…\",\"secret\":\"…\"}");
    }
    return new Credentials(a.get("key").asText(), a.get("secret").asText());
  }

  /** The inner params object: {@code params={…}}, or the {@code params={"params":{…},"url":…}} shape. */
  JsonNode paramsObject() throws BadRequestException {
    JsonNode p = json("params");
    if (p == null || p.isNull()) {
      return WireJson.MAPPER.createObjectNode();
    }
    if (!p.isObject()) {
      throw new BadRequestException("Invalid field params: a JSON object expected");
    }
    return p.has("params") && p.get("params").isObject() ? p.get("params") : p;
  }

  /** {@code url} as its own field, or inside {@code params} (the other shape published clients send). */
  String url() throws BadRequestException {
    String u = text("url");
    if (u != null) {
      return u;
    }
    JsonNode p = json("params");
    return p != null && p.path("url").isTextual() ? p.get("url").asText() : null;
  }

  /** {@code compression_type} and {@code resize.width} from the params. */
  ImageParams imageParams() throws BadRequestException {
    JsonNode p = paramsObject();
    ImageParams params = ImageParams.defaults();
    JsonNode type = p.get("compression_type");
    if (type != null && !type.isNull()) {
      String t = type.asText().trim().toLowerCase(Locale.ROOT);
      if (t.equals("lossless")) {
        params = ImageParams.lossless();
      } else if (!t.equals("lossy")) {
        throw new BadRequestException("Invalid compression_type '" + type.asText() + "': lossy or lossless");
      }
    }
    JsonNode width = p.path("resize").get("width");
    if (width != null && !width.isNull() && !width.asText().isBlank()) {
      int w;
      try {
        w = Integer.parseInt(width.asText().trim());
      } catch (NumberFormatException e) {
        throw new BadRequestException("Invalid resize.width '" + width.asText() + "': a whole number of pixels");
      }
      if (w < 0) {
        throw new BadRequestException("Invalid resize.width " + w + ": 0 (no resize) or more");
      }
      params = params.withResizeWidth(w);
    }
    return params;
  }

  /** A page bound: absent means {@code dflt}. */
  int integer(String name, int dflt) throws BadRequestException {
    Long v = number(name);
    if (v == null) {
      return dflt;
    }
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw new BadRequestException("Invalid field " + name + ": " + v + " is out of range");
    }
    return v.intValue();
  }
}
