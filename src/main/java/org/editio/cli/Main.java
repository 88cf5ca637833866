package org.editio.cli;

import java.io.PrintWriter;
import org.editio.EditioException;
import org.editio.Problem;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code editio} command: one subcommand per verb. Problems are printed as
 * {@code file:line:col: error: message}; a Java stack trace only with {@code --verbose}.
 *
 * <p>Exit codes: 0 success, 1 the input has errors, 2 usage or I/O error.
 */
@Command(
    name = "editio",
    mixinStandardHelpOptions = true,
    version = "editio 0.1.0",
    description = "Publishes scholarly digital editions from TEI XML: validation, HTML, PDF, EPUB and CMIF.",
    subcommands = {
      BuildCommand.class,
      ValidateCommand.class,
      HtmlCommand.class,
      PdfCommand.class,
      EpubCommand.class,
      CmifCommand.class,
      ImportCommand.class,
      CalendarCommand.class,
      ServeCommand.class,
      BenchCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  public static void main(String[] args) {
    // FOP logs every rendered page through commons-logging; editio reports what matters itself
    System.setProperty("org.apache.commons.logging.Log", "org.apache.commons.logging.impl.NoOpLog");
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs editio with the given streams; returns the exit code (for tests and {@link #main}). */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      boolean verbose = parseResult.subcommand() != null
          && parseResult.subcommand().hasMatchedOption("--verbose");
      if (e instanceof EditioException ee) {
        ee.problems().forEach(p -> err.println(p));
        err.flush();
        return ee.exitCode();
      }
      err.println("error: internal error: " + e + " (please report it; --verbose shows details)");
      if (verbose) {
        e.printStackTrace(err);
      }
      err.flush();
      return EditioException.USAGE_OR_IO;
    });
    try {
      return cli.execute(args);
    } catch (OutOfMemoryError e) {
      err.println("error: out of memory: give editio more heap, e.g. EDITIO_JAVA_OPTS=-Xmx4g ./editio ...");
      err.flush();
      return EditioException.USAGE_OR_IO;
    }
  }

  /** Prints problems, one per line; shared by the commands. */
  static void print(PrintWriter err, Iterable<Problem> problems) {
    for (Problem p : problems) {
      err.println(p);
    }
    err.flush();
  }
}
