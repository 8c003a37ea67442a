package dev.squeeze.store;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where original and optimized files are kept, by key. Keys are one or more segments of
 * {@code [A-Za-z0-9_.-]} characters, none starting with a dot (so never {@code .} or
 * {@code ..}), separated by {@code /}: no key can name a place outside the store. Writes are all-or-nothing.
 */
public interface BlobStore {
  /** Stores {@code data} under {@code key}, replacing what was there; readers see the old or the new bytes. */
  void put(String key, byte[] data);

  Optional<byte[]> get(String key);

  /** Deletes the blob; false when there was none. */
  boolean delete(String key);

  /** Blobs kept in memory: the library default, for tests and short-lived processes. */
  static BlobStore inMemory() {
    return new InMemoryBlobStore();
  }

  /** Blobs as files under {@code root} (created if missing), written through a temporary file and a rename. */
  static BlobStore inDirectory(java.nio.file.Path root) {
    return new FileBlobStore(root);
  }

  /** Throws {@link IllegalArgumentException} unless {@code key} is a valid key (see the class comment). */
  static String checkKey(String key) {
    if (key == null || !KeyRule.VALID.matcher(key).matches()) {
      throw new IllegalArgumentException("invalid blob key: " + key);
    }
    return key;
  }

  /** Holder of the key pattern, so the interface exposes no mutable or constant state of its own. */
  final class KeyRule {
    // at most 255 characters: fits a file name on every common file system and a VARCHAR key anywhere
    static final Pattern VALID =
        Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_.-]{0,254}(/[A-Za-z0-9_-][A-Za-z0-9_.-]{0,254}){0,7}");

    private KeyRule() {}
  }
}
