package org.editio.epub;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.Serializer;
import net.sf.saxon.s9api.XdmAtomicValue;
import net.sf.saxon.s9api.XdmItem;
import net.sf.saxon.s9api.XdmValue;
import net.sf.saxon.s9api.Xslt30Transformer;
import org.editio.Digest;
import org.editio.EditioException;
import org.editio.Parallel;
import org.editio.Problem;
import org.editio.edition.Edition;
import org.editio.edition.EditionFonts;
import org.editio.edition.TeiDocument;
import org.editio.output.OutputLayout;
import org.editio.output.Publisher;
import org.editio.output.Run;
import org.editio.output.Run.Target;
import org.editio.xml.Params;
import org.editio.xml.Xml;

/**
 * The edition as an e-book, {@code epub/<edition-id>.epub} (EPUB 3.3): cover, title page,
 * contents, introduction, a chapter per document with its notes as EPUB footnotes, the registers,
 * DejaVu Serif embedded. What each file says is {@code xslt/epub.xsl}'s (or the edition's own
 * {@code EDITION/xslt/epub.xsl}), which also says which files the book has; here they are rendered
 * (the chapters in parallel) and packed, in a fixed order with fixed times, so that the same
 * edition gives the same bytes (see {@link Ocf}).
 *
 * <p>The book is one file of the output, made again when anything it reads changed: a document,
 * edition.xml or a register, the stylesheets, the fonts, the layout of its entries.
 */
public final class EpubPublisher implements Publisher {

  private static final String STYLESHEET = "epub.xsl";
  private static final String F = "http://editio.org/ns/function";
  private static final QName EPUB_FILES = new QName(F, "epub-files");
  private static final QName EPUB_FILE = new QName("http://editio.org/ns/mode", "epub-file");
  private static final String CSS = "org/editio/epub/epub.css";
  /** DejaVu Serif, as in the PDF (from the jasperreports-fonts artifact): every character of the edition has a glyph. */
  private static final String FONT_DIR = "net/sf/jasperreports/fonts/dejavu/";
  static final List<String> FONTS = List.of("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf", "DejaVuSerif-Italic.ttf",
      "DejaVuSerif-BoldItalic.ttf");
  /** The start of the names of the edition's fonts in the book's fonts/ folder: none is named like one of editio's. */
  private static final String EDITION_FONT = "edition-";
  private static final DateTimeFormatter MODIFIED = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'");

  private static volatile Map<String, byte[]> resources;

  @Override
  public String name() {
    return "epub";
  }

  @Override
  public String part() {
    return OutputLayout.EPUB;
  }

  @Override
  public String stylesheet() {
    return STYLESHEET;
  }

  @Override
  public String entry(OutputLayout layout) {
    return layout.epub();
  }

  @Override
  public void publish(Run run) throws EditioException {
    Edition edition = run.edition();
    OutputLayout layout = run.layout();
    Map<String, String> links = layout.epubLinks();
    FONTS.forEach(font -> links.put("epub:font:" + font, layout.epubFont(font)));
    // the edition's own fonts (EDITION/fonts/), after DejaVu as in the PDF; named apart from editio's
    EditionFonts fonts = run.fonts();
    fonts.faces().forEach(face -> links.put("epub:font:" + EDITION_FONT + face.webName(),
        layout.epubFont(EDITION_FONT + face.webName())));
    String bookId = bookId(edition);
    Instant created = Instant.ofEpochMilli(run.options().created().getTime());
    String modified = MODIFIED.format(created.atOffset(ZoneOffset.UTC));
    Map<String, byte[]> packaged = resources();
    Digest recipe = run.recipe(STYLESHEET).add("links", new TreeMap<>(links)).add("book-id", bookId).add("modified", modified);
    packaged.forEach((name, bytes) -> recipe.add(name, Digest.of(bytes)));
    edition.documents().forEach(d -> recipe.add(d.id(), d.digest()));
    new TreeMap<>(edition.images().digests()).forEach((key, digest) -> recipe.add("image " + key, digest));
    if (!fonts.isEmpty()) {
      recipe.add("fonts", fonts.digest());
    }
    run.render("epub", List.of(new Target(layout.epub(), recipe.hex(), file -> {
      Map<String, byte[]> entries = book(run, links, bookId, modified, packaged, fonts);
      try {
        Ocf.write(file, layout.epubPackage(), entries, LocalDateTime.ofInstant(created, ZoneOffset.UTC));
      } catch (IOException e) {
        throw EditioException.io(file, "cannot write the e-book: " + e.getMessage());
      }
    })));
  }

  /** Every file of the book but mimetype and META-INF/, by its path, in the order f:epub-files gives. */
  private Map<String, byte[]> book(Run run, Map<String, String> links, String bookId, String modified,
      Map<String, byte[]> packaged, EditionFonts fonts) throws EditioException {
    Edition edition = run.edition();
    Params params = run.params().put("documents", edition.documentTrees()).put("document-trees", run.documentTrees())
        .putStrings("layout", links)
        .put("book-id", bookId).put("modified", modified);
    Xslt30Transformer book = run.transformer(STYLESHEET);
    List<String> files = new ArrayList<>();
    try {
      book.setStylesheetParameters(params.asMap());
      for (XdmItem key : book.callFunction(EPUB_FILES, new XdmValue[0])) {
        files.add(key.getStringValue());
      }
    } catch (SaxonApiException e) {
      throw failure(edition.source(), "cannot lay out the e-book", e);
    }
    Map<String, byte[]> chapters = chapters(run, links);
    Map<String, byte[]> entries = new LinkedHashMap<>();
    for (String key : files) {
      String path = links.get(key);
      if (path == null) {
        throw new EditioException(EditioException.INPUT, Problem.error(edition.source(),
            "the e-book's stylesheet names a file the layout does not have: " + key));
      }
      if (key.equals("epub:style")) {
        entries.put(path, style(packaged.get(CSS), fonts));
      } else if (key.startsWith("epub:font:" + EDITION_FONT)) {
        String name = key.substring(("epub:font:" + EDITION_FONT).length());
        entries.put(path, fonts.faces().stream().filter(f -> f.webName().equals(name)).findFirst().map(f -> f.bytes())
            .orElse(null));
      } else if (key.startsWith("epub:font:")) {
        entries.put(path, packaged.get(FONT_DIR + key.substring("epub:font:".length())));
      } else if (key.startsWith("epub:document:")) {
        entries.put(path, chapters.get(key.substring("epub:document:".length())));
      } else if (key.startsWith("epub:image:")) {
        entries.put(path, image(edition, key.substring("epub:image:".length())));
      } else {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
          book.setInitialTemplateParameters(Map.of(new QName("file"), new XdmAtomicValue(key)), false);
          book.callTemplate(EPUB_FILE, serializer(book, out, path));
        } catch (SaxonApiException e) {
          throw failure(edition.source(), "cannot write " + path + " of the e-book", e);
        }
        entries.put(path, out.toByteArray());
      }
      if (entries.get(path) == null) {
        throw new EditioException(EditioException.INPUT, Problem.error(edition.source(),
            "the e-book's stylesheet names a file editio cannot make: " + key));
      }
    }
    return entries;
  }

  /**
   * editio's stylesheet for the book, and after it, when the edition has fonts of its own, their
   * {@code @font-face} rules and the text's font list with them after DejaVu Serif (written out:
   * reading systems do not all know CSS variables).
   */
  private static byte[] style(byte[] css, EditionFonts fonts) {
    if (fonts.isEmpty()) {
      return css;
    }
    String added = "\n" + fonts.fontFaces("../fonts/" + EDITION_FONT)
        + "body { font-family: \"DejaVu Serif\", serif, " + fonts.cssFamilies() + "; }\n";
    byte[] more = added.getBytes(StandardCharsets.UTF_8);
    byte[] all = java.util.Arrays.copyOf(css, css.length + more.length);
    System.arraycopy(more, 0, all, css.length, more.length);
    return all;
  }

  /** An image of the edition, as found when the edition was read ({@link org.editio.edition.Images}); null if unknown. */
  private static byte[] image(Edition edition, String key) throws EditioException {
    java.nio.file.Path file = edition.images().files().get(key);
    if (file == null) {
      return null;
    }
    try {
      return java.nio.file.Files.readAllBytes(file);
    } catch (IOException e) {
      throw EditioException.io(file, "cannot read the image for the e-book: " + e.getMessage());
    }
  }

  /** A chapter per document, in parallel: by document id. */
  private static Map<String, byte[]> chapters(Run run, Map<String, String> links) throws EditioException {
    List<TeiDocument> documents = run.edition().documents();
    Map<String, Integer> numbers = new java.util.HashMap<>();
    for (int i = 0; i < documents.size(); i++) {
      numbers.put(documents.get(i).id(), i + 1);
    }
    Map<String, byte[]> chapters = new ConcurrentHashMap<>();
    Parallel.forEach(documents, doc -> {
      String path = links.get("epub:document:" + doc.id());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try {
        Xslt30Transformer t = run.transformer(STYLESHEET);
        // every document: a link into another document goes to its chapter, at the element named when printed
        t.setStylesheetParameters(run.params().putStrings("layout", links).put("here", path)
            .put("document-trees", run.documentTrees())
            .put("number", new XdmAtomicValue(numbers.get(doc.id()))).asMap());
        t.applyTemplates(doc.tree(), serializer(t, out, path));
      } catch (SaxonApiException e) {
        throw failure(doc.file(), "cannot write the document's chapter of the e-book", e);
      }
      chapters.put(doc.id(), out.toByteArray());
    });
    return chapters;
  }

  /** XHTML content documents as XHTML 5 (the stylesheet's output), the package, NCX and SVG as indented XML. */
  private static Serializer serializer(Xslt30Transformer t, ByteArrayOutputStream out, String path) {
    Serializer s = t.newSerializer(out);
    if (!path.endsWith(".xhtml")) {
      s.setOutputProperty(Serializer.Property.METHOD, "xml");
      s.setOutputProperty(Serializer.Property.INDENT, "yes");
    }
    return s;
  }

  private static EditioException failure(java.nio.file.Path file, String what, SaxonApiException e) {
    return new EditioException(EditioException.INPUT, Problem.error(file, what + ": " + e.getMessage()));
  }

  /**
   * The book's identifier (dc:identifier): a name-based UUID (RFC 4122, version 3) of the
   * edition's web address, else of its id, so that every build of the edition is the same book
   * to a reading system (it keeps the reader's place and notes by this identifier).
   */
  static String bookId(Edition edition) {
    String name = "editio:epub:" + edition.baseUrl().orElse(edition.id());
    return "urn:uuid:" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
  }

  /** editio's stylesheet for the book and the fonts, read once. */
  private static Map<String, byte[]> resources() throws EditioException {
    Map<String, byte[]> known = resources;
    if (known == null) {
      Map<String, byte[]> read = new LinkedHashMap<>();
      try {
        read.put(CSS, Xml.resource(CSS));
        for (String font : FONTS) {
          read.put(FONT_DIR + font, Xml.resource(FONT_DIR + font));
        }
      } catch (IOException e) {
        throw EditioException.io(null, "cannot read editio's resources for the e-book: " + e.getMessage());
      }
      known = java.util.Collections.unmodifiableMap(read);
      resources = known;
    }
    return known;
  }
}
