package org.editio.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.editio.EditioException;
import org.editio.Problem;
import org.editio.importer.Importer;
import org.editio.xml.Xml;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Import web pages of the document archive (HTML or a text rendering, files, directories"
        + " or http(s) URLs) into one TEI document per document on the page. Existing files are not"
        + " overwritten unless --force; the same page always gives the same file.")
final class ImportCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "SOURCE", description = "Pages, directories of pages, or URLs.")
  List<String> sources;

  @Option(names = {"-o", "--output"}, defaultValue = "tei/documents", paramLabel = "DIR",
      description = "Where the TEI files are written. Default: ${DEFAULT-VALUE}.")
  Path out;

  @Option(names = "--force", description = "Overwrite existing files that differ.")
  boolean force;

  @Option(names = "--url", paramLabel = "URL",
      description = "The page's address, recorded as its source, for a saved page that does not carry it.")
  String url;

  @Mixin Common common;
  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws EditioException {
    Importer.Result r = new Importer(new Xml()).run(sources, out, force, url);
    Main.print(spec.commandLine().getErr(), r.problems().stream().sorted(Problem.ORDER).toList());
    if (!common.quiet) {
      spec.commandLine().getOut().printf("import: %d written, %d unchanged%n", r.written().size(), r.unchanged().size());
      r.written().forEach(p -> spec.commandLine().getOut().println("  " + Problem.displayPath(p)));
      spec.commandLine().getOut().flush();
    }
    return r.hasErrors() ? EditioException.INPUT : 0;
  }
}
