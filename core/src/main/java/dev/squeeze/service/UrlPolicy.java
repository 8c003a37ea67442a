package dev.squeeze.service;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the service fetches {@code url} uploads: http and https only, bounded time, size and redirects, and no
 * loopback, private, link-local or otherwise internal address unless its host is on the allowlist (for tests
 * and trusted hosts). Immutable; change it through {@code withX} copies.
 *
 * <p>Known limit: the address is checked when the service resolves the name, and the HTTP client resolves
 * it again when it connects; a DNS server that answers differently the second time (DNS rebinding) is not
 * defended against here. Deployments that fear it put the service behind an egress proxy.
 */
public final class UrlPolicy {
  // 10 s to connect, 60 s for the whole fetch: generous for a multi-megabyte image from a slow origin,
  // short enough that a stalled server cannot hold an upload slot for long
  private static final UrlPolicy DEFAULTS = new UrlPolicy(Duration.ofSeconds(10), Duration.ofSeconds(60), 5,
      64L << 20, Set.of());

  private final Duration connectTimeout;
  private final Duration timeout;
  private final int maxRedirects;
  private final long maxBytes;
  private final Set<String> allowedHosts;

  private UrlPolicy(Duration connectTimeout, Duration timeout, int maxRedirects, long maxBytes,
      Set<String> allowedHosts) {
    this.connectTimeout = connectTimeout;
    this.timeout = timeout;
    this.maxRedirects = maxRedirects;
    this.maxBytes = maxBytes;
    this.allowedHosts = allowedHosts;
  }

  /**
   * 10 s connect timeout, 60 s for the whole fetch, at most 5 redirects (browsers allow 20; image hosts
   * need one or two), at most 64 MiB (the account's {@code file_max_size} usually binds first), no internal
   * addresses.
   */
  public static UrlPolicy defaults() {
    return DEFAULTS;
  }

  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** The bound on the whole fetch, redirects and body included. */
  public Duration timeout() {
    return timeout;
  }

  public int maxRedirects() {
    return maxRedirects;
  }

  public long maxBytes() {
    return maxBytes;
  }

  /** Host names or literal addresses fetched even when they resolve to internal addresses. */
  public Set<String> allowedHosts() {
    return allowedHosts;
  }

  public UrlPolicy withConnectTimeout(Duration d) {
    return new UrlPolicy(positive(d, "connectTimeout"), timeout, maxRedirects, maxBytes, allowedHosts);
  }

  public UrlPolicy withTimeout(Duration d) {
    return new UrlPolicy(connectTimeout, positive(d, "timeout"), maxRedirects, maxBytes, allowedHosts);
  }

  /** @param n 0 or more; 0 refuses every redirect */
  public UrlPolicy withMaxRedirects(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("maxRedirects must be 0 or more, was " + n);
    }
    return new UrlPolicy(connectTimeout, timeout, n, maxBytes, allowedHosts);
  }

  public UrlPolicy withMaxBytes(long bytes) {
    if (bytes < 1) {
      throw new IllegalArgumentException("maxBytes must be at least 1, was " + bytes);
    }
    return new UrlPolicy(connectTimeout, timeout, maxRedirects, bytes, allowedHosts);
  }

  /** Allows these hosts (names as written in URLs, or literal addresses such as {@code 127.0.0.1}). */
  public UrlPolicy withAllowedHosts(Set<String> hosts) {
    Set<String> lower = Objects.requireNonNull(hosts, "hosts").stream().map(h -> h.toLowerCase(Locale.ROOT))
        .collect(Collectors.toUnmodifiableSet());
    return new UrlPolicy(connectTimeout, timeout, maxRedirects, maxBytes, lower);
  }

  private static Duration positive(Duration d, String name) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + d);
    }
    return d;
  }

  @Override
  public String toString() {
    return "UrlPolicy{connect=" + connectTimeout + ", timeout=" + timeout + ", redirects=" + maxRedirects
        + ", maxBytes=" + maxBytes + ", allowed=" + allowedHosts + '}';
  }
}
