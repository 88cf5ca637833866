package org.editio;

/**
 * Wall time of the parts of a stage, printed to standard error when the environment variable
 * {@code EDITIO_TIMING} is set: how the performance figures in the README are broken down.
 */
public final class Timing {
  private static final boolean ON = System.getenv("EDITIO_TIMING") != null;

  private final String stage;
  private long last = System.nanoTime();
  private long lastCpu = ON ? cpu() : 0;
  private long lastThreadCpu = ON ? threadCpu() : 0;

  /** CPU time of the whole process (every thread, the JIT compilers' too), in nanoseconds. */
  private static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** CPU time of the calling thread: a part's own work, when other threads run beside it. */
  private static long threadCpu() {
    return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  public Timing(String stage) {
    this.stage = stage;
  }

  /**
   * Prints the wall time since the previous lap, the process's CPU time (on a shared machine
   * the steadier figure) and the CPU time of the thread that times the part (its own work, while
   * other threads render beside it).
   */
  public void lap(String part) {
    long now = System.nanoTime();
    long cpuNow = ON ? cpu() : 0;
    long threadNow = ON ? threadCpu() : 0;
    if (ON) {
      System.err.printf(java.util.Locale.ROOT, "timing: %s: %s %.2f s (cpu %.2f s, this thread %.2f s)%n", stage, part,
          (now - last) / 1e9, (cpuNow - lastCpu) / 1e9, (threadNow - lastThreadCpu) / 1e9);
    }
    last = now;
    lastCpu = cpuNow;
    lastThreadCpu = threadNow;
  }
}
