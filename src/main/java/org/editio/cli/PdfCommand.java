package org.editio.cli;

import java.util.EnumSet;
import java.util.Set;
import org.editio.build.Builder.Output;
import picocli.CommandLine.Command;

@Command(name = "pdf", mixinStandardHelpOptions = true,
    description = "Publish the PDF edition: OUT/pdf/<edition-id>.pdf and OUT/pdf/documents/<doc-id>.pdf.")
final class PdfCommand extends PublishCommand {
  @Override
  Set<Output> outputs() {
    return EnumSet.of(Output.PDF);
  }
}
