/**
 * Squeeze core: the public API ({@link dev.squeeze.Squeeze}), the optimizer SPI that format modules
 * implement, quality metrics, and the service facade ({@link dev.squeeze.service.SqueezeService}) with its
 * storage SPI and stores.
 */
module dev.squeeze {
  requires transitive java.desktop;
  requires transitive java.sql;
  requires java.net.http;
  requires scrimage.core;
  requires com.github.benmanes.caffeine;
  requires com.fasterxml.jackson.databind;

  exports dev.squeeze;
  exports dev.squeeze.spi;
  exports dev.squeeze.quality;
  exports dev.squeeze.service;
  exports dev.squeeze.store;
  exports dev.squeeze.store.jdbc;

  uses dev.squeeze.spi.OptimizerProvider;
}
