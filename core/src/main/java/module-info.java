/**
 * Squeeze core: the public API ({@link dev.squeeze.Squeeze}), the optimizer SPI that format modules
 * implement, and quality metrics.
 */
module dev.squeeze {
  requires transitive java.desktop;
  requires scrimage.core;

  exports dev.squeeze;
  exports dev.squeeze.spi;
  exports dev.squeeze.quality;

  uses dev.squeeze.spi.OptimizerProvider;
}
