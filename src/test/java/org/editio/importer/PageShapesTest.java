package org.editio.importer;

import static org.editio.importer.ImporterTest.eval;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import net.sf.saxon.s9api.XdmNode;
import org.editio.Problem;
import org.editio.TestFiles;
import org.editio.xml.Xml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What each page shape of issues 17 and 18 becomes in detail (the encoding of editorial dates,
 * publication lines, citations, dot lines, cut-off pages, documents without a heading), and the
 * importer's guarantees enforced in code: the word check that refuses a page whose TEI would
 * lose text, the check in the edition before writing, and pages written whole or not at all.
 */
class PageShapesTest {

  static final Path PAGES = ImportedPagesTest.PAGES;
  static final Xml XML = ImportedPagesTest.XML;

  @TempDir Path dir;

  Path edition;

  List<XdmNode> load(String page, String url) throws Exception {
    edition = ImportedPagesTest.edition(Files.createDirectories(dir.resolve("edition-" + page.replaceAll("\\W", "_"))));
    Importer.Result r = ImportedPagesTest.importInto(edition, PAGES.resolve(page), url);
    assertFalse(r.hasErrors(), r.problems().toString());
    List<XdmNode> docs = new ArrayList<>();
    for (Path f : r.written()) {
      docs.add(XML.parse(f));
    }
    return docs;
  }

  /** The 1-based line of the page file on which {@code text} first stands. */
  static int lineOf(String page, String text) throws Exception {
    List<String> lines = ImportedPagesTest.pageLines(PAGES.resolve(page));
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i + 1;
      }
    }
    throw new AssertionError(text + " not in " + page);
  }

  @Test
  void aTitleOverThreeLinesWithoutDateLineIsItsOwnDocumentAndKeepsEveryCharacter() throws Exception {
    Path page = PAGES.resolve("title-three-lines-undated.htm");
    edition = ImportedPagesTest.edition(Files.createDirectories(dir.resolve("e")));
    Importer.Result r = ImportedPagesTest.importInto(edition, page, null);
    XdmNode second = XML.parse(r.written().get(1));
    assertEquals(ImportedPagesTest.CHICHERIN_2, eval(second, "//tei:head"), "the three lines are the heading, joined");
    assertEquals("Mr. Minister,", eval(second, "(//tei:body//tei:p)[1]"), "the salutation is text, not the title");
    assertTrue(eval(second, "//tei:p").contains("Sarıkamış"), "non-ASCII characters arrive");
    assertEquals("The page prints no date for this document. The editors date it between 1 January 1921 and 31 December 1921,"
        + " by the year of the other date on the same page (13 May 1921).", eval(second, "//tei:dateline/tei:note"));
    assertEquals("low|conjecture", eval(second, "//tei:dateline/tei:date/(@cert, @evidence)"));
    assertEquals("", eval(second, "//tei:dateline/tei:date"), "the editors' date adds no text to the page's");
    // the warning stands at the title's first line on the page and names the document
    Problem w = r.problems().stream().filter(p -> p.message().contains("d1921-undated-chicherin")).findFirst().orElseThrow();
    assertEquals(lineOf("title-three-lines-undated.htm", "RSFSR G. V.<o:p>"), w.line());
    assertEquals(Problem.Severity.WARNING, w.severity());
  }

  @Test
  void aDateOnlyInTheHeadingIsTheEditorsDatelineAndSaysSo() throws Exception {
    XdmNode doc = load("heading-date-range.htm", null).get(0);
    assertEquals(ImportedPagesTest.LITVINOV_ANTONESCU, eval(doc, "//tei:head"), "the heading keeps its date as printed");
    assertEquals("seg|dateline", eval(doc, "//tei:opener/* ! local-name()"), "the classification first, as on the page");
    assertEquals("1937-07-15|1937-07-17|../edition.xml#editors|high|internal",
        eval(doc, "//tei:dateline/tei:date/(@from, @to, @resp, @cert, @evidence)"));
    assertEquals("The document has no date line; its date is taken from its heading (\"July 15‐17, 1937\").",
        eval(doc, "//tei:dateline/tei:note"));
    assertEquals("https://marxistleninists.org/Soviet%20Archives/Foreign%20Policy/july%2015-17%201937%20record%20of%20talks.htm",
        eval(doc, "//tei:bibl[@type='web-page']/tei:ref/@target"));
  }

  @Test
  void aDateOnlyInThePercentEncodedAddressIsTakenFromIt() throws Exception {
    XdmNode doc = load("june%2030%201937%20conversation.txt", null).get(0);
    assertEquals("1937-06-30|medium|external", eval(doc, "//tei:dateline/tei:date/(@when, @cert, @evidence)"));
    assertTrue(eval(doc, "//tei:dateline/tei:note").contains("the address of the archive page (\"june 30 1937 conversation.txt\")"));
  }

  @Test
  void documentsThatOpenWithTheirDatesAreSeparateDocuments() throws Exception {
    List<XdmNode> docs = load("dated-openings-series.txt", null);
    assertEquals(3, docs.size());
    XdmNode first = docs.get(0);
    assertEquals(ImportedPagesTest.SERIES, eval(first, "//tei:head"));
    // the date a text opens with is its date line, as printed, run in: not the editors'
    assertEquals("March 18, 1938.", eval(first, "//tei:dateline"));
    assertEquals("", eval(first, "//tei:dateline/tei:date/@resp"));
    assertTrue(eval(first, "(//tei:body//tei:p)[1]").startsWith("The minister asked me"));
    XdmNode second = docs.get(1);
    assertEquals("0", eval(second, "count(//tei:head)"), "the page gives the second telegram no heading");
    assertEquals("editorial", eval(second, "//tei:titleStmt/tei:title/@type"), "the header's title is the editors'");
    assertEquals("April 30, 1938.", eval(second, "//tei:dateline"));
    assertEquals("../edition.xml#type-telegram", eval(second, "//tei:catRef/@target"), "the type from the series heading");
    assertEquals("Terentyev", eval(second, "//tei:signed"));
    assertTrue(eval(second, "//tei:bibl[@type='web-page']").endsWith("dated-openings-series.txt, document 2 on the page."));
  }

  @Test
  void aPageCutMidWordEndsWithTheGapNotWithASignature() throws Exception {
    for (String page : new String[] {"cut-mid-word.txt", "cut-mid-word.htm"}) {
      XdmNode doc = load(page, null).get(0);
      assertEquals("d1940-11-04-telegram", eval(doc, "/*/@xml:id"), page + ": the fragment is not the id");
      assertEquals("0", eval(doc, "count(//tei:closer | //tei:signed | //tei:correspAction[@type='sent']/tei:persName)"), page + ": no signature");
      assertEquals(page.endsWith(".txt") ? "The a" : "Ribbentropʹs promis", eval(doc, "(//tei:body//tei:p)[last()]"));
      assertEquals("p|gap|note", eval(doc, "//tei:div/*[position() >= last() - 2] ! local-name()"), page);
      assertEquals("source-incomplete", eval(doc, "//tei:div/tei:gap/@reason"));
      assertEquals("editorial", eval(doc, "//tei:div/tei:note[last()]/@type"));
    }
  }

  @Test
  void aPublicationLineBelongsToItsDocument() throws Exception {
    XdmNode dated = load("publication-line.txt", null).get(0);
    assertEquals("(Tass) No. 165 (6 327), July 16, 1937", eval(dated, "//tei:closer/tei:seg[@type='publication']"));
    assertEquals("(Tass) No. 165 (6 327), July 16, 1937", eval(dated, "//tei:sourceDesc/tei:bibl[@type='publication']"));
    assertEquals("1937-07-15", eval(dated, "//tei:dateline/tei:date/@when"), "its own date line dates it");
    List<XdmNode> html = load("publication-line.htm", null);
    assertEquals(1, html.size(), "no document titled \"(Tass)\"");
    XdmNode doc = html.get(0);
    assertEquals("(Tass)|No. 165 (6 327), July 16, 1937", eval(doc, "//tei:closer/tei:seg[@type='publication']/text()"));
    assertEquals("1", eval(doc, "count(//tei:closer/tei:seg/tei:lb)"), "its two lines, as printed");
    assertEquals("1937-07-16|medium|internal", eval(doc, "//tei:dateline/tei:date/(@when, @cert, @evidence)"),
        "without a date line, the publication dates it");
    // under the heading, it is part of the opener, before the editors' dateline it gives
    XdmNode under = load("publication-line-under-heading.txt", null).get(0);
    assertEquals("seg|dateline", eval(under, "//tei:opener/* ! local-name()"));
    assertEquals("(Tass) No. 165 (6 327), July 16, 1937", eval(under, "//tei:opener/tei:seg[@type='publication']"));
  }

  @Test
  void theYearOfAPercentEncodedAddressGivenWithUrlDatesAMangledDateLine() throws Exception {
    String url = ImportedPagesTest.BASE + "august%2010%201941.htm";
    XdmNode doc = load("bracketed-date.txt", url).get(0);
    assertEquals("[august 10/94 / y.]", eval(doc, "//tei:dateline/tei:date"), "the date as printed");
    assertEquals("1941-08-10|medium|external", eval(doc, "//tei:dateline/tei:date/(@when, @cert, @evidence)"));
    assertEquals("The year of the date line is illegible; it is taken from the page's address (august 10 1941.htm).",
        eval(doc, "//tei:dateline/tei:note"));
    assertEquals(url, eval(doc, "//tei:bibl[@type='web-page']/tei:ref/@target"));
    assertEquals("Publ .: Izvestia, August 13, 1941", eval(doc, "//tei:closer/tei:seg[@type='publication']"),
        "a publication reference with a date is not a date line");
  }

  @Test
  void aPageThatCannotBeDatedIsImportedUndatedAndFlagged() throws Exception {
    XdmNode doc = load("undatable.txt", null).get(0);
    assertEquals("dundated-aralov", eval(doc, "/*/@xml:id"));
    assertEquals("[march 3/21 / y.]", eval(doc, "//tei:dateline/tei:date"));
    assertEquals("1919-01-01|1941-12-31|low", eval(doc, "//tei:dateline/tei:date/(@notBefore, @notAfter, @cert)"));
    assertTrue(eval(doc, "//tei:dateline/tei:note").startsWith("The date line gives the day and month (\"[march 3/21 / y.]\")"
        + " but no legible year"), eval(doc, "//tei:dateline/tei:note"));
  }

  @Test
  void aGarbledOnForOpKeepsFondAndOpis() throws Exception {
    XdmNode doc = load("garbled-citation.txt", null).get(0);
    assertEquals("fond 094|opis 24|papka 122", eval(doc, "//tei:msIdentifier/tei:collection ! (@type || ' ' || @n)"));
    assertEquals("35", eval(doc, "//tei:msIdentifier/tei:idno[@type='delo']"));
    assertEquals("61‐63", eval(doc, "//tei:altIdentifier/tei:idno"));
    assertEquals("avp rf, f.094, on.24, p.122, d.35, l.61‐63", eval(doc, "//tei:msDesc/tei:p"), "the citation as printed");
    assertEquals("seg|dateline", eval(doc, "//tei:opener/* ! local-name()"), "the priority word before the date, as printed");
    assertEquals("../edition.xml#class-urgent", eval(doc, "//tei:catRef[contains(@scheme, 'classifications')]/@target"));
  }

  @Test
  void aMonthAndYearDateLineTakesTheDayTheHeadingGives() throws Exception {
    XdmNode doc = load("month-year-dateline.txt", null).get(0);
    assertEquals("February 1939", eval(doc, "//tei:dateline/tei:date"));
    assertEquals("1939-02-15|high|internal", eval(doc, "//tei:dateline/tei:date/(@when, @cert, @evidence)"));
    assertEquals("The date line gives the month only; the day is taken from the heading (\"February 15, 1939\").",
        eval(doc, "//tei:dateline/tei:note"));
  }

  @Test
  void dotLinesOfTwoAndFourDotsAreElisions() throws Exception {
    List<XdmNode> docs = load("dot-lines.txt", null);
    assertEquals("..|. . . .", eval(docs.get(0), "//tei:div/tei:gap[@reason='omitted']/tei:desc"));
    assertEquals("....", eval(docs.get(0), "//tei:closer/tei:gap[@reason='omitted']/tei:desc"), "the separator closes the first");
    assertEquals("0", eval(docs.get(1), "count(//tei:gap)"));
  }

  @Test
  void theAddressInAWordProcessorsSourceCommentIsTheSource() throws Exception {
    XdmNode doc = load("source-comment.htm", null).get(0);
    assertEquals(ImportedPagesTest.BASE + "december%2010%201940%20NKID.htm", eval(doc, "//tei:bibl[@type='web-page']/tei:ref/@target"));
    assertEquals("december 10 1940 NKID.htm", eval(doc, "//tei:bibl[@type='web-page']/tei:ref"));
  }

  // ------------------------------------------------------------------ guarantees enforced in code

  /** A TEI that lost a word of its page is refused, with the page's line of that word. */
  @Test
  void theWordCheckFindsLostTextAndSaysWhere() throws Exception {
    Path file = PAGES.resolve("dot-lines.txt");
    Page page = PageReader.readFile(file, null);
    PageParser.Result parsed = PageParser.parse(page);
    Dating.assign(parsed.documents(), page, parsed.span());
    List<XdmNode> whole = new ArrayList<>();
    List<XdmNode> damaged = new ArrayList<>();
    for (Draft d : parsed.documents()) {
      String id = Importer.baseId(d, page);
      String tei = new TeiBuilder(d, id, page, new ArrayList<>()).build();
      URI uri = dir.resolve(id + ".xml").toUri();
      whole.add(XML.parse(tei, uri));
      damaged.add(XML.parse(tei.replace("He did not say against whom.", "He did not say whom."), uri));
    }
    assertEquals(Optional.empty(), TextCheck.compare(page, parsed.bannerEnd(), whole, file));
    Problem p = TextCheck.compare(page, parsed.bannerEnd(), damaged, file).orElseThrow();
    assertTrue(p.isError());
    assertEquals(lineOf("dot-lines.txt", "He did not say against whom."), p.line());
    assertEquals("He did not say ".length() + 1, p.column(), "at the first word that differs");
    assertTrue(p.message().startsWith("the TEI made from this page does not hold the page's text: here the page has \"against whom."),
        p.message());
    // a document left out entirely is found too, at the first word it held
    Problem missing = TextCheck.compare(page, parsed.bannerEnd(), whole.subList(0, 1), file).orElseThrow();
    assertEquals(lineOf("dot-lines.txt", "Telegram of the NKID"), missing.line());
  }

  /** What would be invalid in the edition is not written: here, an edition whose list of document types lacks telegrams. */
  @Test
  void aDocumentThatWouldBeInvalidInItsEditionIsNotWritten() throws Exception {
    edition = ImportedPagesTest.edition(Files.createDirectories(dir.resolve("strict")));
    Path editionFile = edition.resolve("edition.xml");
    Files.writeString(editionFile, Files.readString(editionFile)
        .replace("<category xml:id=\"type-telegram\"><catDesc>telegram</catDesc></category>", ""));
    Importer.Result r = ImportedPagesTest.importInto(edition, PAGES.resolve("dot-lines.txt"), null);
    assertTrue(r.hasErrors());
    Problem p = r.problems().stream().filter(Problem::isError).findFirst().orElseThrow();
    assertTrue(p.file().endsWith("dot-lines.txt"), p.toString());
    assertEquals(lineOf("dot-lines.txt", "Telegram of the plenipotentiary"), p.line(), "at the document's first line on the page");
    assertTrue(p.message().contains("would not be valid in the edition") && p.message().contains("type-telegram"), p.message());
    assertTrue(r.problems().stream().anyMatch(x -> x.message().contains("[closed-list]")), "the editorial rule is reported too");
    assertEquals(List.of(), r.written());
    assertFalse(Files.exists(edition.resolve("documents")) && Files.list(edition.resolve("documents")).findAny().isPresent(),
        "nothing written for the page");
    // an edition without the schema the documents declare: refused the same way
    Path bare = Files.createDirectories(dir.resolve("bare"));
    Files.copy(TestFiles.EDITION.resolve("edition.xml"), bare.resolve("edition.xml"));
    Importer.Result r2 = ImportedPagesTest.importInto(bare, PAGES.resolve("dot-lines.txt"), null);
    assertTrue(r2.problems().stream().anyMatch(x -> x.isError() && x.message().contains("[schema-unavailable]")), r2.problems().toString());
    assertEquals(List.of(), r2.written());
  }

  /** A page whose documents cannot all be written is not written at all. */
  @Test
  void aPageIsWrittenWholeOrNotAtAll() throws Exception {
    List<XdmNode> docs = load("dot-lines.txt", null);
    assertEquals(2, docs.size());
    Path first = edition.resolve("documents/d1940-06-24-lavrentyev.xml");
    Path second = edition.resolve("documents/d1940-06-26-molotov.xml");
    Files.writeString(second, Files.readString(second).replace("Molotov</signed>", "Molotov (checked)</signed>"));
    Files.delete(first);
    Importer.Result r = ImportedPagesTest.importInto(edition, PAGES.resolve("dot-lines.txt"), null);
    assertTrue(r.problems().stream().anyMatch(p -> p.isError() && p.file().endsWith("d1940-06-26-molotov.xml")
        && p.message().contains("not overwritten")), r.problems().toString());
    assertTrue(r.problems().stream().anyMatch(p -> p.isError() && p.message().contains("imported whole or not at all")));
    assertFalse(Files.exists(first), "the page's other document is not written either");
    assertTrue(Files.readString(second).contains("(checked)"), "the editor's work is kept");
    try (Stream<Path> s = Files.list(edition.resolve("documents"))) {
      assertEquals(List.of("d1940-06-26-molotov.xml"), s.map(p -> p.getFileName().toString()).toList(), "no temporary files left");
    }
  }
}
