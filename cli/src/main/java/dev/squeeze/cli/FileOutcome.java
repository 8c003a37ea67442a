package dev.squeeze.cli;

import dev.squeeze.Result;

/** What happened to one file of a batch. */
record FileOutcome(InputFiles.Entry entry, Status status, Result result, long bytesIn, String error,
    String errorType, long millis) {

  enum Status { OK, FAILED, SKIPPED }

  static FileOutcome ok(InputFiles.Entry e, Result r, long millis) {
    return new FileOutcome(e, Status.OK, r, r.originalSize(), null, null, millis);
  }

  static FileOutcome failed(InputFiles.Entry e, long bytesIn, Throwable t, long millis) {
    String msg = t.getMessage() == null ? t.toString() : t.getMessage();
    return new FileOutcome(e, Status.FAILED, null, bytesIn, msg, t.getClass().getSimpleName(), millis);
  }

  static FileOutcome skipped(InputFiles.Entry e, long bytesIn, String why) {
    return new FileOutcome(e, Status.SKIPPED, null, bytesIn, why, null, 0);
  }

  long bytesOut() {
    return result != null ? result.size() : bytesIn;
  }
}
