package dev.squeeze.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The request-level adapter: the reference's curl examples replayed verbatim (keys and ids substituted), the
 * two URL-upload shapes of published clients, and every error status with its JSON body.
 */
class WireAdapterTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] LOGO = Fixtures.png(4_000, 11);

  private final Fixtures.MutableClock clock = new Fixtures.MutableClock(Fixtures.START);
  private HttpServer server;
  private SqueezeService service;
  private WireAdapter api;
  private Account acme;
  private final Map<String, String> subst = new HashMap<>();

  @BeforeEach
  void setUp() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/images/srpr/logo11w.png", ex -> {
      ex.sendResponseHeaders(200, LOGO.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(LOGO);
      }
    });
    server.start();
    service = SqueezeService.builder().clock(clock).squeeze(Fixtures.squeeze())
        .urlPolicy(UrlPolicy.defaults().withAllowedHosts(Set.of("127.0.0.1"))).build();
    api = new WireAdapter(service);
    acme = service.createAccount("acme", 10_000_000, 1_000_000);
    subst.put("your_api_key", acme.apiKey());
    subst.put("your_api_secret", acme.apiSecret());
    subst.put("https://www.google.fr", "http://127.0.0.1:" + server.getAddress().getPort());
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private ApiResponse curl(String command) {
    return api.handle(Curl.parse(command, subst));
  }

  private static JsonNode json(ApiResponse r) throws Exception {
    assertThat(r.contentType()).isEqualTo("application/json");
    return JSON.readTree(r.body());
  }

  private static void assertFields(JsonNode n, String... names) {
    assertThat(n.isObject()).as(n.toString()).isTrue();
    Set<String> have = new java.util.TreeSet<>();
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      have.add(it.next());
    }
    assertThat(have).contains(names);
  }

  private static final String[] SUB_FIELDS = {"id", "title", "description", "quota_start", "quota_end",
      "quota_current", "quota_allowed", "file_max_size", "quota_file_max_size", "api_key", "api_secret"};
  private static final String[] IMAGE_FIELDS = {"id", "filename", "width", "height", "size_before", "size_after",
      "saved", "time", "origin_url", "optimized_url", "expiration_date"};

  @Test
  void theReferenceAccountExamplesReplay() throws Exception {
    JsonNode mine = json(curl("""
        curl -X GET
        -d 'auth={"key":"your_api_key","secret":"your_api_secret"}'
        'https://api.imagerecycle.com/v1/accounts/mine'"""));
    assertFields(mine, "quota_start", "quota_end", "quota_current", "quota_allowed", "file_max_size");
    assertThat(mine.get("quota_start").asText()).isEqualTo("2026-03-01");
    assertThat(mine.get("quota_end").asText()).isEqualTo("2026-03-31");
    assertThat(mine.get("quota_allowed").asLong()).isEqualTo(10_000_000);

    ApiResponse created = curl("""
        curl -X POST
        -d 'auth={"key":"your_api_key","secret":"your_api_secret"}'
        -d 'title="New subaccount"'
        -d 'description="This is my description"'
        -d 'quota="524288000"'
        'https://api.imagerecycle.com/v1/accounts/sub'""");
    assertThat(created.status()).isEqualTo(201);
    JsonNode sub = json(created);
    assertFields(sub, SUB_FIELDS);
    assertThat(sub.get("title").asText()).isEqualTo("New subaccount");
    assertThat(sub.get("description").asText()).isEqualTo("This is my description");
    assertThat(sub.get("quota_allowed").asLong()).isEqualTo(524_288_000L);

    ApiResponse created2 = curl("""
        curl -X POST
        -d 'auth={"key":"your_api_key","secret":"your_api_secret"}'
        -d 'title="New subaccount"'
        -d 'description="This is my description"'
        -d 'monthly_quota="524288000"'
        'https://api.imagerecycle.com/v1/accounts/sub'""");
    assertThat(json(created2).get("quota_allowed").asLong()).isEqualTo(524_288_000L);

    subst.put("/123", "/" + sub.get("id").asText());
    JsonNode list = json(curl("""
        curl -X GET
        -d 'auth={"key":"your_api_key","secret":"your_api_secret"}'
        'https://api.imagerecycle.com/v1/accounts/sub'"""));
    assertThat(list.get("items")).hasSize(2);
    assertFields(list.get("items").get(0), SUB_FIELDS);

    JsonNode one = json(curl("""
        curl -X GET
        -d 'auth={"key":"your_api_key","secret":"your_api_secret"}'
        'https://api.imagerecycle.com/v1/accounts/sub/123'"""));
    assertThat(one).isEqualTo(sub);

    JsonNode edited = json(curl("""
        curl -X PUT
        -d 'title="My new title"'
        -d 'auth={"key":"your_api_key","secret":"your_api_secret"}'
        'https://api.imagerecycle.com/v1/accounts/sub/123'"""));
    assertThat(edited.get("title").asText()).isEqualTo("My new title");
    assertThat(edited.get("description").asText()).isEqualTo("This is my description");

    JsonNode newSecret = json(curl("""
        curl -X PUT -d 'auth={"key":"your_api_key","secret":"your_api_secret"}' 'https://api.imagerecycle.com/v1/accounts/sub/reset_secret/123'"""));
    assertThat(newSecret.get("api_secret").asText()).isNotEqualTo(sub.get("api_secret").asText());

    JsonNode resetQuota = json(curl("""
        curl -X PUT -d 'auth={"key":"your_api_key","secret":"your_api_secret"}' 'https://api.imagerecycle.com/v1/accounts/sub/reset_quota/123'"""));
    assertThat(resetQuota.get("quota_current").asLong()).isZero();

    JsonNode consumption = json(curl("""
        curl -X GET
        -d 'auth={"key":"your_api_key","secret":"your_api_secret"}'
        'https://api.imagerecycle.com/v1/accounts/mine/consumption'"""));
    assertThat(consumption.get("consumption").get("last_days")).hasSize(30);
    assertFields(consumption.get("consumption").get("last_days").get(29), "date", "total_size_before",
        "total_size_after", "files_count");
    assertThat(consumption.get("consumption").get("last_months")).hasSize(12);
    assertThat(consumption.get("consumption").get("last_months").get(11).get("date").asText()).isEqualTo("2026-03");
    assertThat(consumption.get("consumptions")).hasSize(30);
    assertFields(consumption.get("consumptions").get(0), "date", "consumption");

    ApiResponse deleted = curl("""
        curl -X DELETE
        -d 'auth={"key":"your_api_key","secret":"your_api_secret"}'
        'https://api.imagerecycle.com/v1/accounts/sub/123'""");
    assertThat(deleted.status()).isEqualTo(200);
    assertThat(json(deleted).get("Success").asBoolean()).isTrue();
    assertThat(curl("""
        curl -X GET
        -d 'auth={"key":"your_api_key","secret":"your_api_secret"}'
        'https://api.imagerecycle.com/v1/accounts/sub/123'""").status()).isEqualTo(404);
  }

  @Test
  void theReferenceImageExamplesReplay() throws Exception {
    ApiResponse added = curl("""
        curl -X POST
        -d 'auth={"key":"your_api_key","secret":"your_api_secret"}'
        -d 'url=https://www.google.fr/images/srpr/logo11w.png'
        -d 'params={"compression_type":"lossy"}'
        'https://api.imagerecycle.com/v1/images'""");
    assertThat(added.status()).as(added.bodyText()).isEqualTo(201);
    JsonNode img = json(added);
    assertFields(img, IMAGE_FIELDS);
    assertThat(img.get("filename").asText()).isEqualTo("logo11w.png");
    assertThat(img.get("size_before").asLong()).isEqualTo(LOGO.length);
    assertThat(img.get("saved").asDouble()).isEqualTo(0.25);
    assertThat(img.get("time").asText()).isEqualTo("2026-03-15T12:00:00Z");
    assertThat(img.get("expiration_date").asText()).isEqualTo("2026-04-14T12:00:00Z");

    String id = img.get("id").asText();
    subst.put("/3012", "/" + id);
    JsonNode got = json(curl("""
        curl -X GET
        -d 'auth={"key":"your_api_key","secret":"your_api_secret"}'
        'https://api.imagerecycle.com/v1/images/3012'"""));
    assertThat(got).isEqualTo(img);

    JsonNode list = json(curl("""
        curl -X GET
        -d 'auth={"key":"your_api_key","secret":"your_api_secret"}'
        'https://api.imagerecycle.com/v1/images'"""));
    assertFields(list, "items", "total", "prev", "next");
    assertThat(list.get("total").asLong()).isEqualTo(1);
    assertThat(list.get("items").get(0)).isEqualTo(img);

    // the download link, exactly as the record gives it, after the reference's host
    String optimized = img.get("optimized_url").asText();
    subst.put("/v1/images/optimized/cd493caac5e70f154c80141fccb5ad0a/logo11w.png", optimized);
    ApiResponse file = curl("""
        curl -X GET
        'https://api.imagerecycle.com/v1/images/optimized/cd493caac5e70f154c80141fccb5ad0a/logo11w.png'""");
    assertThat(file.status()).isEqualTo(200);
    assertThat(file.contentType()).isEqualTo("image/png");
    assertThat(file.body()).hasSize(3_000);
    ApiResponse origin = api.handle(ApiRequest.of("GET", img.get("origin_url").asText()));
    assertThat(origin.body()).isEqualTo(LOGO);

    String second = json(api.handle(upload("b.png", Fixtures.png(2_000, 5), "{\"compression_type\":\"lossless\"}")))
        .get("id").asText();
    subst.put("1230,1231,1400", id + "," + second);
    ApiResponse zip = curl("""
        curl -X GET
        -d 'auth={"key":"your_api_key","secret":"your_api_secret"}'
        'https://api.imagerecycle.com/v1/images/zip/optimized/1230,1231,1400'""");
    assertThat(zip.status()).isEqualTo(200);
    assertThat(zip.contentType()).isEqualTo("application/zip");
    assertThat(SqueezeServiceTest.unzip(zip.body())).containsEntry("logo11w.png", 3_000).containsEntry("b.png", 1_500);

    subst.put("/23189", "/" + id);
    ApiResponse deleted = curl("""
        curl -X DELETE
        -d 'auth={"key":"your_api_key","secret":"your_api_secret"}'
        'http://imageoptimizerapi.local/v1/images/23189'""");
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(deleted.body()).isEmpty();
    assertThat(api.handle(ApiRequest.of("GET", optimized)).status()).isEqualTo(404);

    ApiResponse all = curl("""
        curl -X DELETE
        -d 'auth={"key":"your_api_key","secret":"your_api_secret"}'
        'https://api.imagerecycle.com/v1/images'""");
    assertThat(all.status()).isEqualTo(204);
    assertThat(service.images(acme.credentials(), 0, 10).total()).isZero();
  }

  private ApiRequest upload(String name, byte[] data, String params) {
    return ApiRequest.of("POST", "/v1/images").withField("auth", auth(acme)).withField("params", params)
        .withFile(name, data);
  }

  private static String auth(Account a) {
    return "{\"key\":\"" + a.apiKey() + "\",\"secret\":\"" + a.apiSecret() + "\"}";
  }

  @Test
  void bothUrlUploadShapesOfPublishedClientsWork() throws Exception {
    String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/images/srpr/logo11w.png";
    ApiResponse nested = api.handle(ApiRequest.of("POST", "/images").withField("auth", auth(acme))
        .withField("params", "{\"params\":{\"compression_type\":\"lossless\",\"resize\":{\"width\":320}},\"url\":\""
            + url + "\"}"));
    assertThat(nested.status()).as(nested.bodyText()).isEqualTo(201);
    assertThat(json(nested).get("width").asInt()).isEqualTo(320);
    ApiResponse flat = api.handle(ApiRequest.of("POST", "/images").withField("auth", auth(acme)).withField("url", url)
        .withField("params", "{\"compression_type\":\"lossless\",\"resize\":{\"width\":\"320\"}}"));
    assertThat(flat.status()).isEqualTo(201);
    assertThat(json(flat).get("id")).as("same content, same params: the same record").isEqualTo(json(nested).get("id"));
  }

  @Test
  void pagingAnswersCarryPrevAndNextLinks() throws Exception {
    for (int i = 0; i < 5; i++) {
      api.handle(upload("p" + i + ".png", Fixtures.png(1_000, i), "{}"));
    }
    JsonNode page = json(api.handle(ApiRequest.of("GET", "/v1/images?offset=2&limit=2").withField("auth", auth(acme))));
    assertThat(page.get("items")).hasSize(2);
    assertThat(page.get("total").asInt()).isEqualTo(5);
    assertThat(page.get("prev").get("link").asText()).isEqualTo("/v1/images?offset=0&limit=2");
    assertThat(page.get("prev").get("offset").asInt()).isZero();
    assertThat(page.get("next").get("offset").asInt()).isEqualTo(4);
    assertThat(page.get("next").get("limit").asInt()).isEqualTo(2);
    JsonNode first = json(api.handle(ApiRequest.of("GET", "/images").withField("auth", auth(acme))
        .withField("limit", "3")));
    assertThat(first.get("prev").isNull()).isTrue();
    assertThat(first.get("items")).hasSize(3);
  }

  @Test
  void errorsCarryErrCodeAndErrMessageWithTheSameStatus() throws Exception {
    assertError(api.handle(ApiRequest.of("GET", "/v1/accounts/mine")), 401);
    assertError(api.handle(ApiRequest.of("GET", "/v1/accounts/mine").withField("auth", "{\"key\":\"x\",\"secret\":\"y\"}")),
        401);
    assertError(api.handle(ApiRequest.of("GET", "/v1/accounts/mine").withField("auth", "{not json")), 400);
    assertError(api.handle(upload("big.png", Fixtures.png(1_000_001, 1), "{}")), 403);
    assertError(api.handle(upload("x.png", Fixtures.png(100, 1), "{\"compression_type\":\"extreme\"}")), 400);
    assertError(api.handle(upload("x.png", Fixtures.png(100, 1), "{\"resize\":{\"width\":\"wide\"}}")), 400);
    assertError(api.handle(ApiRequest.of("POST", "/v1/images").withField("auth", auth(acme))), 400);
    assertError(api.handle(ApiRequest.of("GET", "/v1/images/999").withField("auth", auth(acme))), 404);
    assertError(api.handle(ApiRequest.of("GET", "/v1/images/abc").withField("auth", auth(acme))), 404);
    assertError(api.handle(ApiRequest.of("GET", "/v1/nothing")), 404);
    assertError(api.handle(ApiRequest.of("GET", "/v1/images/thumb/0123/x.png")), 404);
    assertError(api.handle(ApiRequest.of("POST", "/v1/accounts/sub").withField("auth", auth(acme))
        .withField("quota", "\"lots\"")), 400);
    assertError(api.handle(ApiRequest.of("GET", "/v1/images?offset=-1").withField("auth", auth(acme))), 400);
  }

  private static void assertError(ApiResponse r, int status) throws Exception {
    assertThat(r.status()).as(r.bodyText()).isEqualTo(status);
    JsonNode body = json(r);
    assertThat(body.get("errCode").asInt()).isEqualTo(status);
    assertThat(body.get("errMessage").asText()).isNotBlank();
  }

  @Test
  void aSubAccountCannotDownloadOrZipItsParentsImagesThroughTheWire() throws Exception {
    JsonNode img = json(api.handle(upload("a.png", Fixtures.png(1_000, 1), "{}")));
    JsonNode sub = json(api.handle(ApiRequest.of("POST", "/accounts/sub").withField("auth", auth(acme))
        .withField("title", "s")));
    String subAuth = "{\"key\":\"" + sub.get("api_key").asText() + "\",\"secret\":\""
        + sub.get("api_secret").asText() + "\"}";
    String id = img.get("id").asText();
    assertError(api.handle(ApiRequest.of("GET", "/images/" + id).withField("auth", subAuth)), 404);
    assertError(api.handle(ApiRequest.of("DELETE", "/images/" + id).withField("auth", subAuth)), 404);
    assertError(api.handle(ApiRequest.of("GET", "/images/zip/origin/" + id).withField("auth", subAuth)), 404);
    assertThat(api.handle(ApiRequest.of("GET", "/images/" + id).withField("auth", auth(acme))).status()).isEqualTo(200);
  }

  private static final String[][] AUTHENTICATED_ROUTES = {{"GET", "/v1/accounts/mine"},
      {"GET", "/v1/accounts/mine/consumption"}, {"GET", "/v1/accounts/sub"}, {"POST", "/v1/accounts/sub"},
      {"GET", "/v1/accounts/sub/1"}, {"PUT", "/v1/accounts/sub/1"}, {"DELETE", "/v1/accounts/sub/1"},
      {"PUT", "/v1/accounts/sub/reset_secret/1"}, {"PUT", "/v1/accounts/sub/reset_quota/1"},
      {"GET", "/v1/images"}, {"POST", "/v1/images"}, {"DELETE", "/v1/images"}, {"DELETE", "/v1/images/all"},
      {"GET", "/v1/images/1"}, {"DELETE", "/v1/images/1"}, {"GET", "/v1/images/zip/origin/1"}};

  @Test
  void everyAuthenticatedCallIs401WithoutOrWithWrongCredentials() throws Exception {
    String wrong = "{\"key\":\"" + acme.apiKey() + "\",\"secret\":\"" + "0".repeat(64) + "\"}";
    for (String[] route : AUTHENTICATED_ROUTES) {
      assertError(api.handle(ApiRequest.of(route[0], route[1])), 401);
      assertError(api.handle(ApiRequest.of(route[0], route[1]).withField("auth", wrong)), 401);
      // a malformed field does not hide the authentication failure
      assertError(api.handle(ApiRequest.of(route[0], route[1]).withField("auth", wrong)
          .withField("params", "{\"compression_type\":\"extreme\"}").withField("quota", "lots")), 401);
    }
  }

  @Test
  void subAccountCallsAre404ForIdsThatAreNotTheCallersAnd403ForASubAccount() throws Exception {
    JsonNode sub = json(api.handle(ApiRequest.of("POST", "/accounts/sub").withField("auth", auth(acme))
        .withField("title", "s")));
    String subAuth = "{\"key\":\"" + sub.get("api_key").asText() + "\",\"secret\":\""
        + sub.get("api_secret").asText() + "\"}";
    for (String[] route : AUTHENTICATED_ROUTES) {
      if (route[1].startsWith("/v1/accounts/sub/")) {
        assertError(api.handle(ApiRequest.of(route[0], route[1].replace("/1", "/999")).withField("auth", auth(acme))),
            404);
      }
      if (route[1].startsWith("/v1/accounts/sub")) {
        assertError(api.handle(ApiRequest.of(route[0], route[1]).withField("auth", subAuth)), 403);
      }
    }
  }

  @Test
  void deleteAllIsAlsoWrittenImagesAll() throws Exception {
    api.handle(upload("a.png", Fixtures.png(1_000, 1), "{}"));
    assertThat(api.handle(ApiRequest.of("DELETE", "/v1/images/all").withField("auth", auth(acme))).status())
        .isEqualTo(204);
    assertThat(service.images(acme.credentials(), 0, 10).total()).isZero();
  }

  @Test
  void anOperatorAccountPrintsWithItsKeyAndSecret() throws Exception {
    JsonNode n = JSON.readTree(WireAdapter.accountJson(acme));
    assertThat(n.get("api_key").asText()).isEqualTo(acme.apiKey());
    assertThat(n.get("api_secret").asText()).isEqualTo(acme.apiSecret());
  }
}
