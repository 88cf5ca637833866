package org.editio.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.Xslt30Transformer;
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

  private final boolean shareFonts;
  private Fop fop;
  private Date fopDate;
  private List<Path> fopRoots;

  /** The renderer of a builder's PDF outputs. */
  public PdfRenderer() {
    this(true);
  }

  /** @param shareFonts false: FOP loads the fonts of each PDF itself (what the shared fonts are tested against) */
  PdfRenderer(boolean shareFonts) {
    this.shareFonts = shareFonts;
  }

  /**
   * The FOP factory for PDFs created at {@code created} that read images through {@code
   * resolver} (the edition's folder): one per date and edition, in practice one per builder.
   */
  synchronized Fop fop(Date created, Resolver resolver) {
    if (fop == null || !created.equals(fopDate) || !resolver.roots().equals(fopRoots)) {
      fop = new Fop(created, resolver, shareFonts);
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

  /**
   * A PDF laid out in memory.
   *
   * @param bytes the PDF, made reproducible
   * @param pageCount its pages
   */
  record Layout(byte[] bytes, int pageCount) {}

  /**
   * Lays out one PDF in memory.
   *
   * @param source the file problems are reported against
   * @param name what the PDF is called in messages
   * @throws EditioException (input) when the layout fails or the fonts lack a character
   */
  Layout layOut(Run run, Path source, String name, Fop.Metadata metadata, Fop.FoSource fo) throws EditioException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
    try (Fop.Job job = fop(run.options().created(), run.resolver()).newJob(out, metadata)) {
      fo.writeTo(job);
      if (!job.fontProblems().isEmpty()) {
        throw new EditioException(EditioException.INPUT, job.fontProblems().stream()
            .map(m -> Problem.error(source, 1, 1, name + ": " + Messages.clean(m)
                + (m.contains("mage") || m.contains("URI") ? "" : " (the embedded fonts lack this character; the PDF would print it as '#')")))
            .toList());
      }
      return new Layout(Reproducible.apply(out.toByteArray(), run.options().created()), job.pageCount());
    } catch (EditioException e) {
      throw e;
    } catch (Exception e) {
      EditioException known = cause(e);
      if (known != null) {
        throw known;
      }
      throw new EditioException(EditioException.INPUT, Xml.transformProblem(source, "cannot lay out " + name, e));
    }
  }

  /** Lays out one PDF and writes it; returns its page count. */
  int render(Run run, Path source, Path pdf, Fop.Metadata metadata, Fop.FoSource fo) throws EditioException {
    Layout layout = layOut(run, source, pdf.getFileName().toString(), metadata, fo);
    write(pdf, layout.bytes());
    return layout.pageCount();
  }

  static void write(Path pdf, byte[] bytes) throws EditioException {
    try {
      Files.write(pdf, bytes);
    } catch (IOException e) {
      throw EditioException.io(pdf, "cannot write the PDF: " + Messages.of(e));
    }
  }

  /** An EditioException wrapped by Saxon or FOP (a deferred part of the volume failed), if any. */
  private static EditioException cause(Throwable e) {
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof EditioException known) {
        return known;
      }
    }
    return null;
  }
}
