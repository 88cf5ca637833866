package org.editio.cli;

import java.util.List;
import org.editio.build.Builder;
import picocli.CommandLine.Command;

@Command(name = "build", mixinStandardHelpOptions = true,
    description = "Validate the edition, then publish its HTML and PDF editions into OUT/html and OUT/pdf."
        + " Nothing is published when the edition has errors.")
final class BuildCommand extends PublishCommand {
  @Override
  List<String> outputs(Builder builder) {
    return builder.names();
  }
}
