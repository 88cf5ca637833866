package org.editio.importer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XdmNode;
import org.editio.Problem;
import org.editio.TestFiles;
import org.editio.validate.Validator;
import org.editio.xml.Xml;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The importer on pages of every shape: the fields it extracts, where notes are anchored, and
 * that nothing of a page's text is lost (the words of the page equal the words of the TEI).
 */
class ImporterTest {

  static final Path PAGES = TestFiles.FIXTURES.resolve("pages");
  static final Path SEED_PAGE = TestFiles.SHARED.resolve("seed/000_3093749205775cb2.txt");
  static final Xml XML = new Xml();

  @TempDir Path out;

  Importer.Result importPages(String... sources) throws Exception {
    return new Importer(XML).run(List.of(sources), out, false, null);
  }

  XdmNode tei(String id) throws Exception {
    return XML.parse(out.resolve(id + ".xml"));
  }

  static String eval(XdmNode doc, String xpath) throws Exception {
    XPathCompiler c = doc.getProcessor().newXPathCompiler();
    c.declareNamespace("", Xml.TEI_NS);
    c.declareNamespace("tei", Xml.TEI_NS);
    return c.evaluate("string-join((" + xpath + ") ! string(.), '|')", doc).toString();
  }

  /**
   * The TEI's words as the page shows them: supplied letters in brackets, a gap as its printed
   * sign, notes taken out of the flow and listed at the end; editorial additions left out.
   */
  static Map<String, Integer> teiWords(XdmNode doc) throws Exception {
    String text = eval(doc, "string-join((//tei:text//text()[not(ancestor::tei:note)][not(ancestor::tei:supplied)]"
        + " | //tei:supplied | //tei:lb) ! (if (self::tei:supplied) then '[' || . || ']' else if (self::tei:lb) then ' ' else .), '')"
        + " || ' ' || string-join(//tei:text//tei:note[not(@type = 'editorial')], ' ')");
    return words(text);
  }

  static Map<String, Integer> words(String text) {
    Map<String, Integer> m = new TreeMap<>();
    for (String w : text.strip().split("\\s+")) {
      if (!w.isEmpty()) {
        m.merge(w, 1, Integer::sum);
      }
    }
    return m;
  }

  /** The page's document text: after the site banner, with the given note marks taken out. */
  static String pageText(String text, String... marks) {
    String t = text.substring(text.indexOf("Download PDF") + "Download PDF".length());
    for (String mark : marks) {
      t = t.replaceAll(mark, " ");
    }
    return t;
  }

  static Map<String, Integer> sum(List<XdmNode> docs) throws Exception {
    Map<String, Integer> all = new TreeMap<>();
    for (XdmNode d : docs) {
      teiWords(d).forEach((k, v) -> all.merge(k, v, Integer::sum));
    }
    return all;
  }

  @Test
  void theSeedPageImportsToItsDocument() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(SEED_PAGE), "../shared/seed is absent");
    Importer.Result r = new Importer(XML).run(List.of(SEED_PAGE.toString()), out, false,
        "https://marxistleninists.org/Soviet%20Archives/Foreign%20Policy/may%2014%201937%20telegram%20Litinov.htm");
    assertFalse(r.hasErrors(), r.problems().toString());
    XdmNode doc = tei("d1937-05-14-litvinov");
    assertEquals("Telegram of the peopleʹs commissar for foreign affairs of the USSR to the peopleʹs commissariat"
        + " for foreign affairs of the USSR, from London. May 14, 1937", eval(doc, "//tei:titleStmt/tei:title"));
    assertEquals("1937-05-14", eval(doc, "//tei:dateline/tei:date/@when"));
    assertEquals("1937 g on May 14.", eval(doc, "//tei:dateline/tei:date"));
    assertEquals("London", eval(doc, "//tei:correspAction[@type='sent']/tei:placeName"));
    assertEquals("Litvinov", eval(doc, "//tei:correspAction[@type='sent']/tei:persName"));
    assertEquals("Litvinov", eval(doc, "//tei:closer/tei:signed"));
    assertEquals("../edition.xml#type-telegram", eval(doc, "//tei:catRef/@target"));
    assertEquals("https://marxistleninists.org/Soviet%20Archives/Foreign%20Policy/may%2014%201937%20telegram%20Litinov.htm",
        eval(doc, "//tei:bibl[@type='web-page']/tei:ref/@target"));
    // the note stands where its mark stood, and keeps the mark
    assertEquals("1", eval(doc, "//tei:note/@n"));
    assertTrue(eval(doc, "//tei:note/preceding-sibling::text()[1]").endsWith("from my argument. "));
    assertEquals("a copy of the telegram was sent to the USSR embassy in Turkey.", eval(doc, "//tei:note"));
    // nothing lost, in order: the page's document text equals the TEI text (notes at the end)
    String page = pageText(Files.readString(SEED_PAGE), "\\[1\\]");
    String teiText = eval(doc, "string-join(//tei:text//text()[not(ancestor::tei:note)], '') || string-join(//tei:text//tei:note, '')");
    assertEquals(TestFiles.withoutWhitespace(page), TestFiles.withoutWhitespace(teiText));
  }

  @Test
  void theImportedSeedHasTheTextOfTheCuratedSeed() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(SEED_PAGE), "../shared/seed is absent");
    new Importer(XML).run(List.of(SEED_PAGE.toString()), out, false, null);
    // the editors' layer adds markup (names, the correction of "bloom"), not text: apart from
    // the correction's reading, the texts are the same
    String curated = eval(XML.parse(TestFiles.SEED), "string-join(//tei:text//text()[not(ancestor::tei:corr)], '')");
    String imported = eval(tei("d1937-05-14-litvinov"), "string-join(//tei:text//text(), '')");
    assertEquals(TestFiles.withoutWhitespace(curated), TestFiles.withoutWhitespace(imported));
  }

  @Test
  void wordHtmlWithTwoDocumentsAndFootnotes() throws Exception {
    Path page = PAGES.resolve("two-documents-ftn.htm");
    Importer.Result r = importPages(page.toString());
    assertFalse(r.hasErrors(), r.problems().toString());
    assertEquals(2, r.written().size());
    assertTrue(r.problems().stream().anyMatch(p -> p.message().contains("declared windows-1252 but the bytes are UTF-8")),
        "a wrong declaration is reported, not turned into mojibake");

    XdmNode first = tei("d1940-03-14-terentyev");
    assertEquals("Telegram of the plenipotentiary of the USSR in Turkey to the NKID, from Ankara", eval(first, "//tei:head"));
    assertEquals("1940-03-14", eval(first, "//tei:dateline/tei:date/@when"));
    assertEquals("secret", eval(first, "//tei:dateline/tei:seg[@type='classification']"));
    assertEquals("../edition.xml#class-secret", eval(first, "//tei:catRef[contains(@scheme, 'classifications')]/@target"));
    assertEquals("Ankara", eval(first, "//tei:correspAction[@type='sent']/tei:placeName"));
    assertEquals("NKID", eval(first, "//tei:correspAction[@type='received']/tei:orgName"));
    assertEquals("https://marxistleninists.org/Soviet%20Archives/Foreign%20Policy/march%2014%201940%20two%20documents.htm",
        eval(first, "//tei:bibl[@type='web-page']/tei:ref/@target"), "the address of a saved page");
    assertEquals("059|1|300", eval(first, "//tei:msIdentifier/tei:collection/@n"));
    assertEquals("", eval(first, "//tei:repository/@ref"), "no pointer into a register the edition lacks");
    assertEquals("2080", eval(first, "//tei:msIdentifier/tei:idno[@type='delo']"));
    assertEquals("12‐14", eval(first, "//tei:altIdentifier[@type='folios']/tei:idno"));
    assertEquals("The question was asked in the same words in November 1939.", eval(first, "//tei:note"));
    assertTrue(eval(first, "//tei:note/preceding-sibling::text()[1]").endsWith("since the autumn."));
    assertEquals("Terentyev", eval(first, "//tei:signed"));

    XdmNode second = tei("d1940-03-14-terentyev-2");
    assertEquals("2", eval(second, "substring-after(//tei:bibl[@type='web-page'], 'document ')").substring(0, 1));
    assertEquals("Top secret", eval(second, "//tei:seg[@type='classification']"));
    assertEquals("1.|2.|3.", eval(second, "//tei:list/tei:label"));
    assertEquals("[...]", eval(second, "//tei:gap/tei:desc"));
    assertEquals("Plenipotentiary of the USSR in Turkey|A. Terentyev", eval(second, "//tei:signed/text()"));

    // the dot line between the documents is page text too: it closes the first document
    assertEquals(". . . . . . . . . .", eval(first, "//tei:closer/tei:gap[@reason='omitted']/tei:desc"));
    // nothing lost: the page's words (banner and footnote marks aside) are the TEI's words
    String html = Jsoup.parse(Files.readString(page)).body().text();
    Map<String, Integer> pageWords = words(pageText(html, "\\[1\\]"));
    assertEquals(pageWords, sum(List.of(first, second)));
  }

  @Test
  void asteriskMarksWithNotesAfterTheSignatureAndInTheBody() throws Exception {
    Path page = PAGES.resolve("asterisk-notes.txt");
    assertFalse(importPages(page.toString()).hasErrors());
    XdmNode doc = tei("d1937-06-02-karsky");
    assertEquals("From the diary of the plenipotentiary of the USSR in Turkey L. M. Karsky", eval(doc, "//tei:titleStmt/tei:title"));
    assertEquals("../edition.xml#type-diary", eval(doc, "//tei:catRef[contains(@scheme,'types')]/@target"));
    assertEquals("Sent to comrade Litvinov, comrade Stomonyakov, general secretariat", eval(doc, "//tei:seg[@type='distribution']"));
    assertEquals("Top secret. Out of line", eval(doc, "//tei:seg[@type='classification']"));
    assertEquals("../edition.xml#class-top-secret ../edition.xml#class-urgent",
        eval(doc, "//tei:catRef[contains(@scheme,'classifications')]/@target"), "priority words map to urgent");
    assertEquals("*|**", eval(doc, "//tei:note/@n"));
    assertEquals("head", eval(doc, "//tei:note[@n='*']/local-name(..)"), "the asterisk after the title");
    assertTrue(eval(doc, "//tei:note[@n='**']/preceding-sibling::text()[1]").endsWith("the convention "));
    assertEquals("means the Montreux convention on the Straits.", eval(doc, "//tei:note[@n='**']"));
    assertEquals(words(pageText(Files.readString(page), "(?<=\\s)\\*{1,2}(?=\\s)")), teiWords(doc));
  }

  @Test
  void digitsFusedToWordsAreNoteMarks() throws Exception {
    Path page = PAGES.resolve("fused-digits.txt");
    assertFalse(importPages(page.toString()).hasErrors());
    XdmNode doc = tei("d1937-05-25-litvinov");
    assertEquals("1937-05-25", eval(doc, "//tei:dateline/tei:date/@when"));
    assertEquals("1|2", eval(doc, "//tei:note/@n"));
    assertTrue(eval(doc, "//tei:note[@n='1']/preceding-sibling::text()[1]").endsWith("the text of the pact"));
    assertTrue(eval(doc, "//tei:note[@n='2']/preceding-sibling::text()[1]").endsWith("talks in Geneva, "));
    assertEquals(words(pageText(Files.readString(page), "(?<=pact)1", "(?<=Geneva, )2", "(?m)^[12](?= )")), teiWords(doc));
  }

  @Test
  void compactLayoutWithWrappedTitleElisionsAndSuppliedLetters() throws Exception {
    Path page = PAGES.resolve("compact.txt");
    assertFalse(importPages(page.toString()).hasErrors());
    XdmNode doc = tei("d1937-06-11-karsky");
    assertEquals("Telegram of the plenipotentiary of the USSR in Turkey M. A. Karsky to the NKID", eval(doc, "//tei:head"));
    assertEquals("urgent", eval(doc, "//tei:seg[@type='classification']"));
    assertEquals("lkend", eval(doc, "//tei:supplied"));
    assertEquals("[.. .]|. . . . . . .", eval(doc, "//tei:gap/tei:desc"));
    assertEquals("4", eval(doc, "count(//tei:body//tei:p) + count(//tei:body/tei:div/tei:gap)"));
    assertEquals("Karsky", eval(doc, "//tei:signed"));
    assertEquals("012|3|45", eval(doc, "//tei:msIdentifier/tei:collection/@n"));
    assertEquals("8‐9", eval(doc, "//tei:altIdentifier/tei:idno"));
    assertEquals(words(pageText(Files.readString(page))), teiWords(doc));
  }

  @Test
  void windows1251PagesDeclaredAndUndeclared() throws Exception {
    assertFalse(importPages(PAGES.resolve("cp1251-declared.htm").toString(), PAGES.resolve("cp1251-undeclared.htm").toString()).hasErrors());
    XdmNode declared = tei("d1940-11-14-lavrishchev");
    assertTrue(eval(declared, "//tei:head").contains("(Телеграмма полпреда СССР в Болгарии в НКИД)"));
    assertTrue(eval(declared, "//tei:p").contains("«Болгария не присоединится ни к какому блоку»"));
    assertEquals("NKID", eval(declared, "//tei:correspAction[@type='received']/tei:orgName"));
    XdmNode undeclared = tei("d1940-11-14-telegram");
    assertTrue(eval(undeclared, "(//tei:body//tei:p)[1]").startsWith("В беседе с королём"));
    byte[] bytes = Files.readAllBytes(PAGES.resolve("cp1251-undeclared.htm"));
    String page = Jsoup.parse(new String(bytes, java.nio.charset.Charset.forName("windows-1251"))).body().text();
    assertEquals(words(pageText(page)), teiWords(undeclared));
  }

  @Test
  void whatCannotBeClassifiedStaysAsTextAndIsReported() throws Exception {
    Path page = PAGES.resolve("unclassified.txt");
    Importer.Result r = importPages(page.toString());
    assertFalse(r.hasErrors(), r.problems().toString());
    List<String> warnings = r.problems().stream().map(Problem::message).toList();
    assertTrue(warnings.stream().anyMatch(w -> w.contains("the mark \"*\" has no note text")), warnings.toString());
    assertTrue(warnings.stream().anyMatch(w -> w.contains("the mark \"[2]\" has no note text")), warnings.toString());
    assertTrue(warnings.stream().anyMatch(w -> w.contains("a line of symbols only (\"___\")")), warnings.toString());
    XdmNode doc = tei("d1941-03-02-vinogradov");
    assertEquals(words(pageText(Files.readString(page))), teiWords(doc), "kept in place, nothing lost");
  }

  @Test
  void aPageThatStopsMidDocument() throws Exception {
    Path page = PAGES.resolve("incomplete.txt");
    assertFalse(importPages(page.toString()).hasErrors());
    XdmNode doc = tei("d1939-07-08-telegram");
    assertEquals("source-incomplete", eval(doc, "//tei:div/tei:gap/@reason"));
    assertEquals("editorial", eval(doc, "//tei:div/tei:gap/following-sibling::tei:note/@type"));
    assertTrue(eval(doc, "//tei:p[last()]").endsWith("of the frontier com"));
    assertEquals(words(pageText(Files.readString(page))), teiWords(doc));
  }

  @Test
  void badPagesAreRefusedAndTheOthersStillImported() throws Exception {
    Importer.Result r = importPages(PAGES.resolve("bad").toString(), PAGES.resolve("fused-digits.txt").toString());
    assertTrue(r.hasErrors());
    Map<String, String> expected = Map.of("empty.htm", "the page is empty", "binary.htm", "binary",
        "no-document.txt", "no recognisable document", "other-site.html", "not a page of the document archive");
    for (Map.Entry<String, String> e : expected.entrySet()) {
      assertTrue(r.problems().stream().anyMatch(p -> p.isError() && p.file().endsWith(e.getKey()) && p.message().contains(e.getValue())),
          e + " in " + r.problems());
    }
    try (Stream<Path> files = Files.list(out)) {
      assertEquals(List.of("d1937-05-25-litvinov.xml"), files.map(p -> p.getFileName().toString()).toList());
    }
  }

  @Test
  void reimportIsByteIdenticalAndEditorsWorkIsSafe() throws Exception {
    Path page = PAGES.resolve("two-documents-ftn.htm");
    importPages(page.toString());
    Path file = out.resolve("d1940-03-14-terentyev.xml");
    byte[] first = Files.readAllBytes(file);
    Importer.Result again = importPages(page.toString());
    assertEquals(2, again.unchanged().size());
    assertArrayEquals(first, Files.readAllBytes(file));

    Files.writeString(file, Files.readString(file).replace("Terentyev</signed>", "Terentyev (checked)</signed>"));
    Importer.Result refused = importPages(page.toString());
    assertTrue(refused.problems().stream().anyMatch(p -> p.isError() && p.message().contains("not overwritten")));
    assertTrue(Files.readString(file).contains("(checked)"), "the editor's change is kept");
    new Importer(XML).run(List.of(page.toString()), out, true, null);
    assertArrayEquals(first, Files.readAllBytes(file), "--force replaces it");
  }

  @Test
  void importedDocumentsAreValidInAnEdition(@TempDir Path edition) throws Exception {
    Files.createDirectories(edition.resolve("schema"));
    Files.copy(TestFiles.EDITION.resolve("edition.xml"), edition.resolve("edition.xml"));
    Files.copy(TestFiles.EDITION.resolve("schema/editio.rnc"), edition.resolve("schema/editio.rnc"));
    Files.createDirectories(edition.resolve("registers"));
    Files.copy(TestFiles.EDITION.resolve("registers/organizations.xml"), edition.resolve("registers/organizations.xml"));
    Importer.Result r = new Importer(XML).run(List.of(PAGES.toString()), edition.resolve("documents"), false, null);
    // the 9 documents of the first fixture pages and the 48 of the pages of issues 17 and 18 (ImportedPagesTest)
    assertEquals(57, r.written().size(), r.problems().toString());
    assertFalse(r.hasErrors(), r.problems().toString());
    List<Problem> problems = new Validator(XML).validate(List.of(edition), Optional.empty()).problems();
    assertEquals(List.of(), problems.stream().filter(Problem::isError).toList());
    // the edition, its documents folder and each file say the same, and nothing, about the documents
    assertEquals(List.of(), org.editio.validate.ValidationScopes.documentProblems(new Validator(XML), edition));
    // the repository is linked to the register that has it
    assertEquals("../registers/organizations.xml#avp-rf",
        eval(XML.parse(edition.resolve("documents/d1940-03-14-terentyev.xml")), "//tei:repository/@ref"));
  }

  @Test
  void unreachableUrlIsAClearError() throws Exception {
    Importer.Result r = importPages("http://127.0.0.1:9/no-such-page.htm");
    assertTrue(r.problems().stream().anyMatch(p -> p.isError() && p.message().contains("cannot fetch")), r.problems().toString());
  }

}
