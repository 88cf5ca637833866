package org.editio.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.Map;
import net.sf.saxon.s9api.SAXDestination;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.Xslt30Transformer;
import net.sf.saxon.s9api.XsltExecutable;
import org.apache.fop.apps.FOPException;
import org.editio.Digest;
import org.editio.EditioException;
import org.editio.Parallel;
import org.editio.Problem;
import org.editio.Reuse;
import org.editio.edition.Edition;
import org.editio.xml.Params;
import org.editio.xml.Xml;

/**
 * Writes the PDF edition: the volume {@code <edition-id>.pdf} and one PDF per document in
 * {@code documents/}, as PDF/A-2b with tagged structure. XSL-FO goes from Saxon straight into
 * FOP as SAX events, with no intermediate file. The volume is laid out twice: the first pass
 * learns the page of every mention (FOP's intermediate format), the second writes the indexes.
 */
public final class PdfPublisher {

  private final Xml xml;
  private final Fop fop;
  private final String pageSize;
  private final boolean print;
  private final Date creationDate;
  private org.editio.Progress progress = org.editio.Progress.SILENT;
  private Reuse reuse = Reuse.NEVER;

  /** Carries unchanged PDFs over from the previous build instead of laying them out again. */
  public PdfPublisher reuse(Reuse reuse) {
    this.reuse = reuse;
    return this;
  }

  /** Reports each document PDF done. */
  public PdfPublisher progress(org.editio.Progress progress) {
    this.progress = progress;
    return this;
  }

  public PdfPublisher(Xml xml, Fop fop, String pageSize, boolean print, Date creationDate) {
    this.xml = xml;
    this.fop = fop;
    this.pageSize = pageSize;
    this.print = print;
    this.creationDate = creationDate;
  }

  /**
   * Publishes the volume and the per-document PDFs into {@code dir} (normally a staging folder).
   *
   * @return the number of pages of the volume, as FOP laid it out; -1 when the previous
   *     build's volume was reused
   */
  public int publish(Edition edition, Path dir) throws EditioException {
    documents(edition, dir);
    return volume(edition, dir);
  }

  /** One PDF per document, in {@code dir/documents/}, laid out in parallel. */
  public void documents(Edition edition, Path dir) throws EditioException {
    Path docs = dir.resolve("documents");
    try {
      Files.createDirectories(docs);
    } catch (IOException e) {
      throw EditioException.io(dir, "cannot write the PDF edition: " + e.getMessage());
    }
    org.editio.Timing timing = new org.editio.Timing("pdf");
    progress.stage("pdf", edition.documents().size());
    String context = context(edition);
    org.editio.build.OutputNames names = edition.documentNames();
    Parallel.forEach(edition.documents(), doc -> {
      Path pdf = docs.resolve(names.name(doc.id()) + ".pdf");
      String recipe = new Digest().add("pdf", context).add("document", doc.digest()).hex();
      if (reuse.reuse(pdf, recipe)) {
        progress.step();
        return;
      }
      Params params = params(edition);
      render(doc.file(), pdf,
          new Fop.Metadata(doc.title(), edition.editors(), edition.title(), doc.date()),
          handler -> {
            Xslt30Transformer t = Xml.transformer(xml.stylesheet("fo/document.xsl"));
            t.setStylesheetParameters(params.asMap());
            t.applyTemplates(doc.tree(), new SAXDestination(handler));
          });
      reuse.made(pdf, recipe);
      progress.step();
    });
    timing.lap("document PDFs");
  }

  /**
   * The volume, {@code dir/<edition-id>.pdf}, in two layout passes.
   *
   * @return its number of pages, as FOP laid it out; -1 when the previous build's was reused
   */
  public int volume(Edition edition, Path dir) throws EditioException {
    progress.stage("pdf volume", edition.documents().size());
    org.editio.Timing timing = new org.editio.Timing("pdf");
    String context = context(edition);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw EditioException.io(dir, "cannot write the PDF edition: " + e.getMessage());
    }
    Path volumePdf = dir.resolve(org.editio.build.OutputNames.single(edition.id()) + ".pdf");
    Digest volumeRecipe = new Digest().add("volume", context);
    edition.documents().forEach(d -> volumeRecipe.add(d.id(), d.digest()));
    String volumeKey = volumeRecipe.hex();
    if (reuse.reuse(volumePdf, volumeKey)) {
      return -1;
    }
    XsltExecutable volumeFo = xml.stylesheet("fo/volume.xsl");
    Params volume = params(edition).put("documents", edition.documentTrees());
    Fop.FoSource firstPass = handler -> {
      Xslt30Transformer t = Xml.transformer(volumeFo);
      t.setStylesheetParameters(volume.asMap());
      t.callTemplate(null, new SAXDestination(handler));
    };
    Map<String, String> pages;
    try {
      pages = fop.pagesOfIds(firstPass);
    } catch (SaxonApiException | FOPException e) {
      throw new EditioException(EditioException.INPUT,
          Xml.transformProblem(edition.source(), "cannot lay out the volume", e));
    }
    timing.lap("volume, first pass");
    Params withIndex = params(edition).put("documents", edition.documentTrees()).putStrings("index-pages", pages);
    int volumePages = render(edition.source(), volumePdf,
        new Fop.Metadata(edition.title(), edition.editors(), edition.title(), ""),
        handler -> {
          Xslt30Transformer t = Xml.transformer(volumeFo);
          t.setStylesheetParameters(withIndex.asMap());
          t.callTemplate(null, new SAXDestination(handler));
        });
    timing.lap("volume");
    reuse.made(volumePdf, volumeKey);
    return volumePages;
  }

  /** What every PDF of the edition depends on besides its documents. */
  private String context(Edition edition) {
    return new Digest().add("tool", Digest.tool()).add("context", edition.contextDigest())
        .add("page-size", pageSize).add("print", print).add("created", creationDate.getTime()).hex();
  }

  private Params params(Edition edition) {
    return edition.stylesheetParams().put("page-size", pageSize).put("print", print);
  }

  /** Lays out one PDF and writes it; returns its page count. */
  private int render(Path source, Path pdf, Fop.Metadata metadata, Fop.FoSource fo) throws EditioException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
    Fop.Job job;
    try {
      job = fop.newJob(out, metadata);
      fo.writeTo(job.handler());
    } catch (SaxonApiException | FOPException e) {
      throw new EditioException(EditioException.INPUT,
          Xml.transformProblem(source, "cannot lay out " + pdf.getFileName(), e));
    }
    if (!job.fontProblems().isEmpty()) {
      throw new EditioException(EditioException.INPUT, job.fontProblems().stream()
          .map(m -> Problem.error(source, 1, 1, pdf.getFileName() + ": " + org.editio.Messages.clean(m)
              + (m.contains("mage") || m.contains("URI") ? "" : " (the embedded fonts lack this character; the PDF would print it as '#')")))
          .toList());
    }
    try {
      Files.write(pdf, Reproducible.apply(out.toByteArray(), creationDate));
    } catch (IOException e) {
      throw EditioException.io(pdf, "cannot write the PDF: " + org.editio.Messages.of(e));
    }
    return job.pageCount();
  }

}
