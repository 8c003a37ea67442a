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
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The CLI's file handling, exit codes and reports, over a stand-in PNG optimizer that drops the last 10 bytes
 * (format modules have their own tests; here only the batch behaviour matters).
 */
class OptimizeCommandTest {
  private static final byte[] PNG_SIG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

  @TempDir
  Path tmp;

  private final StringWriter stdout = new StringWriter();
  private final StringWriter stderr = new StringWriter();

  private static Squeeze shrinkingPng() {
    OptimizerProvider p = new OptimizerProvider() {
      @Override
      public String name() {
        return "shrink";
      }

      @Override
      public Set<Format> formats() {
        return Set.of(Format.PNG);
      }

      @Override
      public Optimizer create() {
        return (in, o, ctx) -> Optimized.of(Arrays.copyOf(in, in.length - 10), Format.PNG, new Dimensions(1, 1, 1),
            List.of("shrink"));
      }
    };
    return Squeeze.builder().providers(List.of(p)).build();
  }

  private int run(String... args) {
    CommandLine.IFactory defaults = CommandLine.defaultFactory();
    CommandLine cl = SqueezeCommand.commandLine(new CommandLine.IFactory() {
      @Override
      @SuppressWarnings("unchecked")
      public <K> K create(Class<K> cls) throws Exception {
        return cls == OptimizeCommand.class ? (K) new OptimizeCommand(shrinkingPng()) : defaults.create(cls);
      }
    });
    cl.setOut(new PrintWriter(stdout, true));
    cl.setErr(new PrintWriter(stderr, true));
    return cl.execute(args);
  }

  private Path png(String relative, int size) throws Exception {
    Path p = tmp.resolve("in").resolve(relative);
    Files.createDirectories(p.getParent());
    Files.write(p, Arrays.copyOf(PNG_SIG, size));
    return p;
  }

  @Test
  void folderOutputsKeepTheirRelativePathsAndInputsStayUntouched() throws Exception {
    Path a = png("a.png", 100);
    Path b = png("deep/er/b.png", 200);
    Path out = tmp.resolve("out");
    assertThat(run("optimize", "--lossless", "-o", out.toString(), tmp.resolve("in").toString())).isZero();
    assertThat(Files.size(out.resolve("a.png"))).isEqualTo(90);
    assertThat(Files.size(out.resolve("deep/er/b.png"))).isEqualTo(190);
    assertThat(Files.size(a)).isEqualTo(100);
    assertThat(Files.size(b)).isEqualTo(200);
    assertThat(stdout.toString()).contains("a.png").contains("b.png").contains("bytes before");
  }

  @Test
  void inPlaceReplacesTheFileAndLeavesNoTemporaryFiles() throws Exception {
    Path a = png("a.png", 100);
    assertThat(run("optimize", "--in-place", a.toString())).isZero();
    assertThat(Files.size(a)).isEqualTo(90);
    try (Stream<Path> s = Files.list(a.getParent())) {
      assertThat(s).containsExactly(a);
    }
  }

  @Test
  void anOutputFolderThatIsTheInputFolderNeverOverwritesInputs() throws Exception {
    Path a = png("a.png", 100);
    assertThat(run("optimize", "-o", tmp.resolve("in").toString(), tmp.resolve("in").toString())).isEqualTo(1);
    assertThat(Files.size(a)).isEqualTo(100);
    assertThat(stdout.toString()).contains("FAILED").contains("overwrite the input");
  }

  @Test
  void aFileThatFailsIsNamedWithItsErrorAndTheExitCodeIsOne() throws Exception {
    png("good.png", 100);
    Path bad = tmp.resolve("in/notes.txt");
    Files.writeString(bad, "plain text, not an image");
    int code = run("optimize", "-o", tmp.resolve("out").toString(), tmp.resolve("in/good.png").toString(), bad.toString());
    assertThat(code).isEqualTo(1);
    assertThat(stdout.toString()).contains("notes.txt").contains("UnsupportedFormatException");
    assertThat(Files.size(tmp.resolve("out/good.png"))).isEqualTo(90);
  }

  @Test
  void unsupportedFilesInsideFoldersAreSkippedNotFailed() throws Exception {
    png("a.png", 100);
    Files.writeString(tmp.resolve("in/readme.txt"), "hello");
    assertThat(run("optimize", "-o", tmp.resolve("out").toString(), tmp.resolve("in").toString())).isZero();
    assertThat(stdout.toString()).contains("readme.txt").contains("skipped");
  }

  @Test
  void usageErrorsExitWithTwo() throws Exception {
    Path a = png("a.png", 100);
    assertThat(run("optimize", a.toString())).as("no -o nor --in-place").isEqualTo(2);
    assertThat(run("optimize", "--quality", "0", "-o", "x", a.toString())).isEqualTo(2);
    assertThat(run("optimize", "--lossless", "--lossy", "-o", "x", a.toString())).isEqualTo(2);
    assertThat(run("optimize", "--lossless", "--quality", "80", "-o", "x", a.toString())).isEqualTo(2);
    assertThat(run("optimize", "-o", "x", tmp.resolve("missing.png").toString())).isEqualTo(2);
    assertThat(run("frobnicate")).isEqualTo(2);
    assertThat(stderr.toString()).contains("quality");
  }

  @Test
  void jsonPrintsOneObjectPerFileAndASummary() throws Exception {
    png("a.png", 100);
    png("b.png", 50);
    assertThat(run("optimize", "--json", "-j", "2", "-o", tmp.resolve("out").toString(), tmp.resolve("in").toString())).isZero();
    ObjectMapper m = new ObjectMapper();
    List<String> lines = stdout.toString().lines().toList();
    assertThat(lines).hasSize(3);
    JsonNode first = m.readTree(lines.get(0));
    assertThat(first.get("status").asText()).isEqualTo("ok");
    assertThat(first.get("bytes_out").asLong()).isEqualTo(90);
    JsonNode summary = m.readTree(lines.get(2)).get("summary");
    assertThat(summary.get("files").asInt()).isEqualTo(2);
    assertThat(summary.get("bytes_in").asLong()).isEqualTo(150);
    assertThat(summary.get("bytes_out").asLong()).isEqualTo(130);
  }
}
