package dev.squeeze.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** API keys, secrets and download tokens from {@link SecureRandom}, and the constant-time comparison. */
final class Secrets {
  // 128 bits for keys and tokens: unguessable, and a token is 32 hex digits like the reference's
  // download links (cd493caac5e70f154c80141fccb5ad0a); 256 bits for secrets, which are credentials
  private static final int KEY_BYTES = 16;
  private static final int TOKEN_BYTES = 16;
  private static final int SECRET_BYTES = 32;
  private static final HexFormat HEX = HexFormat.of();

  private final SecureRandom random;

  Secrets(SecureRandom random) {
    this.random = random;
  }

  String newKey() {
    return hex(KEY_BYTES);
  }

  String newSecret() {
    return hex(SECRET_BYTES);
  }

  String newToken() {
    return hex(TOKEN_BYTES);
  }

  private String hex(int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    return HEX.formatHex(b);
  }

  /** Compares in time that depends only on the lengths, never on where the first difference is. */
  static boolean constantTimeEquals(String expected, String given) {
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }

  /** Hex SHA-256 of {@code data}: the content half of the dedupe key. */
  static String sha256(byte[] data) {
    try {
      return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
