package dev.squeeze.png.deflate;

import java.nio.file.Files;
import java.nio.file.Path;

/** Measuring tool, not a test: zopfli sizes of PNGs' IDAT data under several block limits. */
public final class BlocksProbe {
  private BlocksProbe() {}

  public static void main(String[] args) throws Exception {
    String[] blocks = System.getProperty("blocks", "15,40,100").split(",");
    for (String a : args) {
      byte[] data = IdatData.of(Files.readAllBytes(Path.of(a)));
      StringBuilder sb = new StringBuilder(Path.of(a).getFileName().toString());
      for (String b : blocks) {
        long t0 = System.nanoTime();
        int n = ZopfliDeflater.defaults().withIterations(Integer.getInteger("it", 15)).withMaxChain(Integer.getInteger("chain", 8192)).withMaxBlocks(Integer.parseInt(b)).zlib(data).length;
        sb.append(String.format("  b%s=%d (%d ms)", b, n, (System.nanoTime() - t0) / 1_000_000));
      }
      System.out.println(sb);
    }
  }
}
