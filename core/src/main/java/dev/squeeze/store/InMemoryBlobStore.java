package dev.squeeze.store;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Blobs in a concurrent map; every value is a private copy. */
final class InMemoryBlobStore implements BlobStore {
  private final ConcurrentHashMap<String, byte[]> blobs = new ConcurrentHashMap<>();

  @Override
  public void put(String key, byte[] data) {
    blobs.put(BlobStore.checkKey(key), data.clone());
  }

  @Override
  public Optional<byte[]> get(String key) {
    byte[] b = blobs.get(BlobStore.checkKey(key));
    return b == null ? Optional.empty() : Optional.of(b.clone());
  }

  @Override
  public boolean delete(String key) {
    return blobs.remove(BlobStore.checkKey(key)) != null;
  }
}
