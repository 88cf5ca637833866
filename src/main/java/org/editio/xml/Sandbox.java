package org.editio.xml;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs work that a schema of the edition controls (RELAX NG validation with Jing, a Schematron
 * compiled to XSLT) within a time and a memory bound, so that a hostile or merely careless schema
 * cannot hang a build or exhaust the JVM: {@code (1 to 10000000000) ! string(.)} or a regular
 * expression that backtracks forever are stopped with a clear error instead.
 *
 * <p>The work runs on a thread of its own while the caller watches it. Memory is bounded by what
 * that thread allocates (the JVM counts it per thread: {@code ThreadMXBean.getThreadAllocatedBytes}),
 * which a runaway computation reaches within seconds, long before the heap is full. Neither Saxon
 * nor Jing checks for interruption, so a thread past its bound is interrupted and, if it does not
 * stop, stopped with {@link Thread#stop()} (Java 17 still allows it; the work only ever touches
 * objects of its own run and caches that tolerate an aborted computation). On a JVM where
 * {@code stop} is gone, the thread is abandoned (a daemon: it ends with the JVM) and the error is
 * reported all the same.
 */
public final class Sandbox {

  /** How long and how much memory the work for one file may take. */
  public record Limits(Duration time, long allocatedBytes) {
    /**
     * Generous for real schemas (tei_all and its rules on the 2.2 MB FRUS history take about 5 s and allocate less than 256 MiB), tight for
     * runaways. {@code EDITIO_VALIDATION_SECONDS} and {@code EDITIO_VALIDATION_MIB} override them.
     */
    public static final Limits DEFAULT = new Limits(
        Duration.ofSeconds(number("EDITIO_VALIDATION_SECONDS", 60)), number("EDITIO_VALIDATION_MIB", 4096) << 20);

    private static long number(String variable, long fallback) {
      String v = System.getenv(variable);
      return v != null && v.matches("\\d{1,9}") && Long.parseLong(v) > 0 ? Long.parseLong(v) : fallback;
    }

    /** The bounds in words, for messages. */
    public String describe() {
      return time.toSeconds() + " s and " + (allocatedBytes >> 20) + " MiB of allocations";
    }
  }

  /** The work went past a bound; the message says which. */
  public static final class Exceeded extends Exception {
    private static final long serialVersionUID = 1L;

    Exceeded(String message) {
      super(message);
    }
  }

  private static final long POLL_MS = 10;

  private Sandbox() {}

  /**
   * Runs {@code work} within {@code limits}.
   *
   * @throws Exceeded when it took longer or allocated more than allowed (it has been stopped)
   * @throws Exception what the work threw
   */
  public static <T> T run(Callable<T> work, Limits limits) throws Exception {
    AtomicReference<T> result = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread worker = new Thread(() -> {
      try {
        result.set(work.call());
      } catch (Throwable t) {
        failure.set(t);
      }
    }, "editio-sandbox");
    worker.setDaemon(true);
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    boolean counting = threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled();
    long start = System.nanoTime();
    worker.start();
    long baseline = counting ? Math.max(0, threads.getThreadAllocatedBytes(worker.getId())) : 0;
    String exceeded = null;
    while (worker.isAlive()) {
      worker.join(POLL_MS);
      if (!worker.isAlive()) {
        break;
      }
      long elapsed = System.nanoTime() - start;
      if (elapsed > limits.time().toNanos()) {
        exceeded = "took longer than " + limits.time().toSeconds() + " s";
        break;
      }
      if (counting) {
        long allocated = threads.getThreadAllocatedBytes(worker.getId()) - baseline;
        if (allocated > limits.allocatedBytes()) {
          exceeded = "used more than " + (limits.allocatedBytes() >> 20) + " MiB of memory";
          break;
        }
      }
    }
    if (exceeded != null) {
      stop(worker);
      throw new Exceeded(exceeded);
    }
    Throwable t = failure.get();
    if (t instanceof StackOverflowError) {
      throw new Exceeded("recursed too deeply (stack overflow)");
    }
    if (t instanceof OutOfMemoryError) {
      throw new Exceeded("ran out of memory");
    }
    if (t instanceof Exception e) {
      throw e;
    }
    if (t instanceof Error e) {
      throw e;
    }
    return result.get();
  }

  @SuppressWarnings({"deprecation", "removal"})
  private static void stop(Thread worker) throws InterruptedException {
    worker.interrupt();
    worker.join(100);
    if (worker.isAlive()) {
      try {
        worker.stop();
      } catch (UnsupportedOperationException e) {
        // a JVM without Thread.stop: the daemon thread is abandoned, the error reported anyway
        return;
      }
      worker.join(1000);
    }
  }
}
