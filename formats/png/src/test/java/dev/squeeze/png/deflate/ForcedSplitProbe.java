package dev.squeeze.png.deflate;

import java.nio.file.Files;
import java.nio.file.Path;

/** Measuring tool, not a test: optimal parse with the data cut into N equal blocks, for several N. */
public final class ForcedSplitProbe {
  private ForcedSplitProbe() {}

  public static void main(String[] args) throws Exception {
    String[] ns = System.getProperty("n", "1,4,8,16,32,64").split(",");
    int it = Integer.getInteger("it", 15);
    for (String a : args) {
      byte[] data = IdatData.of(Files.readAllBytes(Path.of(a)));
      StringBuilder sb = new StringBuilder(Path.of(a).getFileName().toString());
      OptimalParser parser = new OptimalParser(data, new MatchFinder(data, 0, 0, data.length, 8192));
      for (String nn : ns) {
        int n = Integer.parseInt(nn);
        long bits = 0;
        for (int k = 0; k < n; k++) {
          int s = (int) ((long) data.length * k / n);
          int e = (int) ((long) data.length * (k + 1) / n);
          LzStore st = parser.optimal(s, e, it);
          bits += BlockWriter.bestBits(st, 0, st.size());
        }
        sb.append(String.format("  n%d=%d", n, bits / 8));
      }
      System.out.println(sb);
    }
  }
}
