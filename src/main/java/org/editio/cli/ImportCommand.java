package org.editio.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.editio.EditioException;
import org.editio.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Import web pages of the document archive (HTML or text) into TEI documents.")
final class ImportCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "SOURCE", description = "Pages, directories of pages, or URLs.")
  List<String> sources;

  @Option(names = {"-o", "--output"}, defaultValue = "tei/documents", paramLabel = "DIR",
      description = "Where the TEI files are written. Default: ${DEFAULT-VALUE}.")
  Path out;

  @Mixin Common common;

  @Override
  public Integer call() throws EditioException {
    throw new EditioException(EditioException.USAGE_OR_IO,
        Problem.error(null, "editio import is not available in this version yet"));
  }
}
