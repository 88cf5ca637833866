package org.editio.output;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.editio.edition.Edition;
import org.editio.edition.EditionFonts;
import org.editio.edition.TeiDocument;

/**
 * Where every file of every output goes: the one place that turns document ids, register files
 * and page names into paths, and knows the links between outputs (an HTML page and its PDF).
 * Ids and file names come from the edition and are untrusted ({@code ../x}, {@code CON}, an empty
 * id): they become file names only through {@link OutputNames}, decided once for the whole run, so
 * every path stays inside its folder and every link names the file written.
 * Paths are relative to the output folder, with '/': the same strings name a file in the staging
 * folder, in the manifest, and in the {@code $layout} map the stylesheets get (see
 * {@code xslt/common/links.xsl} for its keys), so no stylesheet spells a path of its own.
 */
public final class OutputLayout {

  /** The part (top-level folder of the output) of the HTML edition. */
  public static final String HTML = "html";
  /** The part of the PDF edition. */
  public static final String PDF = "pdf";
  /** The part of the e-book. */
  public static final String EPUB = "epub";
  /** The part (a single file) of the correspondence metadata for correspSearch. */
  public static final String CMIF = "cmif.xml";

  private static final String DOCUMENTS = "documents";
  private static final String REGISTERS = "registers";
  private static final String ASSETS = "assets";
  /** The edition's own assets go below editio's, in a folder of their own: no name of theirs can replace one of editio's. */
  private static final String EDITION_ASSETS = "edition";

  /** Files of editio's assets/ every page may link to. */
  static final List<String> EDITIO_ASSETS = List.of("editio.css", "editio.js", "search.js", "snowball-english.js");
  /** The folder of the site's copies of the PDFs (see {@link #sitePdf}). */
  static final String DOWNLOADS = "downloads";
  /** The folder of the search index, below assets/. */
  private static final String SEARCH_INDEX = "search";

  private final Edition edition;
  private final Set<String> parts;
  /** The file names of the documents' outputs, by id: safe and unique (see {@link OutputNames}). */
  private final OutputNames documentNames;
  /** The file names of the register pages, by register key: from the register files' names, safe and unique. */
  private final OutputNames registerNames;
  /**
   * Each document's number in the edition, by id: its place in the edition's order (by date), from
   * 1. One number per document for every output (the book, the site's lists, the document's page
   * and PDF, the citation), so a reader can cite "No. 16" and find it everywhere.
   */
  private final java.util.Map<String, Integer> numbers = new java.util.HashMap<>();
  /** The other documents each document points to, by id (validation found them: {@code Validator.Report#links}). */
  private final Map<String, Set<String>> pointedTo;

  /**
   * The layout of {@code edition}'s outputs when this run publishes {@code parts} (links go only
   * to outputs published with the page that links: an HTML-only build links no PDF).
   */
  public OutputLayout(Edition edition, Collection<String> parts) {
    this(edition, parts, Map.of());
  }

  /**
   * @param pointedTo the other documents each document points to, by id: a page that links
   *     another document's page is made again when that page moves
   */
  public OutputLayout(Edition edition, Collection<String> parts, Map<String, Set<String>> pointedTo) {
    this.edition = edition;
    this.pointedTo = Map.copyOf(pointedTo);
    this.parts = Set.copyOf(parts);
    this.documentNames = OutputNames.of(edition.documents().stream().map(TeiDocument::id).toList());
    this.registerNames = OutputNames.of(edition.registers().keySet(), OutputLayout::registerFileName);
    List<TeiDocument> documents = edition.documents();
    for (int i = 0; i < documents.size(); i++) {
      numbers.put(documents.get(i).id(), i + 1);
    }
  }

  /** The document's number in the edition (1, 2, ...): see {@link #numbers}. */
  public int number(String id) {
    Integer n = numbers.get(id);
    if (n == null) {
      throw new IllegalArgumentException("no document " + id);
    }
    return n;
  }

  /** A register's readable name: its file's name without {@code .xml}, its percent-escapes decoded. */
  private static String registerFileName(String key) {
    String file = key.substring(key.lastIndexOf('/') + 1).replaceFirst("(?i)\\.xml$", "");
    try {
      return java.net.URLDecoder.decode(file.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return file;
    }
  }

  /**
   * The file name (without extension) of a single output named by an id of the edition's files
   * (the volume, by the edition's id): safe, as every name of the layout ({@link OutputNames}).
   */
  static String fileName(String id) {
    return OutputNames.single(id);
  }

  /** Whether this run publishes the part (the HTML edition, the PDFs). */
  public boolean publishes(String part) {
    return parts.contains(part);
  }

  public String home() {
    return HTML + "/index.html";
  }

  /** A page of the site: documents, search, about. */
  public String page(String name) {
    return name.equals("home") ? home() : HTML + "/" + name + ".html";
  }

  public String documentPage(String id) {
    return HTML + "/" + DOCUMENTS + "/" + name(id) + ".html";
  }

  /** The copy of an image of the edition (by its key, {@link org.editio.edition.Images}) beside the pages. */
  public String image(String key) {
    return HTML + "/" + DOCUMENTS + "/images/" + edition.images().names().get(key);
  }

  /** The copy of a document's TEI source published beside its page. */
  public String documentSource(String id) {
    return HTML + "/" + DOCUMENTS + "/" + name(id) + ".xml";
  }

  public String documentPdf(String id) {
    return PDF + "/" + DOCUMENTS + "/" + name(id) + ".pdf";
  }

  /** The folder of the per-document PDFs (what the command line names). */
  public String documentPdfs() {
    return PDF + "/" + DOCUMENTS + "/";
  }

  /**
   * The copy of a PDF inside the site ({@code html/downloads/…}) when the run publishes both the
   * site and the PDFs: the pages link these copies, so that {@code html/} deployed alone keeps its
   * links to the PDFs (issue 16). {@code layoutPath} is the PDF's path ({@link #documentPdf},
   * {@link #volume}); the copies are made by {@link #sitePdfs} after the PDFs are written.
   */
  public String sitePdf(String layoutPath) {
    return siteCopy(layoutPath);
  }

  /** The copy of an output file inside the site: {@code pdf/x.pdf} and {@code epub/x.epub} are {@code html/downloads/x.…}. */
  private static String siteCopy(String layoutPath) {
    return HTML + "/" + DOWNLOADS + "/" + layoutPath.substring(layoutPath.indexOf('/') + 1);
  }

  /** Whether the site carries a copy of the e-book (both parts published in this run). */
  public boolean siteEpub() {
    return publishes(HTML) && publishes(EPUB);
  }

  /** Whether the site carries copies of the PDFs (both parts published in this run). */
  public boolean sitePdfs() {
    return publishes(HTML) && publishes(PDF);
  }

  /**
   * Every file of the other outputs the site carries a copy of, and the path of its copy: the PDFs
   * ({@link #sitePdfs}) and the e-book ({@link #siteEpub}), when published in the same run.
   */
  public Map<String, String> siteCopies() {
    Map<String, String> copies = new LinkedHashMap<>();
    if (sitePdfs()) {
      for (TeiDocument d : edition.documents()) {
        copies.put(documentPdf(d.id()), sitePdf(documentPdf(d.id())));
      }
      copies.put(volume(), sitePdf(volume()));
    }
    if (siteEpub()) {
      copies.put(epub(), siteCopy(epub()));
    }
    return copies;
  }

  /** The edition as one book. */
  public String volume() {
    return PDF + "/" + fileName(edition.id()) + ".pdf";
  }

  /** The edition's correspondence metadata in CMIF (a file of its own at the top of the output). */
  public String cmif() {
    return CMIF;
  }

  /** The edition as an e-book. */
  public String epub() {
    return EPUB + "/" + fileName(edition.id()) + ".epub";
  }

  /*
   * Inside the e-book: paths of the zip's entries, with the same names as the other outputs
   * (documents by id, registers by file). Stylesheets link between them with the keys of
   * epubLinks() (epub:document:ID, epub:register:KEY, epub:nav ...), as the HTML pages do.
   */

  /** The folder of the book's content, beside META-INF/ and mimetype. */
  static final String BOOK = "EPUB";

  /** The package document (metadata, manifest, spine). */
  public String epubPackage() {
    return BOOK + "/package.opf";
  }

  /** An entry of the book: nav, cover, title, contents (the NCX), style. */
  public String epubEntry(String name) {
    return switch (name) {
      case "nav" -> BOOK + "/nav.xhtml";
      case "ncx" -> BOOK + "/toc.ncx";
      case "cover" -> BOOK + "/text/cover.xhtml";
      case "cover-image" -> BOOK + "/images/cover.svg";
      case "title" -> BOOK + "/text/title.xhtml";
      case "introduction" -> BOOK + "/text/introduction.xhtml";
      case "style" -> BOOK + "/css/epub.css";
      default -> throw new IllegalArgumentException("no book entry " + name);
    };
  }

  /** A document's chapter in the book. */
  public String epubDocument(String id) {
    return BOOK + "/text/" + name(id) + ".xhtml";
  }

  /** A register's chapter in the book (named like its HTML page). */
  public String epubRegister(String key) {
    return BOOK + "/text/" + REGISTERS + "-" + registerNames.name(key) + ".xhtml";
  }

  /** A font file embedded in the book. */
  public String epubFont(String file) {
    return BOOK + "/fonts/" + file;
  }

  /** An image of the edition packed into the book (by its key, {@link org.editio.edition.Images}), named as in the HTML edition. */
  public String epubImage(String key) {
    return BOOK + "/images/" + edition.images().names().get(key);
  }

  /** Every entry of the book a chapter may link to, by the keys of {@code xslt/common/links.xsl}. */
  public Map<String, String> epubLinks() {
    Map<String, String> links = new LinkedHashMap<>();
    links.put("epub:package", epubPackage());
    for (String entry : List.of("nav", "ncx", "cover", "cover-image", "title", "introduction", "style")) {
      links.put("epub:" + entry, epubEntry(entry));
    }
    for (TeiDocument d : edition.documents()) {
      links.put("epub:document:" + d.id(), epubDocument(d.id()));
      links.put("number:" + d.id(), Integer.toString(number(d.id())));
    }
    for (String key : edition.registers().keySet().stream().sorted().toList()) {
      links.put("epub:register:" + key, epubRegister(key));
    }
    for (String key : new java.util.TreeSet<>(edition.images().files().keySet())) {
      links.put("epub:image:" + key, epubImage(key));
    }
    return links;
  }

  /** The page of a register, by its key (the register file's URI, as {@link Edition#registers()} has it). */
  public String registerPage(String key) {
    return HTML + "/" + REGISTERS + "/" + registerNames.name(key) + ".html";
  }

  /** A file of editio's assets (stylesheet, scripts, search index). */
  public String asset(String name) {
    return HTML + "/" + ASSETS + "/" + name;
  }

  /**
   * A file of the search index, by its name in the index ({@code index.js}, {@code t-0.js},
   * {@code doc/12.js}: names the index gives its files, never ids). The search page links the
   * root, {@code index.js}; search.js finds the others beside it.
   */
  public String searchIndex(String file) {
    return asset(SEARCH_INDEX + "/" + file);
  }

  /** A file of the edition's own assets, by its path below {@code EDITION/assets/}. */
  public String editionAsset(String relative) {
    return HTML + "/" + ASSETS + "/" + EDITION_ASSETS + "/" + relative;
  }

  /**
   * The folder of the edition's fonts on the web, below assets/ ({@link #font}), and the name of
   * the CSS file that declares them ({@link #fontFaces}), beside editio's assets.
   */
  public static final String FONTS = "fonts";

  /** The copy of one of the edition's fonts (EDITION/fonts/) in the HTML edition, by its web name. */
  public String font(String webName) {
    return HTML + "/" + ASSETS + "/" + FONTS + "/" + webName;
  }

  /** The CSS file that makes the edition's fonts web fonts ({@link EditionFonts#fontFaces}). */
  public String fontFaces() {
    return asset(FONTS + ".css");
  }

  /**
   * The stylesheets every page links, in order: editio's, the one of the edition's fonts when it
   * has some, then the edition's own CSS files (which may put the edition's fonts first).
   */
  public List<String> stylesheets(EditionFonts fonts) {
    List<String> css = new ArrayList<>();
    css.add(asset("editio.css"));
    if (!fonts.isEmpty()) {
      css.add(fontFaces());
    }
    edition.customisation().assetFiles().keySet().stream().filter(f -> f.endsWith(".css")).sorted()
        .forEach(f -> css.add(editionAsset(f)));
    return css;
  }

  /** The file name of a document's outputs; only documents of the edition have one. */
  private String name(String id) {
    return documentNames.name(id);
  }

  /**
   * What the edition's pages may link to: every page, register, document, TEI copy, asset, and the
   * PDFs when they are published in this run. Keys as {@code xslt/common/links.xsl} lists them.
   */
  public Map<String, String> siteLinks() {
    Map<String, String> links = pageLinks();
    for (TeiDocument d : edition.documents()) {
      documentLinks(links, d.id(), true);
    }
    if (publishes(PDF)) {
      links.put("pdf:volume", sitePdfs() ? sitePdf(volume()) : volume());
    }
    if (publishes(EPUB)) {
      links.put("epub:book", siteEpub() ? siteCopy(epub()) : epub());
    }
    return links;
  }

  /**
   * What a document's page (or its PDF) may link to: the site's pages and registers, its own TEI
   * copy and PDF, its neighbours' pages, and the pages and PDFs of the documents it points to.
   * Nothing else: these links are part of what the page is made from (its recipe), and a page
   * must not change when an unrelated document is added.
   */
  public Map<String, String> documentLinks(String id, String previous, String next) {
    Map<String, String> links = pageLinks();
    documentLinks(links, id, true);
    for (String neighbour : new String[] {previous, next}) {
      if (neighbour != null) {
        documentLinks(links, neighbour, false);
      }
    }
    for (String target : pointedTo.getOrDefault(id, Set.of())) {
      if (numbers.containsKey(target)) {
        documentLinks(links, target, false);
        // read by a PDF only, which links the PDF beside it (in pdf/ and in the site's copies alike)
        if (publishes(PDF)) {
          links.put("pdf:document:" + target, documentPdf(target));
        }
      }
    }
    return links;
  }

  private void documentLinks(Map<String, String> links, String id, boolean all) {
    links.put("html:document:" + id, documentPage(id));
    links.put("number:" + id, Integer.toString(number(id)));
    if (all) {
      for (String image : edition.images().byDocument().getOrDefault(id, List.of())) {
        links.put("html:image:" + image, image(image));
      }
      links.put("html:tei:" + id, documentSource(id));
      if (publishes(PDF)) {
        links.put("pdf:document:" + id, sitePdfs() ? sitePdf(documentPdf(id)) : documentPdf(id));
      }
    }
  }

  private Map<String, String> pageLinks() {
    Map<String, String> links = new LinkedHashMap<>();
    for (String page : List.of("home", "documents", "search", "about")) {
      links.put("html:" + page, page(page));
    }
    for (String key : edition.registers().keySet().stream().sorted().toList()) {
      links.put("html:register:" + key, registerPage(key));
    }
    for (String asset : EDITIO_ASSETS) {
      links.put("html:asset:" + asset, asset(asset));
    }
    links.put("html:search-index", searchIndex("index.js"));
    return links;
  }
}
