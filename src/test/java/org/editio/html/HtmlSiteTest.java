package org.editio.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.editio.TestFiles;
import org.editio.build.Builder;
import org.editio.edition.TeiDocument;
import org.editio.xml.Xml;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole HTML edition of the sample edition and of foreign TEI: links, texts, registers, safety. */
class HtmlSiteTest {

  @TempDir static Path out;
  static Path site;

  @BeforeAll
  static void publish() throws Exception {
    new Builder().build(TestFiles.EDITION, out, "html");
    site = out.resolve("html");
  }

  static List<Path> pages(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
    }
  }

  static Document read(Path page) throws IOException {
    return Jsoup.parse(page.toFile(), "UTF-8");
  }

  @Test
  void everyPageExists() {
    for (String p : new String[] {"index.html", "documents.html", "search.html", "about.html", "registers/persons.html",
        "registers/places.html", "registers/organizations.html", "assets/search/index.js", "assets/search/fold.js", "assets/snowball-english.js"}) {
      assertTrue(Files.isRegularFile(site.resolve(p)), p);
    }
    assertTrue(site.resolve("documents").toFile().list((d, n) -> n.endsWith(".html")).length == 95);
  }

  /** Every internal link leads to an existing file, and every #fragment to an existing id. */
  @Test
  void everyLinkResolves() throws IOException {
    List<String> broken = new ArrayList<>();
    int links = 0;
    for (Path page : pages(site)) {
      Document doc = read(page);
      for (Element a : doc.select("a[href], link[href], script[src]")) {
        String href = a.hasAttr("href") ? a.attr("href") : a.attr("src");
        if (href.matches("^(https?|mailto):.*")) {
          continue;
        }
        links++;
        String file = href.contains("#") ? href.substring(0, href.indexOf('#')) : href;
        String fragment = href.contains("#") ? href.substring(href.indexOf('#') + 1) : "";
        Path target = file.isEmpty() ? page : page.getParent().resolve(URLDecoder.decode(file, StandardCharsets.UTF_8)).normalize();
        if (!target.startsWith(out)) {
          broken.add(page + ": " + href + " leaves the output");
        } else if (!Files.exists(target)) {
          if (!href.contains("../pdf/")) { // PDFs are published by editio pdf / build
            broken.add(site.relativize(page) + ": " + href);
          }
        } else if (!fragment.isEmpty() && target.toString().endsWith(".html") && read(target).getElementById(fragment) == null) {
          broken.add(site.relativize(page) + ": " + href + " (no id " + fragment + ")");
        }
      }
    }
    assertTrue(links > 1000, "links checked: " + links);
    assertEquals(List.of(), broken);
  }

  /** Nothing of any document's text is lost on its page. */
  @Test
  void everyDocumentPageHasItsWholeText() throws Exception {
    Xml xml = new Xml();
    int checked = 0;
    for (TeiDocument doc : new org.editio.edition.EditionLoader(xml).load(TestFiles.EDITION).documents()) {
      Document page = read(site.resolve("documents/" + doc.id() + ".html"));
      assertEquals(TestFiles.withoutWhitespace(TestFiles.teiReadingText(doc.tree())),
          TestFiles.withoutWhitespace(SeedHtmlTest.pageReadingText(page)), doc.id());
      checked++;
    }
    assertEquals(95, checked);
  }

  @Test
  void registersListTheDocumentsThatMentionAnEntry() throws IOException {
    Document persons = read(site.resolve("registers/persons.html"));
    Element litvinov = persons.getElementById("litvinov");
    assertNotNull(litvinov);
    assertEquals("Litvinov, Maxim Maximovich", litvinov.selectFirst("h3").text());
    assertTrue(litvinov.text().contains("1876–1951"));
    assertTrue(litvinov.text().contains("People’s Commissar for Foreign Affairs of the USSR"));
    List<String> documents = litvinov.select(".mentions > li > a").eachAttr("href");
    assertTrue(documents.contains("../documents/d1937-05-14-litvinov.html"), documents.toString());
    // a passage link leads to the mention in the text, which links back to the entry
    String passage = litvinov.select(".mentions a[href^=../documents/d1937-05-14-litvinov.html#]").first().attr("href");
    Document seed = read(site.resolve("documents/d1937-05-14-litvinov.html"));
    Element mention = seed.getElementById(passage.substring(passage.indexOf('#') + 1));
    assertNotNull(mention, passage);
    assertEquals("../registers/persons.html#litvinov", mention.attr("href"));
    // an unidentified person is still an entry, marked so
    assertTrue(persons.getElementById("akaygen").text().contains("Not identified"));
    // passages are written as the key writes them ("§ 1"), the first kept on the title's line
    Element passages = litvinov.selectFirst(".mentions .passages");
    assertTrue(passages.wholeText().startsWith("\u00a0§\u00a01"), passages.wholeText());
    assertEquals("§ 1, § 2 …: the passages of a document where the name occurs, in the order of the text.",
        persons.selectFirst(".passages-key").text());
    // a register's variants are other forms of the name, not forms the documents use (they may use none)
    Document organizations = read(site.resolve("registers/organizations.html"));
    for (Element forms : organizations.select(".forms .label")) {
      assertEquals("Other forms of the name:", forms.text());
    }
    assertTrue(organizations.select(".forms").size() > 0);
    // the archive that holds a document (its archival citation's repository/@ref) lists it, as validation
    // counts it (review 9a: "Not mentioned in any document", and no warning from validate)
    assertEquals(List.of("d1940-12-10-mikhailov.html"), organizations.getElementById("avp-rf").select(".mentions li > a")
        .eachAttr("href").stream().map(h -> h.replaceFirst(".*/", "")).toList());
  }

  @Test
  void aboutPageSeparatesTheLicenceFromItsAddress() throws IOException {
    Document about = read(site.resolve("about.html"));
    Element licence = about.selectFirst("p:has(a[href=https://creativecommons.org/licenses/by/4.0/])");
    assertTrue(licence.text().contains("source description. https://creativecommons.org/licenses/by/4.0/"), licence.text());
  }

  @Test
  void documentsPageHasTimelineFiltersAndYears() throws IOException {
    Document list = read(site.resolve("documents.html"));
    assertEquals(95, list.select(".document-list > li").size());
    // the undated document is dated by its page (1921), so no "undated" group is left (issue 16)
    assertEquals(List.of("1920", "1921", "1922", "1923", "1937", "1938", "1939", "1940", "1941"),
        list.select("section.year").eachAttr("id").stream().map(s -> s.substring(5)).toList());
    Element svg = list.selectFirst("figure.timeline svg");
    assertNotNull(svg);
    int bars = svg.select("rect").size();
    assertTrue(bars >= 9, "bars: " + bars);
    for (Element a : svg.select("a")) {
      assertNotNull(list.getElementById(a.attr("href").substring(1)), a.attr("href"));
    }
    assertTrue(list.select("select#filter-country option").size() > 5);
    Element seedItem = list.selectFirst("li:has(a[href=documents/d1937-05-14-litvinov.html])");
    assertEquals("1937", seedItem.attr("data-year"));
    assertTrue(seedItem.attr("data-country").contains("country-turkey"));
    assertTrue(list.select("li:has(.badge)").size() == 94, "calendar entries are marked");
  }

  @Test
  void homePageSaysWhatTheEditionHolds() throws IOException {
    Document home = read(site.resolve("index.html"));
    String text = home.text();
    assertTrue(text.contains("95 documents from 1920 to 1941"), text);
    assertTrue(text.contains("1 transcribed in full, 94 calendar entries"), text);
    assertTrue(text.contains("Introduction"));
  }

  @Test
  void calendarEntriesShowTheirSummaryAndMark() throws IOException {
    Document page = read(site.resolve("documents/d1939-04-16-nikitnikov.html"));
    assertTrue(page.selectFirst(".calendar-mark").text().contains("not transcribed"));
    assertTrue(page.selectFirst(".abstract").text().contains("Nikitnikov delivers Molotov's proposal"));
    assertEquals("top secret", page.select(".metadata dt:containsOwn(Classification) + dd").text());
  }

  @Test
  void foreignTeiKeepsItsTextAndElements(@TempDir Path dir) throws Exception {
    Path letter = TestFiles.FIXTURES.resolve("foreign/letter.xml");
    new Builder().build(letter, dir, "html");
    Document page = read(dir.resolve("html/documents/letter.html"));
    assertEquals(TestFiles.withoutWhitespace(TestFiles.teiReadingText(new Xml().parse(letter))),
        TestFiles.withoutWhitespace(SeedHtmlTest.pageReadingText(page)));
    assertNotNull(page.selectFirst("em.rend-italic, em.tei-hi"), "hi rend=italic");
    assertEquals(2, page.select(".tei-l").size(), "lines of verse");
    assertEquals(2, page.select(".tei-text ol > li").size(), "ordered list");
    assertNotNull(page.selectFirst("table td"));
    assertNotNull(page.selectFirst("br"), "lb");
    assertNotNull(page.selectFirst(".tei-pb"), "pb is a marginal reference");
    assertNotNull(page.selectFirst(".tei-unclear"), "an element without a rule keeps its text");
    assertEquals("de", page.selectFirst("html").attr("lang"));
    assertEquals("la", page.selectFirst("[lang=la]").attr("lang"));
  }

  @Test
  void nothingInTheTeiCanInjectScript(@TempDir Path dir) throws Exception {
    new Builder().build(TestFiles.FIXTURES.resolve("foreign/hostile-markup.xml"), dir, "html");
    for (Path p : pages(dir.resolve("html"))) {
      Document page = read(p);
      for (Element script : page.select("script")) {
        assertTrue(script.hasAttr("src") && script.data().isBlank(), "only editio's own script files: " + script);
      }
      for (Element e : page.getAllElements()) {
        e.attributes().forEach(a -> {
          assertFalse(a.getKey().startsWith("on"), "event handler attribute " + a + " in " + p);
          assertFalse(a.getValue().strip().toLowerCase().matches("^(javascript|vbscript|data):.*"), a + " in " + p);
        });
      }
    }
    Document page = read(dir.resolve("html/documents/hostile-markup.html"));
    assertTrue(page.text().contains("<script>alert(\"text\")</script>"), "the text is shown as text");
    assertTrue(page.text().contains("script link"), "the link's text stays");
    assertEquals("https://example.org/ok", page.selectFirst("a:containsOwn(a good link)").attr("href"));
  }
}
