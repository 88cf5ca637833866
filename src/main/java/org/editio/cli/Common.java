package org.editio.cli;

import picocli.CommandLine.Option;

/** Options every command has. */
final class Common {
  @Option(names = "--verbose", description = "Print Java stack traces of internal errors.")
  boolean verbose;

  @Option(names = {"-q", "--quiet"}, description = "Print only problems.")
  boolean quiet;
}
