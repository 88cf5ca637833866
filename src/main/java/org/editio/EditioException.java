package org.editio;

import java.util.List;

/**
 * A failure that the user can act on: the input has errors (exit code 1) or the call cannot be
 * carried out, a missing path or an unwritable folder (exit code 2). It carries located
 * {@link Problem}s; the command line prints them and never a stack trace.
 */
public class EditioException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Exit code for input with errors. */
  public static final int INPUT = 1;

  /** Exit code for usage and I/O errors. */
  public static final int USAGE_OR_IO = 2;

  private final transient List<Problem> problems;
  private final int exitCode;

  public EditioException(int exitCode, List<Problem> problems) {
    super(problems.isEmpty() ? "failed" : problems.get(0).toString());
    this.exitCode = exitCode;
    this.problems = List.copyOf(problems);
  }

  public EditioException(int exitCode, Problem problem) {
    this(exitCode, List.of(problem));
  }

  /** An I/O or usage failure that concerns no location inside a file. */
  public static EditioException io(java.nio.file.Path file, String message) {
    return new EditioException(USAGE_OR_IO, Problem.error(file, message));
  }

  public List<Problem> problems() {
    return problems;
  }

  public int exitCode() {
    return exitCode;
  }
}
