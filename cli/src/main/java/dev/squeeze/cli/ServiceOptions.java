package dev.squeeze.cli;

import dev.squeeze.Squeeze;
import dev.squeeze.service.SqueezeService;
import dev.squeeze.service.UrlPolicy;
import dev.squeeze.store.BlobStore;
import dev.squeeze.store.Store;
import dev.squeeze.store.jdbc.JdbcStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * Where the service facade keeps its state when run from the shell: by default an embedded H2 database and
 * a blob folder under {@code ./.squeeze/}, so that successive commands see one service.
 */
final class ServiceOptions {
  static final String DEFAULT_DIR = ".squeeze";

  @Option(names = "--store", paramLabel = "JDBC_URL",
      description = "Database of accounts and images (default: jdbc:h2:./" + DEFAULT_DIR + "/db; PostgreSQL:"
          + " jdbc:postgresql://host/db?user=...).")
  String store;

  @Option(names = "--blobs", paramLabel = "DIR",
      description = "Folder of original and optimized files (default: ./" + DEFAULT_DIR + "/blobs).")
  Path blobs;

  @Option(names = "--allow-host", paramLabel = "HOST",
      description = "Fetch url uploads from HOST even if it is a loopback or private address (repeatable).")
  List<String> allowHosts = new ArrayList<>();

  String storeUrl() {
    return store != null ? store : "jdbc:h2:./" + DEFAULT_DIR + "/db";
  }

  Path blobDir() {
    return blobs != null ? blobs : Path.of(DEFAULT_DIR, "blobs");
  }

  /** Opens the store and builds a service on it; the caller closes {@link SqueezeService#store()}. */
  SqueezeService open(Squeeze squeeze) {
    Store s = JdbcStore.open(storeUrl());
    return SqueezeService.builder().store(s).blobs(BlobStore.inDirectory(blobDir())).squeeze(squeeze)
        .urlPolicy(UrlPolicy.defaults().withAllowedHosts(Set.copyOf(allowHosts))).build();
  }
}
