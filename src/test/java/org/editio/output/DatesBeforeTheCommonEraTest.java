package org.editio.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.editio.Problem;
import org.editio.build.Builder;
import org.editio.edition.Edition;
import org.editio.edition.EditionLoader;
import org.editio.edition.TeiDocument;
import org.editio.html.SearchIndex;
import org.editio.xml.Xml;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dates before the common era, as TEI writes them (negative years, no year zero: -0044 is 44 BC,
 * as TEI's schema reads xs:date and EpiDoc writes it): read as "15 March 44 BC" ("v. Chr." in
 * German), filed under their year, and ordered before the common era in the edition's order, the
 * documents page and the search's year facet. They were "Undated", shown as "15 March -44" and
 * sorted after AD 12; the year of AD 12 was headed "0012".
 */
class DatesBeforeTheCommonEraTest {

  @TempDir static Path dir;
  static Path out;
  static Builder.Result result;

  static String letter(String lang, String title, String when, String text) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xml:lang=\"" + lang + "\"><teiHeader><fileDesc><titleStmt><title>" + title
        + "</title></titleStmt><publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p></sourceDesc></fileDesc>\n"
        + "<profileDesc><correspDesc><correspAction type=\"sent\"><persName>Cicero</persName><date when=\"" + when + "\"/></correspAction>"
        + "<correspAction type=\"received\"><persName>Atticus</persName></correspAction></correspDesc></profileDesc></teiHeader>\n"
        + "<text><body><p>Written on <date when=\"" + when + "\">" + text + "</date>.</p></body></text></TEI>\n";
  }

  @BeforeAll
  static void publish() throws Exception {
    Path letters = Files.createDirectories(dir.resolve("letters"));
    Files.writeString(letters.resolve("a1937.xml"), letter("en", "Letter of 1937", "1937-05-14", "14 May 1937"));
    Files.writeString(letters.resolve("ad12.xml"), letter("en", "Letter of AD 12", "0012-06-01", "1 June 12"));
    Files.writeString(letters.resolve("bc44.xml"), letter("en", "Letter of the Ides", "-0044-03-15", "15 March 44 BC"));
    Files.writeString(letters.resolve("bc100.xml"), letter("en", "Letter of 100 BC", "-0100", "100 BC"));
    // a year with a time zone (valid xs:gYear): a year like any other (it was "Undated" for a while in session 8)
    Files.writeString(letters.resolve("z1938.xml"), letter("en", "Letter of 1938", "1938Z", "1938"));
    out = dir.resolve("out");
    try (Builder builder = new Builder()) {
      result = builder.build(letters, out, "html");
    }
  }

  @Test
  void theyAreValidDates() {
    List<Problem> dates = result.warnings().stream().filter(p -> p.rule() != null && p.rule().startsWith("date")).toList();
    assertEquals(List.of(), dates);
  }

  @Test
  void theEditionIsInTheirOrder() {
    assertEquals(List.of("bc100", "bc44", "ad12", "a1937", "z1938"), result.edition().documents().stream().map(TeiDocument::id).toList());
  }

  @Test
  void theDocumentsPageFilesThemUnderTheirYears() throws Exception {
    Document page = Jsoup.parse(out.resolve(result.layout().page("documents")).toFile(), "UTF-8");
    assertEquals(List.of("100 BC", "44 BC", "12", "1937", "1938"), page.select("section.year > h2").eachText());
    assertEquals(List.of("100 BC", "15 March 44 BC", "1 June 12", "14 May 1937", "1938"),
        page.select("ol.document-list time, ol.document-list span.date").eachText());
    assertEquals(List.of("All", "100 BC", "44 BC", "12", "1937", "1938"), page.select("#filter-year option").eachText());
    // HTML's time holds no year before the common era: such a date is text (the Nu checker refused "-0044-03-15")
    assertEquals(List.of("0012-06-01", "1937-05-14"), page.select("ol.document-list time").eachAttr("datetime"));
  }

  @Test
  void theDocumentPageShowsTheDate() throws Exception {
    Document page = Jsoup.parse(out.resolve(result.layout().documentPage("bc44")).toFile(), "UTF-8");
    assertTrue(page.select("dl.metadata dd").eachText().contains("15 March 44 BC"), page.select("dl.metadata").text());
    assertEquals(List.of(), page.select("time[datetime^=-]").eachAttr("datetime"), "no time HTML rejects");
  }

  @Test
  void theSearchYearsAreInTime() throws Exception {
    Xml xml = new Xml();
    Edition edition = new EditionLoader(xml).load(dir.resolve("letters"));
    List<SearchIndex.Entry> entries = new ArrayList<>();
    for (TeiDocument doc : edition.documents()) {
      entries.add(SearchIndex.entry(xml, edition, doc));
    }
    assertTrue(entries.get(1).facets().contains(new SearchIndex.Facet("year", "-44", "44 BC")), entries.get(1).facets().toString());
    String root = new String(SearchIndex.files(entries).get("index.js"), StandardCharsets.UTF_8);
    String facet = root.substring(root.indexOf("\"year\":"), root.indexOf("\"country\":"));
    Matcher pair = Pattern.compile("\\[\"([^\"]+)\",\"([^\"]+)\"\\]").matcher(facet);
    List<String> years = new ArrayList<>();
    while (pair.find()) {
      years.add(pair.group(1) + " " + pair.group(2));
    }
    assertEquals(List.of("-100 100 BC", "-44 44 BC", "12 12", "1937 1937", "1938 1938"), years, facet);
  }

  @Test
  void germanSaysVorChristus(@TempDir Path other) throws Exception {
    Path letters = Files.createDirectories(other.resolve("briefe"));
    Files.writeString(letters.resolve("bc44.xml"), letter("de", "Brief an den Iden", "-0044-03-15", "15. März 44 v. Chr."));
    Files.writeString(letters.resolve("ad12.xml"), letter("de", "Brief von 12", "0012-06-01", "1. Juni 12"));
    Builder.Result german;
    try (Builder builder = new Builder()) {
      german = builder.build(letters, other.resolve("out"), "html");
    }
    Document page = Jsoup.parse(other.resolve("out").resolve(german.layout().page("documents")).toFile(), "UTF-8");
    assertEquals("15. März 44 v. Chr.", page.selectFirst("ol.document-list span.date").text());
    // the chart's scale, every ten years: no year 0 (1 BC is followed by AD 1)
    assertEquals(List.of("44 v. Chr.", "30 v. Chr.", "20 v. Chr.", "10 v. Chr.", "12"), page.select("figure.timeline text").eachText());
  }
}
