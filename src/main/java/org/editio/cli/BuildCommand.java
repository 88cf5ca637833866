package org.editio.cli;

import java.util.EnumSet;
import java.util.Set;
import org.editio.build.Builder.Output;
import picocli.CommandLine.Command;

@Command(name = "build", mixinStandardHelpOptions = true,
    description = "Validate the edition, then publish its HTML and PDF editions into OUT/html and OUT/pdf."
        + " Nothing is published when the edition has errors.")
final class BuildCommand extends PublishCommand {
  @Override
  Set<Output> outputs() {
    return EnumSet.of(Output.HTML, Output.PDF);
  }
}
