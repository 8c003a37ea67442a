package dev.squeeze.png.quant;

import dev.squeeze.quality.Argb;
import dev.squeeze.quality.Ssim;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Command-line measurement, not a test: quantizes each PNG given and writes it (through the test-only
 * {@link IndexedPngWriter}) into an output folder, printing bytes, colours, quality, SSIM and time.
 * Usage: {@code QuantizeBench OUTDIR [min max dither] FILES...} or {@code QuantizeBench --ssim ORIGINAL CANDIDATES...}
 */
public final class QuantizeBench {
  private QuantizeBench() {}

  public static void main(String[] args) throws Exception {
    if (args[0].equals("--ssim")) { // --ssim ORIGINAL CANDIDATE...: core SSIM of each candidate
      BufferedImage orig = ImageIO.read(new File(args[1]));
      for (int a = 2; a < args.length; a++) {
        System.out.printf("%s ssim=%.5f%n", args[a], Ssim.compare(orig, ImageIO.read(new File(args[a]))));
      }
      return;
    }
    Path outDir = Path.of(args[0]);
    Files.createDirectories(outDir);
    int first = 1;
    QuantizeOptions o = QuantizeOptions.defaults();
    if (args.length > 4 && args[1].matches("\\d+")) {
      o = o.withQuality(Integer.parseInt(args[1]), Integer.parseInt(args[2])).withDithering(Double.parseDouble(args[3]));
      first = 4;
    }
    long total = 0;
    for (int a = first; a < args.length; a++) {
      File f = new File(args[a]);
      BufferedImage img = ImageIO.read(f);
      int w = img.getWidth();
      int h = img.getHeight();
      int[] argb = Argb.of(img);
      long t0 = System.nanoTime();
      var q = PaletteQuantizer.quantize(argb, w, h, o);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      if (q.isEmpty()) {
        System.out.printf("%s refused (below min quality) %d ms%n", f.getName(), ms);
        continue;
      }
      byte[] png = IndexedPngWriter.write(q.get());
      Files.write(outDir.resolve(f.getName()), png);
      total += png.length;
      double ssim = Ssim.compare(argb, q.get().toArgb(), w, h);
      System.out.printf("%s bytes=%d colors=%d q=%d mse=%.3f ssim=%.5f %d ms%n", f.getName(), png.length,
          q.get().colors(), q.get().quality(), q.get().mse(), ssim, ms);
    }
    System.out.println("total=" + total);
  }
}
