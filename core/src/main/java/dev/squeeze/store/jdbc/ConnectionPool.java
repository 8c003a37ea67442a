package dev.squeeze.store.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A deliberately small pool for a JDBC URL: at most {@code max} connections in use, idle ones kept for reuse.
 * Enough for the embedded and CLI cases; a server passes its own {@code DataSource} instead.
 */
final class ConnectionPool implements ConnectionSource {
  // how long a caller waits for a free connection before the store reports failure: far above any
  // statement of this store, short enough that a leak shows up as an error instead of a hang
  private static final long BORROW_TIMEOUT_SECONDS = 30;

  private final String url;
  private final Semaphore permits;
  private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
  private final Consumer<Connection> setup;
  private volatile boolean closed;

  ConnectionPool(String url, int max, Consumer<Connection> setup) {
    this.url = url;
    this.permits = new Semaphore(max, true);
    this.setup = setup;
  }

  @Override
  public Connection borrow() throws SQLException {
    if (closed) {
      throw new SQLException("store closed");
    }
    try {
      if (!permits.tryAcquire(BORROW_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        throw new SQLException("no free database connection after " + BORROW_TIMEOUT_SECONDS + " s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while waiting for a connection", e);
    }
    try {
      Connection c = idle.pollFirst();
      if (c == null) {
        c = DriverManager.getConnection(url);
        setup.accept(c);
      }
      return c;
    } catch (SQLException | RuntimeException e) {
      permits.release();
      throw e;
    }
  }

  @Override
  public void release(Connection c, boolean broken) {
    try {
      if (broken || closed) {
        closeQuietly(c);
      } else {
        idle.offerFirst(c);
      }
    } finally {
      permits.release();
    }
  }

  @Override
  public void close() {
    closed = true;
    Connection c;
    while ((c = idle.pollFirst()) != null) {
      closeQuietly(c);
    }
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // closing a connection we no longer trust; nothing to do about a failure
    }
  }
}
