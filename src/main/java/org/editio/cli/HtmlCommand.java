package org.editio.cli;

import java.util.EnumSet;
import java.util.Set;
import org.editio.build.Builder.Output;
import picocli.CommandLine.Command;

@Command(name = "html", mixinStandardHelpOptions = true,
    description = "Publish the HTML edition into OUT/html (a static site that works from file://).")
final class HtmlCommand extends PublishCommand {
  @Override
  Set<Output> outputs() {
    return EnumSet.of(Output.HTML);
  }
}
