package dev.squeeze.png.deflate;

import dev.squeeze.testing.Corpus;

/** Shell benchmark: size and time of one corpus PNG's IDAT data against iteration count. Args: file iters... */
public final class IterationProbe {
  public static void main(String[] args) {
    byte[] raw = IdatData.of(Corpus.read(Corpus.file(args[0])));
    for (int i = 1; i < args.length; i++) {
      int it = Integer.parseInt(args[i]);
      long t0 = System.nanoTime();
      int size = ZopfliDeflater.defaults().withIterations(it).withMaxBlocks(Integer.getInteger("blocks", 15)).withMaxChain(Integer.getInteger("chain", 8192)).zlib(raw).length;
      System.out.printf("%s iterations %d: %d bytes, %d ms%n", args[0], it, size, (System.nanoTime() - t0) / 1_000_000);
    }
  }
}
