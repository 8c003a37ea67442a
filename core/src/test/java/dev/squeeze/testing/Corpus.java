package dev.squeeze.testing;

import dev.squeeze.Format;
import dev.squeeze.FormatSniffer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The shared test corpus in {@code src-test-images/} at the top of the checkout. Valid files are chosen by
 * their sniffed content, never their names; hostile files live under {@code broken/}.
 */
public final class Corpus {
  private static final String DIR = "src-test-images";
  private static volatile Path root;

  private Corpus() {}

  /** The corpus folder, found from the working directory upwards. */
  public static Path root() {
    Path r = root;
    if (r == null) {
      Path p = Path.of("").toAbsolutePath();
      while (p != null && !Files.isDirectory(p.resolve(DIR))) {
        p = p.getParent();
      }
      if (p == null) {
        throw new IllegalStateException(DIR + " not found above " + Path.of("").toAbsolutePath());
      }
      root = r = p.resolve(DIR);
    }
    return r;
  }

  /** Every valid corpus file (outside {@code broken/}) whose content sniffs as one of {@code formats}. */
  public static List<Path> files(Format... formats) {
    Set<Format> wanted = Set.copyOf(Arrays.asList(formats));
    return walk(root()).filter(p -> !root().relativize(p).startsWith("broken"))
        .filter(p -> wanted.contains(sniff(p)))
        .collect(Collectors.toList());
  }

  /** Every hostile file: truncated, wrong magic, empty, lying headers. */
  public static List<Path> broken() {
    return walk(root().resolve("broken")).collect(Collectors.toList());
  }

  /** One named file, relative to the corpus root. */
  public static Path file(String relative) {
    Path p = root().resolve(relative);
    if (!Files.isRegularFile(p)) {
      throw new IllegalArgumentException("no corpus file " + relative);
    }
    return p;
  }

  public static byte[] read(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The sniffed format of a file, from its first bytes. */
  public static Format sniff(Path p) {
    try (InputStream in = Files.newInputStream(p)) {
      return FormatSniffer.sniff(in.readNBytes(FormatSniffer.HEAD_BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Stream<Path> walk(Path dir) {
    if (!Files.isDirectory(dir)) {
      return Stream.empty();
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().endsWith(".md"))
          .sorted()
          .collect(Collectors.toList())
          .stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
