package org.editio.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.editio.EditioException;
import org.editio.validate.Validator;
import org.editio.xml.Xml;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Check TEI files or directories and print one line per problem:"
        + " file:line:col: error|warning: message. Exit code 1 when there is an error.")
final class ValidateCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", defaultValue = "tei", paramLabel = "PATH",
      description = "Edition directories, directories of TEI files, or TEI files. Default: ${DEFAULT-VALUE}.")
  List<Path> paths;

  @Mixin Common common;
  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws EditioException {
    Validator.Report report = new Validator(new Xml()).validate(paths);
    Main.print(spec.commandLine().getErr(), report.problems());
    if (!common.quiet || report.errors() > 0) {
      spec.commandLine().getErr().println(report.summary());
      spec.commandLine().getErr().flush();
    }
    return report.errors() > 0 ? EditioException.INPUT : 0;
  }
}
