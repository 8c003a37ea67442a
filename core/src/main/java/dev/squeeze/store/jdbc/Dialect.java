package dev.squeeze.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The few places where H2 and PostgreSQL need different SQL. */
enum Dialect {
  H2 {
    @Override
    void lockForMigration(Statement st) {
      // an embedded H2 file belongs to one process; within it JdbcStore serialises migrations itself
    }

    @Override
    void setUp(Connection c) throws SQLException {
      try (Statement st = c.createStatement()) {
        // H2 waits 1 s for a row lock by default; 32 uploads charging one account queue longer than that
        st.execute("SET LOCK_TIMEOUT 10000");
      }
    }
  },
  POSTGRESQL {
    @Override
    void lockForMigration(Statement st) throws SQLException {
      // a transaction-scoped advisory lock: released at commit or rollback, even if the process dies
      st.execute("SELECT pg_advisory_xact_lock(7270310500)");
    }

    @Override
    void setUp(Connection c) {
      // defaults (READ COMMITTED, row locks wait) are what the store expects
    }
  };

  abstract void lockForMigration(Statement st) throws SQLException;

  /** Per-connection settings, applied once when the connection is opened. */
  abstract void setUp(Connection c) throws SQLException;

  static Dialect of(Connection c) throws SQLException {
    String product = c.getMetaData().getDatabaseProductName();
    if (product.equalsIgnoreCase("H2")) {
      return H2;
    }
    if (product.equalsIgnoreCase("PostgreSQL")) {
      return POSTGRESQL;
    }
    throw new SQLException("unsupported database " + product + " (H2 and PostgreSQL are)");
  }
}
