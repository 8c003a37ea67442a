package dev.squeeze.png;

import dev.squeeze.Effort;
import dev.squeeze.Limits;
import dev.squeeze.Options;
import dev.squeeze.quality.Ssim;
import dev.squeeze.spi.Optimized;
import dev.squeeze.spi.OptimizerContext;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Measuring tool, not a test: for each APNG given, bytes of the input, the lossless and the lossy result at
 * default and maximum effort, wall time, and SSIM of every composited frame (by {@link ApngTestFrames}). With
 * {@code over} as a file name it measures ApngLossyTest's derived animation. With {@code -Dprobe.out=DIR} it writes the lossy files and a strip of composited frames (original above, lossy
 * below) as PNG for a person to look at.
 */
public final class ApngLossyProbe {
  private ApngLossyProbe() {}

  public static void main(String[] args) throws Exception {
    OptimizerContext ctx = new OptimizerContext(Limits.defaults(), Runnable::run);
    String outDir = System.getProperty("probe.out");
    for (String file : args) {
      // "over": the derived animation of ApngLossyTest (frames blended OVER, every dispose op)
      byte[] in = file.equals("over") ? ApngLossyTest.overAnimation() : Files.readAllBytes(Path.of(file));
      for (Effort effort : List.of(Effort.DEFAULT, Effort.MAXIMUM)) {
        // one warm-up run so the times exclude class loading and JIT
        new PngOptimizer().optimize(in, Options.defaults().withEffort(effort), ctx);
        long t0 = System.nanoTime();
        Optimized lossless = new PngOptimizer().optimize(in, Options.lossless().withEffort(effort), ctx);
        long t1 = System.nanoTime();
        Optimized lossy = new PngOptimizer().optimize(in, Options.defaults().withEffort(effort), ctx);
        long t2 = System.nanoTime();
        ApngTestFrames.Animation a = ApngTestFrames.read(in);
        ApngTestFrames.Animation b = ApngTestFrames.read(lossy.data());
        List<int[]> ca = a.composited();
        List<int[]> cb = b.composited();
        double min = 1;
        double sum = 0;
        for (int f = 0; f < ca.size(); f++) {
          double s = Ssim.compare(ca.get(f), cb.get(f), a.width(), a.height());
          min = Math.min(min, s);
          sum += s;
        }
        System.out.printf(Locale.ROOT, "%s effort %s: input %d, lossless %d (%.0f ms), lossy %d (%.0f ms), "
                + "lossy/input %.3f, lossy/lossless %.3f, composited SSIM min %.4f mean %.4f over %d frames%n  %s%n",
            Path.of(file).getFileName(), effort, in.length, lossless.data().length, (t1 - t0) / 1e6,
            lossy.data().length, (t2 - t1) / 1e6, lossy.data().length / (double) in.length,
            lossy.data().length / (double) lossless.data().length, min, sum / ca.size(), ca.size(), lossy.steps());
        if (outDir != null && effort == Effort.DEFAULT) {
          String base = Path.of(file).getFileName().toString().replace(".png", "");
          Files.write(Path.of(outDir, base + "_lossy.png"), lossy.data());
          BufferedImage strip = new BufferedImage(a.width() * ca.size(), a.height() * 2, BufferedImage.TYPE_INT_ARGB);
          for (int f = 0; f < ca.size(); f++) {
            strip.setRGB(f * a.width(), 0, a.width(), a.height(), ca.get(f), 0, a.width());
            strip.setRGB(f * a.width(), a.height(), a.width(), a.height(), cb.get(f), 0, a.width());
          }
          ImageIO.write(strip, "png", Path.of(outDir, base + "_strip.png").toFile());
        }
      }
    }
  }
}
