package dev.squeeze.quality;

import dev.squeeze.quality.Ssimulacra2Test.Synthetic;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Measurement tool, not a test: writes each given PNG and distorted versions of it (JDK JPEG round trips at
 * qualities 10..95, box blurs, unsharp-mask ringing, Gaussian noise with seed 1) as PNGs into a folder and
 * prints one line per pair: {@code name distortion ssimulacra2 ssim millis}. {@code tools/quality/validate.sh}
 * runs it and compares the ranking with libjxl's butteraugli and SSIMULACRA 1.
 */
public final class QualityPairs {
  private QualityPairs() {}

  public static void main(String[] args) throws IOException {
    File out = new File(args[0]);
    for (int i = 1; i < args.length; i++) {
      File f = new File(args[i]);
      String name = f.getName().replaceFirst("\\.png$", "");
      BufferedImage src = ImageIO.read(f);
      BufferedImage orig = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
      orig.getGraphics().drawImage(src, 0, 0, null);
      ImageIO.write(orig, "png", new File(out, name + "__orig.png"));
      int w = orig.getWidth();
      int h = orig.getHeight();
      int[] p = Argb.of(orig);
      Map<String, BufferedImage> pairs = new LinkedHashMap<>();
      for (int q : new int[] {10, 20, 30, 40, 50, 60, 70, 80, 90, 95}) {
        pairs.put("jpeg" + q, Jpegs.roundTrip(orig, q));
      }
      pairs.put("box1", image(Synthetic.boxBlur(p, w, h, 1), w, h));
      pairs.put("box2", image(Synthetic.boxBlur(p, w, h, 2), w, h));
      pairs.put("sharpen1", image(Synthetic.sharpen(p, w, h, 1.0), w, h));
      pairs.put("sharpen2", image(Synthetic.sharpen(p, w, h, 2.5), w, h));
      pairs.put("noise4", image(Synthetic.addNoise(p, 4, new Random(1)), w, h));
      pairs.put("noise12", image(Synthetic.addNoise(p, 12, new Random(1)), w, h));
      for (Map.Entry<String, BufferedImage> e : pairs.entrySet()) {
        ImageIO.write(e.getValue(), "png", new File(out, name + "__" + e.getKey() + ".png"));
        long t = System.nanoTime();
        double s2 = Ssimulacra2.compare(orig, e.getValue());
        double ms = (System.nanoTime() - t) / 1e6;
        System.out.printf("%s %s %.4f %.6f %.1f%n", name, e.getKey(), s2, Ssim.compare(orig, e.getValue()), ms);
      }
    }
  }

  private static BufferedImage image(int[] argb, int w, int h) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    img.setRGB(0, 0, w, h, argb, 0, w);
    return img;
  }
}
