package dev.squeeze.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code url} uploads against a local HTTP server: what is fetched, and everything that is refused. */
class UrlUploadTest {
  private static final byte[] IMAGE = Fixtures.png(4_000, 42);

  private HttpServer server;
  private String base;
  private Account acct;
  private SqueezeService allowing;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/img/logo11w.png", ex -> send(ex, 200, IMAGE));
    server.createContext("/missing.png", ex -> send(ex, 404, new byte[0]));
    server.createContext("/big.png", ex -> send(ex, 200, Fixtures.png(50_000, 1)));
    server.createContext("/chunked-big.png", ex -> {
      ex.sendResponseHeaders(200, 0); // chunked: no Content-Length to refuse early on
      try (OutputStream out = ex.getResponseBody()) {
        byte[] chunk = Fixtures.png(1_000, 2);
        for (int i = 0; i < 50; i++) {
          out.write(chunk);
        }
      } catch (IOException ignored) {
        // the client hung up once past the limit: that is the point
      }
    });
    server.createContext("/slow.png", ex -> {
      try {
        Thread.sleep(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      send(ex, 200, IMAGE);
    });
    server.createContext("/redirect/", ex -> {
      int n = Integer.parseInt(ex.getRequestURI().getPath().substring("/redirect/".length()));
      ex.getResponseHeaders().add("Location", n == 0 ? "/img/logo11w.png" : "/redirect/" + (n - 1));
      send(ex, 302, new byte[0]);
    });
    server.createContext("/to-metadata", ex -> {
      ex.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
      send(ex, 302, new byte[0]);
    });
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
    allowing = service(UrlPolicy.defaults().withAllowedHosts(Set.of("127.0.0.1"))
        .withTimeout(Duration.ofSeconds(2)).withMaxRedirects(3));
    acct = allowing.createAccount("a", 1_000_000, 20_000);
  }

  private static SqueezeService service(UrlPolicy policy) {
    return SqueezeService.builder().clock(new Fixtures.MutableClock(Fixtures.START)).squeeze(Fixtures.squeeze())
        .urlPolicy(policy).build();
  }

  private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    } catch (IOException ignored) {
      // client gave up early (size limit): nothing to do
    }
  }

  @AfterEach
  void stop() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }

  private Upload fetch(SqueezeService s, Account a, String url) throws ServiceException {
    return s.addImageFromUrl(a.credentials(), url, ImageParams.defaults());
  }

  @Test
  void anAllowlistedHostIsFetchedAndNamedAfterThePath() throws Exception {
    Upload u = fetch(allowing, acct, base + "/img/logo11w.png");
    assertThat(u.image().filename()).isEqualTo("logo11w.png");
    assertThat(u.image().sizeBefore()).isEqualTo(IMAGE.length);
    assertThat(allowing.account(acct.credentials()).quotaCurrent()).isEqualTo(IMAGE.length);
  }

  @Test
  void loopbackPrivateAndLinkLocalAddressesAreRefusedByDefault() throws Exception {
    SqueezeService strict = service(UrlPolicy.defaults().withTimeout(Duration.ofSeconds(2)));
    Account a = strict.createAccount("a", 1_000_000, 20_000);
    for (String url : new String[] {base + "/img/logo11w.png", "http://localhost:1/x.png", "http://10.0.0.1/x.png",
        "http://192.168.1.1/x.png", "http://172.16.0.1/x.png", "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/x.png", "http://[fd00::1]/x.png", "http://[fe80::1]/x.png", "http://0.0.0.0/x.png",
        "http://100.64.0.1/x.png"}) {
      assertThatThrownBy(() -> fetch(strict, a, url)).as(url).isInstanceOf(BadRequestException.class)
          .hasMessageContaining("internal address");
    }
    assertThat(strict.account(a.credentials()).quotaCurrent()).isZero();
  }

  @Test
  void onlyHttpAndHttpsAreFetched() {
    for (String url : new String[] {"file:///etc/passwd", "ftp://127.0.0.1/x.png", "jar:file:/x!/y", "/relative.png",
        "gopher://127.0.0.1/"}) {
      assertThatThrownBy(() -> fetch(allowing, acct, url)).as(url).isInstanceOf(BadRequestException.class);
    }
  }

  @Test
  void redirectsAreFollowedUpToTheBound() throws Exception {
    assertThat(fetch(allowing, acct, base + "/redirect/2").image().sizeBefore()).isEqualTo(IMAGE.length);
    assertThatThrownBy(() -> fetch(allowing, acct, base + "/redirect/3")).isInstanceOf(BadRequestException.class)
        .hasMessageContaining("redirects");
  }

  @Test
  void aRedirectToAnInternalAddressIsRefused() {
    assertThatThrownBy(() -> fetch(allowing, acct, base + "/to-metadata")).isInstanceOf(BadRequestException.class)
        .hasMessageContaining("internal address");
  }

  @Test
  void contentOverFileMaxSizeIs403WhetherDeclaredOrStreamed() {
    assertThatThrownBy(() -> fetch(allowing, acct, base + "/big.png")).isInstanceOf(ForbiddenException.class)
        .hasMessageContaining("file_max_size");
    assertThatThrownBy(() -> fetch(allowing, acct, base + "/chunked-big.png")).isInstanceOf(ForbiddenException.class);
  }

  @Test
  void thePolicysOwnSizeBoundIsA400() {
    SqueezeService s = service(UrlPolicy.defaults().withAllowedHosts(Set.of("127.0.0.1")).withMaxBytes(10_000));
    Account a = s.createAccount("a", 1_000_000, 1_000_000);
    assertThatThrownBy(() -> fetch(s, a, base + "/big.png")).isInstanceOf(BadRequestException.class)
        .hasMessageContaining("10000 bytes");
  }

  @Test
  void aSlowServerTimesOut() {
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> fetch(allowing, acct, base + "/slow.png")).isInstanceOf(BadRequestException.class)
        .hasMessageContaining("timed out");
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(4));
  }

  @Test
  void anErrorStatusIsA400() {
    assertThatThrownBy(() -> fetch(allowing, acct, base + "/missing.png")).isInstanceOf(BadRequestException.class)
        .hasMessageContaining("404");
  }

  @Test
  void anUnreachableHostIsA400() {
    assertThatThrownBy(() -> fetch(allowing, acct, "http://no-such-host.invalid/x.png"))
        .isInstanceOf(BadRequestException.class);
  }

  @Test
  void policyArgumentsAreChecked() {
    assertThatThrownBy(() -> UrlPolicy.defaults().withMaxRedirects(-1)).hasMessageContaining("maxRedirects");
    assertThatThrownBy(() -> UrlPolicy.defaults().withTimeout(Duration.ZERO)).hasMessageContaining("timeout");
    assertThatThrownBy(() -> UrlPolicy.defaults().withMaxBytes(0)).hasMessageContaining("maxBytes");
  }
}
