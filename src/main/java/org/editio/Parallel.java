package org.editio;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Runs one task per item on all cores and gathers every failure, so that a build reports all
 * broken documents at once instead of stopping at the first.
 */
public final class Parallel {

  /** A task that may fail with problems the user can act on. */
  @FunctionalInterface
  public interface Task<T> {
    void run(T item) throws EditioException;
  }

  private Parallel() {}

  /**
   * Runs {@code task} for each item in parallel.
   *
   * @throws EditioException with the problems of every failed item (the highest exit code wins)
   */
  public static <T> void forEach(Collection<T> items, Task<T> task) throws EditioException {
    List<EditioException> failures = Collections.synchronizedList(new ArrayList<>());
    items.parallelStream().forEach(item -> {
      try {
        task.run(item);
      } catch (EditioException e) {
        failures.add(e);
      }
    });
    if (!failures.isEmpty()) {
      // items that fail for one shared reason (a stylesheet that does not compile) say it once
      java.util.Set<Problem> unique = new java.util.LinkedHashSet<>();
      int exit = 0;
      for (EditioException e : failures) {
        unique.addAll(e.problems());
        exit = Math.max(exit, e.exitCode());
      }
      List<Problem> problems = new ArrayList<>(unique);
      problems.sort(Problem.ORDER);
      throw new EditioException(exit, problems);
    }
  }
}
