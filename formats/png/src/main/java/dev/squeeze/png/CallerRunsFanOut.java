package dev.squeeze.png;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Runs independent tasks on an executor while the calling thread runs every task no pool thread has started
 * yet. The caller only ever waits for tasks that are already running, so fanning out cannot deadlock even when
 * the call itself runs on a saturated or single-thread executor (as {@code Squeeze.optimizeAsync} does).
 */
final class CallerRunsFanOut {
  private CallerRunsFanOut() {}

  static <T> List<T> run(List<Supplier<T>> tasks, Executor executor) {
    List<AtomicBoolean> claimed = new ArrayList<>();
    List<CompletableFuture<T>> results = new ArrayList<>();
    for (Supplier<T> task : tasks) {
      AtomicBoolean claim = new AtomicBoolean();
      CompletableFuture<T> result = new CompletableFuture<>();
      claimed.add(claim);
      results.add(result);
      // the first task is the caller's own: offering it to the pool would only add a hand-off
      if (results.size() > 1) {
        try {
          executor.execute(() -> runOnce(task, claim, result));
        } catch (RejectedExecutionException e) {
          // the caller runs it below
        }
      }
    }
    for (int i = 0; i < tasks.size(); i++) {
      runOnce(tasks.get(i), claimed.get(i), results.get(i));
    }
    List<T> out = new ArrayList<>(tasks.size());
    for (CompletableFuture<T> r : results) {
      out.add(r.join());
    }
    return out;
  }

  private static <T> void runOnce(Supplier<T> task, AtomicBoolean claim, CompletableFuture<T> result) {
    if (claim.compareAndSet(false, true)) {
      try {
        result.complete(task.get());
      } catch (RuntimeException | Error e) {
        result.completeExceptionally(e);
      }
    }
  }
}
