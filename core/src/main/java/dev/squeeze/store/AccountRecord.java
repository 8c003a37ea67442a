package dev.squeeze.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One stored account, top-level or sub-account, as a {@link Store} keeps it.
 *
 * @param id assigned by the store, positive
 * @param parentId the owning account of a sub-account; 0 for a top-level account
 * @param apiKey public identifier used to authenticate, unique
 * @param apiSecret the secret paired with the key (the service shows it to the parent, as the reference does)
 * @param quotaAllowed bytes this account may have charged per monthly window
 * @param fileMaxSize largest upload in bytes
 * @param quotaUsed bytes charged in {@code quotaWindow}
 * @param quotaWindow the window {@code quotaUsed} belongs to, as {@code year * 100 + month}; a charge in a
 *     later window starts again from zero
 */
public record AccountRecord(long id, long parentId, String title, String description, String apiKey,
    String apiSecret, long quotaAllowed, long fileMaxSize, long quotaUsed, int quotaWindow, Instant created) {
  public AccountRecord {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(apiKey, "apiKey");
    Objects.requireNonNull(apiSecret, "apiSecret");
    Objects.requireNonNull(created, "created");
  }

  /** True for an account created under another one. */
  public boolean isSubAccount() {
    return parentId != 0;
  }

  /** Bytes used in {@code window}: zero when the stored usage belongs to an earlier window. */
  public long usedIn(int window) {
    return quotaWindow == window ? quotaUsed : 0;
  }

  /** A copy with the editable fields replaced; identity, key and usage unchanged. */
  public AccountRecord withDetails(String title, String description, long quotaAllowed, long fileMaxSize) {
    return new AccountRecord(id, parentId, title, description, apiKey, apiSecret, quotaAllowed, fileMaxSize,
        quotaUsed, quotaWindow, created);
  }

  /** A copy with a new secret. */
  public AccountRecord withSecret(String secret) {
    return new AccountRecord(id, parentId, title, description, apiKey, secret, quotaAllowed, fileMaxSize,
        quotaUsed, quotaWindow, created);
  }

  /** A copy with usage set. */
  public AccountRecord withUsage(long used, int window) {
    return new AccountRecord(id, parentId, title, description, apiKey, apiSecret, quotaAllowed, fileMaxSize,
        used, window, created);
  }

  @Override
  public String toString() {
    // never print the secret
    return "AccountRecord{id=" + id + ", parent=" + parentId + ", key=" + apiKey + ", quota=" + quotaUsed + '/'
        + quotaAllowed + " in " + quotaWindow + '}';
  }
}
