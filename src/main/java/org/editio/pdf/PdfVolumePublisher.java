package org.editio.pdf;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.SAXDestination;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmAtomicValue;
import net.sf.saxon.s9api.XdmMap;
import net.sf.saxon.s9api.XdmValue;
import net.sf.saxon.s9api.Xslt30Transformer;
import org.editio.edition.EditionFonts;
import org.editio.Digest;
import org.editio.EditioException;
import org.editio.Messages;
import org.editio.Problem;
import org.editio.Timing;
import org.editio.edition.Edition;
import org.editio.output.OutputLayout;
import org.editio.output.Publisher;
import org.editio.output.Run;
import org.editio.output.Run.Target;
import org.editio.xml.Params;
import org.xml.sax.ContentHandler;

/**
 * The edition as one book, {@code pdf/<edition-id>.pdf}, laid out once.
 *
 * <p>FOP 2.11 has no XSL 1.1 index objects, and an index needs the page of every mention. The
 * volume's XSL-FO is streamed into FOP, which lays out each page-sequence as its end arrives; the
 * indexes come last and are written only then ({@link VolumeStream}: deferred parts), with the
 * pages of everything before them. One layout pass, whether the build is clean or incremental.
 *
 * <p>Content before the ids it refers to (a customised front matter that lists pages, say) cannot
 * wait: it is written with the pages of the last build (kept in the build's record) and declares
 * which it used; if the layout puts one of those ids elsewhere, the volume is laid out again with
 * the new pages, until they hold ({@value #MAX_PASSES} passes at most, then a clear error).
 */
public final class PdfVolumePublisher implements Publisher {

  /** Layout passes after which pages that keep moving are an error. */
  static final int MAX_PASSES = 5;

  private static final QName DEFERRED = new QName("http://editio.org/ns/mode", "m:deferred");

  private final PdfRenderer renderer;
  private volatile int pages = -1;
  private volatile int passes;

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

  /** The layout passes of the last build: 0 when it reused the previous volume. */
  public int passes() {
    return passes;
  }

  @Override
  public List<String> details() {
    if (passes == 0) {
      return List.of("volume unchanged, not laid out");
    }
    return List.of(pages + " pages, " + passes + " layout pass" + (passes == 1 ? "" : "es"));
  }

  @Override
  public void publish(Run run) throws EditioException {
    Edition edition = run.edition();
    Map<String, String> links = run.layout().siteLinks();
    EditionFonts fonts = run.fonts();
    Digest recipe = new Digest().add("volume", PdfRenderer.context(run, fonts)).add("links", new TreeMap<>(links));
    edition.documents().forEach(d -> recipe.add(d.id(), d.digest()));
    pages = -1;
    passes = 0;
    String path = run.layout().volume();
    run.render("pdf volume", List.of(new Target(path, recipe.hex(), file -> {
      Map<String, String> given = run.recorded(path);
      Timing timing = new Timing("pdf volume");
      for (int pass = 1; ; pass++) {
        Pass laid = layOut(run, given, fonts);
        timing.lap("layout pass " + pass);
        // where the ids are that content written before the layout took from the given pages
        Map<String, String> now = laid.stream().usedPages();
        boolean settled = true;
        for (String id : laid.stream().usedIds()) {
          settled &= Objects.equals(given.get(id), now.get(id));
        }
        if (settled) {
          PdfRenderer.write(file, laid.layout().bytes());
          run.record(path, now);
          pages = laid.layout().pageCount();
          passes = pass;
          return;
        }
        if (pass == MAX_PASSES) {
          throw new EditioException(EditioException.INPUT, Problem.error(stylesheet(edition), "the volume's pages did not"
              + " settle after " + MAX_PASSES + " layout passes: content that lists pages before them moves them ("
              + moved(given, now, laid.stream().usedIds()) + "); make it independent of the pages it lists, or put it after them"
              + " (a deferred part, see xslt/fo/volume.xsl)"));
        }
        given = now;
      }
    })));
  }

  /** One layout of the volume and what its stream saw. */
  private record Pass(PdfRenderer.Layout layout, VolumeStream stream) {}

  /** Lays the volume out once, with {@code given} as the pages of the ids the front of the book may use. */
  private Pass layOut(Run run, Map<String, String> given, EditionFonts fonts) throws EditioException {
    Edition edition = run.edition();
    LayoutPass pass = new LayoutPass(run, given, fonts);
    PdfRenderer.Layout layout = renderer.layOut(run, edition.source(), run.layout().volume(),
        new Fop.Metadata(edition.title(), edition.editors(), edition.title(), ""), pass);
    return new Pass(layout, pass.stream);
  }

  /**
   * The XSL-FO of one layout: the volume's transformation streamed into FOP through a
   * {@link VolumeStream}, and each deferred part written by a second transformation when the
   * stream reaches it.
   */
  private static final class LayoutPass implements Fop.FoSource, VolumeStream.Deferred {
    private final Run run;
    private final Params params;
    private VolumeStream stream;
    /** One for every deferred part of a pass: its keys and global variables are built once. */
    private Xslt30Transformer deferred;

    LayoutPass(Run run, Map<String, String> given, EditionFonts fonts) {
      this.run = run;
      this.params = PdfRenderer.params(run, fonts).put("documents", run.edition().documentTrees()).put("document-trees", run.documentTrees())
          .putStrings("layout", run.layout().siteLinks()).put("here", run.layout().volume())
          .putStrings("pages", given);
    }

    @Override
    public void writeTo(Fop.Job job) throws Exception {
      stream = new VolumeStream(job, this);
      PdfRenderer.transformer(run, run.edition().source(), params).callTemplate(null, new SAXDestination(stream));
      stream.usedPages();
    }

    @Override
    public void write(String part, Map<String, String> pages, ContentHandler into) throws EditioException {
      if (deferred == null) {
        deferred = PdfRenderer.transformer(run, run.edition().source(), params);
      }
      Map<QName, XdmValue> args = new LinkedHashMap<>();
      args.put(new QName("part"), new XdmAtomicValue(part));
      args.put(new QName("pages"), XdmMap.makeMap(pages));
      try {
        deferred.setInitialTemplateParameters(args, false);
        deferred.callTemplate(DEFERRED, new SAXDestination(into));
      } catch (SaxonApiException e) {
        throw new EditioException(EditioException.INPUT, Problem.error(stylesheet(run.edition()),
            "cannot lay out the volume's " + part + ": " + Messages.of(e)));
      }
    }
  }

  /** Where a problem of the volume's page logic is to be fixed: the edition's own fo.xsl, if it has one. */
  private static java.nio.file.Path stylesheet(Edition edition) {
    java.nio.file.Path own = edition.customisation().stylesheet(PdfRenderer.STYLESHEET);
    return own != null ? own : edition.source();
  }

  /** A few of the used ids whose pages moved, for the error message. */
  private static String moved(Map<String, String> before, Map<String, String> after, java.util.Set<String> ids) {
    StringBuilder s = new StringBuilder();
    int n = 0;
    for (String id : ids) {
      if (!Objects.equals(before.get(id), after.get(id)) && n++ < 3) {
        s.append(n > 1 ? ", " : "").append(id).append(": page ").append(before.getOrDefault(id, "unknown"))
            .append(" → ").append(after.getOrDefault(id, "none"));
      }
    }
    return s.toString();
  }
}
