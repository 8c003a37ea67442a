package dev.squeeze.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The core module exports the facade and its storage SPI, and reads what they need. */
class ModuleDescriptorTest {
  @Test
  void theServiceAndStorePackagesAreExported() throws Exception {
    // tests run on the class path, so read the compiled descriptor itself
    try (InputStream in = Files.newInputStream(Path.of("target/classes/module-info.class"))) {
      ModuleDescriptor d = ModuleDescriptor.read(in);
      assertThat(d.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()))
          .contains("dev.squeeze.service", "dev.squeeze.store", "dev.squeeze.store.jdbc");
      assertThat(d.requires().stream().map(ModuleDescriptor.Requires::name).collect(Collectors.toSet()))
          .contains("java.sql", "java.net.http", "com.github.benmanes.caffeine", "com.fasterxml.jackson.databind");
    }
  }
}
