package org.editio.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XdmItem;
import net.sf.saxon.s9api.XdmNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.editio.EditioException;
import org.editio.TestFiles;
import org.editio.build.Builder;
import org.editio.edition.TeiDocument;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12's acceptance: TEI written elsewhere publishes as it is, HTML and PDF, with every word
 * of every TEI {@code text} on its page and in its PDF. The FRUS documents and the FRUS history
 * monograph (../shared/corpus/frus-history, CC0) and the 35 public files of
 * src/test/resources/corpus (letters, drama, verse, dictionaries, apparatus, manuscript
 * descriptions, books, tables and figures, facsimiles, transcriptions, DOCTYPE/XInclude/teiCorpus,
 * Cyrillic, Arabic and Japanese text, the TEI's own tests of nesting: see its SOURCES.md)
 * are published without edition.xml, as a new user would.
 */
@Tag("slow")
class RealWorldTeiTest {

  static final Path CORPUS = TestFiles.ROOT.resolve("src/test/resources/corpus");
  static final Path FRUS = TestFiles.SHARED.resolve("corpus/frus-history");

  /**
   * Files whose text holds characters none of the bundled fonts has (Devanagari in the
   * Sanskrit dictionary; U+0364, the combining e above of 1820s German print, in Dingler's
   * journal; Japanese; Arabic in italic and bold italic, which the DejaVu faces lack; the Arabic
   * file is refused for its Arabic letters as well): their PDF is refused with a clear error
   * rather than printed with '#'. Their HTML pages are checked like every other file's.
   */
  static final Set<String> BEYOND_THE_FONTS = Set.of("dictionary/san-deu.tei.xml", "tables-figures/pj001.xml",
      "scripts/27.xml", "scripts/oclc_4770057679-i_6.TEIP5.xml");

  @TempDir Path out;

  @Test
  void theFrusDocumentsPublishWithEveryWordOnTheirPagesAndInTheirPdfs() throws Exception {
    Path documents = FRUS.resolve("documents");
    assumeTrue(Files.isDirectory(documents), "../shared/corpus/frus-history is absent");
    Builder.Result result = new Builder().build(documents, out, "html", "pdf");
    assertEquals(63, result.edition().documents().size(), "every FRUS document is published");
    assertFalse(result.warnings().isEmpty(), "loose TEI that is not valid TEI publishes with warnings");
    assertEquals(List.of(), missingWords(result, true));
    java.util.Map<String, Document> pages = documentPages(result);
    assertEquals(List.of(), headingFaults(pages));
    // without edition.xml: every document is transcribed (no "0 calendar entries"), and the about
    // page says where the edition's metadata is instead of being empty
    Document home = Jsoup.parse(result.out().resolve("html/index.html").toFile(), "UTF-8");
    assertTrue(home.selectFirst(".counts").text().startsWith("63 documents from"), home.selectFirst(".counts").text());
    assertFalse(home.text().contains("calendar"), home.text());
    assertEquals("About the edition", home.selectFirst(".entry-points a[href=about.html]").text());
    Document about = Jsoup.parse(result.out().resolve("html/about.html").toFile(), "UTF-8");
    assertTrue(about.selectFirst("main").text().contains("This edition has no edition file (edition.xml)"), about.text());
    // a file of four letters: the header's title heads the page, each letter's head under it
    Document letters = pages.get("1957-03-21-kennan-to-leopold");
    assertEquals("Correspondence Between Richard Leopold and George Kennan, February-March 1957",
        letters.selectFirst("main h1").text());
    assertEquals(List.of("Richard W. Leopold to George F. Kennan", "L.E. Woodward to George F. Kennan",
        "Freund to George F. Kennan", "George F. Kennan to Richard W. Leopold"), letters.select(".tei-text section > h2").eachText());
  }

  @Test
  void theMonographIsABookWithEveryWordAndEveryFootnoteAtAPageFoot() throws Exception {
    Path monograph = FRUS.resolve("monograph");
    assumeTrue(Files.isDirectory(monograph), "../shared/corpus/frus-history is absent");
    Builder.Result result = new Builder().build(monograph, out, "html", "pdf");
    assertEquals(List.of(), missingWords(result, true));

    TeiDocument book = result.edition().documents().get(0);
    List<String> notes = strings(book.tree(), "//tei:text//tei:note[not(ancestor::tei:note)]"
        + " ! normalize-space(string-join(.//text(), ' '))");
    assertEquals(1081, notes.size(), "the monograph's footnotes");

    // PDF: the words of every note, in order, in the notes' size below the text of a page
    PdfText pdf = pdfText(out.resolve(result.layout().documentPdf(book.id())));
    List<String> notAtAFoot = new ArrayList<>();
    int from = 0;
    for (int i = 0; i < notes.size(); i++) {
      for (String word : notes.get(i).replace("\u00AD", "").split(" ")) {
        int at = Math.max(pdf.feet().indexOf(word, from), -1);
        if (at < 0) {
          // a hyphen of the text at a line's end
          at = pdf.feetKeepingHyphens().indexOf(word);
          at = at < 0 ? -1 : from;
        }
        if (at < 0) {
          notAtAFoot.add("note " + (i + 1) + ": " + word);
          break;
        }
        from = at + word.length();
      }
    }
    assertEquals(List.of(), notAtAFoot);

    // HTML: each mark links to its note, each note links back to its mark and holds its text
    Document page = Jsoup.parse(out.resolve(result.layout().documentPage(book.id())).toFile(), "UTF-8");
    List<Element> marks = page.select("a.note-ref");
    assertEquals(notes.size(), marks.size(), "a mark for every note");
    List<String> broken = new ArrayList<>();
    for (int i = 0; i < marks.size(); i++) {
      Element mark = marks.get(i);
      String id = mark.attr("href").substring(1);
      String text = flat(notes.get(i));
      Element note = page.getElementById(id);
      if (note == null || note.selectFirst("a[href=#" + mark.id() + "]") == null) {
        broken.add("note " + (i + 1) + " (" + id + ")");
      } else if (!flat(note.text()).contains(text.substring(0, Math.min(40, text.length())))) {
        broken.add("note " + (i + 1) + " (" + id + "): not its text");
      }
    }
    assertEquals(List.of(), broken);
  }

  @Test
  void theCorpusPublishesUnchangedWithEveryWord() throws Exception {
    assertEquals(List.of(), changedCorpusFiles(), "the corpus files are the public files, unedited");

    Builder.Result html = new Builder().build(CORPUS, out.resolve("html-all"), "html");
    assertTrue(html.edition().documents().size() >= 27, "the corpus's documents: " + html.edition().documents().size());
    assertEquals(List.of(), missingWords(html, false));
    java.util.Map<String, Document> pages = documentPages(html);
    assertEquals(List.of(), brokenAnchors(pages), "every link within a page has its target, every id is once");
    assertEquals(List.of(), headingFaults(pages));

    // the PDFs: of every file the bundled fonts can print
    Path printable = out.resolve("printable");
    copyCorpus(printable);
    Builder.Result pdf = new Builder().build(printable, out.resolve("pdf-all"), "pdf");
    assertEquals(html.edition().documents().size() - BEYOND_THE_FONTS.size(), pdf.edition().documents().size());
    assertEquals(List.of(), missingWords(pdf, true));

    // the others: a clear error naming the file and the character, never a PDF with '#'
    Path devanagari = out.resolve("devanagari");
    Files.createDirectories(devanagari);
    Files.copy(CORPUS.resolve("dictionary/san-deu.tei.xml"), devanagari.resolve("san-deu.tei.xml"));
    EditioException refused = assertThrows(EditioException.class,
        () -> new Builder().build(devanagari, out.resolve("pdf-devanagari"), "pdf"));
    // one error per script, at its first character in the file (not one per character and font)
    List<org.editio.Problem> devanagariProblems = refused.problems().stream()
        .filter(p -> p.message().contains("san-deu.tei.pdf: the PDF cannot print")).toList();
    assertEquals(1, devanagariProblems.size(), refused.problems().toString());
    assertTrue(devanagariProblems.get(0).message().contains("characters of the Unicode block DEVANAGARI"),
        devanagariProblems.get(0).message());
    assertTrue(devanagariProblems.get(0).line() > 1, devanagariProblems.get(0).toString());
  }

  /**
   * Links within each document's page whose target is not on it, and ids given twice: a note
   * mark, a pointer to a text of a group or to the header's bibliography, a lemma and its
   * apparatus entry. The Schnitzler letter's source repeats its register's ids itself (two
   * {@code back} elements with the same lists): those, and only those, are let stand.
   */
  static List<String> brokenAnchors(java.util.Map<String, Document> pages) {
    List<String> broken = new ArrayList<>();
    pages.forEach((id, page) -> {
      Set<String> ids = new java.util.HashSet<>();
      for (Element e : page.select("[id]")) {
        if (!ids.add(e.id()) && !(id.equals("L00001") && e.id().startsWith("pmb"))) {
          broken.add(id + ": id " + e.id() + " twice");
        }
      }
      for (Element a : page.select("a[href^=#]")) {
        if (!ids.contains(a.attr("href").substring(1))) {
          broken.add(id + ": " + a.attr("href") + " leads nowhere");
        }
      }
    });
    return broken;
  }

  /** Each document's page, parsed once, by the document's id, in the edition's order. */
  static java.util.Map<String, Document> documentPages(Builder.Result result) throws IOException {
    java.util.Map<String, Document> pages = new java.util.LinkedHashMap<>();
    for (TeiDocument doc : result.edition().documents()) {
      pages.put(doc.id(), Jsoup.parse(result.out().resolve(result.layout().documentPage(doc.id())).toFile(), "UTF-8"));
    }
    return pages;
  }

  /**
   * Pages whose headings do not say what the page is: each document's page has one h1, its
   * title (printed from the header, or the text's own heading), before every other heading. A
   * play's cast list, a file of letters, a sonnet's head are headings inside the text.
   */
  static List<String> headingFaults(java.util.Map<String, Document> pages) {
    List<String> faults = new ArrayList<>();
    pages.forEach((id, page) -> {
      org.jsoup.select.Elements headings = page.select("main h1, main h2, main h3, main h4, main h5, main h6");
      long h1 = headings.stream().filter(h -> h.tagName().equals("h1")).count();
      if (h1 != 1 || !headings.get(0).tagName().equals("h1")) {
        faults.add(id + ": " + h1 + " h1, first heading " + (headings.isEmpty() ? "none" : headings.get(0).tagName()
            + " '" + headings.get(0).text() + "'"));
      }
    });
    return faults;
  }

  /** Copies the corpus without the files the fonts cannot print. */
  private static void copyCorpus(Path to) throws IOException {
    TestFiles.copyTree(CORPUS, to, relative -> !BEYOND_THE_FONTS.contains(relative) && !relative.startsWith("licences/"));
  }

  /** Corpus files whose SHA-256 differs from SHA256SUMS (recorded when they were copied from their projects). */
  private static List<String> changedCorpusFiles() throws Exception {
    List<String> changed = new ArrayList<>();
    for (String line : Files.readAllLines(CORPUS.resolve("SHA256SUMS"))) {
      if (line.isBlank()) {
        continue;
      }
      String[] parts = line.split("\\s+", 2);
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(CORPUS.resolve(parts[1].trim())));
      if (!HexFormat.of().formatHex(digest).equals(parts[0])) {
        changed.add(parts[1]);
      }
    }
    return changed;
  }

  /**
   * The words of each document's TEI {@code text} (every text element, a corpus's members' too;
   * element boundaries separate words) that its HTML page (text and the title, alt and
   * aria-label attributes readers see) or its PDF does not hold.
   */
  static List<String> missingWords(Builder.Result result, boolean pdfs) throws Exception {
    List<String> missing = new ArrayList<>();
    for (TeiDocument doc : result.edition().documents()) {
      List<String> words = strings(doc.tree(), "tokenize(normalize-space(string-join(//tei:text//text(), ' ')), ' ')[.]")
          .stream().map(RealWorldTeiTest::flat).filter(w -> !w.isEmpty()).toList();
      if (result.layout().publishes(OutputLayout.HTML)) {
        String page = htmlText(result.out().resolve(result.layout().documentPage(doc.id())));
        words.stream().filter(w -> !page.contains(w)).limit(5).forEach(w -> missing.add(doc.id() + " (HTML): " + w));
      }
      if (pdfs) {
        PdfText pdf = pdfText(result.out().resolve(result.layout().documentPdf(doc.id())));
        words.stream().filter(w -> !pdf.contains(w)).limit(5).forEach(w -> missing.add(doc.id() + " (PDF): " + w));
      }
    }
    return missing;
  }

  static String htmlText(Path page) throws IOException {
    Document doc = Jsoup.parse(page.toFile(), "UTF-8");
    StringBuilder text = new StringBuilder(doc.body().text());
    for (Element e : doc.body().getAllElements()) {
      for (String attribute : List.of("title", "alt", "aria-label")) {
        if (e.hasAttr(attribute)) {
          text.append(' ').append(e.attr(attribute));
        }
      }
    }
    return flat(text.toString());
  }

  /**
   * A PDF's text as a reader follows it: the body of its pages one after the other ({@code main})
   * and the footnotes at their feet ({@code feet}: words smaller than most of the document's text,
   * below the page's last line in that size), without the running heads and folios (outside the region of the body),
   * so that a word divided between two pages is one word again. Whitespace is removed; a hyphen at
   * a line's end is read both ways: FOP's hyphenation (left out) and a hyphen of the text (kept).
   */
  record PdfText(String main, String mainKeepingHyphens, String feet, String feetKeepingHyphens) {
    boolean contains(String word) {
      return main.contains(word) || mainKeepingHyphens.contains(word) || feet.contains(word) || feetKeepingHyphens.contains(word);
    }
  }

  /** The top and bottom of the region of the body on an A4 page (27 mm from either edge), in points. */
  static final float BODY_TOP = 27 / 25.4f * 72 - 12;
  static final float BODY_BOTTOM = (297 - 27) / 25.4f * 72 + 2;

  static PdfText pdfText(Path pdf) throws IOException {
    List<List<Object[]>> pages = new ArrayList<>();
    PDFTextStripper stripper = new PDFTextStripper() {
      @Override
      protected void startPage(PDPage page) {
        pages.add(new ArrayList<>());
      }

      @Override
      protected void writeString(String text, List<TextPosition> positions) {
        TextPosition first = positions.get(0);
        pages.get(pages.size() - 1).add(new Object[] {text, first.getYDirAdj(), first.getFontSizeInPt()});
      }
    };
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      stripper.getText(doc);
    }
    // the body's size: the size most of the document's text is set in
    java.util.Map<Integer, Integer> sizes = new java.util.HashMap<>();
    pages.forEach(words -> words.forEach(w -> sizes.merge(Math.round((float) w[2] * 10), ((String) w[0]).length(), Integer::sum)));
    float bodySize = sizes.entrySet().stream().max(java.util.Map.Entry.comparingByValue()).map(e -> e.getKey() / 10f).orElse(0f);
    StringBuilder main = new StringBuilder();
    StringBuilder feet = new StringBuilder();
    for (List<Object[]> words : pages) {
      float bodyBottom = -1;
      for (Object[] w : words) {
        if (Math.abs((float) w[2] - bodySize) < 0.3f) {
          bodyBottom = Math.max(bodyBottom, (float) w[1]);
        }
      }
      for (Object[] w : words) {
        float y = (float) w[1];
        if (y < BODY_TOP || y > BODY_BOTTOM) {
          continue;
        }
        boolean foot = (float) w[2] < bodySize - 0.5f && y > bodyBottom;
        (foot ? feet : main).append(w[0]).append('\n');
      }
    }
    return new PdfText(flat(main.toString().replaceAll("-\\n", "")), flat(main.toString()),
        flat(feet.toString().replaceAll("-\\n", "")), flat(feet.toString()));
  }

  /** Text without whitespace and soft hyphens (invisible: a place where a line may be broken), compatibility-normalised. */
  static String flat(String s) {
    // NFKC: a ligature of the source (U+FB04) is its letters in the PDF's text layer
    return java.text.Normalizer.normalize(TestFiles.withoutWhitespace(s).replace("\u00AD", ""), java.text.Normalizer.Form.NFKC);
  }

  static List<String> strings(XdmNode doc, String xpath) throws SaxonApiException {
    XPathCompiler c = doc.getProcessor().newXPathCompiler();
    c.declareNamespace("tei", "http://www.tei-c.org/ns/1.0");
    List<String> values = new ArrayList<>();
    for (XdmItem item : c.evaluate(xpath, doc)) {
      values.add(item.getStringValue());
    }
    return values;
  }
}
