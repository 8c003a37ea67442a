package dev.squeeze.bench;

import dev.squeeze.Format;
import dev.squeeze.Squeeze;
import dev.squeeze.quality.Ssim;
import dev.squeeze.testing.Corpus;
import dev.squeeze.testing.Pixels;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs every applicable {@link Contender} over the corpus and writes the totals into {@code BENCHMARKS.md}
 * between the corpus-report markers (the rest of the file is kept).
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar dev.squeeze.bench.CorpusReport [BENCHMARKS.md] [png,jpeg]}
 */
public final class CorpusReport {
  static final String BEGIN = "<!-- corpus-report:begin -->";
  static final String END = "<!-- corpus-report:end -->";

  private CorpusReport() {}

  /** One file through one contender. */
  record Row(Path file, Contender contender, long in, long out, Boolean identical, double ssim, long nanos, String error) {}

  public static void main(String[] args) throws Exception {
    Path target = Path.of(args.length > 0 ? args[0] : "BENCHMARKS.md");
    List<Format> formats = new ArrayList<>();
    for (String f : (args.length > 1 ? args[1] : "png,jpeg,gif,pdf").split(",")) {
      formats.add(Format.valueOf(f.trim().toUpperCase(Locale.ROOT)));
    }
    Squeeze squeeze = Squeeze.create();
    StringBuilder md = new StringBuilder();
    md.append(BEGIN).append('\n');
    md.append("Generated ").append(LocalDate.now()).append(" by `java -cp benchmarks/target/benchmarks.jar "
        + "dev.squeeze.bench.CorpusReport` on ").append(Runtime.getRuntime().availableProcessors())
        .append(" cores, Java ").append(System.getProperty("java.version")).append(".\n\n");
    for (Format f : formats) {
      List<Path> files = Corpus.files(f);
      List<Contender> cs = new ArrayList<>();
      for (Contender c : Contender.values()) {
        if (c.takes(f, squeeze)) {
          cs.add(c);
        }
      }
      if (files.isEmpty() || cs.isEmpty()) {
        continue;
      }
      warmUp(squeeze, cs, files.get(0));
      List<Row> rows = new ArrayList<>();
      for (Path file : files) {
        for (Contender c : cs) {
          Row r = measure(squeeze, c, file);
          rows.add(r);
          System.err.printf(Locale.ROOT, "%-40s %-22s %9d -> %9d %s%n", Corpus.root().relativize(file), c, r.in, r.out,
              r.error == null ? "" : r.error);
        }
      }
      md.append(table(f, files.size(), cs, rows));
    }
    md.append(END).append('\n');
    write(target, md.toString());
    System.out.print(md);
  }

  private static void warmUp(Squeeze s, List<Contender> cs, Path file) {
    for (int i = 0; i < 2; i++) {
      for (Contender c : cs) {
        try {
          c.encode(s, Corpus.read(file));
        } catch (Exception ignored) {
          // measured (and reported) below
        }
      }
    }
  }

  static Row measure(Squeeze s, Contender c, Path file) {
    byte[] in = Corpus.read(file);
    long t0 = System.nanoTime();
    byte[] out;
    try {
      out = c.encode(s, in);
    } catch (Exception | OutOfMemoryError e) {
      return new Row(file, c, in.length, in.length, null, Double.NaN, System.nanoTime() - t0, e.toString());
    }
    long nanos = System.nanoTime() - t0;
    Boolean identical = null;
    double ssim = Double.NaN;
    try {
      BufferedImage a = Contender.read(in);
      BufferedImage b = Contender.read(out);
      if (c.lossless()) {
        identical = Pixels.of(a).firstDifference(Pixels.of(b)) < 0;
      } else if (a.getWidth() == b.getWidth() && a.getHeight() == b.getHeight()) {
        ssim = Ssim.compare(a, b);
      }
    } catch (IOException | RuntimeException e) {
      return new Row(file, c, in.length, out.length, false, Double.NaN, nanos, "decode: " + e.getMessage());
    }
    return new Row(file, c, in.length, out.length, identical, ssim, nanos, null);
  }

  static String table(Format f, int nFiles, List<Contender> cs, List<Row> rows) {
    StringBuilder t = new StringBuilder();
    t.append("### ").append(f).append(" (").append(nFiles).append(" corpus files)\n\n");
    t.append("| contender | files | bytes in | bytes out | out/in | pixels identical | mean SSIM | min SSIM | time s | errors |\n");
    t.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Contender c : cs) {
      long in = 0;
      long out = 0;
      long nanos = 0;
      int n = 0;
      int ident = 0;
      int checked = 0;
      int errors = 0;
      double ssimSum = 0;
      double ssimMin = 1;
      int ssimN = 0;
      for (Row r : rows) {
        if (r.contender != c) {
          continue;
        }
        n++;
        if (r.error != null) {
          errors++;
          continue;
        }
        in += r.in;
        out += r.out;
        nanos += r.nanos;
        if (r.identical != null) {
          checked++;
          ident += r.identical ? 1 : 0;
        }
        if (!Double.isNaN(r.ssim)) {
          ssimSum += r.ssim;
          ssimMin = Math.min(ssimMin, r.ssim);
          ssimN++;
        }
      }
      t.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.3f | %s | %s | %s | %.2f | %d |%n",
          c.name().toLowerCase(Locale.ROOT), n, in, out, in == 0 ? 1.0 : (double) out / in,
          checked == 0 ? "-" : ident + "/" + checked,
          ssimN == 0 ? "-" : String.format(Locale.ROOT, "%.4f", ssimSum / ssimN),
          ssimN == 0 ? "-" : String.format(Locale.ROOT, "%.4f", ssimMin),
          nanos / 1e9, errors));
    }
    t.append('\n');
    return t.toString();
  }

  private static void write(Path target, String section) throws IOException {
    String old = Files.exists(target) ? Files.readString(target) : "# Benchmarks\n\n" + BEGIN + "\n" + END + "\n";
    int b = old.indexOf(BEGIN);
    int e = old.indexOf(END);
    String updated = b >= 0 && e > b
        ? old.substring(0, b) + section + old.substring(e + END.length() + 1)
        : old + "\n" + section;
    Files.writeString(target, updated);
  }
}
