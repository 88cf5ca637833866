package org.editio.build;

import java.util.List;
import org.editio.cmif.CmifPublisher;
import org.editio.epub.EpubPublisher;
import org.editio.html.HtmlPublisher;
import org.editio.output.Publisher;
import org.editio.pdf.PdfDocumentsPublisher;
import org.editio.pdf.PdfRenderer;
import org.editio.pdf.PdfVolumePublisher;

/**
 * Every output editio publishes, in the order a build publishes them: the one place an output is
 * registered. The command line selects outputs by name ({@code html}) or by part ({@code pdf}:
 * both PDF outputs).
 */
public final class Outputs {

  private Outputs() {}

  /** New publishers of every output (a builder keeps them for all its builds). */
  public static List<Publisher> all() {
    PdfRenderer pdf = new PdfRenderer();
    return List.of(
        new HtmlPublisher(),
        new PdfDocumentsPublisher(pdf),
        new PdfVolumePublisher(pdf),
        new EpubPublisher(),
        new CmifPublisher());
  }
}
