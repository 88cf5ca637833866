package org.editio;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Progress of a long build on a terminal: stage, files done of total, elapsed time, on one line
 * that rewrites itself. Silent when standard error is not a terminal or with --quiet, so logs and
 * CI output stay clean. One instance per run; the build loop ({@code output.Run}) reports each file.
 */
public final class Progress {

  /** Reports nothing. */
  public static final Progress SILENT = new Progress(null);

  private final PrintStream out;
  private final long start = System.nanoTime();
  private final AtomicInteger done = new AtomicInteger();
  private volatile String stage = "";
  private volatile int total;
  private volatile long lastPrint;

  private Progress(PrintStream out) {
    this.out = out;
  }

  /** Progress on standard error when it is a terminal and the user did not ask for quiet. */
  public static Progress forTerminal(boolean quiet) {
    return quiet || System.console() == null ? SILENT : new Progress(System.err);
  }

  /** A new stage of {@code total} items. */
  public void stage(String name, int total) {
    this.stage = name;
    this.total = total;
    done.set(0);
    print(true);
  }

  /** One item of the current stage is done. */
  public void step() {
    done.incrementAndGet();
    print(false);
  }

  /** Ends the progress line. */
  public void finish() {
    if (out != null) {
      out.print("\r\033[K");
      out.flush();
    }
  }

  private void print(boolean force) {
    if (out == null) {
      return;
    }
    long now = System.nanoTime();
    if (!force && now - lastPrint < 200_000_000L) {
      return;
    }
    lastPrint = now;
    synchronized (out) {
      out.printf(Locale.ROOT, "\r\033[K%s: %d/%d files, %.1f s", stage, done.get(), total, (now - start) / 1e9);
      out.flush();
    }
  }
}
