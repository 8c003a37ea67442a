package dev.squeeze.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Expands the command line's files and folders into a list of files, each with its path relative to the output folder. */
final class InputFiles {
  /** One file to process: where it is, where its output goes under OUT_DIR, and whether it was named explicitly. */
  record Entry(Path source, Path relative, boolean explicit) {}

  private InputFiles() {}

  /** Folders are walked recursively (in sorted order, not following links); hidden files and folders are skipped. */
  static List<Entry> expand(List<Path> roots) throws IOException {
    List<Entry> out = new ArrayList<>();
    for (Path root : roots) {
      if (Files.isDirectory(root)) {
        try (Stream<Path> s = Files.walk(root)) {
          s.filter(Files::isRegularFile)
              .filter(p -> !isHidden(root.relativize(p)))
              .sorted()
              .forEach(p -> out.add(new Entry(p, root.relativize(p), false)));
        }
      } else if (Files.isRegularFile(root)) {
        out.add(new Entry(root, root.getFileName(), true));
      } else {
        throw new IOException("no such file or folder: " + root);
      }
    }
    return out;
  }

  private static boolean isHidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}
