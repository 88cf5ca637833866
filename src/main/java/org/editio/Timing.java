package org.editio;

/**
 * Wall time of the parts of a stage, printed to standard error when the environment variable
 * {@code EDITIO_TIMING} is set: how the performance figures in the README are broken down.
 */
public final class Timing {
  private static final boolean ON = System.getenv("EDITIO_TIMING") != null;

  private final String stage;
  private long last = System.nanoTime();

  public Timing(String stage) {
    this.stage = stage;
  }

  /** Prints the time since the previous lap. */
  public void lap(String part) {
    long now = System.nanoTime();
    if (ON) {
      System.err.printf(java.util.Locale.ROOT, "timing: %s: %s %.2f s%n", stage, part, (now - last) / 1e9);
    }
    last = now;
  }
}
