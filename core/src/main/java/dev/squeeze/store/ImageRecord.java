package dev.squeeze.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One stored image record. Blobs live in a {@link BlobStore} under keys derived from {@code token}.
 *
 * @param id assigned by the store, positive
 * @param accountId the account that uploaded it
 * @param filename the name shown to clients and used in download links (already sanitised)
 * @param mediaType the content type of both files, e.g. {@code image/png}
 * @param digest hex SHA-256 of the original content
 * @param paramsKey canonical form of the compression parameters; with {@code digest} the dedupe key
 * @param token the unguessable download token
 * @param expiration when the original stops being kept
 * @param originPurged true once the original has been deleted after {@code expiration}
 */
public record ImageRecord(long id, long accountId, String filename, String mediaType, int width, int height,
    long sizeBefore, long sizeAfter, Instant created, Instant expiration, String digest, String paramsKey,
    String token, boolean originPurged) {
  public ImageRecord {
    Objects.requireNonNull(filename, "filename");
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(expiration, "expiration");
    Objects.requireNonNull(digest, "digest");
    Objects.requireNonNull(paramsKey, "paramsKey");
    Objects.requireNonNull(token, "token");
  }

  /** The same record with the id the store assigned. */
  public ImageRecord withId(long newId) {
    return new ImageRecord(newId, accountId, filename, mediaType, width, height, sizeBefore, sizeAfter, created,
        expiration, digest, paramsKey, token, originPurged);
  }

  /** The same record, marked as having lost its original. */
  public ImageRecord purged() {
    return new ImageRecord(id, accountId, filename, mediaType, width, height, sizeBefore, sizeAfter, created,
        expiration, digest, paramsKey, token, true);
  }
}
