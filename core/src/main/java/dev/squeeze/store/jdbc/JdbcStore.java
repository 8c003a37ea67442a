package dev.squeeze.store.jdbc;

import dev.squeeze.store.AccountRecord;
import dev.squeeze.store.ChargeOutcome;
import dev.squeeze.store.DailyConsumption;
import dev.squeeze.store.ImageRecord;
import dev.squeeze.store.Store;
import dev.squeeze.store.StoreException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A {@link Store} in a relational database: an embedded H2 file ({@code jdbc:h2:/path/to/db}) or PostgreSQL.
 * The schema is created and migrated on open ({@link Migrations}). Quota charges lock the account rows
 * ({@code SELECT … FOR UPDATE}, child before parent, always in that order so that no two charges deadlock)
 * and the dedupe rule is a unique index, so several processes can share one PostgreSQL database.
 *
 * <pre>{@code
 * try (Store store = JdbcStore.open("jdbc:h2:./.squeeze/db")) { … }
 * }</pre>
 */
public final class JdbcStore implements Store {
  // connections the built-in pool opens at most: the 32-way concurrency test and a small server both fit,
  // and two instances stay far below PostgreSQL's default max_connections of 100
  private static final int POOL_SIZE = 16;
  private static final String SQLSTATE_UNIQUE_VIOLATION = "23505";
  private static final Object H2_MIGRATION_LOCK = new Object();
  private static final String ACCOUNT_COLUMNS = "id, parent_id, title, description, api_key, api_secret,"
      + " quota_allowed, file_max_size, quota_used, quota_window, created_ms";
  private static final String IMAGE_COLUMNS = "id, account_id, filename, media_type, width, height, size_before,"
      + " size_after, created_ms, expiration_ms, digest, params_key, token, origin_purged";

  private final ConnectionSource connections;
  private final Dialect dialect;

  private JdbcStore(ConnectionSource connections, Dialect dialect) {
    this.connections = connections;
    this.dialect = dialect;
  }

  /** Opens (creating or migrating the schema) the database at {@code jdbcUrl}, with a small built-in pool. */
  public static JdbcStore open(String jdbcUrl) {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Dialect dialect;
    try (Connection c = DriverManager.getConnection(jdbcUrl)) {
      dialect = Dialect.of(c);
      dialect.setUp(c);
      migrate(c, dialect);
    } catch (SQLException e) {
      // drivers repeat the URL in their messages; the cause keeps the original for a developer's stack trace
      throw new StoreException("cannot open store " + redact(jdbcUrl) + ": " + redact(String.valueOf(e.getMessage())),
          e);
    }
    Dialect d = dialect;
    return new JdbcStore(new ConnectionPool(jdbcUrl, POOL_SIZE, c -> {
      try {
        d.setUp(c);
      } catch (SQLException e) {
        throw new StoreException("cannot set up connection", e);
      }
    }), dialect);
  }

  /** Uses the caller's data source (its own pool); the schema is created or migrated now. */
  public static JdbcStore open(DataSource dataSource) {
    Objects.requireNonNull(dataSource, "dataSource");
    try (Connection c = dataSource.getConnection()) {
      Dialect dialect = Dialect.of(c);
      migrate(c, dialect);
      return new JdbcStore(ConnectionSource.of(dataSource), dialect);
    } catch (SQLException e) {
      throw new StoreException("cannot open store: " + e.getMessage(), e);
    }
  }

  /** The schema version of this code; {@code open} brings every database to it. */
  public static int schemaVersion() {
    return Migrations.latest();
  }

  private static void migrate(Connection c, Dialect dialect) throws SQLException {
    long now = Clock.systemUTC().millis();
    if (dialect == Dialect.H2) {
      synchronized (H2_MIGRATION_LOCK) {
        Migrations.migrate(c, dialect, now);
      }
    } else {
      Migrations.migrate(c, dialect, now);
    }
  }

  private static String redact(String url) {
    // JDBC URLs may carry a password parameter; never echo it into logs or error messages
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }

  /** One unit of database work. */
  @FunctionalInterface
  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T auto(Work<T> work) {
    Connection c = borrow();
    boolean broken = true;
    try {
      T t = work.run(c);
      broken = false;
      return t;
    } catch (SQLException e) {
      broken = !isUniqueViolation(e) && e.getSQLState() != null && e.getSQLState().startsWith("08");
      throw new StoreException("store failure: " + e.getMessage(), e);
    } finally {
      connections.release(c, broken);
    }
  }

  private <T> T transaction(Work<T> work) {
    Connection c = borrow();
    boolean broken = true;
    try {
      c.setAutoCommit(false);
      try {
        T t = work.run(c);
        c.commit();
        return t;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
        broken = false;
      }
    } catch (SQLException e) {
      throw new StoreException("store failure: " + e.getMessage(), e);
    } finally {
      connections.release(c, broken);
    }
  }

  private Connection borrow() {
    try {
      return connections.borrow();
    } catch (SQLException e) {
      throw new StoreException("no database connection: " + e.getMessage(), e);
    }
  }

  private static boolean isUniqueViolation(SQLException e) {
    return SQLSTATE_UNIQUE_VIOLATION.equals(e.getSQLState());
  }

  // ---- accounts

  @Override
  public AccountRecord createAccount(AccountRecord a) {
    return auto(c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO squeeze_account (parent_id, title, description,"
          + " api_key, api_secret, quota_allowed, file_max_size, quota_used, quota_window, created_ms)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
        ps.setLong(1, a.parentId());
        ps.setString(2, a.title());
        ps.setString(3, a.description());
        ps.setString(4, a.apiKey());
        ps.setString(5, a.apiSecret());
        ps.setLong(6, a.quotaAllowed());
        ps.setLong(7, a.fileMaxSize());
        ps.setLong(8, a.quotaUsed());
        ps.setInt(9, a.quotaWindow());
        ps.setLong(10, a.created().toEpochMilli());
        ps.executeUpdate();
        try (ResultSet keys = ps.getGeneratedKeys()) {
          keys.next();
          long id = keys.getLong(1);
          return new AccountRecord(id, a.parentId(), a.title(), a.description(), a.apiKey(), a.apiSecret(),
              a.quotaAllowed(), a.fileMaxSize(), a.quotaUsed(), a.quotaWindow(), a.created());
        }
      }
    });
  }

  @Override
  public Optional<AccountRecord> account(long id) {
    return auto(c -> accountWhere(c, "id = ?", id, false));
  }

  @Override
  public Optional<AccountRecord> accountByKey(String apiKey) {
    return auto(c -> accountWhere(c, "api_key = ?", apiKey, false));
  }

  private static Optional<AccountRecord> accountWhere(Connection c, String where, Object arg, boolean forUpdate)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + ACCOUNT_COLUMNS + " FROM squeeze_account WHERE "
        + where + (forUpdate ? " FOR UPDATE" : ""))) {
      ps.setObject(1, arg);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(Rows.account(rs)) : Optional.empty();
      }
    }
  }

  @Override
  public List<AccountRecord> subAccounts(long parentId) {
    if (parentId == 0) {
      return List.of();
    }
    return auto(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + ACCOUNT_COLUMNS
          + " FROM squeeze_account WHERE parent_id = ? ORDER BY id")) {
        ps.setLong(1, parentId);
        return Rows.accounts(ps);
      }
    });
  }

  @Override
  public Optional<AccountRecord> updateAccount(AccountRecord a) {
    return transaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE squeeze_account SET title = ?, description = ?,"
          + " quota_allowed = ?, file_max_size = ?, api_secret = ? WHERE id = ?")) {
        ps.setString(1, a.title());
        ps.setString(2, a.description());
        ps.setLong(3, a.quotaAllowed());
        ps.setLong(4, a.fileMaxSize());
        ps.setString(5, a.apiSecret());
        ps.setLong(6, a.id());
        if (ps.executeUpdate() == 0) {
          return Optional.empty();
        }
      }
      return accountWhere(c, "id = ?", a.id(), false);
    });
  }

  @Override
  public boolean deleteAccount(long id) {
    return transaction(c -> {
      update(c, "DELETE FROM squeeze_image WHERE account_id = ?", id);
      update(c, "DELETE FROM squeeze_consumption WHERE account_id = ?", id);
      return update(c, "DELETE FROM squeeze_account WHERE id = ?", id) > 0;
    });
  }

  private static int update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      return ps.executeUpdate();
    }
  }

  // ---- quota

  @Override
  public ChargeOutcome charge(long accountId, int window, long bytes) {
    return transaction(c -> {
      // lock order: the account, then its parent. A parent's own charge locks only the parent, so no cycle.
      Optional<AccountRecord> found = accountWhere(c, "id = ?", accountId, true);
      if (found.isEmpty()) {
        return ChargeOutcome.NO_ACCOUNT;
      }
      AccountRecord a = found.get();
      if (a.usedIn(window) + bytes > a.quotaAllowed()) {
        return ChargeOutcome.OVER_ACCOUNT_QUOTA;
      }
      AccountRecord parent = a.isSubAccount() ? accountWhere(c, "id = ?", a.parentId(), true).orElse(null) : null;
      if (parent != null && parent.usedIn(window) + bytes > parent.quotaAllowed()) {
        return ChargeOutcome.OVER_PARENT_QUOTA;
      }
      setUsage(c, a.id(), a.usedIn(window) + bytes, window);
      if (parent != null) {
        setUsage(c, parent.id(), parent.usedIn(window) + bytes, window);
      }
      return ChargeOutcome.CHARGED;
    });
  }

  private static void setUsage(Connection c, long id, long used, int window) throws SQLException {
    update(c, "UPDATE squeeze_account SET quota_used = ?, quota_window = ? WHERE id = ?", used, window, id);
  }

  @Override
  public void refund(long accountId, int window, long bytes) {
    transaction(c -> {
      Optional<AccountRecord> a = accountWhere(c, "id = ?", accountId, true);
      if (a.isPresent()) {
        String sql = "UPDATE squeeze_account SET quota_used = CASE WHEN quota_used > ? THEN quota_used - ? ELSE 0 END"
            + " WHERE id = ? AND quota_window = ?";
        update(c, sql, bytes, bytes, accountId, window);
        if (a.get().isSubAccount()) {
          update(c, sql, bytes, bytes, a.get().parentId(), window);
        }
      }
      return null;
    });
  }

  @Override
  public boolean resetUsage(long accountId, int window) {
    return auto(c -> update(c, "UPDATE squeeze_account SET quota_used = 0, quota_window = ? WHERE id = ?",
        window, accountId) > 0);
  }

  // ---- images

  @Override
  public InsertOutcome insertImage(ImageRecord i) {
    try {
      return new InsertOutcome(auto(c -> insert(c, i)), true);
    } catch (StoreException e) {
      if (e.getCause() instanceof SQLException && isUniqueViolation((SQLException) e.getCause())) {
        Optional<ImageRecord> existing = imageByDigest(i.accountId(), i.digest(), i.paramsKey());
        if (existing.isPresent()) {
          return new InsertOutcome(existing.get(), false);
        }
      }
      throw e;
    }
  }

  private static ImageRecord insert(Connection c, ImageRecord i) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO squeeze_image (account_id, filename, media_type,"
        + " width, height, size_before, size_after, created_ms, expiration_ms, digest, params_key, token,"
        + " origin_purged) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
      ps.setLong(1, i.accountId());
      ps.setString(2, i.filename());
      ps.setString(3, i.mediaType());
      ps.setInt(4, i.width());
      ps.setInt(5, i.height());
      ps.setLong(6, i.sizeBefore());
      ps.setLong(7, i.sizeAfter());
      ps.setLong(8, i.created().toEpochMilli());
      ps.setLong(9, i.expiration().toEpochMilli());
      ps.setString(10, i.digest());
      ps.setString(11, i.paramsKey());
      ps.setString(12, i.token());
      ps.setBoolean(13, i.originPurged());
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        return i.withId(keys.getLong(1));
      }
    }
  }

  @Override
  public Optional<ImageRecord> image(long id) {
    return auto(c -> imageWhere(c, "id = ?", id));
  }

  @Override
  public Optional<ImageRecord> imageByToken(String token) {
    return auto(c -> imageWhere(c, "token = ?", token));
  }

  @Override
  public Optional<ImageRecord> imageByDigest(long accountId, String digest, String paramsKey) {
    return auto(c -> imageWhere(c, "account_id = ? AND digest = ? AND params_key = ?", accountId, digest, paramsKey));
  }

  private static Optional<ImageRecord> imageWhere(Connection c, String where, Object... args) throws SQLException {
    List<ImageRecord> found = images(c, "SELECT " + IMAGE_COLUMNS + " FROM squeeze_image WHERE " + where, args);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  private static List<ImageRecord> images(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int k = 0; k < args.length; k++) {
        ps.setObject(k + 1, args[k]);
      }
      return Rows.images(ps);
    }
  }

  @Override
  public List<ImageRecord> images(long accountId, int offset, int limit) {
    return auto(c -> images(c, "SELECT " + IMAGE_COLUMNS + " FROM squeeze_image WHERE account_id = ?"
        + " ORDER BY id DESC LIMIT ? OFFSET ?", accountId, limit, offset));
  }

  @Override
  public long countImages(long accountId) {
    return auto(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM squeeze_image WHERE account_id = ?")) {
        ps.setLong(1, accountId);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      }
    });
  }

  @Override
  public boolean deleteImage(long id) {
    return auto(c -> update(c, "DELETE FROM squeeze_image WHERE id = ?", id) > 0);
  }

  @Override
  public List<ImageRecord> deleteImages(long accountId) {
    return transaction(c -> {
      List<ImageRecord> gone = images(c, "SELECT " + IMAGE_COLUMNS + " FROM squeeze_image WHERE account_id = ?"
          + " ORDER BY id FOR UPDATE", accountId);
      update(c, "DELETE FROM squeeze_image WHERE account_id = ?", accountId);
      return gone;
    });
  }

  @Override
  public List<ImageRecord> expiredOriginals(Instant now, int max) {
    return auto(c -> images(c, "SELECT " + IMAGE_COLUMNS + " FROM squeeze_image WHERE origin_purged = FALSE"
        + " AND expiration_ms <= ? ORDER BY id LIMIT ?", now.toEpochMilli(), max));
  }

  @Override
  public void markOriginPurged(long id) {
    auto(c -> update(c, "UPDATE squeeze_image SET origin_purged = TRUE WHERE id = ?", id));
  }

  // ---- statistics

  @Override
  public void recordConsumption(long accountId, LocalDate day, long sizeBefore, long sizeAfter) {
    String add = "UPDATE squeeze_consumption SET size_before = size_before + ?, size_after = size_after + ?,"
        + " files = files + 1 WHERE account_id = ? AND epoch_day = ?";
    int epochDay = Math.toIntExact(day.toEpochDay());
    try {
      auto(c -> {
        if (update(c, add, sizeBefore, sizeAfter, accountId, epochDay) == 0) {
          update(c, "INSERT INTO squeeze_consumption (account_id, epoch_day, size_before, size_after, files)"
              + " VALUES (?, ?, ?, ?, 1)", accountId, epochDay, sizeBefore, sizeAfter);
        }
        return null;
      });
    } catch (StoreException e) {
      // another writer inserted the day's row between our UPDATE and INSERT: add to it instead
      if (e.getCause() instanceof SQLException && isUniqueViolation((SQLException) e.getCause())) {
        auto(c -> update(c, add, sizeBefore, sizeAfter, accountId, epochDay));
      } else {
        throw e;
      }
    }
  }

  @Override
  public List<DailyConsumption> consumption(long accountId, LocalDate from, LocalDate to) {
    return auto(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT epoch_day, size_before, size_after, files"
          + " FROM squeeze_consumption WHERE account_id = ? AND epoch_day BETWEEN ? AND ? ORDER BY epoch_day")) {
        ps.setLong(1, accountId);
        ps.setInt(2, clampedEpochDay(from));
        ps.setInt(3, clampedEpochDay(to));
        List<DailyConsumption> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new DailyConsumption(LocalDate.ofEpochDay(rs.getInt(1)), rs.getLong(2), rs.getLong(3),
                rs.getLong(4)));
          }
        }
        return out;
      }
    });
  }

  /** Range ends beyond the column's range (LocalDate.MIN, MAX) select everything on that side. */
  private static int clampedEpochDay(LocalDate d) {
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, d.toEpochDay()));
  }

  @Override
  public void close() {
    connections.close();
  }

  @Override
  public String toString() {
    return "JdbcStore{" + dialect + '}';
  }
}
