package org.editio.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.editio.build.Builder;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults that public TEI found beyond the corpus of issue 12 (session notes: newtei), each shown
 * here by a small document written the way the public file writes it: a pointer with an empty
 * target (the TEI's own test of listRef), right-to-left text (an Arabic journal, OpenArabicPE),
 * a folder of Russian plays (RusDraCor) whose pages were marked Russian though editio's own words
 * on them are English, quotations inside quotations (the TEI's Christmas Carol), and a source
 * description of a printed book (the Genji edition), of which the source note said that "the
 * source page" gives no archival citation.
 */
@Tag("slow")
class TeiAsWrittenTest {

  @TempDir Path dir;

  private static String tei(String lang, String sourceDesc, String body) {
    return "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"" + (lang == null ? "" : " xml:lang=\"" + lang + "\"") + ">"
        + "<teiHeader><fileDesc><titleStmt><title>A text</title></titleStmt>"
        + "<publicationStmt><p>Test.</p></publicationStmt><sourceDesc>" + sourceDesc + "</sourceDesc></fileDesc></teiHeader>"
        + "<text><body>" + body + "</body></text></TEI>";
  }

  private Builder.Result build(Map<String, String> files, String... formats) throws Exception {
    return build("edition", files, formats);
  }

  private Builder.Result build(String name, Map<String, String> files, String... formats) throws Exception {
    Path in = dir.resolve(name);
    Files.createDirectories(in);
    for (Map.Entry<String, String> f : files.entrySet()) {
      Files.writeString(in.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
    }
    return new Builder().build(in, dir.resolve(name + "-out"), formats);
  }

  /** A document's chapter of the e-book, as text. */
  private static String chapter(Builder.Result result, String id) throws Exception {
    try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(result.out().resolve(result.layout().epub()).toFile())) {
      return new String(zip.getInputStream(zip.getEntry(result.layout().epubDocument(id))).readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Document page(Builder.Result result, String id) throws Exception {
    return Jsoup.parse(result.out().resolve(result.layout().documentPage(id)).toFile(), "UTF-8");
  }

  private static String pdf(Builder.Result result, String id) throws Exception {
    return RealWorldTeiTest.pdfText(result.out().resolve(result.layout().documentPdf(id))).main();
  }

  /** A ref or ptr whose target is empty or blank points nowhere: its text is printed, unlinked (it stopped the build). */
  @Test
  void aPointerWithAnEmptyTargetIsItsText() throws Exception {
    Builder.Result result = build(Map.of("t.xml", tei("en", "<p>Born digital.</p>",
        "<p>See <ref target=\"\">the empty pointer</ref> and <ref target=\"  \">the blank one</ref>,"
            + " <ptr target=\"\"/>and <ref target=\"#x\">a good one</ref>.</p><p xml:id=\"x\">There.</p>")), "html", "pdf");
    Document page = page(result, "t");
    Element text = page.selectFirst(".tei-text");
    assertTrue(text.text().contains("See the empty pointer and the blank one, and a good one."), text.text());
    assertEquals(List.of("#x"), text.select("a").eachAttr("href"), "only the pointer with a target is a link");
    assertTrue(pdf(result, "t").contains("Seetheemptypointerandtheblankone,andagoodone."), pdf(result, "t"));
  }

  /**
   * Right-to-left text is set right to left on the web page and in the e-book's page (HTML does
   * not take the direction from lang): the text of an Arabic document, an Arabic or Hebrew phrase
   * in an English one, and an English phrase in the Arabic text, left to right again.
   */
  @Test
  void rightToLeftTextIsSetRightToLeft() throws Exception {
    Builder.Result result = build(Map.of(
        "ar.xml", tei("ar", "<p>مصدر</p>", "<div><head>مقالة</head><p>الغالب أن <foreign xml:lang=\"en\">Coleridge</foreign> الشعراء"
            + "<note place=\"foot\">حاشية</note></p></div>"),
        "en.xml", tei("en", "<p>Source.</p>", "<p>The word <foreign xml:lang=\"he\">שלום</foreign>, in Latin letters"
            + " <foreign xml:lang=\"ar-Latn\">salām</foreign>, and <foreign xml:lang=\"fa\">سلام</foreign>.</p>")), "html", "epub");
    Document ar = page(result, "ar");
    assertEquals("en", ar.selectFirst("html").attr("lang"), "the page's own words are English");
    Element text = ar.selectFirst(".tei-text");
    assertEquals("ar", text.attr("lang"));
    assertEquals("rtl", text.attr("dir"));
    assertEquals("ltr", text.selectFirst("[lang=en]").attr("dir"), "an English phrase in Arabic text");
    // the note, printed at the page's end outside the text, is right to left of its own
    assertEquals("rtl", ar.selectFirst("section.notes [lang=ar]").attr("dir"), ar.selectFirst("section.notes").outerHtml());

    Document en = page(result, "en");
    Element english = en.selectFirst(".tei-text");
    assertFalse(english.hasAttr("dir"));
    assertEquals("rtl", english.selectFirst("[lang=he]").attr("dir"));
    assertEquals("rtl", english.selectFirst("[lang=fa]").attr("dir"));
    assertFalse(english.selectFirst("[lang=ar-Latn]").hasAttr("dir"), "Arabic in Latin letters is left to right");
    assertEquals(2, english.select("[dir]").size(), "only the two right-to-left phrases: " + english.outerHtml());

    // the e-book's chapter of the Arabic document
    String chapter = chapter(result, "ar");
    Document xhtml = Jsoup.parse(chapter);
    assertEquals("rtl", xhtml.selectFirst(".tei-text").attr("dir"), chapter);
    assertEquals("ltr", xhtml.selectFirst(".tei-text [lang=en]").attr("dir"));
  }

  /**
   * A folder of Russian documents: editio's own words (English: it has no Russian labels) are
   * marked English, the text Russian; before, the whole page said lang="ru".
   */
  @Test
  void aPageIsInTheLanguageOfItsLabelsAndItsTextInItsOwn() throws Exception {
    Builder.Result result = build(Map.of(
        "a.xml", tei("ru", "<p>Источник.</p>", "<p>Моцарт и Сальери.</p>"),
        "b.xml", tei("ru", "<p>Источник.</p>", "<p>Медведь.</p>"),
        "c.xml", tei(null, "<p>Source.</p>", "<p>A text that declares no language.</p>")), "html");
    Document a = page(result, "a");
    assertEquals("en", a.selectFirst("html").attr("lang"));
    assertEquals("Documents", a.selectFirst(".site-header nav a").text());
    assertEquals("ru", a.selectFirst(".tei-text").attr("lang"));
    // a document without a language of its own is in the edition's (the one most documents declare)
    assertEquals("ru", page(result, "c").selectFirst(".tei-text").attr("lang"));
    Document home = Jsoup.parse(result.out().resolve("html/index.html").toFile(), "UTF-8");
    assertEquals("en", home.selectFirst("html").attr("lang"));
  }

  /** A quotation inside a quotation stands in the inner marks: ‘ ’ in English, ‚ ‘ in German. */
  @Test
  void aQuotationInsideAQuotationHasTheInnerMarks() throws Exception {
    String body = "<p>He said, <q>every idiot who goes about with <q>Merry Christmas</q> on his lips,"
        + " <quote>a <soCalled>humbug</soCalled> saying <q>so</q></quote></q> and left.</p>";
    Builder.Result en = build("en", Map.of("q.xml", tei("en", "<p>Source.</p>", body)), "html", "pdf");
    String expected = "He said, “every idiot who goes about with ‘Merry Christmas’ on his lips, ‘a “humbug” saying “so”’” and left.";
    assertEquals(expected, page(en, "q").selectFirst(".tei-text p").text());
    assertTrue(pdf(en, "q").endsWith(RealWorldTeiTest.flat(expected)), pdf(en, "q"));

    Builder.Result de = build("de", Map.of("q.xml", tei("de", "<p>Quelle.</p>", body)), "html");
    assertEquals("He said, „every idiot who goes about with ‚Merry Christmas‘ on his lips, ‚a „humbug“ saying „so“‘“ and left.",
        page(de, "q").selectFirst(".tei-text p").text());
  }

  /**
   * The sentence that the source page gives no archival citation is said only of a source that is
   * a web page of an archive, as editio's importer and calendar describe it ({@code bibl
   * type="web-page"} with its address): a printed book's description, or another project's
   * description that links its digital source, is printed as it is, and nothing is said of a page
   * it does not have (session 8's review: it was said of every description with an address).
   */
  @Test
  void aSourceWithoutAPageIsNotSaidToLackACitation() throws Exception {
    Builder.Result result = build(Map.of(
        "book.xml", tei("en", "<bibl><author>Ikeda Kikan</author> <title>Kōi Genji monogatari</title></bibl>", "<p>Text.</p>"),
        "linked.xml", tei("en", "<bibl><title>A novel</title> <ref target=\"https://example.org/novel\">digital source</ref></bibl>", "<p>Text.</p>"),
        "page.xml", tei("en", "<bibl type=\"web-page\"><title>A page</title> <ref target=\"https://history.state.gov/x\">online</ref></bibl>", "<p>Text.</p>")),
        "html", "pdf");
    String book = page(result, "book").selectFirst("aside.source-note").text();
    assertEquals("Source note Ikeda Kikan Kōi Genji monogatari", book.replaceAll("(?i)^source note", "Source note"));
    assertFalse(pdf(result, "book").contains("Noarchivalcitation"), pdf(result, "book"));
    String linked = page(result, "linked").selectFirst("aside.source-note").text();
    assertFalse(linked.contains("No archival citation"), linked);
    assertTrue(linked.contains("A novel digital source"), linked);
    assertFalse(pdf(result, "linked").contains("Noarchivalcitation"), pdf(result, "linked"));
    assertTrue(page(result, "page").selectFirst("aside.source-note").text().endsWith("No archival citation on the source page."));
    assertTrue(pdf(result, "page").contains("Noarchivalcitationonthesourcepage."));
  }

  /**
   * A manuscript's citation names each part of its identifier once: manuscripta.se gives the
   * library as institution and as repository ("Stockholm, Kungliga biblioteket, Kungliga
   * biblioteket, B 127" until session 8).
   */
  @Test
  void aManuscriptsCitationNamesItsLibraryOnce() throws Exception {
    Builder.Result result = build(Map.of("m.xml", tei("en",
        "<msDesc><msIdentifier><settlement>Stockholm</settlement><institution>Kungliga biblioteket</institution>"
        + "<repository>Kungliga biblioteket</repository><idno type=\"shelfmark\">B 127</idno></msIdentifier></msDesc>",
        "<p>Text.</p>")), "html", "pdf");
    assertTrue(page(result, "m").text().contains("Stockholm, Kungliga biblioteket, B 127"), page(result, "m").text());
    assertFalse(page(result, "m").text().contains("biblioteket, Kungliga"), page(result, "m").text());
    assertTrue(pdf(result, "m").contains(RealWorldTeiTest.flat("Stockholm, Kungliga biblioteket, B 127")), pdf(result, "m"));
  }

  /**
   * A location-referenced apparatus (EpiDoc's {@code div type="apparatus"} with a listApp, each
   * entry under the line it refers to, {@code @loc}) is printed where it stands, an entry per
   * line: "2 καθὼς] καθὼ B", "3 in a hole". Its entries were marks "a b c" in a row where the list
   * stood, and the line each belongs to was printed nowhere. An entry in the text keeps its mark,
   * and the marks count only such entries.
   */
  @Test
  void aLocationReferencedApparatusIsPrintedWhereItStands() throws Exception {
    Builder.Result result = build(Map.of("e.xml", tei("en", "<p>A stone.</p>",
        "<div type=\"edition\"><ab><lb n=\"1\" xml:id=\"e-l1\"/>ἔδοξε <app><lem>τῷ</lem><rdg wit=\"#B\">τῶι</rdg></app> δάμῳ <lb n=\"2\" xml:id=\"e-l2\"/>καθὼς ἀνέγραψαν <lb n=\"3\"/>τετρα</ab></div>"
        + "<div type=\"apparatus\"><listApp><app loc=\"2\"><lem>καθὼς</lem><rdg wit=\"#B\">καθὼ</rdg></app>"
        + "<app loc=\"3\"><note>in a hole of the stone</note></app>"
        + "<app from=\"#e-l1\" to=\"#e-l2\"><lem>ἔδοξε δάμῳ</lem></app></listApp></div>")), "html", "pdf");
    Document page = page(result, "e");
    // @from-@to as the text numbers its lines; a lemma with nothing more is not followed by "]"
    assertEquals(List.of("2 καθὼς] καθὼ B", "3 in a hole of the stone", "1–2 ἔδοξε δάμῳ"), page.select(".app-line").eachText());
    assertEquals(List.of("a"), page.select(".tei-text a.app-ref").eachText(), "one mark: the entry in the text's line");
    String pdf = pdf(result, "e");
    assertTrue(pdf.contains(RealWorldTeiTest.flat("2 καθὼς] καθὼ B")) && pdf.contains(RealWorldTeiTest.flat("3 in a hole of the stone")), pdf);
  }

  /**
   * A source described in prose ({@code sourceDesc/p}, as FRUS links the scan of each original:
   * "A scan of the original document is available for download (PDF, 570 KB, 5pp.)") is the
   * document's source note, its link kept: it reached no output.
   */
  @Test
  void aSourceParagraphIsTheSourceNote() throws Exception {
    Builder.Result result = build(Map.of("s.xml", tei("en",
        "<p>A scan of the original document is available for download (<ref target=\"https://example.org/scan.pdf\">PDF</ref>, 570 KB, 5pp.)</p>",
        "<p>Text.</p>")), "html", "pdf");
    Element note = page(result, "s").selectFirst("aside.source-note");
    assertNotNull(note, "the page has a source note");
    assertTrue(note.text().contains("A scan of the original document is available for download (PDF, 570 KB, 5pp.)"), note.text());
    assertEquals("https://example.org/scan.pdf", note.selectFirst("a").attr("href"));
    assertTrue(pdf(result, "s").contains(RealWorldTeiTest.flat("A scan of the original document is available for download (PDF, 570 KB, 5pp.)")),
        pdf(result, "s"));
  }

  /**
   * A ref left empty (Schnitzler's letters link diary entries as {@code <ref target="1889-09-08"
   * type="schnitzlerDiary"/>}, a bibliography its online copy as {@code <ref target="https://…"/>})
   * shows where it leads, as a ptr does: it was an empty link nobody could see or click, and the
   * sentence read "entstand im Sommer 1889 ()".
   */
  @Test
  void anEmptyRefShowsWhereItLeads() throws Exception {
    Builder.Result result = build(Map.of("r.xml", tei("en", "<p>Source.</p>",
        "<p>Written in summer 1889 (<ref target=\"1889-09-08\" type=\"diary\"/>), printed at <ref target=\"https://example.org/print\"/>.</p>")),
        "html", "pdf");
    org.jsoup.nodes.Element p = page(result, "r").selectFirst(".tei-text p");
    assertEquals("Written in summer 1889 (1889-09-08), printed at https://example.org/print.", p.text());
    assertEquals("https://example.org/print", p.selectFirst("a[href^=https]").text());
    assertTrue(pdf(result, "r").contains(RealWorldTeiTest.flat("Written in summer 1889 (1889-09-08), printed at https://example.org/print.")),
        pdf(result, "r"));
  }

  /**
   * A note of paragraphs inside a footnote's text (the TEI's own test nests them, through a
   * floating text): it runs on in brackets in the footnote; FOP refused the PDF (a block in a line
   * of a footnote).
   */
  @Test
  void aNoteOfParagraphsInsideAFootnotePrints() throws Exception {
    Builder.Result result = build(Map.of("n.xml", tei("en", "<p>Born digital.</p>",
        "<p>The text<note place=\"foot\"><p>Outer note <note><p>inner one</p><p>inner two</p></note> more.</p></note> ends.</p>")), "pdf");
    RealWorldTeiTest.PdfText pdf = RealWorldTeiTest.pdfText(result.out().resolve(result.layout().documentPdf("n")));
    // (a page of one short paragraph: its footnote has the most words, so the check of sizes takes all for the body)
    String text = pdf.main() + pdf.feet();
    assertTrue(text.contains("Thetext1ends."), text);
    assertTrue(text.contains("1Outernote[2:inneroneinnertwo]more."), text);
  }

  /**
   * Verse lines in a heading (the TEI's detest.xml) and in a seg of a paragraph (the Genji
   * edition's poems): HTML allows no block in a heading or a span, and the pages were invalid.
   * The lines are spans set as blocks in the heading, and the seg a div.
   */
  @Test
  void blocksWhereHtmlAllowsOnlyPhrasesStayValid() throws Exception {
    Builder.Result result = build(Map.of("v.xml", tei("en", "<p>Born digital.</p>",
        "<div><head><lg><l>Bent double,</l><l>like old beggars</l></lg></head><p>Prose.</p></div>"
            + "<p>A poem: <seg>in a seg <lg><l>first line</l><l>second line</l></lg> after</seg> ends.</p>")), "html", "epub");
    Element text = page(result, "v").selectFirst(".tei-text");
    assertEquals(List.of(), text.select("h1 div, h2 div, h3 div, h1 p, h2 p, h3 p, span div, span p").eachAttr("class"), text.outerHtml());
    assertEquals(List.of("Bent double,", "like old beggars"), text.select(".tei-head .tei-l.as-block").eachText());
    assertEquals("in a seg first line second line after", text.selectFirst("div.tei-seg").text());
    Document xhtml = Jsoup.parse(chapter(result, "v"));
    assertEquals(List.of(), xhtml.select("h1 div, h2 div, h3 div, span div, span p").eachAttr("class"), xhtml.outerHtml());
  }

  /**
   * Right-to-left text in print. FOP applies the bidirectional algorithm within a line: a Hebrew
   * phrase in an English paragraph (and title, and citation, and a table cell; also at a line's
   * start) reads right, and prints. But every paragraph is set left to right, so a paragraph in
   * Hebrew (its language, as the web page's dir says) would be aligned left with its final full
   * stop at the wrong end, and FOP does not join Arabic letters (the text layer still reads in
   * order, so no word check sees either): such a PDF is refused with the first character named at
   * its paragraph's place, as one with characters the fonts lack is.
   */
  @Test
  void rightToLeftTextIsRefusedInPrintWhereFopWouldSetItWrong() throws Exception {
    org.editio.EditioException refused = org.junit.jupiter.api.Assertions.assertThrows(org.editio.EditioException.class,
        () -> build("ar", Map.of("a.xml", tei("ar", "<p>Source.</p>", "<p>بلغت بغداد في الحضارة أعلى درجاتها.</p>")), "pdf"));
    assertEquals(1, refused.problems().size(), refused.problems().toString());
    org.editio.Problem problem = refused.problems().get(0);
    assertTrue(problem.message().startsWith("a.pdf: the PDF cannot join Arabic letters, first \"ب\" (U+0628 ARABIC LETTER BEH) (ARABIC)"),
        problem.message());
    assertEquals(1, problem.line());
    assertTrue(problem.toString().contains("a.xml:1:"), problem.toString());

    org.editio.EditioException paragraph = org.junit.jupiter.api.Assertions.assertThrows(org.editio.EditioException.class,
        () -> build("he", Map.of("e.xml", tei("en", "<p>Source.</p>",
            "<p>The word <foreign xml:lang=\"he\">שלום</foreign>.</p>\n<p xml:lang=\"he\">שלום עליכם, חברים.</p>")), "pdf"));
    assertEquals(1, paragraph.problems().size(), paragraph.problems().toString());
    assertTrue(paragraph.problems().get(0).message().contains("cannot set a paragraph of right-to-left text, first \"ש\" (U+05E9 HEBREW LETTER SHIN) (HEBREW)"),
        paragraph.problems().toString());
    assertEquals(2, paragraph.problems().get(0).line(), "the line of the Hebrew paragraph, not of the Hebrew word before it");

    // English text whose lines, title and a table cell begin with Hebrew: set left to right, and right
    Builder.Result phrase = build("phrase", Map.of("p.xml", tei("en", "<p>Source.</p>",
        "<p>The greeting <foreign xml:lang=\"he\">שלום עליכם</foreign> means peace be upon you.</p>"
        + "<p><foreign xml:lang=\"he\">שלום</foreign>: peace, in a glossary.</p>"
        + "<table><row><cell>word</cell><cell><foreign xml:lang=\"he\">שלום</foreign></cell></row></table>")
        .replace("<title>A text</title>", "<title>שלום: a greeting</title>")), "pdf");
    try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(
        phrase.out().resolve(phrase.layout().documentPdf("p")).toFile())) {
      String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
      assertTrue(text.contains("The greeting שלום עליכם means peace be upon you."),
          "a Hebrew phrase in an English line prints, its words in reading order: " + text);
    }
  }
}
