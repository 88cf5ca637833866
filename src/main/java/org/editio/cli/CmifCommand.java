package org.editio.cli;

import java.util.List;
import org.editio.build.Builder;
import picocli.CommandLine.Command;

@Command(name = "cmif", mixinStandardHelpOptions = true,
    description = "Publish the edition's correspondence metadata for correspSearch (CMIF) into OUT/cmif.xml:"
        + " sender, addressee, place and date of every document, with the address of its page"
        + " (edition.xml's base URL, publicationStmt/idno[@type='URL']).")
final class CmifCommand extends PublishCommand {
  @Override
  List<String> outputs(Builder builder) {
    return List.of("cmif");
  }
}
