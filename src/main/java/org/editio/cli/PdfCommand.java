package org.editio.cli;

import java.util.List;
import org.editio.build.Builder;
import picocli.CommandLine.Command;

@Command(name = "pdf", mixinStandardHelpOptions = true,
    description = "Publish the PDF edition: OUT/pdf/<edition-id>.pdf and OUT/pdf/documents/<doc-id>.pdf.")
final class PdfCommand extends PublishCommand {
  @picocli.CommandLine.Mixin PublishOptions.Pdf pdf;

  @Override
  PublishOptions.Pdf pdfOptions() {
    return pdf;
  }

  @Override
  List<String> outputs(Builder builder) {
    return List.of("pdf");
  }
}
