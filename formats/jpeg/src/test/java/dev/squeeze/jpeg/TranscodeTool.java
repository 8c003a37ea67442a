package dev.squeeze.jpeg;

import dev.squeeze.MetadataPolicy;
import dev.squeeze.Options;
import dev.squeeze.Result;
import dev.squeeze.Squeeze;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Measuring aid, not a test: {@code TranscodeTool OUTDIR FILES...} optimises each file losslessly with this
 * module alone and prints input and output bytes and the time per file. The system property
 * {@code metadata} (a {@link MetadataPolicy} name) overrides the default policy.
 */
public final class TranscodeTool {
  private TranscodeTool() {}

  public static void main(String[] args) throws Exception {
    Squeeze squeeze = Squeeze.builder().providers(List.of(new JpegOptimizerProvider())).build();
    Path outDir = Path.of(args[0]);
    Files.createDirectories(outDir);
    Options options = Options.lossless().withMetadata(
        MetadataPolicy.valueOf(System.getProperty("metadata", MetadataPolicy.KEEP_COLOR_AND_ORIENTATION.name())));
    long in = 0;
    long out = 0;
    for (int i = 1; i < args.length; i++) {
      Path f = Path.of(args[i]);
      byte[] data = Files.readAllBytes(f);
      long t0 = System.nanoTime();
      Result r = squeeze.optimize(data, options);
      long t1 = System.nanoTime();
      Files.write(outDir.resolve(f.getFileName()), r.data());
      in += data.length;
      out += r.size();
      System.out.printf("%s %d -> %d (%.1f ms) %s%n", f.getFileName(), data.length, r.size(), (t1 - t0) / 1e6,
          r.steps());
    }
    System.out.printf("total %d -> %d%n", in, out);
  }
}
