package dev.squeeze.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squeeze.store.AccountRecord;
import dev.squeeze.store.Store;
import dev.squeeze.store.StoreContractTest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on an embedded H2 database file, plus migrations and reopening. */
class H2StoreTest extends StoreContractTest {
  @TempDir
  Path dir;

  private String url() {
    return "jdbc:h2:" + dir.resolve("db").toAbsolutePath();
  }

  @Override
  protected Store newStore() {
    return JdbcStore.open(url());
  }

  @Test
  void dataSurvivesReopeningTheFile() {
    AccountRecord a = account(0, 500);
    store.close();
    store = JdbcStore.open(url());
    assertThat(store.account(a.id())).contains(a);
  }

  @Test
  void migrationsAreRecordedOnceAndReopeningAppliesNothing() throws Exception {
    store.close();
    store = JdbcStore.open(url());
    try (Connection c = DriverManager.getConnection(url()); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT version FROM squeeze_schema_version ORDER BY version")) {
      List<Integer> versions = new ArrayList<>();
      while (rs.next()) {
        versions.add(rs.getInt(1));
      }
      assertThat(versions).containsExactly(1, 2);
      assertThat(JdbcStore.schemaVersion()).isEqualTo(2);
    }
  }

  @Test
  void aDatabaseAtVersionOneIsMigratedToTheLatest() throws Exception {
    store.close();
    String url = "jdbc:h2:" + dir.resolve("old").toAbsolutePath();
    try (Connection c = DriverManager.getConnection(url)) {
      // build the schema as version 1 left it, then let open() bring it forward
      Migrations.migrate(c, Dialect.H2, 0);
      try (Statement st = c.createStatement()) {
        st.execute("DROP INDEX squeeze_image_list");
        st.execute("DROP INDEX squeeze_image_expiry");
        st.execute("DELETE FROM squeeze_schema_version WHERE version = 2");
      }
    }
    store = JdbcStore.open(url);
    try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT MAX(version) FROM squeeze_schema_version")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(2);
    }
  }
}
