package dev.squeeze.store;

/** The storage behind a {@link Store} or {@link BlobStore} failed (database down, disk full, …). */
public class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public StoreException(String message) {
    super(message);
  }
}
