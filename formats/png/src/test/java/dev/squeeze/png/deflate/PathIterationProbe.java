package dev.squeeze.png.deflate;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Shell benchmark: zopfli size of one PNG file's (inflated) IDAT data under the settings given as system
 * properties blocks and chain. Args: path iters...
 */
public final class PathIterationProbe {
  public static void main(String[] args) throws Exception {
    byte[] raw = IdatData.of(Files.readAllBytes(Path.of(args[0])));
    for (int i = 1; i < args.length; i++) {
      int it = Integer.parseInt(args[i]);
      long t0 = System.nanoTime();
      int size = ZopfliDeflater.defaults().withIterations(it).withMaxBlocks(Integer.getInteger("blocks", 15))
          .withMaxChain(Integer.getInteger("chain", 8192)).zlib(raw).length;
      System.out.printf("%s iterations %d: %d bytes, %d ms%n", args[0], it, size, (System.nanoTime() - t0) / 1_000_000);
    }
  }
}
