package dev.squeeze.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Blobs as files under a root folder. A write goes to a temporary file in the target's folder, is forced to
 * disk, then renamed over the target atomically, so a crash leaves the old file or the new one, never half of
 * one; leftover temporary files start with {@code .tmp-} and are never returned as blobs (their names are not
 * valid keys). Keys are checked by {@link BlobStore#checkKey} and the resolved path must stay under the root.
 */
final class FileBlobStore implements BlobStore {
  private final Path root;

  FileBlobStore(Path root) {
    try {
      this.root = Files.createDirectories(root).toRealPath();
    } catch (IOException e) {
      throw new StoreException("cannot create blob folder " + root, e);
    }
  }

  private Path resolve(String key) {
    Path p = root.resolve(BlobStore.checkKey(key)).normalize();
    if (!p.startsWith(root) || p.equals(root)) {
      throw new IllegalArgumentException("blob key escapes the store: " + key);
    }
    return p;
  }

  @Override
  public void put(String key, byte[] data) {
    Path target = resolve(key);
    Path tmp = null;
    try {
      Files.createDirectories(target.getParent());
      tmp = Files.createTempFile(target.getParent(), ".tmp-", "");
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer buf = ByteBuffer.wrap(data);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        throw new StoreException("file system of " + root + " cannot rename atomically", e);
      }
      tmp = null;
    } catch (IOException e) {
      throw new StoreException("cannot write blob " + key, e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // the write already failed; a stray temporary file is harmless (never a valid key)
        }
      }
    }
  }

  @Override
  public Optional<byte[]> get(String key) {
    Path p = resolve(key);
    try {
      return Optional.of(Files.readAllBytes(p));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new StoreException("cannot read blob " + key, e);
    }
  }

  @Override
  public boolean delete(String key) {
    Path p = resolve(key);
    try {
      boolean deleted = Files.deleteIfExists(p);
      // drop the folder the key's first segments made once it is empty, so deleted images leave nothing
      for (Path dir = p.getParent(); deleted && !dir.equals(root); dir = dir.getParent()) {
        try {
          Files.deleteIfExists(dir);
        } catch (DirectoryNotEmptyException e) {
          break;
        }
      }
      return deleted;
    } catch (IOException e) {
      throw new StoreException("cannot delete blob " + key, e);
    }
  }
}
