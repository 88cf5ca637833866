package org.editio.pdf;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import net.sf.saxon.s9api.SAXDestination;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.Xslt30Transformer;
import net.sf.saxon.s9api.XsltExecutable;
import org.apache.fop.apps.FOPException;
import org.editio.EditioException;
import org.editio.Parallel;
import org.editio.Problem;
import org.editio.edition.Edition;
import org.editio.xml.Params;
import org.editio.xml.Xml;

/**
 * Writes the PDF edition: the volume {@code <edition-id>.pdf} and one PDF per document in
 * {@code documents/}. XSL-FO goes from Saxon straight into FOP as SAX events, with no
 * intermediate file.
 */
public final class PdfPublisher {

  private final Xml xml;
  private final Fop fop;
  private final String pageSize;

  public PdfPublisher(Xml xml, Fop fop, String pageSize) {
    this.xml = xml;
    this.fop = fop;
    this.pageSize = pageSize;
  }

  /** Publishes the volume and the per-document PDFs into {@code dir} (normally a staging folder). */
  public void publish(Edition edition, Path dir) throws EditioException {
    XsltExecutable documentFo = xml.stylesheet("fo/document.xsl");
    XsltExecutable volumeFo = xml.stylesheet("fo/volume.xsl");
    Path docs = dir.resolve("documents");
    try {
      Files.createDirectories(docs);
    } catch (IOException e) {
      throw EditioException.io(dir, "cannot write the PDF edition: " + e.getMessage());
    }
    Parallel.forEach(edition.documents(), doc -> {
      Params params = edition.stylesheetParams().put("page-size", pageSize);
      render(doc.file(), docs.resolve(doc.id() + ".pdf"), doc.title(), (t, dest) -> {
        t.setStylesheetParameters(params.asMap());
        t.applyTemplates(doc.tree(), dest);
      }, documentFo);
    });
    Params params = edition.stylesheetParams()
        .put("page-size", pageSize)
        .put("documents", edition.documentTrees());
    render(edition.source(), dir.resolve(edition.id() + ".pdf"), edition.title(), (t, dest) -> {
      t.setStylesheetParameters(params.asMap());
      t.callTemplate(null, dest);
    }, volumeFo);
  }

  @FunctionalInterface
  private interface Transform {
    void run(Xslt30Transformer transformer, SAXDestination destination) throws SaxonApiException;
  }

  private void render(Path source, Path pdf, String title, Transform transform, XsltExecutable stylesheet)
      throws EditioException {
    Fop.Job job;
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(pdf))) {
      job = fop.newJob(out, title);
      transform.run(Xml.transformer(stylesheet), new SAXDestination(job.handler()));
    } catch (SaxonApiException | FOPException e) {
      throw new EditioException(EditioException.INPUT,
          Problem.error(source, "cannot lay out " + pdf.getFileName() + ": " + rootMessage(e)));
    } catch (IOException e) {
      throw EditioException.io(pdf, "cannot write the PDF: " + e.getMessage());
    }
    if (!job.fontProblems().isEmpty()) {
      throw new EditioException(EditioException.INPUT, job.fontProblems().stream()
          .map(m -> Problem.error(source, pdf.getFileName() + ": " + m
              + " (the embedded fonts lack this character; the PDF would print it as '#')"))
          .toList());
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }

}
