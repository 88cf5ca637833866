package org.editio.cli;

import java.util.List;
import org.editio.build.Builder;
import picocli.CommandLine.Command;

@Command(name = "html", mixinStandardHelpOptions = true,
    description = "Publish the HTML edition into OUT/html (a static site that works from file://).")
final class HtmlCommand extends PublishCommand {
  @Override
  List<String> outputs(Builder builder) {
    return List.of("html");
  }
}
