package dev.squeeze.service;

import java.util.Objects;

/** The {@code auth} object of every authenticated call: an API key and its secret. */
public record Credentials(String key, String secret) {
  public Credentials {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(secret, "secret");
  }

  /** Never prints the secret. */
  @Override
  public String toString() {
    return "Credentials{key=" + key + ", secret=***}";
  }
}
