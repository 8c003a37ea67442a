package dev.squeeze.jpeg;

import dev.squeeze.Limits;
import dev.squeeze.MetadataPolicy;
import dev.squeeze.Options;
import dev.squeeze.spi.Optimized;
import dev.squeeze.spi.OptimizerContext;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Measuring aid, not a test: {@code LossyTool IN OUT QUALITY} encodes IN at QUALITY with this module's lossy
 * encoder, metadata stripped, and writes OUT even when it is larger than IN (rate-distortion sweeps need
 * every point; {@link dev.squeeze.Squeeze} itself would hand the original back). A shape for
 * {@code PROJECT_RD_CMD} of the peers' rdsweep.py.
 */
public final class LossyTool {
  private LossyTool() {}

  public static void main(String[] args) throws Exception {
    byte[] in = Files.readAllBytes(Path.of(args[0]));
    Options o = Options.defaults().withQuality(Integer.parseInt(args[2])).withMetadata(MetadataPolicy.STRIP_ALL);
    long t0 = System.nanoTime();
    Optimized r = new JpegOptimizerProvider().create().optimize(in, o, new OptimizerContext(Limits.defaults(), Runnable::run));
    long t1 = System.nanoTime();
    Files.write(Path.of(args[1]), r.isUnchanged() ? in : r.data());
    if (System.getProperty("verbose") != null) {
      System.out.printf("%s -> %d bytes in %.1f ms %s%n", args[0], r.isUnchanged() ? in.length : r.data().length,
          (t1 - t0) / 1e6, r.steps());
    }
  }
}
