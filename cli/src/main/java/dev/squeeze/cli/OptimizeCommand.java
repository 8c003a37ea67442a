package dev.squeeze.cli;

import dev.squeeze.CompressionType;
import dev.squeeze.Effort;
import dev.squeeze.Format;
import dev.squeeze.FormatSniffer;
import dev.squeeze.MetadataPolicy;
import dev.squeeze.Options;
import dev.squeeze.Result;
import dev.squeeze.Squeeze;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code squeeze optimize}: the main job, over files and folders. */
@Command(
    name = "optimize",
    mixinStandardHelpOptions = true,
    description = {
        "Optimizes files and folders (recursively). Inputs are never overwritten unless --in-place.",
        "Exit codes: 0 all done, 1 some files failed, 2 usage error."},
    sortOptions = false)
final class OptimizeCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @CommandLine.ArgGroup(exclusive = true)
  Mode mode;

  static final class Mode {
    @Option(names = "--lossless", description = "Keep every pixel identical.")
    boolean lossless;

    @Option(names = "--lossy", description = "Allow invisible changes (the default).")
    boolean lossy;
  }

  @Option(names = "--quality", paramLabel = "N", description = "Lossy quality 1-100 (default: lowest that stays visually lossless).")
  Integer quality;

  @Option(names = "--strip-metadata", description = "Drop all metadata (orientation is applied first).")
  boolean stripMetadata;

  @Option(names = "--keep-metadata", description = "Keep all metadata (default keeps colour profile and orientation).")
  boolean keepMetadata;

  @Option(names = "--max-width", paramLabel = "W", description = "Scale images wider than W pixels down to W.")
  Integer maxWidth;

  @Option(names = "--effort", paramLabel = "LEVEL", description = "fast, default or maximum (default: ${DEFAULT-VALUE}).")
  Effort effort = Effort.DEFAULT;

  @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Files optimized at once (default: number of cores).")
  Integer jobs;

  @Option(names = "--json", description = "Print one JSON object per file and a summary object.")
  boolean json;

  @Option(names = {"-o", "--output"}, paramLabel = "OUT_DIR", description = "Write results under OUT_DIR, keeping relative paths.")
  Path outDir;

  @Option(names = "--in-place", description = "Replace each input atomically when a smaller file was made.")
  boolean inPlace;

  @Parameters(arity = "1..*", paramLabel = "FILES_OR_DIRS", description = "Files and folders to optimize.")
  List<Path> inputs;

  private final Squeeze squeeze;

  /** Used by picocli: every optimizer on the class path. */
  OptimizeCommand() {
    this(Squeeze.create());
  }

  OptimizeCommand(Squeeze squeeze) {
    this.squeeze = squeeze;
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    Options options = options();
    if ((outDir == null) == !inPlace) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          outDir == null ? "say where results go: -o OUT_DIR, or --in-place to replace the inputs"
              : "-o and --in-place exclude each other");
    }
    if (jobs != null && jobs < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--jobs must be at least 1, was " + jobs);
    }
    List<InputFiles.Entry> entries;
    try {
      entries = InputFiles.expand(inputs);
    } catch (IOException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    BatchReport report = new BatchReport(out, json);
    ProgressBar bar = new ProgressBar(System.err, !json && System.console() != null, entries.size());
    long start = System.nanoTime();
    int threads = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, entries.size())));
    try {
      List<Future<FileOutcome>> futures = new ArrayList<>();
      Set<Path> targets = new HashSet<>();
      for (InputFiles.Entry e : entries) {
        Path target = inPlace ? e.source() : outDir.resolve(e.relative());
        boolean clash = !targets.add(target.toAbsolutePath().normalize());
        futures.add(pool.submit(() -> {
          FileOutcome o = clash
              ? FileOutcome.failed(e, Files.size(e.source()), new IOException("another input also writes " + target), 0)
              : process(e, target, options);
          bar.step();
          return o;
        }));
      }
      for (Future<FileOutcome> f : futures) {
        try {
          report.file(f.get());
        } catch (ExecutionException ex) {
          throw new IllegalStateException("unexpected failure in a worker", ex.getCause());
        }
      }
    } finally {
      pool.shutdownNow();
    }
    report.summary((System.nanoTime() - start) / 1_000_000);
    return report.failed() == 0 ? 0 : SqueezeCommand.EXIT_SOME_FAILED;
  }

  private Options options() {
    Options o = Options.defaults();
    if (mode != null && mode.lossless) {
      o = o.withCompression(CompressionType.LOSSLESS);
      if (quality != null) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--quality applies to lossy mode only");
      }
    }
    if (stripMetadata && keepMetadata) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--strip-metadata and --keep-metadata exclude each other");
    }
    if (stripMetadata) {
      o = o.withMetadata(MetadataPolicy.STRIP_ALL);
    } else if (keepMetadata) {
      o = o.withMetadata(MetadataPolicy.KEEP_ALL);
    }
    try {
      if (quality != null) {
        o = o.withQuality(quality);
      }
      if (maxWidth != null) {
        o = o.withMaxWidth(maxWidth);
      }
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    return o.withEffort(effort);
  }

  private FileOutcome process(InputFiles.Entry e, Path target, Options options) {
    long t0 = System.nanoTime();
    long size = 0;
    try {
      size = Files.size(e.source());
      if (!e.explicit()) {
        Format f = sniff(e.source());
        if (!squeeze.supportedFormats().contains(f)) {
          return FileOutcome.skipped(e, size, f == Format.UNKNOWN ? "not an image or PDF" : f + ": no optimizer installed");
        }
      }
      Result r = squeeze.optimize(e.source(), options);
      if (inPlace) {
        if (!r.originalReturned()) {
          AtomicFiles.write(target, r.data());
        }
      } else {
        if (Files.exists(target) && Files.isSameFile(target, e.source())) {
          throw new IOException("output would overwrite the input " + e.source() + " (use --in-place for that)");
        }
        AtomicFiles.write(target, r.data());
      }
      return FileOutcome.ok(e, r, (System.nanoTime() - t0) / 1_000_000);
    } catch (Exception ex) {
      return FileOutcome.failed(e, size, ex, (System.nanoTime() - t0) / 1_000_000);
    }
  }

  private static Format sniff(Path p) throws IOException {
    try (InputStream in = Files.newInputStream(p)) {
      return FormatSniffer.sniff(in.readNBytes(FormatSniffer.HEAD_BYTES));
    }
  }
}
