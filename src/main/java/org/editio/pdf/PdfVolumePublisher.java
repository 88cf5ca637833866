package org.editio.pdf;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.sf.saxon.s9api.SAXDestination;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.Xslt30Transformer;
import org.apache.fop.apps.FOPException;
import org.editio.Digest;
import org.editio.EditioException;
import org.editio.edition.Edition;
import org.editio.output.OutputLayout;
import org.editio.output.Publisher;
import org.editio.output.Run;
import org.editio.output.Run.Target;
import org.editio.xml.Params;
import org.editio.xml.Xml;

/**
 * The edition as one book, {@code pdf/<edition-id>.pdf}, laid out twice: FOP 2.11 has no index
 * objects, so the first pass learns the page of every mention (FOP's intermediate format) and the
 * second writes the indexes with those pages.
 */
public final class PdfVolumePublisher implements Publisher {

  private final PdfRenderer renderer;
  private volatile int pages = -1;

  /** @param renderer the FOP factory and layout shared with the per-document PDFs */
  public PdfVolumePublisher(PdfRenderer renderer) {
    this.renderer = renderer;
  }

  @Override
  public String name() {
    return "pdf-volume";
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
    return layout.volume();
  }

  /** The pages of the volume laid out by the last build; -1 when it reused the previous one. */
  public int pages() {
    return pages;
  }

  @Override
  public void publish(Run run) throws EditioException {
    Edition edition = run.edition();
    Map<String, String> links = run.layout().siteLinks();
    Digest recipe = new Digest().add("volume", PdfRenderer.context(run)).add("links", new TreeMap<>(links));
    edition.documents().forEach(d -> recipe.add(d.id(), d.digest()));
    pages = -1;
    run.render("pdf volume", List.of(new Target(run.layout().volume(), recipe.hex(), file -> {
      Params params = PdfRenderer.params(run).put("documents", edition.documentTrees()).putStrings("layout", links)
          .put("here", run.layout().volume());
      Xslt30Transformer first = PdfRenderer.transformer(run, edition.source(), params);
      Map<String, String> pagesOfIds;
      try {
        pagesOfIds = renderer.fop(run.options().created(), run.resolver())
            .pagesOfIds(handler -> first.callTemplate(null, new SAXDestination(handler)));
      } catch (SaxonApiException | FOPException | net.sf.saxon.s9api.SaxonApiUncheckedException e) {
        throw new EditioException(EditioException.INPUT,
            Xml.transformProblem(edition.source(), "cannot lay out the volume", e));
      }
      Xslt30Transformer second = PdfRenderer.transformer(run, edition.source(), params.putStrings("index-pages", pagesOfIds));
      pages = renderer.render(run, edition.source(), file,
          new Fop.Metadata(edition.title(), edition.editors(), edition.title(), ""),
          handler -> second.callTemplate(null, new SAXDestination(handler)));
    })));
  }
}
