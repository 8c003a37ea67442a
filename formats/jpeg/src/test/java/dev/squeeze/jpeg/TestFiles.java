package dev.squeeze.jpeg;

import dev.squeeze.Format;
import dev.squeeze.testing.Corpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * This module's own small JPEGs (made with libjpeg-turbo's cjpeg/jpegtran and ImageMagick from a crop of the
 * corpus rose; see variants/README.md): every sampling layout, progressive scripts, restarts, grey, RGB, CMYK.
 */
final class TestFiles {
  private TestFiles() {}

  static List<Path> variants() {
    return list("/variants");
  }

  /** Corpus JPEGs followed by the variants. */
  static List<Path> allValid() {
    List<Path> all = new ArrayList<>(Corpus.files(Format.JPEG));
    all.addAll(variants());
    return all;
  }

  static Path resource(String name) {
    try {
      return Path.of(TestFiles.class.getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Path> list(String dir) {
    try (Stream<Path> s = Files.list(resource(dir))) {
      return s.filter(p -> p.toString().endsWith(".jpg")).sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
