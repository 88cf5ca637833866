package org.editio.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --catalog FILE}, taken by every command that reads an edition (publishing, serve, validate). */
final class Catalogs {
  @Option(names = "--catalog", paramLabel = "FILE",
      description = "An XML catalog (OASIS XML Catalogs) mapping the schemas documents declare to local copies;"
          + " consulted before the edition's catalog.xml and editio's bundled one (TEI P5 tei_all). Repeatable.")
  List<Path> files = new ArrayList<>();

  /**
   * The catalogs given, each a file: one that is not is a usage error (exit code 2) naming it, before
   * anything is read, rather than a catalog the resolver would quietly find empty.
   */
  List<Path> checked(CommandLine commandLine) {
    for (Path c : files) {
      if (!Files.isRegularFile(c)) {
        throw new CommandLine.ParameterException(commandLine, "no such catalog file: " + c);
      }
    }
    return files;
  }
}
