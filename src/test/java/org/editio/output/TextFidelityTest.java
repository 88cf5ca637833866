package org.editio.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipFile;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.editio.build.Builder;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The text of valid, realistic TEI read back from every output with its spaces (review 9c): the
 * "nothing lost" tests compare texts without whitespace, so a word split by a space ("organi z
 * ation") or two words glued ("Book withbroken titles") passed them. Here the words are compared
 * as a reader sees them: the page's text without what editio generates (.gen) and without the
 * reading the page hides (.original), the e-book's chapter, the PDF's text as PDFBox reads it.
 */
@Tag("slow")
class TextFidelityTest {

  @TempDir Path dir;

  static String tei(String title, String body) {
    return "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xml:lang=\"en\">"
        + "<teiHeader><fileDesc><titleStmt><title>" + title + "</title></titleStmt>"
        + "<publicationStmt><p>Test.</p></publicationStmt><sourceDesc>"
        + "<listWit><witness xml:id=\"A\">A</witness><witness xml:id=\"B\">B</witness></listWit>"
        + "</sourceDesc></fileDesc></teiHeader>"
        + "<text><body>" + body + "</body></text></TEI>";
  }

  Builder.Result build(Map<String, String> files, String... formats) throws Exception {
    Path in = dir.resolve("edition");
    Files.createDirectories(in);
    for (Map.Entry<String, String> f : files.entrySet()) {
      Files.writeString(in.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
    }
    return new Builder().build(in, dir.resolve("out"), formats);
  }

  static Document page(Builder.Result result, String id) throws Exception {
    return Jsoup.parse(result.out().resolve(result.layout().documentPage(id)).toFile(), "UTF-8");
  }

  /** What a reader reads of an element of a page: its text without editio's marks and the hidden readings of a choice. */
  static String read(Element e) {
    Element copy = e.clone();
    copy.select(".gen, .original, .alternatives").remove();
    return copy.text();
  }

  static Document chapter(Builder.Result result, String id) throws Exception {
    try (ZipFile zip = new ZipFile(result.out().resolve(result.layout().epub()).toFile())) {
      return Jsoup.parse(new String(zip.getInputStream(zip.getEntry(result.layout().epubDocument(id))).readAllBytes(),
          StandardCharsets.UTF_8));
    }
  }

  /** The PDF's text as PDFBox reads it (spaces where the glyphs leave a gap), whitespace normalised. */
  static String pdf(Path file) throws Exception {
    try (PDDocument doc = Loader.loadPDF(file.toFile())) {
      return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
    }
  }

  /**
   * Indentation inside a choice, subst or app (as oXygen's "Format and indent" writes them) is no
   * text: it split the word the element stands in, "organi z ation" on the page and "re a e d"
   * in every output.
   */
  @Test
  void indentationInsideElementOnlyContainersIsNoText() throws Exception {
    String body = "<p>W1 organi<choice>\n          <sic>s</sic>\n          <corr>z</corr>\n        </choice>ation and real<app>\n"
        + "          <lem wit=\"#A\">i</lem>\n          <rdg wit=\"#B\">y</rdg>\n        </app>ty and re<subst>\n"
        + "          <del>a</del>\n          <add>e</add>\n        </subst>d.</p>";
    Builder.Result result = build(Map.of("ws.xml", tei("Indented", body)), "html", "pdf", "epub");

    Element p = page(result, "ws").selectFirst(".tei-text p");
    assertEquals("W1 organization and reality and reaed.", read(p), p.outerHtml());
    // the source's reading, shown by the reading switch, is one letter too
    assertEquals("s", p.selectFirst(".original").text());
    assertEquals("", p.selectFirst(".tei-choice").textNodes().stream().map(t -> t.text()).reduce("", String::concat),
        "no text between the readings: " + p.outerHtml());

    Element q = chapter(result, "ws").selectFirst(".tei-text p");
    assertEquals("W1 organization and reality and reaed.", read(q), q.outerHtml());
    assertEquals("[source: s]", q.selectFirst(".original").text(), q.outerHtml());

    String text = pdf(result.out().resolve(result.layout().documentPdf("ws")));
    assertTrue(text.contains("W1 organiz [source: s]ation and reali"), text);
    assertTrue(text.contains(" and reaed."), text);
    assertFalse(text.contains("re a e d"), text);
  }

  /**
   * Titles, contents entries, pointer labels and metadata read an element as its text reads it
   * (f:reading-text): a line break is a space, a word broken over a line one word, a choice its
   * edited reading. Before, the build said "Book withbroken titles" and the contents listed
   * "ErstesKapitel" and "Viertes KapitlViertes Kapitel".
   */
  @Test
  void titlesAndContentsReadBreaksAndChoicesAsTheTextDoes() throws Exception {
    String doc = tei("Book with<lb/>broken titles",
        "<div><head>Erstes<lb/>Kapitel</head><p>Text eins, siehe <ptr target=\"#d2\"/>.</p></div>"
            + "<div xml:id=\"d2\"><head>Zweites<lb/>Kapitel<note>Eine Anmerkung.</note></head><p>Text zwei.</p></div>"
            + "<div><head>Drittes Ka<lb break=\"no\"/>\n  pitel</head><p>Text drei.</p></div>"
            + "<div><head><choice><sic>Viertes Kapitl</sic><corr>Viertes Kapitel</corr></choice></head><p>Text vier.</p></div>"
            + "<div><head><app><lem wit=\"#A\">Fünftes</lem><rdg wit=\"#B\">Sechstes</rdg></app> Kapitel</head><p>Text fünf.</p></div>");
    Builder.Result result = build(Map.of("hl.xml", doc), "html", "pdf", "epub");
    java.util.List<String> contents = java.util.List.of("Erstes Kapitel", "Zweites Kapitel", "Drittes Kapitel", "Viertes Kapitel", "Fünftes Kapitel");

    Document page = page(result, "hl");
    assertTrue(page.title().startsWith("Book with broken titles"), page.title());
    assertEquals(contents, page.select("nav.contents a").eachText());
    assertEquals("Text eins, siehe Zweites Kapitel.", read(page.selectFirst(".tei-text p")));

    Document nav;
    String opf;
    try (ZipFile zip = new ZipFile(result.out().resolve(result.layout().epub()).toFile())) {
      opf = new String(zip.getInputStream(zip.getEntry("EPUB/package.opf")).readAllBytes(), StandardCharsets.UTF_8);
      nav = Jsoup.parse(new String(zip.getInputStream(zip.getEntry("EPUB/nav.xhtml")).readAllBytes(), StandardCharsets.UTF_8));
    }
    assertTrue(opf.contains(">Book with broken titles</dc:title>"), opf);
    assertTrue(nav.text().contains("1. Book with broken titles"), nav.text());
    assertEquals(contents, chapter(result, "hl").select("nav.contents a, .contents a").eachText().stream().distinct().toList());

    Path pdf = result.out().resolve(result.layout().documentPdf("hl"));
    try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
      assertEquals("Book with broken titles", d.getDocumentInformation().getTitle());
    }
    String text = pdf(pdf);
    assertTrue(text.contains("Contents Erstes Kapitel 1 Zweites Kapitel 1 Drittes Kapitel 1 Viertes Kapitel 1 Fünftes Kapitel 1"), text);
    assertFalse(text.contains("KapitlViertes"), text);
  }

  /**
   * Only sic, orig and abbr are the source's readings; a second corr, or the second of two
   * unclear readings, is another reading of the editors'. Before, every reading but the shown
   * one was labelled "source" ("receive [source: recieve] [source: relieve]", "bad [source: bed]")
   * and the page's source view read "recieverelieve".
   */
  @Test
  void onlySicOrigAndAbbrAreTheSourcesReadings() throws Exception {
    String body = "<p>C1 The word is <choice><unclear cert=\"medium\">bad</unclear><unclear cert=\"low\">bed</unclear></choice> here.</p>"
        + "<p>C2 He <choice><sic>recieve</sic><corr cert=\"high\">receive</corr><corr cert=\"low\">relieve</corr></choice> it.</p>"
        + "<p>C3 <choice><orig>colour</orig><reg>color</reg><reg>colur</reg></choice> and <choice><abbr>Dr</abbr><expan>Doctor</expan></choice>.</p>";
    Builder.Result result = build(Map.of("ch.xml", tei("Choices", body)), "html", "pdf", "epub");

    java.util.List<Element> ps = page(result, "ch").select(".tei-text p");
    assertEquals(java.util.List.of("C1 The word is bad here.", "C2 He receive it.", "C3 color and Doctor."), ps.stream().map(TextFidelityTest::read).toList());
    // the source's readings: one per choice that has one, labelled "source"; the others labelled "other reading"
    assertEquals(java.util.List.of("recieve", "colour", "Dr"), ps.stream().flatMap(p -> p.select(".original").stream()).map(Element::text).toList());
    assertTrue(ps.stream().flatMap(p -> p.select(".original").stream()).allMatch(e -> e.attr("data-label").equals("source")));
    assertEquals(java.util.List.of("bed", "relieve", "colur"), ps.stream().flatMap(p -> p.select(".alternative").stream()).map(Element::text).toList());
    assertEquals("other reading", ps.get(1).selectFirst(".alternatives").attr("data-label"));
    // the source view: the source's reading in place of the shown one where the choice has one
    java.util.List<String> source = ps.stream().map(p -> {
      Element copy = p.clone();
      copy.select(".gen, .alternatives, .has-source > .reading").remove();
      return copy.text();
    }).toList();
    assertEquals(java.util.List.of("C1 The word is bad here.", "C2 He recieve it.", "C3 colour and Dr."), source);

    assertEquals(java.util.List.of("C1 The word is bad [other reading: bed] here.",
        "C2 He receive [source: recieve] [other reading: relieve] it.",
        "C3 color [source: colour] [other reading: colur] and Doctor [source: Dr]."),
        chapter(result, "ch").select(".tei-text p").eachText());

    String text = pdf(result.out().resolve(result.layout().documentPdf("ch")));
    assertTrue(text.contains("C1 The word is bad [other reading: bed] here."), text);
    assertTrue(text.contains("C2 He receive [source: recieve; other reading: relieve] it."), text);
    assertTrue(text.contains("C3 color [colour; other reading: colur] and Doctor [Dr]."), text);
  }

  /**
   * An empty g (the Guidelines' way of writing a non-standard character) prints the character its
   * charDecl maps it to, the standard mapping first; a declaration without a mapping leaves a
   * visible sign and a warning at the g. Before, "Wo<g ref="#rrot"/>t" printed "Wot" in every
   * output, without a word.
   */
  @Test
  void anEmptyGlyphPrintsItsMapping() throws Exception {
    String doc = tei("Glyphs", "<p>Wo<g ref=\"#rrot\"/>t, Wo<g ref=\"#rrot\">r</g>t, Fa<g ref=\"#ct\"/>um, Zeichen <g ref=\"#nomap\"/> ohne.</p>")
        .replace("</fileDesc>", "</fileDesc><encodingDesc><charDecl>"
            + "<char xml:id=\"rrot\"><desc>LATIN SMALL LETTER R ROTUNDA</desc><mapping type=\"PUA\">\uA75B</mapping><mapping type=\"standard\">r</mapping></char>"
            + "<glyph xml:id=\"ct\"><desc>LATIN SMALL LIGATURE CT</desc><mapping>ct</mapping></glyph>"
            + "<char xml:id=\"nomap\"><desc>A SIGN WITHOUT MAPPING</desc></char></charDecl></encodingDesc>");
    Builder.Result result = build(Map.of("g.xml", doc), "html", "pdf", "epub");

    Element p = page(result, "g").selectFirst(".tei-text p");
    assertEquals("Wort, Wort, Factum, Zeichen ohne.", read(p), p.outerHtml());
    Element sign = p.selectFirst(".tei-g.gen");
    assertEquals("\u25CA", sign.text());
    assertEquals("character without mapping: A SIGN WITHOUT MAPPING", sign.attr("title"));
    assertEquals("Wort, Wort, Factum, Zeichen \u25CA ohne.", chapter(result, "g").selectFirst(".tei-text p").text());
    String text = pdf(result.out().resolve(result.layout().documentPdf("g")));
    assertTrue(text.contains("Wort, Wort, Factum, Zeichen \u25CA ohne."), text);

    java.util.List<org.editio.Problem> warnings = result.warnings().stream().filter(w -> "glyph-mapping".equals(w.rule())).toList();
    assertEquals(1, warnings.size(), result.warnings().toString());
    assertTrue(warnings.get(0).message().contains("the char 'nomap' it points to has no mapping"), warnings.get(0).message());
    assertTrue(warnings.get(0).line() == 1 && warnings.get(0).column() > 0, "located at the g: " + warnings.get(0));
  }

  /**
   * An index entry's terms are not words of the sentence, a deletion written as a span (delSpan to
   * its anchor, here across two paragraphs) is deleted, an addSpan added, and a cancelled deletion
   * (restore) is not struck. Before: "An index termINDEX-TERM here" in every output, the span's
   * text plain, "RESTORED" struck through.
   */
  @Test
  void indexEntriesSpansAndRestoredDeletions() throws Exception {
    String body = "<p>M1 An index term<index indexName=\"subjects\"><term>INDEX-TERM</term></index> here.</p>"
        + "<p>M2 Start <delSpan spanTo=\"#ds1\"/>DELETED <hi rend=\"italic\">SPAN</hi> words</p><p>M3 still deleted<anchor xml:id=\"ds1\"/> kept"
        + " and <addSpan spanTo=\"#as1\"/>ADDED-SPAN<anchor xml:id=\"as1\"/> end.</p>"
        + "<p>M4 <del><restore>RESTORED</restore></del>, <restore><del>ALSO</del></restore>, <del>GONE</del>.</p>";
    Builder.Result result = build(Map.of("m.xml", tei("Genetic", body)), "html", "pdf", "epub");

    for (Document doc : java.util.List.of(page(result, "m"), chapter(result, "m"))) {
      Element text = doc.selectFirst(".tei-text");
      assertEquals(java.util.List.of("M1 An index term here.", "M2 Start DELETED SPAN words", "M3 still deleted kept and ADDED-SPAN end.",
          "M4 RESTORED, ALSO, GONE."), text.select("p").stream().map(TextFidelityTest::read).toList());
      assertEquals(java.util.List.of("DELETED", "SPAN", "words", "M3 still deleted", "GONE"), text.select("del").eachText(), text.outerHtml());
      assertEquals(java.util.List.of("ADDED-SPAN"), text.select(".tei-add").eachText());
      assertEquals("SPAN", text.selectFirst("del em, em del").text(), "the span's italic word is deleted and italic");
    }
    String pdf = pdf(result.out().resolve(result.layout().documentPdf("m")));
    assertTrue(pdf.contains("M1 An index term here."), pdf);
    assertFalse(pdf.contains("INDEX-TERM"), pdf);
  }

  /**
   * A note in an apparatus entry's lemma is printed once, as a note of the text; an entry inside a
   * lemma puts only its lemma into the text, its readings into the outer entry's apparatus. Before,
   * NOTE-IN-LEM was a footnote and again "(NOTE-IN-LEM)" in the entry, and the text read
   * "lem inner [INNER-RDG B] rest".
   */
  @Test
  void aLemmasNoteIsPrintedOnceAndANestedEntrysReadingsStayInTheApparatus() throws Exception {
    String body = "<p>R1 <app><lem wit=\"#A\">lemma<note>NOTE-IN-LEM</note></lem><rdg wit=\"#B\">reading<note>NOTE-IN-RDG</note></rdg></app> text.</p>"
        + "<p>R6 <app><lem>lem <app><lem>inner</lem><rdg wit=\"#B\">INNER-RDG</rdg></app> rest</lem><rdg wit=\"#B\">OUTER-RDG</rdg></app> end.</p>";
    Builder.Result result = build(Map.of("n.xml", tei("Apparatus", body)), "html", "pdf", "epub");

    for (Document doc : java.util.List.of(page(result, "n"), chapter(result, "n"))) {
      assertEquals(java.util.List.of("R1 lemma text.", "R6 lem inner rest end."),
          doc.select(".tei-text p").stream().map(TextFidelityTest::read).toList());
      String all = doc.body().text();
      assertEquals(1, all.split("NOTE-IN-LEM", -1).length - 1, all);
      assertEquals(1, all.split("INNER-RDG", -1).length - 1, all);
      assertTrue(all.contains("lemma A] reading (NOTE-IN-RDG) B"), all);
      assertTrue(all.contains("lem inner [INNER-RDG B] rest] OUTER-RDG B"), all);
    }
    String pdf = pdf(result.out().resolve(result.layout().documentPdf("n")));
    assertTrue(pdf.contains("R1 lemma"), pdf);
    assertTrue(pdf.contains("R6 lem inner rest"), pdf);
    assertEquals(1, pdf.split("NOTE-IN-LEM", -1).length - 1, pdf);
    assertEquals(1, pdf.split("INNER-RDG", -1).length - 1, pdf);
  }

  /** An empty sic (the word the editors supply is not in the source) says so: it printed "the [source: ]". */
  @Test
  void anEmptySourceReadingSaysTheSourceHasNothing() throws Exception {
    Builder.Result result = build(Map.of("e.xml", tei("Omitted", "<p>C3 A missing word: <choice><sic/><corr>the</corr></choice> end.</p>")),
        "html", "pdf", "epub");
    Element p = page(result, "e").selectFirst(".tei-text p");
    assertEquals("C3 A missing word: the end.", read(p));
    assertEquals("not in the source", p.selectFirst(".original").attr("data-label"));
    assertEquals("C3 A missing word: the [not in the source] end.", chapter(result, "e").selectFirst(".tei-text p").text());
    String pdf = pdf(result.out().resolve(result.layout().documentPdf("e")));
    assertTrue(pdf.contains("C3 A missing word: the [not in the source] end."), pdf);
  }

  /**
   * A gap's extent stands in its sign in every output ("[… 3 words]"; before, only the page's
   * tooltip had it), and the e-book says whose a note is, as the page and the PDF do ("Note in the
   * source"; before, the e-book's note read as anyone's).
   */
  @Test
  void aGapsExtentAndANotesKindReachEveryOutput() throws Exception {
    String body = "<p>P6 then <gap reason=\"illegible\" quantity=\"3\" unit=\"words\"/> and <gap reason=\"damage\" extent=\"two lines\"/>"
        + " and <gap/>.<note type=\"source\" n=\"1\">A note of the source.</note></p>";
    Builder.Result result = build(Map.of("gn.xml", tei("Gaps", body)), "html", "pdf", "epub");
    Document page = page(result, "gn");
    assertEquals("P6 then [… 3 words] and [… two lines] and […].", page.selectFirst(".tei-text p").text().replaceAll("1$", ""));
    assertEquals("illegible, 3 words", page.selectFirst(".tei-gap").attr("title"));
    Document chapter = chapter(result, "gn");
    assertEquals("P6 then [… 3 words] and [… two lines] and […].1", chapter.selectFirst(".tei-text p").text());
    assertEquals("Note in the source", chapter.selectFirst("aside.note .note-kind").text());
    String pdf = pdf(result.out().resolve(result.layout().documentPdf("gn")));
    assertTrue(pdf.contains("P6 then [… 3 words] and [… two lines] and […]."), pdf);
  }

  /**
   * A list whose items carry the source's numbers (item/@n) shows them on the page and in the
   * e-book, as print does ("iv. four", then editio's "2."); the browser's numbering printed
   * "1. four 2. five", losing the source's number.
   */
  @Test
  void aListKeepsTheSourcesItemNumbers() throws Exception {
    String body = "<list rend=\"numbered\"><item n=\"iv\">four</item><item>five</item></list>";
    Builder.Result result = build(Map.of("l.xml", tei("List", body)), "html", "pdf", "epub");
    assertEquals(java.util.List.of("iv. four", "2. five"), page(result, "l").select(".tei-text li").eachText());
    assertEquals(java.util.List.of("iv. four", "2. five"), chapter(result, "l").select(".tei-text li").eachText());
    String pdf = pdf(result.out().resolve(result.layout().documentPdf("l")));
    assertTrue(pdf.contains("iv. four 2. five"), pdf);
  }

  /**
   * A quotation whose source's marks the transcriber kept is not marked again, and TEI Simple's
   * rend="pre(«) post(»)" gives its marks: before, "““already marked””" and “guillemets”.
   */
  @Test
  void aQuotationIsMarkedOnce() throws Exception {
    String body = "<p>Q1 He said <q>hello</q> and <q>“already marked”</q> and <q rend=\"pre(«)post(»)\">guillemets</q>.</p>";
    Builder.Result result = build(Map.of("q.xml", tei("Quotes", body)), "html", "pdf", "epub");
    String expected = "Q1 He said “hello” and “already marked” and «guillemets».";
    assertEquals(expected, page(result, "q").selectFirst(".tei-text p").text());
    assertEquals(expected, chapter(result, "q").selectFirst(".tei-text p").text());
    String pdf = pdf(result.out().resolve(result.layout().documentPdf("q")));
    assertTrue(pdf.contains(expected), pdf);
  }

  /** A role and its description read "HAMLET, Prinz": the space printed between a cast item's parts stood before the comma. */
  @Test
  void aRolesDescriptionFollowsItsCommaWithoutASpaceBefore() throws Exception {
    String body = "<div><castList><castItem><role>HAMLET</role><roleDesc>Prinz</roleDesc></castItem>"
        + "<castItem><role>OPHELIA</role></castItem></castList></div>";
    Builder.Result result = build(Map.of("c.xml", tei("Cast", body)), "html", "pdf", "epub");
    assertEquals("HAMLET, Prinz", page(result, "c").selectFirst(".tei-castItem").text());
    assertEquals("HAMLET, Prinz", chapter(result, "c").selectFirst(".tei-castItem").text());
    String pdf = pdf(result.out().resolve(result.layout().documentPdf("c")));
    assertTrue(pdf.contains("HAMLET, Prinz"), pdf);
  }

  /**
   * C1 control characters in the text (valid XML, usually Windows-1252 mis-decoded in a converted
   * file) are warned about at their element, naming the character they probably were: the page
   * shows "–" for U+0096 (HTML maps the reference to Windows-1252), so the outputs disagree with
   * the TEI without a word.
   */
  @Test
  void controlCharactersAreWarnedAboutWhereTheyStand() throws Exception {
    Builder.Result result = build(Map.of("c1.xml", tei("Controls", "<p>Tab\tchar.</p>\n<p>Dash&#x96;here, euro&#x80;sign.</p>")), "html");
    java.util.List<org.editio.Problem> warnings = result.warnings().stream().filter(w -> "control-character".equals(w.rule())).toList();
    assertEquals(1, warnings.size(), result.warnings().toString());
    assertEquals(2, warnings.get(0).line(), warnings.get(0).toString());
    assertTrue(warnings.get(0).message().startsWith("control character U+0096 (probably '\u2013'), U+0080 (probably '\u20AC') in the text"),
        warnings.get(0).message());
  }
}
