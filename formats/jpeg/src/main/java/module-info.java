/**
 * Squeeze's own JPEG codec: a coefficient-level decoder and encoder for lossless transcoding (optimised
 * Huffman tables, progressive scan-script search), found by {@link java.util.ServiceLoader}.
 */
module dev.squeeze.jpeg {
  requires dev.squeeze;

  provides dev.squeeze.spi.OptimizerProvider with dev.squeeze.jpeg.JpegOptimizerProvider;
}
