package dev.squeeze.service;

import java.time.LocalDate;

/**
 * An account as the service shows it: {@code GET /accounts/mine} shows the quota fields, the sub-account
 * calls show everything, including the key and secret (as the reference does, to the parent only).
 *
 * @param parentId the owning account of a sub-account, 0 for a top-level account
 * @param quotaStart first day of the current monthly window ({@code quota_start})
 * @param quotaEnd last day of the current monthly window ({@code quota_end})
 * @param quotaCurrent bytes charged in the current window ({@code quota_current})
 * @param quotaAllowed bytes allowed per window ({@code quota_allowed})
 * @param fileMaxSize largest upload in bytes ({@code file_max_size})
 */
public record Account(long id, long parentId, String title, String description, LocalDate quotaStart,
    LocalDate quotaEnd, long quotaCurrent, long quotaAllowed, long fileMaxSize, String apiKey, String apiSecret) {

  /** The credentials of this account, for its own calls. */
  public Credentials credentials() {
    return new Credentials(apiKey, apiSecret);
  }

  @Override
  public String toString() {
    return "Account{id=" + id + ", parent=" + parentId + ", key=" + apiKey + ", quota=" + quotaCurrent + '/'
        + quotaAllowed + ", fileMaxSize=" + fileMaxSize + '}';
  }
}
