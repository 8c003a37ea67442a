package dev.squeeze.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** Where {@link JdbcStore} gets its connections: its own small pool, or the caller's {@code DataSource}. */
interface ConnectionSource extends AutoCloseable {
  Connection borrow() throws SQLException;

  /** Hands {@code c} back; {@code broken} connections are closed instead of reused. */
  void release(Connection c, boolean broken);

  @Override
  void close();

  /** Connections from a caller's data source (which pools, or not, as it likes): released by closing. */
  static ConnectionSource of(javax.sql.DataSource ds) {
    return new ConnectionSource() {
      @Override
      public Connection borrow() throws SQLException {
        return ds.getConnection();
      }

      @Override
      public void release(Connection c, boolean broken) {
        try {
          c.close();
        } catch (SQLException ignored) {
          // the caller's pool reports its own trouble
        }
      }

      @Override
      public void close() {
        // the data source belongs to the caller
      }
    };
  }
}
