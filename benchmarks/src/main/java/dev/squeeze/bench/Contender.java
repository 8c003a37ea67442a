package dev.squeeze.bench;

import com.sksamuel.scrimage.ImmutableImage;
import com.sksamuel.scrimage.nio.JpegWriter;
import com.sksamuel.scrimage.nio.PngWriter;
import dev.squeeze.Format;
import dev.squeeze.Options;
import dev.squeeze.Squeeze;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** One way of making a file smaller, measured side by side in the corpus report. */
enum Contender {
  SQUEEZE_LOSSLESS(null, true) {
    @Override
    byte[] encode(Squeeze s, byte[] in) throws Exception {
      return s.optimize(in, Options.lossless()).data();
    }
  },
  SQUEEZE_LOSSY(null, false) {
    @Override
    byte[] encode(Squeeze s, byte[] in) throws Exception {
      return s.optimize(in, Options.defaults()).data();
    }
  },
  SQUEEZE_Q75(Format.JPEG, false) {
    @Override
    byte[] encode(Squeeze s, byte[] in) throws Exception {
      return s.optimize(in, Options.defaults().withQuality(75)).data();
    }
  },
  JDK_IMAGEIO_PNG(Format.PNG, true) {
    @Override
    byte[] encode(Squeeze s, byte[] in) throws Exception {
      return imageIoWrite(read(in), "png", -1);
    }
  },
  SCRIMAGE_PNG_MAX(Format.PNG, true) {
    @Override
    byte[] encode(Squeeze s, byte[] in) throws Exception {
      return ImmutableImage.loader().fromBytes(in).bytes(PngWriter.MaxCompression);
    }
  },
  JDK_IMAGEIO_JPEG_Q75(Format.JPEG, false) {
    @Override
    byte[] encode(Squeeze s, byte[] in) throws Exception {
      return imageIoWrite(read(in), "jpeg", 0.75f);
    }
  },
  SCRIMAGE_JPEG_Q75(Format.JPEG, false) {
    @Override
    byte[] encode(Squeeze s, byte[] in) throws Exception {
      return ImmutableImage.loader().fromBytes(in).bytes(new JpegWriter().withCompression(75));
    }
  };

  private final Format only;
  private final boolean lossless;

  Contender(Format only, boolean lossless) {
    this.only = only;
    this.lossless = lossless;
  }

  /** Whether this contender applies to files of {@code f}. */
  boolean takes(Format f, Squeeze s) {
    if (name().startsWith("SQUEEZE")) {
      return s.supportedFormats().contains(f) && (only == null || only == f);
    }
    return only == f;
  }

  /** True when output is meant to decode to identical pixels (checked, not assumed). */
  boolean lossless() {
    return lossless;
  }

  abstract byte[] encode(Squeeze s, byte[] in) throws Exception;

  static BufferedImage read(byte[] in) throws IOException {
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(in));
    if (img == null) {
      throw new IOException("ImageIO cannot read this file");
    }
    return img;
  }

  static byte[] imageIoWrite(BufferedImage img, String format, float quality) throws IOException {
    Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName(format);
    ImageWriter w = it.next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
      w.setOutput(out);
      ImageWriteParam p = w.getDefaultWriteParam();
      if (quality >= 0) {
        p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        p.setCompressionQuality(quality);
        if (img.getColorModel().hasAlpha()) {
          BufferedImage rgb = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
          rgb.getGraphics().drawImage(img, 0, 0, null);
          img = rgb;
        }
      }
      w.write(null, new IIOImage(img, null, null), p);
    } finally {
      w.dispose();
    }
    return bytes.toByteArray();
  }
}
