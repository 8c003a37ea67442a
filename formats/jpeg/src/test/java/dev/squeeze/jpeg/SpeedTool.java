package dev.squeeze.jpeg;

import dev.squeeze.Limits;
import dev.squeeze.MetadataPolicy;
import dev.squeeze.Options;
import dev.squeeze.spi.Optimizer;
import dev.squeeze.spi.OptimizerContext;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Measuring aid, not a test: {@code SpeedTool lossless|lossy FILES...} times the whole optimize call per
 * file, single-threaded, after a warm-up (3 calls, then the mean of 10), and prints megapixels per second
 * of this thread's CPU time (wall time means little on a machine shared with other builds). Lossy is
 * quality 75, as the mozjpeg comparison uses.
 */
public final class SpeedTool {
  private SpeedTool() {}

  public static void main(String[] args) throws Exception {
    Options o = args[0].equals("lossless") ? Options.lossless().withMetadata(MetadataPolicy.STRIP_ALL)
        : Options.defaults().withQuality(75).withMetadata(MetadataPolicy.STRIP_ALL);
    Optimizer opt = new JpegOptimizerProvider().create();
    OptimizerContext ctx = new OptimizerContext(Limits.defaults(), Runnable::run);
    double totalMs = 0;
    double totalMp = 0;
    for (int i = 1; i < args.length; i++) {
      byte[] in = Files.readAllBytes(Path.of(args[i]));
      JpegImage img = JpegDecoder.decode(in, Limits.defaults());
      double mp = (double) img.width * img.height / 1e6;
      for (int w = 0; w < 3; w++) {
        opt.optimize(in, o, ctx);
      }
      int n = 10;
      java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
      long t0 = cpu.getCurrentThreadCpuTime();
      for (int r = 0; r < n; r++) {
        opt.optimize(in, o, ctx);
      }
      double ms = (cpu.getCurrentThreadCpuTime() - t0) / 1e6 / n;
      totalMs += ms;
      totalMp += mp;
      System.out.printf("%s %dx%d %.1f ms %.2f MP/s%n", Path.of(args[i]).getFileName(), img.width, img.height, ms,
          mp / ms * 1000);
    }
    System.out.printf("total %.2f MP/s%n", totalMp / totalMs * 1000);
  }
}
