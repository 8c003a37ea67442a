package dev.squeeze.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Both blob stores: round trips, key rules, and (on files) atomic replacement and no escape from the root. */
class BlobStoreTest {
  @TempDir
  static Path shared;

  static Stream<BlobStore> stores() throws Exception {
    return Stream.of(BlobStore.inMemory(), BlobStore.inDirectory(Files.createTempDirectory(shared, "blobs")));
  }

  @ParameterizedTest
  @MethodSource("stores")
  void putGetReplaceDelete(BlobStore blobs) {
    assertThat(blobs.get("abc/origin")).isEmpty();
    blobs.put("abc/origin", new byte[] {1, 2, 3});
    assertThat(blobs.get("abc/origin")).hasValueSatisfying(b -> assertThat(b).containsExactly(1, 2, 3));
    blobs.put("abc/origin", new byte[] {4});
    assertThat(blobs.get("abc/origin")).hasValueSatisfying(b -> assertThat(b).containsExactly(4));
    assertThat(blobs.delete("abc/origin")).isTrue();
    assertThat(blobs.delete("abc/origin")).isFalse();
    assertThat(blobs.get("abc/origin")).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("stores")
  void storedBytesAreACopy(BlobStore blobs) {
    byte[] data = {1, 2, 3};
    blobs.put("k", data);
    data[0] = 9;
    blobs.get("k").orElseThrow()[1] = 9;
    assertThat(blobs.get("k").orElseThrow()).containsExactly(1, 2, 3);
  }

  @ParameterizedTest
  @MethodSource("stores")
  void keysThatCouldEscapeAreRefused(BlobStore blobs) {
    for (String bad : List.of("../x", "a/../../x", "/etc/passwd", "a//b", ".", "..", ".hidden", "a/.tmp-1", "a\\b",
        "", "a/", "c:x", "a b", "x\u0000y")) {
      assertThatThrownBy(() -> blobs.put(bad, new byte[1])).as(bad).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> blobs.get(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void filesLandUnderTheRootAndNoTemporaryFileStays(@TempDir Path root) throws Exception {
    BlobStore blobs = BlobStore.inDirectory(root);
    blobs.put("0123abcd/optimized", new byte[100]);
    assertThat(Files.readAllBytes(root.resolve("0123abcd/optimized"))).hasSize(100);
    try (Stream<Path> all = Files.walk(root)) {
      assertThat(all.filter(Files::isRegularFile)).containsExactly(root.resolve("0123abcd/optimized"));
    }
  }

  @Test
  void deletingTheLastBlobOfAFolderRemovesTheFolder(@TempDir Path root) throws Exception {
    BlobStore blobs = BlobStore.inDirectory(root);
    blobs.put("tok/origin", new byte[1]);
    blobs.put("tok/optimized", new byte[1]);
    blobs.delete("tok/origin");
    assertThat(root.resolve("tok")).isDirectory();
    blobs.delete("tok/optimized");
    assertThat(root.resolve("tok")).doesNotExist();
    assertThat(root).isDirectory();
  }

  @Test
  void readersNeverSeeAHalfWrittenFile(@TempDir Path root) throws Exception {
    // a writer alternates two large contents; a reader must always get one of them whole
    BlobStore blobs = BlobStore.inDirectory(root);
    byte[] a = new byte[1 << 20];
    byte[] b = new byte[1 << 20];
    Arrays.fill(a, (byte) 'a');
    Arrays.fill(b, (byte) 'b');
    blobs.put("k", a);
    AtomicBoolean stop = new AtomicBoolean();
    AtomicReference<String> torn = new AtomicReference<>();
    Thread reader = new Thread(() -> {
      while (!stop.get()) {
        byte[] got = blobs.get("k").orElseThrow();
        if (!Arrays.equals(got, a) && !Arrays.equals(got, b)) {
          torn.set("read " + got.length + " bytes that are neither version");
        }
      }
    });
    reader.start();
    for (int i = 0; i < 40; i++) {
      blobs.put("k", i % 2 == 0 ? b : a);
    }
    stop.set(true);
    reader.join();
    assertThat(torn.get()).isNull();
  }

  @Test
  void aFailedWriteLeavesTheOldContentAndNoTemporaryFile(@TempDir Path root) throws Exception {
    BlobStore blobs = BlobStore.inDirectory(root);
    blobs.put("k/v", new byte[] {1});
    // a folder where the file should go makes the rename fail after the temporary file was written
    Files.createDirectories(root.resolve("k/w/inner"));
    assertThatThrownBy(() -> blobs.put("k/w", new byte[] {2})).isInstanceOf(StoreException.class);
    try (Stream<Path> all = Files.walk(root)) {
      assertThat(all.filter(Files::isRegularFile)).containsExactly(root.resolve("k/v"));
    }
    assertThat(blobs.get("k/v").orElseThrow()).containsExactly(1);
  }
}
