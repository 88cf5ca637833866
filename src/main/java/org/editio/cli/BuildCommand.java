package org.editio.cli;

import java.util.List;
import org.editio.build.Builder;
import picocli.CommandLine.Command;

@Command(name = "build", mixinStandardHelpOptions = true,
    description = "Validate the edition, then publish every output: the HTML edition (OUT/html), the PDFs (OUT/pdf),"
        + " the e-book (OUT/epub) and the correspondence metadata (OUT/cmif.xml)."
        + " Nothing is published when the edition has errors.")
final class BuildCommand extends PublishCommand {
  @picocli.CommandLine.Mixin PublishOptions.Pdf pdf;

  @Override
  PublishOptions.Pdf pdfOptions() {
    return pdf;
  }

  @Override
  List<String> outputs(Builder builder) {
    return builder.names();
  }
}
