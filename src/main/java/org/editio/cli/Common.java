package org.editio.cli;

import picocli.CommandLine.Option;

/** Options every command has. */
final class Common {
  @Option(names = "--verbose", description = "Print what each output did (the volume's pages and layout passes,"
      + " the time per document PDF) and Java stack traces of internal errors.")
  boolean verbose;

  @Option(names = {"-q", "--quiet"}, description = "Print only problems.")
  boolean quiet;
}
