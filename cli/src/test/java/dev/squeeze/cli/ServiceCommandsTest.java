package dev.squeeze.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.squeeze.Format;
import dev.squeeze.Squeeze;
import dev.squeeze.spi.Dimensions;
import dev.squeeze.spi.Optimized;
import dev.squeeze.spi.Optimizer;
import dev.squeeze.spi.OptimizerProvider;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A whole shell session against the service facade: {@code squeeze account create}, then {@code squeeze api}. */
class ServiceCommandsTest {
  private static final byte[] PNG_SIG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path tmp;

  private StringWriter stdout;
  private StringWriter stderr;
  private final ByteArrayOutputStream binary = new ByteArrayOutputStream();

  /** A PNG optimizer that keeps the first half of the bytes: the facade's rules, not pixels, are under test. */
  private static Squeeze halving() {
    OptimizerProvider p = new OptimizerProvider() {
      @Override
      public String name() {
        return "halve";
      }

      @Override
      public Set<Format> formats() {
        return Set.of(Format.PNG);
      }

      @Override
      public Optimizer create() {
        return (in, o, ctx) -> Optimized.of(Arrays.copyOf(in, in.length / 2), Format.PNG, new Dimensions(8, 8, 1),
            List.of("halve"));
      }
    };
    return Squeeze.builder().providers(List.of(p)).build();
  }

  private int run(String... args) {
    stdout = new StringWriter();
    stderr = new StringWriter();
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--store", "jdbc:h2:" + tmp.resolve("db").toAbsolutePath(), "--blobs", tmp.resolve("blobs").toString()));
    CommandLine.IFactory defaults = CommandLine.defaultFactory();
    CommandLine cl = SqueezeCommand.commandLine(new CommandLine.IFactory() {
      @Override
      @SuppressWarnings("unchecked")
      public <K> K create(Class<K> cls) throws Exception {
        return cls == ApiCommand.class ? (K) new ApiCommand(halving(), new PrintStream(binary, true)) : defaults.create(cls);
      }
    });
    cl.setOut(new PrintWriter(stdout, true));
    cl.setErr(new PrintWriter(stderr, true));
    return cl.execute(all.toArray(new String[0]));
  }

  @Test
  void aWholeSessionWorksFromTheShell() throws Exception {
    assertThat(run("account", "create", "--quota", "100000", "--file-max-size", "5000")).as(stderr.toString()).isZero();
    JsonNode account = JSON.readTree(stdout.toString());
    String auth = account.get("api_key").asText() + ":" + account.get("api_secret").asText();
    assertThat(account.get("quota_allowed").asLong()).isEqualTo(100_000);

    assertThat(run("api", "GET", "/v1/accounts/mine", "--auth", auth)).isZero();
    assertThat(JSON.readTree(stdout.toString()).get("file_max_size").asLong()).isEqualTo(5_000);

    Path logo = tmp.resolve("logo.png");
    Files.write(logo, Arrays.copyOf(PNG_SIG, 1_000));
    assertThat(run("api", "POST", "/v1/images", "--auth", auth, "--file", logo.toString(),
        "--field", "params={\"compression_type\":\"lossless\"}")).as(stdout.toString()).isZero();
    JsonNode image = JSON.readTree(stdout.toString());
    assertThat(image.get("size_after").asLong()).isEqualTo(500);

    Path out = tmp.resolve("logo.min.png");
    assertThat(run("api", "GET", image.get("optimized_url").asText(), "-o", out.toString())).isZero();
    assertThat(Files.size(out)).isEqualTo(500);
    assertThat(run("api", "GET", image.get("origin_url").asText())).isZero();
    assertThat(binary.toByteArray()).hasSize(1_000);

    assertThat(run("api", "POST", "/v1/accounts/sub", "--auth", auth, "--field", "title=\"Blog\"",
        "--field", "quota=2000")).isZero();
    assertThat(JSON.readTree(stdout.toString()).get("title").asText()).isEqualTo("Blog");

    assertThat(run("api", "GET", "/v1/accounts/mine", "--auth", auth)).isZero();
    assertThat(JSON.readTree(stdout.toString()).get("quota_current").asLong()).isEqualTo(1_000);
  }

  @Test
  void anErrorStatusPrintsTheErrorBodyAndExitsNonZero() throws Exception {
    assertThat(run("api", "GET", "/v1/accounts/mine", "--auth", "nope:nope")).isEqualTo(ApiCommand.EXIT_ERROR_STATUS);
    JsonNode err = JSON.readTree(stdout.toString());
    assertThat(err.get("errCode").asInt()).isEqualTo(401);
    assertThat(run("api", "GET", "/v1/nothing")).isEqualTo(ApiCommand.EXIT_ERROR_STATUS);
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertThat(run("api", "GET", "/v1/accounts/mine", "--auth", "no-colon")).isEqualTo(2);
    assertThat(run("api", "GET", "/v1/accounts/mine", "--field", "novalue")).isEqualTo(2);
    assertThat(run("account", "create", "--file-max-size", "0")).isEqualTo(2);
  }

  @Test
  void purgeReportsHowManyOriginalsWentAway() {
    assertThat(run("account", "purge")).isZero();
    assertThat(stdout.toString().trim()).isEqualTo("0");
  }
}
