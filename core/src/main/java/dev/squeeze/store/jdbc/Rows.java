package dev.squeeze.store.jdbc;

import dev.squeeze.store.AccountRecord;
import dev.squeeze.store.ImageRecord;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Maps result rows (in the column order of {@link JdbcStore}'s column lists) to records. */
final class Rows {
  private Rows() {}

  static AccountRecord account(ResultSet rs) throws SQLException {
    return new AccountRecord(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getString(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getInt(10),
        Instant.ofEpochMilli(rs.getLong(11)));
  }

  static List<AccountRecord> accounts(PreparedStatement ps) throws SQLException {
    List<AccountRecord> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(account(rs));
      }
    }
    return out;
  }

  static ImageRecord image(ResultSet rs) throws SQLException {
    return new ImageRecord(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5),
        rs.getInt(6), rs.getLong(7), rs.getLong(8), Instant.ofEpochMilli(rs.getLong(9)),
        Instant.ofEpochMilli(rs.getLong(10)), rs.getString(11), rs.getString(12), rs.getString(13),
        rs.getBoolean(14));
  }

  static List<ImageRecord> images(PreparedStatement ps) throws SQLException {
    List<ImageRecord> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(image(rs));
      }
    }
    return out;
  }
}
