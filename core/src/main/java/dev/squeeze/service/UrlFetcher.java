package dev.squeeze.service;

import java.io.ByteArrayOutputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Fetches a {@code url} upload under a {@link UrlPolicy}; follows redirects itself so every hop is checked. */
final class UrlFetcher {
  /** The fetched content and the URL it finally came from. */
  record Fetched(byte[] data, URI finalUri) {}

  private final UrlPolicy policy;
  private final HttpClient client;

  UrlFetcher(UrlPolicy policy) {
    this.policy = policy;
    this.client = HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(policy.connectTimeout())
        // no proxy: the address check below must be about the host we really connect to
        .proxy(HttpClient.Builder.NO_PROXY)
        .build();
  }

  /**
   * @param fileMaxSize the account's limit: content larger than this is a 403, larger than the policy's own
   *     bound a 400
   */
  Fetched fetch(String url, long fileMaxSize) throws ServiceException {
    long limit = Math.min(fileMaxSize, policy.maxBytes());
    long deadline = System.nanoTime() + policy.timeout().toNanos();
    URI uri = parse(url);
    for (int hop = 0; ; hop++) {
      check(uri);
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new BadRequestException("Could not fetch url: timed out after " + policy.timeout().toSeconds() + " s");
      }
      HttpRequest request = HttpRequest.newBuilder(uri).GET().timeout(Duration.ofNanos(left)).build();
      CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request, info -> {
        int s = info.statusCode();
        if (s < 200 || s >= 300) {
          return HttpResponse.BodySubscribers.replacing(new byte[0]);
        }
        long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        return new BoundedBody(limit, declared > limit);
      });
      HttpResponse<byte[]> response;
      try {
        response = future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        future.cancel(true);
        throw new BadRequestException("Could not fetch url: timed out after " + policy.timeout().toSeconds() + " s");
      } catch (InterruptedException e) {
        future.cancel(true);
        Thread.currentThread().interrupt();
        throw new BadRequestException("Could not fetch url: interrupted");
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        while (cause != null && !(cause instanceof TooLarge) && cause.getCause() != null) {
          cause = cause.getCause();
        }
        if (cause instanceof TooLarge) {
          throw limit == fileMaxSize
              ? new ForbiddenException("File too large: more than file_max_size " + fileMaxSize + " bytes")
              : new BadRequestException("Could not fetch url: more than " + policy.maxBytes() + " bytes");
        }
        throw new BadRequestException("Could not fetch url: " + describe(e.getCause()));
      }
      int status = response.statusCode();
      if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
        if (hop >= policy.maxRedirects()) {
          throw new BadRequestException("Could not fetch url: more than " + policy.maxRedirects() + " redirects");
        }
        String location = response.headers().firstValue("Location")
            .orElseThrow(() -> new BadRequestException("Could not fetch url: redirect without a Location"));
        try {
          uri = uri.resolve(new URI(location.trim()));
        } catch (URISyntaxException | IllegalArgumentException e) {
          throw new BadRequestException("Could not fetch url: invalid redirect location");
        }
        continue;
      }
      if (status < 200 || status >= 300) {
        throw new BadRequestException("Could not fetch url: HTTP status " + status);
      }
      return new Fetched(response.body(), uri);
    }
  }

  private static String describe(Throwable t) {
    String m = t == null ? null : t.getMessage();
    return t == null ? "unknown error" : t.getClass().getSimpleName() + (m == null ? "" : " " + m);
  }

  private static URI parse(String url) throws BadRequestException {
    try {
      return new URI(url.trim());
    } catch (URISyntaxException e) {
      throw new BadRequestException("Invalid url: " + e.getReason());
    }
  }

  /** Scheme, host and every resolved address of {@code uri}, before any connection is made. */
  private void check(URI uri) throws BadRequestException {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new BadRequestException("Invalid url: only http and https are fetched, not '" + scheme + "'");
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      throw new BadRequestException("Invalid url: no host");
    }
    String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (policy.allowedHosts().contains(bare.toLowerCase(Locale.ROOT))) {
      return;
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(bare);
    } catch (UnknownHostException e) {
      throw new BadRequestException("Could not fetch url: unknown host " + host);
    }
    for (InetAddress a : addresses) {
      if (isInternal(a)) {
        throw new BadRequestException("Refused url: " + host + " resolves to an internal address");
      }
    }
  }

  /** Loopback, private, link-local, unique-local, carrier-grade NAT, multicast, unspecified. */
  static boolean isInternal(InetAddress a) {
    if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
        || a.isMulticastAddress()) {
      return true;
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      return first == 0 // "this network"
          || (first == 100 && second >= 64 && second < 128) // 100.64.0.0/10, carrier-grade NAT (RFC 6598)
          || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // 192.0.0.0/24, IETF protocol assignments
          || first >= 240; // reserved and broadcast
    }
    if (a instanceof Inet6Address) {
      return (b[0] & 0xfe) == 0xfc; // fc00::/7, unique local (RFC 4193)
    }
    return false;
  }

  /** Thrown inside the body subscriber when the content passes the limit. */
  private static final class TooLarge extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooLarge() {
      super("content over the size limit", null, false, false);
    }
  }

  /** Collects the body up to {@code limit} bytes and cancels the transfer as soon as it passes. */
  private static final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final long limit;
    private final boolean declaredTooLarge;
    private Flow.Subscription subscription;

    BoundedBody(long limit, boolean declaredTooLarge) {
      this.limit = limit;
      this.declaredTooLarge = declaredTooLarge;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      if (declaredTooLarge) {
        s.cancel();
        result.completeExceptionally(new TooLarge());
      } else {
        s.request(Long.MAX_VALUE);
      }
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      if (result.isDone()) {
        return;
      }
      for (ByteBuffer buf : items) {
        if (out.size() + (long) buf.remaining() > limit) {
          subscription.cancel();
          result.completeExceptionally(new TooLarge());
          return;
        }
        byte[] chunk = new byte[buf.remaining()];
        buf.get(chunk);
        out.write(chunk, 0, chunk.length);
      }
    }

    @Override
    public void onError(Throwable t) {
      result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      result.complete(out.toByteArray());
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }
  }
}
