package dev.squeeze.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a curl command as the reference prints it ({@code curl -X METHOD -d 'k=v' … 'https://host/v1/path'})
 * into an {@link ApiRequest}, after textual substitutions (real keys for {@code your_api_key}, real ids).
 */
final class Curl {
  private static final Pattern QUOTED = Pattern.compile("'([^']*)'");

  private Curl() {}

  static ApiRequest parse(String command, Map<String, String> substitutions) {
    String text = command;
    for (Map.Entry<String, String> e : substitutions.entrySet()) {
      text = text.replace(e.getKey(), e.getValue());
    }
    Matcher method = Pattern.compile("-X\\s+([A-Z]+)").matcher(text);
    if (!method.find()) {
      throw new IllegalArgumentException("no -X METHOD in " + command);
    }
    List<String> quoted = new ArrayList<>();
    Matcher q = QUOTED.matcher(text);
    while (q.find()) {
      quoted.add(q.group(1));
    }
    String url = quoted.remove(quoted.size() - 1);
    String path = url.replaceFirst("^https?://[^/]+", "");
    ApiRequest r = ApiRequest.of(method.group(1), path);
    for (String field : quoted) {
      int eq = field.indexOf('=');
      r = r.withField(field.substring(0, eq), field.substring(eq + 1));
    }
    return r;
  }
}
