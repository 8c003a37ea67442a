package dev.squeeze.store.jdbc;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server the tests use, from {@code SQUEEZE_TEST_PG_URL} (exported by {@code .ci/postgres.sh}).
 * Missing: the tests fail when {@code CI=true} (a CI run must test PostgreSQL for real) and are skipped
 * otherwise. Each test gets its own schema, dropped afterwards.
 */
final class PostgresDatabase implements AutoCloseable {
  static final String ENV = "SQUEEZE_TEST_PG_URL";

  private final String baseUrl;
  private final String schema;

  private PostgresDatabase(String baseUrl, String schema) {
    this.baseUrl = baseUrl;
    this.schema = schema;
  }

  /** A fresh schema on the test server, or a skipped (locally) or failed (in CI) test. */
  static PostgresDatabase fresh() throws SQLException {
    String url = System.getenv(ENV);
    if (url == null || url.isBlank()) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(ENV + " is not set but CI=true: PostgreSQL tests must run in CI (source .ci/postgres.sh)");
      }
      Assumptions.abort(ENV + " not set: PostgreSQL store tests skipped (source .ci/postgres.sh to run them)");
    }
    String schema = "squeeze_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
      st.execute("CREATE SCHEMA " + schema);
    }
    return new PostgresDatabase(url, schema);
  }

  /** The JDBC URL of this test's schema. */
  String url() {
    return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  @Override
  public void close() throws SQLException {
    try (Connection c = DriverManager.getConnection(baseUrl); Statement st = c.createStatement()) {
      st.execute("DROP SCHEMA " + schema + " CASCADE");
    }
  }
}
