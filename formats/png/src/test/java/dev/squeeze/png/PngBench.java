package dev.squeeze.png;

import com.sksamuel.scrimage.ImmutableImage;
import com.sksamuel.scrimage.nio.PngWriter;
import dev.squeeze.Effort;
import dev.squeeze.Limits;
import dev.squeeze.MetadataPolicy;
import dev.squeeze.Options;
import dev.squeeze.spi.Optimized;
import dev.squeeze.spi.OptimizerContext;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Measuring tool, not a test: optimizes each PNG given on the command line and prints bytes and times next to
 * the JDK ImageIO writer and scrimage's PNG writer. Usage: {@code PngBench EFFORT OUTDIR FILES...}.
 */
public final class PngBench {
  private PngBench() {}

  public static void main(String[] args) throws Exception {
    Effort effort = Effort.valueOf(args[0]);
    Path outDir = Path.of(args[1]);
    Files.createDirectories(outDir);
    Options opt = Options.lossless().withMetadata(MetadataPolicy.STRIP_ALL).withEffort(effort);
    OptimizerContext ctx = new OptimizerContext(Limits.defaults(),
        Boolean.getBoolean("bench.serial") ? Runnable::run : java.util.concurrent.ForkJoinPool.commonPool());
    long totalIn = 0;
    long totalOut = 0;
    long totalImageIo = 0;
    long totalScrimage = 0;
    long totalMs = 0;
    long totalCpu = 0;
    // warm the JIT on the first file so per-file times reflect steady state, as a server would see
    byte[] warm = Files.readAllBytes(Path.of(args[2]));
    for (int i = 0; i < 2; i++) {
      new PngOptimizer().optimize(warm, opt, ctx);
    }
    for (int i = 2; i < args.length; i++) {
      Path f = Path.of(args[i]);
      byte[] in = Files.readAllBytes(f);
      var mx = java.lang.management.ManagementFactory.getThreadMXBean();
      long c0 = mx.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      Optimized o = new PngOptimizer().optimize(in, opt, ctx);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      long cpuMs = (mx.getCurrentThreadCpuTime() - c0) / 1_000_000;
      totalCpu += cpuMs;
      byte[] out = o.isUnchanged() ? in : o.data();
      int size = Math.min(out.length, in.length);
      Files.write(outDir.resolve(f.getFileName()), out.length < in.length ? out : in);
      var img = ImageIO.read(f.toFile());
      ByteArrayOutputStream jdk = new ByteArrayOutputStream();
      ImageIO.write(img, "png", jdk);
      byte[] scr = ImmutableImage.loader().fromBytes(in).bytes(PngWriter.MaxCompression);
      System.out.printf("%-40s in %9d out %9d imageio %9d scrimage %9d %6d ms %6d cpu-ms (serial only)  %s%n",
          f.getFileName(), in.length, size, jdk.size(), scr.length, ms, cpuMs, o.steps());
      totalIn += in.length;
      totalOut += size;
      totalImageIo += jdk.size();
      totalScrimage += scr.length;
      totalMs += ms;
    }
    System.out.printf("TOTAL in %d out %d imageio %d scrimage %d time %d ms cpu %d ms%n", totalIn, totalOut,
        totalImageIo, totalScrimage, totalMs, totalCpu);
  }
}
