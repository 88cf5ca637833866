package org.editio.pdf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.sf.saxon.s9api.SAXDestination;
import net.sf.saxon.s9api.Xslt30Transformer;
import org.editio.edition.EditionFonts;
import org.editio.Digest;
import org.editio.EditioException;
import org.editio.edition.Edition;
import org.editio.edition.TeiDocument;
import org.editio.output.OutputLayout;
import org.editio.output.Publisher;
import org.editio.output.Run;
import org.editio.output.Run.Target;

/** One PDF per document ({@code pdf/documents/<doc-id>.pdf}), with the volume's typography, laid out in parallel. */
public final class PdfDocumentsPublisher implements Publisher {

  private final PdfRenderer renderer;
  private final java.util.concurrent.atomic.AtomicInteger laidOut = new java.util.concurrent.atomic.AtomicInteger();
  private volatile double seconds;
  private volatile List<String> editionFonts = List.of();

  /** @param renderer the FOP factory and layout shared with the volume */
  public PdfDocumentsPublisher(PdfRenderer renderer) {
    this.renderer = renderer;
  }

  @Override
  public String name() {
    return "pdf-documents";
  }

  @Override
  public String part() {
    return OutputLayout.PDF;
  }

  @Override
  public String stylesheet() {
    return PdfRenderer.STYLESHEET;
  }

  @Override
  public String entry(OutputLayout layout) {
    return layout.documentPdfs();
  }

  @Override
  public void publish(Run run) throws EditioException {
    Edition edition = run.edition();
    EditionFonts fonts = run.fonts();
    editionFonts = fonts.faces().stream().map(f -> f.family() + " (" + f.name() + ")").toList();
    String context = PdfRenderer.context(run, fonts);
    List<Target> targets = new ArrayList<>();
    for (TeiDocument doc : edition.documents()) {
      Map<String, String> links = run.layout().documentLinks(doc.id(), null, null);
      String recipe = new Digest().add("pdf", context).add("document", doc.digest()).add("links", new TreeMap<>(links)).hex();
      targets.add(new Target(run.layout().documentPdf(doc.id()), recipe, file -> {
        Xslt30Transformer t = PdfRenderer.transformer(run, doc.file(), PdfRenderer.params(run, fonts).putStrings("layout", links)
            .put("here", run.layout().documentPdf(doc.id())));
        laidOut.incrementAndGet();
        renderer.render(run, doc.file(), file,
            new Fop.Metadata(doc.title(), edition.editors(), edition.title(), doc.date()),
            job -> t.applyTemplates(doc.tree(), new SAXDestination(job.handler())));
      }));
    }
    laidOut.set(0);
    long start = System.nanoTime();
    run.render("pdf", targets);
    seconds = (System.nanoTime() - start) / 1e9;
  }

  @Override
  public List<String> details() {
    int n = laidOut.get();
    List<String> details = new ArrayList<>();
    details.add(n == 0 ? "no document PDF changed"
        : String.format(java.util.Locale.ROOT, "%d document PDF%s laid out in %.1f s (%.1f ms each, %d cores)", n,
            n == 1 ? "" : "s", seconds, 1000 * seconds / n, Runtime.getRuntime().availableProcessors()));
    if (!editionFonts.isEmpty()) {
      // the family names an edition's fo.xsl can list ($edition-fonts holds them)
      details.add("the edition's fonts, after DejaVu: " + String.join(", ", editionFonts));
    }
    return details;
  }
}
