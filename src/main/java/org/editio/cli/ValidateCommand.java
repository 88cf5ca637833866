package org.editio.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.editio.validate.Reports;
import java.util.concurrent.Callable;
import org.editio.EditioException;
import org.editio.validate.Validator;
import org.editio.xml.Xml;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Check TEI files or directories and print one line per problem:"
        + " file:line:col: error|warning: message. Exit code 1 when there is an error.")
final class ValidateCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", defaultValue = "tei", paramLabel = "PATH",
      description = "Edition directories, directories of TEI files, or TEI files. Default: ${DEFAULT-VALUE}.")
  List<Path> paths;

  @Option(names = "--schema", paramLabel = "FILE",
      description = "Check the files against this schema alone (RELAX NG .rng/.rnc or Schematron .sch),"
          + " without the edition's rules: e.g. --schema ../shared/tei/tei_all.rng; --schema tei_all names TEI P5's"
          + " tei_all (bundled).")
  Path schema;

  @Mixin Catalogs catalogs;

  @Option(names = "--strict", description = "Treat warnings as errors (exit code 1 when there is any).")
  boolean strict;

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
      description = "text (file:line:col: severity: message [rule]) or json (one object per problem).")
  String format;

  @Mixin Common common;
  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws EditioException {
    if (!format.equals("text") && !format.equals("json")) {
      throw new CommandLine.ParameterException(spec.commandLine(), "unknown format '" + format + "': use text or json");
    }
    List<Path> catalogFiles = catalogs.checked(spec.commandLine());
    Xml xml = new Xml();
    Validator.Report report = new Validator(xml).catalogs(catalogFiles).strict(strict).validate(paths, Optional.ofNullable(schema));
    if (format.equals("json")) {
      spec.commandLine().getOut().println(Reports.json(xml, report));
      spec.commandLine().getOut().flush();
    } else {
      Main.print(spec.commandLine().getErr(), report.problems());
      if (!common.quiet || report.errors() > 0) {
        spec.commandLine().getErr().println(report.summary());
        if (!report.note().isEmpty() && !common.quiet) {
          spec.commandLine().getErr().println(report.note());
        }
        spec.commandLine().getErr().flush();
      }
    }
    return report.errors() > 0 ? EditioException.INPUT : 0;
  }
}
