package dev.squeeze.quality;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Test helper: a JPEG round trip through the JDK's own (IJG 6b based, deterministic) encoder and decoder. */
final class Jpegs {
  private Jpegs() {}

  /** {@code img} encoded at {@code quality} (1..100, the IJG scale) and decoded again. */
  static BufferedImage roundTrip(BufferedImage img, int quality) throws IOException {
    boolean grey = img.getType() == BufferedImage.TYPE_BYTE_GRAY;
    BufferedImage opaque = new BufferedImage(img.getWidth(), img.getHeight(),
        grey ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
    opaque.getGraphics().drawImage(img, 0, 0, null);
    ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream os = ImageIO.createImageOutputStream(bytes)) {
      ImageWriteParam p = w.getDefaultWriteParam();
      p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      p.setCompressionQuality(quality / 100f);
      w.setOutput(os);
      w.write(null, new IIOImage(opaque, null, null), p);
    } finally {
      w.dispose();
    }
    return ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
  }
}
