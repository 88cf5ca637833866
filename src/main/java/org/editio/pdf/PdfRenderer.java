package org.editio.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.Xslt30Transformer;
import org.apache.fop.apps.FOPException;
import org.editio.EditioException;
import org.editio.Messages;
import org.editio.Problem;
import org.editio.output.Run;
import org.editio.xml.Params;
import org.editio.xml.Resolver;
import org.editio.xml.Xml;

/**
 * What the PDF outputs share: one FOP factory (per creation date: in practice one per builder,
 * kept between builds), the stylesheet parameters and recipe context of print, and laying out
 * one PDF as PDF/A-2b with its fonts checked and its bytes made reproducible. XSL-FO goes from
 * Saxon straight into FOP as SAX events, with no intermediate file.
 */
public final class PdfRenderer {

  /** The stylesheet of every PDF; an edition replaces it with EDITION/xslt/fo.xsl. */
  static final String STYLESHEET = "fo.xsl";

  private Fop fop;
  private Date fopDate;
  private List<Path> fopRoots;

  /**
   * The FOP factory for PDFs created at {@code created} that read images through {@code
   * resolver} (the edition's folder): one per date and edition, in practice one per builder.
   */
  synchronized Fop fop(Date created, Resolver resolver) {
    if (fop == null || !created.equals(fopDate) || !resolver.roots().equals(fopRoots)) {
      fop = new Fop(created, resolver);
      fopDate = created;
      fopRoots = resolver.roots();
    }
    return fop;
  }

  /** What every PDF of the edition depends on besides its documents. */
  static String context(Run run) {
    return run.recipe(STYLESHEET).add("page-size", run.options().pageSize()).add("print", run.options().print())
        .add("created", run.options().created().getTime()).hex();
  }

  static Params params(Run run) {
    return run.params().put("page-size", run.options().pageSize()).put("print", run.options().print());
  }

  /** A transformer of the PDFs' stylesheet (the edition's own fo.xsl, if it has one) with these parameters. */
  static Xslt30Transformer transformer(Run run, Path source, Params params) throws EditioException {
    Xslt30Transformer t = run.transformer(STYLESHEET);
    try {
      t.setStylesheetParameters(params.asMap());
    } catch (SaxonApiException e) {
      throw new EditioException(EditioException.INPUT, Xml.transformProblem(source, "cannot lay out the PDF", e));
    }
    return t;
  }

  /** Lays out one PDF and writes it; returns its page count. */
  int render(Run run, Path source, Path pdf, Fop.Metadata metadata, Fop.FoSource fo) throws EditioException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
    Fop.Job job;
    try {
      job = fop(run.options().created(), run.resolver()).newJob(out, metadata);
      fo.writeTo(job.handler());
    } catch (SaxonApiException | FOPException | net.sf.saxon.s9api.SaxonApiUncheckedException e) {
      throw new EditioException(EditioException.INPUT,
          Xml.transformProblem(source, "cannot lay out " + pdf.getFileName(), e));
    }
    if (!job.fontProblems().isEmpty()) {
      throw new EditioException(EditioException.INPUT, job.fontProblems().stream()
          .map(m -> Problem.error(source, 1, 1, pdf.getFileName() + ": " + Messages.clean(m)
              + (m.contains("mage") || m.contains("URI") ? "" : " (the embedded fonts lack this character; the PDF would print it as '#')")))
          .toList());
    }
    try {
      Files.write(pdf, Reproducible.apply(out.toByteArray(), run.options().created()));
    } catch (IOException e) {
      throw EditioException.io(pdf, "cannot write the PDF: " + Messages.of(e));
    }
    return job.pageCount();
  }
}
