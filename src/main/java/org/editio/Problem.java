package org.editio;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.Objects;

/**
 * One thing wrong (or worth a warning) in the input, located as editors' tools expect:
 * {@code file:line:col: error: message [rule]}. Every stage reports through this one type so
 * that the command line prints problems from parsing, schemas, rules and publishing alike.
 *
 * @param file the file the problem is in, or {@code null} when it concerns no single file
 * @param line 1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 * @param severity error or warning
 * @param message what is wrong and, where possible, what would be right
 * @param rule an id of the rule that found it, or {@code null}
 */
public record Problem(
    Path file, int line, int column, Severity severity, String message, String rule) {

  /** How bad a problem is: errors stop a build, warnings do not. */
  public enum Severity {
    ERROR,
    WARNING;

    /** The lower-case word used in messages. */
    public String word() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Sorts by file, then line, then column, so reports read top to bottom. */
  public static final Comparator<Problem> ORDER =
      Comparator.comparing((Problem p) -> p.file == null ? "" : p.file.toString())
          .thenComparingInt(Problem::line)
          .thenComparingInt(Problem::column)
          .thenComparing(Problem::message);

  public Problem {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    line = Math.max(0, line);
    column = Math.max(0, column);
  }

  public static Problem error(Path file, int line, int column, String message) {
    return new Problem(file, line, column, Severity.ERROR, message, null);
  }

  public static Problem error(Path file, String message) {
    return new Problem(file, 0, 0, Severity.ERROR, message, null);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** {@code file:line:col: severity: message [rule]}, with the path as given to editio. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    if (file != null) {
      s.append(displayPath(file)).append(':');
      s.append(line).append(':').append(column).append(": ");
    }
    s.append(severity.word()).append(": ").append(message);
    if (rule != null) {
      s.append(" [").append(rule).append(']');
    }
    return s.toString();
  }

  /** The path relative to the working directory when it lies below it ({@code .}: the working directory itself), otherwise absolute. */
  public static String displayPath(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    Path cwd = Path.of("").toAbsolutePath();
    String relative = abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    return relative.isEmpty() ? "." : relative;
  }
}
