package dev.squeeze.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;

/** Prints a line (or a JSON object) per file and the closing summary, in human or JSON form. */
final class BatchReport {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final PrintWriter out;
  private final boolean json;
  private int files;
  private int failed;
  private int skipped;
  private long bytesIn;
  private long bytesOut;

  BatchReport(PrintWriter out, boolean json) {
    this.out = out;
    this.json = json;
  }

  int failed() {
    return failed;
  }

  synchronized void file(FileOutcome o) {
    switch (o.status()) {
      case OK -> {
        files++;
        bytesIn += o.bytesIn();
        bytesOut += o.bytesOut();
      }
      case FAILED -> failed++;
      case SKIPPED -> skipped++;
    }
    if (json) {
      out.println(fileJson(o));
    } else {
      out.println(fileLine(o));
    }
    out.flush();
  }

  synchronized void summary(long millis) {
    if (json) {
      ObjectNode s = JSON.createObjectNode();
      ObjectNode body = s.putObject("summary");
      body.put("files", files);
      body.put("failed", failed);
      body.put("skipped", skipped);
      body.put("bytes_in", bytesIn);
      body.put("bytes_out", bytesOut);
      body.put("saved_pct", round1(savedPct(bytesIn, bytesOut)));
      body.put("ms", millis);
      out.println(s);
    } else {
      String sep = "-".repeat(72);
      out.println(sep);
      out.printf(Locale.ROOT, "%-8s %-8s %-8s %14s %14s %8s %10s%n", "files", "failed", "skipped", "bytes before",
          "bytes after", "saved", "time");
      out.printf(Locale.ROOT, "%-8d %-8d %-8d %14d %14d %7.1f%% %9.1fs%n", files, failed, skipped, bytesIn, bytesOut,
          savedPct(bytesIn, bytesOut), millis / 1000.0);
    }
    out.flush();
  }

  private static String fileLine(FileOutcome o) {
    String name = o.entry().source().toString();
    return switch (o.status()) {
      case OK -> {
        var r = o.result();
        yield String.format(Locale.ROOT, "%-48s %-5s %10s -> %10s %7.1f%% %7d ms%s", name, r.format(), human(o.bytesIn()),
            human(r.size()), -savedPct(o.bytesIn(), r.size()), o.millis(),
            r.originalReturned() ? "  (kept original: " + r.originalReason().orElse("") + ")" : "");
      }
      case FAILED -> String.format(Locale.ROOT, "%-48s FAILED %s: %s", name, o.errorType(), o.error());
      case SKIPPED -> String.format(Locale.ROOT, "%-48s skipped: %s", name, o.error());
    };
  }

  private static String fileJson(FileOutcome o) {
    ObjectNode n = JSON.createObjectNode();
    n.put("file", o.entry().source().toString());
    n.put("status", o.status().name().toLowerCase(Locale.ROOT));
    n.put("bytes_in", o.bytesIn());
    if (o.result() != null) {
      var r = o.result();
      n.put("format", r.format().name().toLowerCase(Locale.ROOT));
      n.put("bytes_out", r.size());
      n.put("saved_pct", round1(savedPct(o.bytesIn(), r.size())));
      n.put("width", r.width());
      n.put("height", r.height());
      n.put("frames", r.frames());
      n.put("ms", o.millis());
      var steps = n.putArray("steps");
      r.steps().forEach(steps::add);
      n.put("original_returned", r.originalReturned());
      r.originalReason().ifPresent(why -> n.put("reason", why));
    } else if (o.status() == FileOutcome.Status.FAILED) {
      n.put("error_type", o.errorType());
      n.put("error", o.error());
      n.put("ms", o.millis());
    } else {
      n.put("reason", o.error());
    }
    return n.toString();
  }

  static double savedPct(long in, long out) {
    return in == 0 ? 0 : 100.0 * (in - out) / in;
  }

  private static double round1(double v) {
    return Math.round(v * 10) / 10.0;
  }

  static String human(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }
    return String.format(Locale.ROOT, "%.2f MB", bytes / (1024.0 * 1024));
  }
}
