package org.editio.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The edition and output options shared by build, html and pdf. */
final class PublishOptions {
  /** The page sizes the FO stylesheets know. */
  static final List<String> PAGE_SIZES = List.of("a4", "letter", "6x9in");

  @Parameters(index = "0", arity = "0..1", defaultValue = "tei", paramLabel = "EDITION",
      description = "An edition directory (with edition.xml), a directory of TEI files,"
          + " or one TEI file. Default: ${DEFAULT-VALUE}.")
  Path edition;

  @Option(names = {"-o", "--output"}, defaultValue = "output", paramLabel = "OUT",
      description = "Output folder. Default: ${DEFAULT-VALUE}.")
  Path out;

  @Option(names = "--clean",
      description = "Render everything again, ignoring what the previous build in OUT made."
          + " Without it, only outputs whose sources, stylesheets or options changed are rendered.")
  boolean clean;

  @Option(names = "--strict",
      description = "Treat warnings as errors: publish nothing while there is any (for an edition's"
          + " continuous integration). Without it, TEI without edition.xml publishes whenever it is"
          + " well-formed and safe, and what does not stop rendering is a warning.")
  boolean strict;

  @Mixin Title title;

  @Mixin Catalogs catalogs;

  /**
   * The options of the PDF outputs, a mixin of their own so that only the commands that publish
   * PDFs (build, pdf) show them: the html, epub and cmif commands' help lists none.
   */
  static final class Pdf {
    @Option(names = "--page-size", defaultValue = "a4", paramLabel = "SIZE",
        completionCandidates = PageSizes.class,
        description = "PDF page size: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    String pageSize = "a4";

    @Option(names = "--print", description = "PDF for a printer: 3 mm bleed and crop marks.")
    boolean print;
  }

  static final class PageSizes implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return PAGE_SIZES.iterator();
    }
  }
}
