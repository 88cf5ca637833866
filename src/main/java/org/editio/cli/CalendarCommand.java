package org.editio.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.editio.EditioException;
import org.editio.Problem;
import org.editio.importer.CalendarGenerator;
import org.editio.xml.Xml;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "calendar", mixinStandardHelpOptions = true,
    description = "Write a calendar entry (a TEI document with the facts, the editors' summary and a link to the"
        + " source page) for each row of a facts table, into EDITION/documents. Rows whose page is already"
        + " transcribed in the edition are skipped; existing files are kept unless --force.")
final class CalendarCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FACTS", description = "The facts table (TSV with a header row), e.g. ../shared/corpus/facts.tsv.")
  Path facts;

  @Parameters(index = "1", arity = "0..1", defaultValue = "tei", paramLabel = "EDITION",
      description = "The edition directory (its registers resolve the names). Default: ${DEFAULT-VALUE}.")
  Path edition;

  @Option(names = "--force", description = "Overwrite existing files that differ.")
  boolean force;

  @Option(names = "--date", defaultValue = "2026-11-27", paramLabel = "YYYY-MM-DD",
      description = "The date recorded in each file's revisionDesc. Default: ${DEFAULT-VALUE}.")
  String date;

  @Mixin Common common;
  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws EditioException {
    CalendarGenerator.Result r = new CalendarGenerator(new Xml(), date).generate(facts, edition, force);
    Main.print(spec.commandLine().getErr(), r.problems());
    if (!common.quiet) {
      spec.commandLine().getOut().printf("calendar: %d written, %d unchanged, %d skipped%n",
          r.written().size(), r.unchanged().size(), r.skipped().size());
      r.skipped().forEach(s -> spec.commandLine().getOut().println("  skipped " + s));
    }
    return r.problems().stream().anyMatch(Problem::isError) ? EditioException.INPUT : 0;
  }
}
