package dev.squeeze.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Where the service facade keeps accounts, image records and consumption statistics. Implementations are
 * thread-safe; {@link #charge} and {@link #insertImage} are atomic even across processes sharing the store
 * (the JDBC store relies on the database's row locks and unique indexes for that).
 *
 * <p>Implementations: {@link InMemoryStore} (the library default) and {@code dev.squeeze.store.jdbc.JdbcStore}
 * (embedded H2 files, PostgreSQL). Every implementation passes the same contract test suite.
 */
public interface Store extends AutoCloseable {

  // ---- accounts

  /** Stores {@code account} (its id is ignored) and returns it with the id assigned. */
  AccountRecord createAccount(AccountRecord account);

  Optional<AccountRecord> account(long id);

  Optional<AccountRecord> accountByKey(String apiKey);

  /** The sub-accounts of {@code parentId}, by id. */
  List<AccountRecord> subAccounts(long parentId);

  /**
   * Replaces title, description, quota allowed, file size limit and secret of an existing account; usage is
   * left as stored. Returns the stored account, or empty when it does not exist.
   */
  Optional<AccountRecord> updateAccount(AccountRecord account);

  /** Deletes the account with its image records and statistics; blobs are the caller's. */
  boolean deleteAccount(long id);

  // ---- quota

  /**
   * Atomically charges {@code bytes} to the account and, for a sub-account, to its parent, in monthly
   * {@code window} ({@code year * 100 + month}): a usage stored for an earlier window counts as zero. Nothing
   * is charged unless every charged account stays within its {@code quotaAllowed}.
   */
  ChargeOutcome charge(long accountId, int window, long bytes);

  /** Gives back a charge made in {@code window} (to the parent too); never takes usage below zero. */
  void refund(long accountId, int window, long bytes);

  /** Sets the account's usage in {@code window} to zero (the parent's usage is unchanged). */
  boolean resetUsage(long accountId, int window);

  // ---- images

  /**
   * Stores a new image record unless the account already has one with the same digest and params key; returns
   * the stored record: the new one (with its id) or the one already there. Atomic: of several concurrent
   * inserts of the same key, one wins and the others get its record.
   */
  InsertOutcome insertImage(ImageRecord image);

  /** What {@link #insertImage} did. */
  record InsertOutcome(ImageRecord image, boolean inserted) {}

  Optional<ImageRecord> image(long id);

  Optional<ImageRecord> imageByToken(String token);

  Optional<ImageRecord> imageByDigest(long accountId, String digest, String paramsKey);

  /** The account's images, newest first, from {@code offset}, at most {@code limit}. */
  List<ImageRecord> images(long accountId, int offset, int limit);

  long countImages(long accountId);

  boolean deleteImage(long id);

  /** Deletes every image record of the account and returns what was deleted (so blobs can go too). */
  List<ImageRecord> deleteImages(long accountId);

  /** Records whose original is still kept but whose expiration is at or before {@code now}, at most {@code max}. */
  List<ImageRecord> expiredOriginals(Instant now, int max);

  /** Marks the original of image {@code id} as gone. */
  void markOriginPurged(long id);

  // ---- statistics

  /** Adds one optimized file to the account's statistics for {@code day}. */
  void recordConsumption(long accountId, LocalDate day, long sizeBefore, long sizeAfter);

  /** The account's days with consumption within {@code from..to} inclusive, by date. */
  List<DailyConsumption> consumption(long accountId, LocalDate from, LocalDate to);

  /** Releases connections and files; the in-memory store keeps nothing to release. */
  @Override
  void close();
}
