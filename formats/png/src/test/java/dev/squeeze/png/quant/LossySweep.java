package dev.squeeze.png.quant;

import dev.squeeze.quality.Argb;
import dev.squeeze.Effort;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Command-line measurement, not a test: runs {@link PaletteLossyStep} with given options over PNG files and
 * writes each lossy result (through the lossless engine's indexed writer) that passes the SSIM floor.
 * Usage: {@code LossySweep OUTDIR MIN MAX DITHER REDUCE_SMALL FILES...}
 */
public final class LossySweep {
  private static final Effort EFFORT = Effort.valueOf(System.getProperty("effort", "DEFAULT"));

  private LossySweep() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    Files.createDirectories(out);
    QuantizeOptions o = QuantizeOptions.defaults()
        .withQuality(Integer.parseInt(args[1]), Integer.parseInt(args[2]))
        .withDithering(Double.parseDouble(args[3]))
        .withSmallPaletteReduction(Boolean.parseBoolean(args[4]));
    for (int a = 5; a < args.length; a++) {
      File f = new File(args[a]);
      BufferedImage img = ImageIO.read(f);
      int w = img.getWidth();
      int h = img.getHeight();
      int[] argb = Argb.of(img);
      long t0 = System.nanoTime();
      var r = PaletteLossyStep.attempt(argb, w, h, o, List.of(), EFFORT, Integer.MAX_VALUE);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      if (r.isPresent()) {
        Files.write(out.resolve(f.getName()), r.get().png());
        System.out.printf("%s %d %s %d ms%n", f.getName(), r.get().png().length, r.get().description(), ms);
      } else {
        System.out.printf("%s none %d ms%n", f.getName(), ms);
      }
    }
  }
}
