package org.editio.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --title TITLE}, taken by every command that publishes an edition (build, html, pdf, epub, cmif, serve). */
final class Title {
  @Option(names = "--title", paramLabel = "TITLE",
      description = "The edition's title, for TEI without edition.xml (default: the folder's or file's name;"
          + " with edition.xml its title is edition.xml's).")
  String title;

  /** The title given, or null: a blank one is a usage error (exit code 2), before anything is read. */
  String checked(CommandLine commandLine) {
    if (title != null && title.isBlank()) {
      throw new CommandLine.ParameterException(commandLine, "--title: the title is empty");
    }
    return title;
  }
}
