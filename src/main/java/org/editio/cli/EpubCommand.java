package org.editio.cli;

import java.util.List;
import org.editio.build.Builder;
import picocli.CommandLine.Command;

@Command(name = "epub", mixinStandardHelpOptions = true,
    description = "Publish the edition as an e-book (EPUB 3): OUT/epub/<edition-id>.epub.")
final class EpubCommand extends PublishCommand {
  @Override
  List<String> outputs(Builder builder) {
    return List.of("epub");
  }
}
