/**
 * Squeeze PNG: a lossless PNG optimizer (own decoder, colour-type and bit-depth reductions, filter and deflate
 * search), found by {@link java.util.ServiceLoader} through {@link dev.squeeze.spi.OptimizerProvider}.
 */
module dev.squeeze.png {
  requires dev.squeeze;

  provides dev.squeeze.spi.OptimizerProvider with dev.squeeze.png.PngOptimizerProvider;
}
