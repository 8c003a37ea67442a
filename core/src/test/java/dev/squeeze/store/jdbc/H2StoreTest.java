package dev.squeeze.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squeeze.store.AccountRecord;
import dev.squeeze.store.Store;
import dev.squeeze.store.StoreContractTest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;
import java.io.PrintWriter;
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
  void aCallersDataSourceWorksToo() {
    DataSource ds = new DriverManagerDataSource(url());
    AccountRecord a = account(0, 500);
    try (Store viaDataSource = JdbcStore.open(ds)) {
      assertThat(viaDataSource.account(a.id())).contains(a);
      assertThat(viaDataSource.charge(a.id(), WINDOW, 500)).isEqualTo(dev.squeeze.store.ChargeOutcome.CHARGED);
    }
    assertThat(store.account(a.id()).orElseThrow().usedIn(WINDOW)).isEqualTo(500);
  }

  @Test
  void aBadUrlIsAStoreExceptionWithoutThePassword() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> JdbcStore.open("jdbc:nosuchdb://x?password=hunter2"))
        .isInstanceOf(dev.squeeze.store.StoreException.class).hasMessageNotContaining("hunter2");
  }

  /** The smallest data source: a new connection per call, as a caller's pool would hand them out. */
  private static final class DriverManagerDataSource implements DataSource {
    private final String url;

    DriverManagerDataSource(String url) {
      this.url = url;
    }

    @Override
    public Connection getConnection() throws SQLException {
      return DriverManager.getConnection(url);
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      return DriverManager.getConnection(url, user, password);
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
      // no logging
    }

    @Override
    public void setLoginTimeout(int seconds) {
      // DriverManager's own
    }

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
      return false;
    }
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
