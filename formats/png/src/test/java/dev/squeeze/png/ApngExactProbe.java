package dev.squeeze.png;

import dev.squeeze.Effort;
import dev.squeeze.Limits;
import dev.squeeze.Options;
import dev.squeeze.spi.Optimized;
import dev.squeeze.spi.OptimizerContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Measuring tool, not a test: for each APNG given, at default and maximum effort, the bytes of the input, of
 * the re-filtered frames alone ({@link ApngRecompressor}, what lossless gave before the exact palette) and of
 * the lossless result, with its wall time and steps. With {@code posterised} or {@code quantised} as a file
 * name it measures ApngExactPaletteTest's few-colour spinners.
 */
public final class ApngExactProbe {
  private ApngExactProbe() {}

  public static void main(String[] args) throws Exception {
    OptimizerContext ctx = new OptimizerContext(Limits.defaults(), Runnable::run);
    for (String file : args) {
      // "posterised": ApngExactPaletteTest's spinner_apng with six levels per channel (21 colours over its frames)
      // "quantised": ApngExactPaletteTest's spinner_apng after lossy quantisation, written back as RGBA (17 colours)
      byte[] in = file.equals("posterised") ? ApngExactPaletteTest.posterisedSpinner()
          : file.equals("quantised") ? ApngExactPaletteTest.quantisedSpinnerAsRgba() : Files.readAllBytes(Path.of(file));
      PngHeader h = PngParser.parse(in, Limits.defaults()).header();
      for (Effort effort : List.of(Effort.DEFAULT, Effort.MAXIMUM)) {
        // one warm-up run so the times exclude class loading and JIT
        new PngOptimizer().optimize(in, Options.lossless().withEffort(effort), ctx);
        long t0 = System.nanoTime();
        int refiltered = ApngRecompressor.recompress(in, h, Options.lossless().metadata(), Limits.defaults(), effort,
            Runnable::run).png().length;
        long t1 = System.nanoTime();
        Optimized lossless = new PngOptimizer().optimize(in, Options.lossless().withEffort(effort), ctx);
        long t2 = System.nanoTime();
        System.out.printf(Locale.ROOT, "%s effort %s: input %d, re-filtered only %d (%.0f ms), lossless %d (%.0f ms),"
                + " %.3fx%n  %s%n", Path.of(file).getFileName(), effort, in.length, refiltered, (t1 - t0) / 1e6,
            lossless.data().length, (t2 - t1) / 1e6, lossless.data().length / (double) refiltered, lossless.steps());
      }
    }
  }
}
