package org.editio.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XdmAtomicValue;
import net.sf.saxon.s9api.XdmDestination;
import net.sf.saxon.s9api.XdmMap;
import net.sf.saxon.s9api.XdmValue;
import net.sf.saxon.s9api.Xslt30Transformer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.editio.TestFiles;
import org.editio.build.Builder;
import org.editio.edition.Edition;
import org.editio.edition.EditionLoader;
import org.editio.edition.TeiDocument;
import org.editio.xml.Xml;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An edition that customises editio (src/test/resources/editions/briefe): German (edition.xml's
 * xml:lang), its own stylesheets (xslt/html.xsl and fo.xsl, importing editio's and a labels.xsl
 * of its own) and its own CSS and logo (assets/). Published, HTML and PDF, and checked.
 */
class CustomisedEditionTest {

  static final Path EDITION = TestFiles.ROOT.resolve("src/test/resources/editions/briefe");
  static final String F = "http://editio.org/ns/function";

  @TempDir static Path out;
  static Path site;
  static Builder.Result result;

  @BeforeAll
  static void publish() throws Exception {
    result = new Builder().build(EDITION, out, "html", "pdf");
    site = out.resolve("html");
  }

  static Document page(String path) throws IOException {
    return Jsoup.parse(site.resolve(path).toFile(), "UTF-8");
  }

  static List<Path> pages() throws IOException {
    try (Stream<Path> s = Files.walk(site)) {
      return s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
    }
  }

  static List<Path> pdfs() throws IOException {
    try (Stream<Path> s = Files.walk(out.resolve("pdf"))) {
      return s.filter(p -> p.toString().endsWith(".pdf")).sorted().toList();
    }
  }

  static String pdfText(Path pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      return new PDFTextStripper().getText(doc);
    }
  }

  @Test
  void theEditionsCssAndLogoAreCopiedAndLinkedAfterEditios() throws Exception {
    assertArrayEquals(Files.readAllBytes(EDITION.resolve("assets/briefe.css")),
        Files.readAllBytes(site.resolve("assets/edition/briefe.css")));
    assertArrayEquals(Files.readAllBytes(EDITION.resolve("assets/logo.svg")),
        Files.readAllBytes(site.resolve("assets/edition/logo.svg")));
    assertEquals(List.of("assets/editio.css", "assets/edition/briefe.css"),
        page("index.html").select("link[rel=stylesheet]").eachAttr("href"));
    assertEquals(List.of("../assets/editio.css", "../assets/edition/briefe.css"),
        page("documents/brief-1802-03-03.html").select("link[rel=stylesheet]").eachAttr("href"));
    assertEquals(List.of("../assets/editio.css", "../assets/edition/briefe.css"),
        page("registers/personen.html").select("link[rel=stylesheet]").eachAttr("href"));
  }

  @Test
  void theEditionsHtmlStylesheetReplacesATemplateAndALabel() throws Exception {
    Document letter = page("documents/brief-1802-03-03.html");
    Element spaced = letter.selectFirst(".tei-text span.gesperrt");
    assertNotNull(spaced, "xslt/html.xsl renders hi rend=spaced");
    assertEquals("in großer Eile", spaced.text());
    assertNull(letter.selectFirst(".tei-hi"), "editio's own template for hi is not used for it");
    // labels.xsl, included by html.xsl: the edition calls its documents "Briefe"
    assertEquals("Briefe", page("index.html").selectFirst(".site-header nav a").text());
    assertTrue(page("documents.html").selectFirst("h1").text().startsWith("Briefe (2)"));
  }

  @Test
  void theEditionsFoStylesheetReplacesATemplateAndAParameter() throws Exception {
    // the template: rendered by the edition's fo.xsl (compiled as a build compiles it)
    Xml xml = new Xml();
    Edition edition = new EditionLoader(xml).load(EDITION);
    TeiDocument letter = edition.documents().get(0);
    Xslt30Transformer t = xml.renderer(xml.editionStylesheet(EDITION.resolve("xslt"), "fo.xsl", "test"));
    t.setStylesheetParameters(edition.stylesheetParams().asMap());
    XdmDestination fo = new XdmDestination();
    t.applyTemplates(letter.tree(), fo);
    XPathCompiler xpath = xml.processor().newXPathCompiler();
    xpath.declareNamespace("fo", "http://www.w3.org/1999/XSL/Format");
    assertEquals("in großer Eile", xpath.evaluateSingle("string(//fo:inline[@letter-spacing = '0.15em'])", fo.getXdmNode())
        .getStringValue());
    // the parameter: the volume has an index of persons and none of places
    List<String> outline = new ArrayList<>();
    try (PDDocument pdf = Loader.loadPDF(out.resolve("pdf/briefe.pdf").toFile())) {
      for (PDOutlineItem item : pdf.getDocumentCatalog().getDocumentOutline().children()) {
        outline.add(item.getTitle());
      }
    }
    assertTrue(outline.contains("Personenregister"), outline.toString());
    assertFalse(outline.contains("Ortsregister"), outline.toString());
    assertTrue(pdfText(out.resolve("pdf/briefe.pdf")).contains("Schiller, Friedrich"), "an entry of the index of persons");
  }

  @Test
  void datesAreInTheEditionsLanguage() throws Exception {
    assertTrue(page("documents/brief-1802-03-03.html").selectFirst("dl.metadata").text().contains("3. März 1802"));
    assertTrue(page("documents.html").select(".document-list time").eachText().contains("10. April 1802"));
    assertTrue(pdfText(out.resolve("pdf/documents/brief-1802-03-03.pdf")).contains("Weimar · 3. März 1802 · J. W. Goethe → Marie"));
  }

  /**
   * No page of the German edition, HTML or PDF, prints a label in English. A label's English
   * words are looked for (whole words, case kept) in the pages' text and in the attributes a
   * reader meets (title, aria-label, alt, data-*); words that are also German labels' (April,
   * PDF) or no words at all (…) cannot tell and are left out. The German labels are there.
   */
  @Test
  void noPageOfAGermanEditionPrintsAnEnglishLabel() throws Exception {
    Map<String, Pattern> english = englishOnlyLabels();
    assertTrue(english.size() > 80, "English label words to look for: " + english.size());
    List<String> found = new ArrayList<>();
    int german = 0;
    for (Path p : pages()) {
      Document doc = Jsoup.parse(p.toFile(), "UTF-8");
      // BibTeX and CSL-JSON to copy are formats, not labels: their field names and values ("type": "document") are English by definition
      doc.select("code.bibtex, code.csl-json").remove();
      StringBuilder seen = new StringBuilder(doc.text());
      for (Element e : doc.getAllElements()) {
        e.attributes().forEach(a -> {
          if (a.getKey().matches("title|aria-label|alt|data-.*")) {
            seen.append('\n').append(a.getValue());
          }
        });
      }
      found.addAll(englishIn(english, seen.toString(), site.relativize(p).toString()));
      german += seen.toString().contains("Anmerkungen") || seen.toString().contains("Dokumente filtern") ? 1 : 0;
    }
    for (Path pdf : pdfs()) {
      String text = pdfText(pdf);
      found.addAll(englishIn(english, text.replaceAll("-\\R", ""), out.relativize(pdf).toString()));
    }
    assertEquals(List.of(), found);
    assertTrue(german >= 2, "German labels on the pages");
    assertTrue(pdfText(out.resolve("pdf/briefe.pdf")).contains("Editionsrichtlinien"));
  }

  /** Addresses (the citation's URL) are not words: their path is the layout's, not a label. */
  private static final Pattern ADDRESS = Pattern.compile("[a-z]+://\\S+");

  private static List<String> englishIn(Map<String, Pattern> english, String page, String where) {
    List<String> found = new ArrayList<>();
    String text = ADDRESS.matcher(page).replaceAll(" ");
    english.forEach((key, pattern) -> {
      Matcher m = pattern.matcher(text);
      if (m.find()) {
        found.add(where + ": '" + m.group() + "' (label " + key + ")");
      }
    });
    return found;
  }

  /** Labels that are the same word in English and German. */
  private static final java.util.Set<String> SAME_IN_GERMAN = java.util.Set.of("download-pdf", "month-4", "month-8", "month-9",
      "month-11", "cite-bibtex", "cite-csl", "passim", "sic", "lemma-omitted", "folio");

  /**
   * The words of every English label, as whole-word patterns by label key; left out are the labels
   * the same in both languages, and words German uses too ("in", "Index").
   */
  private static Map<String, Pattern> englishOnlyLabels() throws Exception {
    Map<String, String> en = labels("en");
    Map<String, String> de = labels("de");
    assertEquals(new TreeSet<>(en.keySet()), new TreeSet<>(de.keySet()), "German has every label English has");
    Map<String, Pattern> patterns = new LinkedHashMap<>();
    en.forEach((key, value) -> {
      String otherGerman = de.entrySet().stream().filter(e -> !e.getKey().equals(key)).map(Map.Entry::getValue)
          .collect(java.util.stream.Collectors.joining(" "));
      for (String part : value.split("\\{\\d+\\}")) {
        String words = part.replaceAll("^[^\\p{L}]+|[^\\p{L}.]+$", "").strip();
        Pattern word = Pattern.compile("(?<!\\p{L})" + Pattern.quote(words) + "(?!\\p{L})");
        // a German label may contain an English word ("Alphabetischer Index"), but not be the English label
        boolean german = word.matcher(otherGerman).find() || (word.matcher(de.get(key)).find() && !de.get(key).equals(value));
        if (!SAME_IN_GERMAN.contains(key) && words.matches(".*\\p{L}.*") && !german) {
          patterns.put(key + " '" + words + "'", word);
        }
      }
    });
    return patterns;
  }

  private static Map<String, String> labels(String language) throws Exception {
    Xml xml = new Xml();
    XdmValue map = Xml.transformer(xml.stylesheet("common/functions.xsl"))
        .callFunction(new QName(F, "label-map"), new XdmValue[] {new XdmAtomicValue(language)});
    Map<String, String> labels = new LinkedHashMap<>();
    ((XdmMap) map).entrySet().forEach(e -> labels.put(e.getKey().getStringValue(), e.getValue().itemAt(0).getStringValue()));
    return labels;
  }
}
