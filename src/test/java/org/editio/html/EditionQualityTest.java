package org.editio.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XdmNode;
import org.editio.TestFiles;
import org.editio.build.Builder;
import org.editio.xml.Xml;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, what a reader of a documentary edition expects, checked on every document of the
 * sample edition: a source note, one number everywhere, a country where the summary names one,
 * a date inside its range and never the collection's span, the registers in the reader's
 * alphabet, the machine translation flagged, a citation that carries the document's address.
 */
@Tag("slow")
class EditionQualityTest {

  @TempDir static Path out;
  static final Xml XML = new Xml();
  static final String BASE = "https://editio.example.org/soviet-diplomacy/";

  @BeforeAll
  static void publish() throws Exception {
    new Builder().build(TestFiles.EDITION, out, "html");
  }

  static Document page(String path) throws Exception {
    return Jsoup.parse(out.resolve("html").resolve(path).toFile(), "UTF-8");
  }

  static List<Path> documents() throws Exception {
    try (Stream<Path> s = Files.list(TestFiles.EDITION.resolve("documents"))) {
      return s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
    }
  }

  static String eval(XdmNode doc, String xpath) throws Exception {
    XPathCompiler xp = XML.processor().newXPathCompiler();
    xp.declareNamespace("tei", Xml.TEI_NS);
    return xp.evaluate("string-join((" + xpath + ") ! string(.), '|')", doc).toString();
  }

  @Test
  void everyDocumentPageHasSourceNoteNumberFlagAndCitationWithItsAddress() throws Exception {
    Document list = page("documents.html");
    List<String> numbers = new ArrayList<>();
    for (Path file : documents()) {
      String id = file.getFileName().toString().replace(".xml", "");
      XdmNode tei = XML.parse(file);
      Document doc = page("documents/" + id + ".html");
      Element note = doc.selectFirst("aside.source-note");
      assertNotNull(note, id + ": source note");
      String source = eval(tei, "//tei:sourceDesc/tei:bibl[@type='web-page']/tei:ref/@target");
      assertTrue(note.text().contains(source), id + ": the page's address in the source note: " + note.text());
      assertTrue(note.text().contains("English machine translation of the Russian publication"), id + ": what the text is");
      assertTrue(note.text().contains("read on 27 November 2026"), id + ": the date read");
      boolean cited = !eval(tei, "//tei:sourceDesc/(tei:msDesc | tei:bibl[@type='publication'])").isEmpty();
      assertTrue(cited ? note.text().contains("Archival citation: ") : note.text().contains("No archival citation on the source page."),
          id + ": " + note.text());
      // one source statement: the panel above the note does not repeat it
      List<String> rows = doc.select(".metadata dt").eachText();
      assertTrue(!rows.contains("Source") && !rows.contains("Archival citation"), id + ": the panel repeats the source note: " + rows);
      // the flag stands where a translated text is read; a calendar entry shows none (its summary is the editors')
      boolean calendar = !eval(tei, "//tei:div[@type='calendar']").isEmpty();
      assertEquals(!calendar, doc.selectFirst("p.machine-translation") != null, id + ": machine translation flagged");
      // one number: the page's, the list's, the citation's
      String number = doc.selectFirst("p.document-number").text();
      assertTrue(number.matches("No\\. \\d+"), number);
      numbers.add(number);
      Element item = list.selectFirst("li:has(a[href=documents/" + id + ".html])");
      assertEquals(number, item.selectFirst(".doc-no").text(), id);
      String citation = doc.selectFirst("p.citation").text();
      String address = BASE + "documents/" + id + ".html";
      assertTrue(citation.contains(address), id + ": " + citation);
      assertTrue(citation.contains(number + " in Soviet Diplomacy"), citation);
      assertTrue(citation.contains("Accessed "), citation);
      assertTrue(doc.selectFirst("code.bibtex").text().contains("url = {" + address + "}"));
      assertTrue(doc.selectFirst("code.csl-json").text().contains("\"URL\":\"" + address.replace("/", "\\/") + "\"")
          || doc.selectFirst("code.csl-json").text().contains("\"URL\": \"" + address.replace("/", "\\/") + "\"")
          || doc.selectFirst("code.csl-json").text().contains(address), doc.selectFirst("code.csl-json").text());
    }
    assertEquals(95, numbers.stream().distinct().count(), "one number per document, none twice");
    assertNotNull(page("about.html").selectFirst("p.machine-translation"), "the about page flags the machine translation");
    // an undated document says so, with the editors' date from its place in brackets; its list entry too
    assertEquals("undated [18 September 1921]", page("documents/dundated-representative.html").selectFirst("dl.metadata time").text());
    assertEquals("undated [18 September 1921]", list.selectFirst("li:has(a[href=documents/dundated-representative.html]) time").text());
    // abbreviations on the site (the about page), "1 document" in the registers
    assertTrue(page("about.html").select("dl.abbreviations dt").eachText().containsAll(List.of("NKID", "AVP RF")));
    assertTrue(page("registers/persons.html").select("summary").eachText().contains("Mentioned in 1 document"));
  }

  /** Every document dated inside its range; undated ones by their page, never by the collection's span. */
  @Test
  void datesAndCountriesOfEveryDocument() throws Exception {
    Map<String, String> words = Map.ofEntries(Map.entry("turkey", "Turk"), Map.entry("iran", "Iran"),
        Map.entry("afghanistan", "Afghan"), Map.entry("bulgaria", "Bulgaria"), Map.entry("romania", "Romania"),
        Map.entry("yugoslavia", "Yugoslav"), Map.entry("greece", "Gree"), Map.entry("germany", "German"),
        Map.entry("britain", "Brit"), Map.entry("france", "Fr"), Map.entry("italy", "Ital"), Map.entry("japan", "Japan"));
    for (Path file : documents()) {
      XdmNode tei = XML.parse(file);
      String name = file.getFileName().toString();
      String when = eval(tei, "//tei:correspAction[@type='sent']/tei:date/(@when, @from, @notBefore)[1]");
      String until = eval(tei, "//tei:correspAction[@type='sent']/tei:date/(@when, @to, @notAfter)[1]");
      assertTrue(when.compareTo("1919-01-01") > 0 && when.compareTo(until) <= 0 && until.compareTo("1942") < 0,
          name + ": " + when + " – " + until);
      if (!eval(tei, "//tei:correspAction[@type='sent']/tei:date/@notBefore").isEmpty()) {
        assertEquals("undated", eval(tei, "//tei:dateline/tei:date"), name);
        assertTrue(eval(tei, "//tei:titleStmt/tei:title").endsWith(", undated"), name);
      }
      String summary = eval(tei, "//tei:abstract");
      String countries = eval(tei, "//tei:catRef[contains(@scheme, 'countries')]/@target");
      words.forEach((country, word) -> {
        if (java.util.regex.Pattern.compile("\\b" + (word.equals("Fr") ? "(France|French)" : word)).matcher(summary).find()) {
          assertTrue(countries.contains("country-" + country), name + " names " + country + " in its summary: " + countries);
        }
      });
    }
  }

  /** Registers in the reader's alphabet (a collator), not in code-point order. */
  @Test
  void registersAreSortedWithACollator() throws Exception {
    Document persons = page("registers/persons.html");
    List<String> names = persons.select("article.entry h3").eachText();
    int tatarescu = names.indexOf("Tătărescu, Gheorghe");
    int titulescu = names.indexOf("Titulescu, Nicolae");
    assertTrue(tatarescu >= 0 && titulescu > tatarescu, "Tătărescu before Titulescu: " + names);
    for (String[] expected : new String[][] {{"C", "Çakmak"}, {"I", "İnönü"}, {"S", "Şevket"}}) {
      Element section = persons.selectFirst("section:has(h2:containsOwn(" + expected[0] + "))");
      assertNotNull(section, expected[0]);
      assertEquals(expected[0], section.selectFirst("h2").text());
      assertTrue(section.select("h3").eachText().stream().anyMatch(n -> n.startsWith(expected[1])),
          expected[1] + " under " + expected[0] + ": " + section.select("h3").eachText());
    }
    List<String> letters = persons.select("section > h2").eachText();
    assertEquals(letters.stream().distinct().toList(), letters, "each letter once: " + letters);
  }
}
