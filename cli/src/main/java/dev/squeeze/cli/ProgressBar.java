package dev.squeeze.cli;

import java.io.PrintStream;

/** A one-line progress bar on a terminal's stderr, redrawn in place; silent when not enabled. */
final class ProgressBar {
  private static final int WIDTH = 30;
  private final PrintStream err;
  private final boolean enabled;
  private final int total;
  private int done;

  ProgressBar(PrintStream err, boolean enabled, int total) {
    this.err = err;
    this.enabled = enabled && total > 1;
    this.total = total;
  }

  synchronized void step() {
    done++;
    if (!enabled) {
      return;
    }
    int filled = (int) ((long) WIDTH * done / total);
    err.print("\r[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + done + "/" + total + " files");
    if (done == total) {
      err.print("\r" + " ".repeat(WIDTH + 24) + "\r");
    }
    err.flush();
  }
}
