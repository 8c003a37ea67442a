package dev.squeeze.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.squeeze.Format;
import dev.squeeze.testing.Corpus;
import dev.squeeze.testing.Pixels;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The CLI with the real optimizers found by ServiceLoader, over corpus files, good and hostile. */
class CorpusEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path tmp;

  private List<JsonNode> run(StringWriter out, String... args) throws Exception {
    CommandLine cl = SqueezeCommand.commandLine(CommandLine.defaultFactory());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(new StringWriter(), true));
    int code = cl.execute(args);
    List<JsonNode> lines = new ArrayList<>();
    for (String l : out.toString().lines().toList()) {
      lines.add(JSON.readTree(l));
    }
    lines.add(JSON.createObjectNode().put("exit", code));
    return lines;
  }

  @Test
  void everyHostileFileIsNamedWithATypedErrorOrSkippedAndNothingIsWritten() throws Exception {
    StringWriter out = new StringWriter();
    Path outDir = tmp.resolve("out");
    List<JsonNode> lines = run(out, "optimize", "--lossless", "--json", "-j", "2", "-o", outDir.toString(),
        Corpus.root().resolve("broken").toString());
    assertThat(lines.get(lines.size() - 1).get("exit").asInt()).isEqualTo(1);
    int failed = 0;
    for (JsonNode n : lines) {
      if (!n.has("status")) {
        continue;
      }
      String status = n.get("status").asText();
      assertThat(status).as(n.toString()).isIn("failed", "skipped");
      if (status.equals("failed")) {
        failed++;
        assertThat(n.get("error_type").asText()).as(n.toString())
            .isIn("CorruptInputException", "LimitExceededException", "UnsupportedFormatException");
        if (n.get("file").asText().contains("huge")) {
          assertThat(n.get("error_type").asText()).as(n.toString()).isEqualTo("LimitExceededException");
        }
      }
    }
    assertThat(failed).isPositive();
    assertThat(outDir).satisfiesAnyOf(d -> assertThat(Files.exists(d)).isFalse(), d -> assertThat(d).isEmptyDirectory());
  }

  @Test
  void losslessOutputOfRealFilesKeepsEveryPixel() throws Exception {
    List<Path> files = new ArrayList<>();
    for (String name : new String[] {"png/rose.png", "png/logo_alpha.png", "jpeg/rose.jpg"}) {
      files.add(Corpus.file(name));
    }
    StringWriter out = new StringWriter();
    Path outDir = tmp.resolve("out");
    List<String> args = new ArrayList<>(List.of("optimize", "--lossless", "--json", "-o", outDir.toString()));
    files.forEach(f -> args.add(f.toString()));
    List<JsonNode> lines = run(out, args.toArray(new String[0]));
    assertThat(lines.get(lines.size() - 1).get("exit").asInt()).as(out.toString()).isZero();
    for (Path f : files) {
      Path o = outDir.resolve(f.getFileName());
      byte[] in = Files.readAllBytes(f);
      byte[] opt = Files.readAllBytes(o);
      assertThat(opt.length).as(f.toString()).isLessThanOrEqualTo(in.length);
      assertThat(Corpus.sniff(o)).isEqualTo(Corpus.sniff(f)).isIn(Format.PNG, Format.JPEG);
      Pixels a = Pixels.of(ImageIO.read(new ByteArrayInputStream(in)));
      Pixels b = Pixels.of(ImageIO.read(new ByteArrayInputStream(opt)));
      assertThat(a.firstDifference(b)).as(f.toString()).isEqualTo(-1);
    }
  }
}
