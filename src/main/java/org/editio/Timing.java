package org.editio;

import java.lang.management.ManagementFactory;

/**
 * Wall time of the parts of a stage, and the CPU time the process spent meanwhile (all threads:
 * on a shared machine the one says how long, the other how much work), printed to standard error
 * when the environment variable {@code EDITIO_TIMING} is set: how the performance figures in the
 * README are broken down.
 */
public final class Timing {
  private static final boolean ON = System.getenv("EDITIO_TIMING") != null;

  private final String stage;
  private long last = System.nanoTime();
  private long lastCpu = cpu();

  public Timing(String stage) {
    this.stage = stage;
  }

  /** Prints the time since the previous lap. */
  public void lap(String part) {
    long now = System.nanoTime();
    long cpu = cpu();
    if (ON) {
      System.err.printf(java.util.Locale.ROOT, "timing: %s: %s %.2f s (cpu %.2f s)%n", stage, part, (now - last) / 1e9,
          (cpu - lastCpu) / 1e9);
    }
    last = now;
    lastCpu = cpu;
  }

  /** The CPU time of the process so far, in nanoseconds (0 where the JVM cannot tell). */
  private static long cpu() {
    if (!ON) {
      return 0;
    }
    return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime() : 0;
  }
}
