package org.editio.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.editio.TestFiles;
import org.editio.build.Builder;
import org.editio.xml.Xml;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed telegram's HTML page: nothing of its text lost, its note linked both ways. */
class SeedHtmlTest {

  @TempDir static Path out;
  static Document page;
  static Document index;

  @BeforeAll
  static void publish() throws Exception {
    new Builder().build(TestFiles.EDITION, out, "html");
    page = Jsoup.parse(out.resolve("html/documents/d1937-05-14-litvinov.html").toFile(), "UTF-8");
    index = Jsoup.parse(out.resolve("html/index.html").toFile(), "UTF-8");
  }

  /** The page's reading text: the text and the notes, without what editio generated. */
  static String pageReadingText(Document page) {
    Element text = page.selectFirst(".tei-text").clone();
    text.select(".gen").remove();
    StringBuilder s = new StringBuilder(text.text());
    for (Element note : page.select(".notes .note-text")) {
      s.append(' ').append(note.text());
    }
    return s.toString();
  }

  @Test
  void pageTextEqualsTeiText() throws Exception {
    String tei = TestFiles.teiReadingText(new Xml().parse(TestFiles.SEED));
    String html = pageReadingText(page);
    assertEquals(TestFiles.withoutWhitespace(tei), TestFiles.withoutWhitespace(html));
    assertTrue(html.contains("peopleʹs commissar"), "U+02B9 kept");
    assertTrue(html.contains("long‐term"), "U+2010 kept");
  }

  @Test
  void noteIsLinkedBothWays() {
    Element ref = page.selectFirst("a.note-ref");
    assertNotNull(ref, "note mark in the text");
    assertEquals("1", ref.text());
    Element note = page.getElementById(ref.attr("href").substring(1));
    assertNotNull(note, "the mark's target exists");
    assertEquals("li", note.tagName());
    assertTrue(note.text().contains("a copy of the telegram was sent to the USSR embassy in Turkey."));
    Element back = note.selectFirst("a.note-back");
    assertNotNull(back);
    assertEquals(ref, page.getElementById(back.attr("href").substring(1)), "the note links back to its mark");
    // the mark stands where the source has it: right after the last sentence of the second paragraph
    String paragraph = ref.parent().text();
    assertTrue(paragraph.endsWith("will learn something from my argument.1"), paragraph);
  }

  @Test
  void correctionShowsTheReadingAndKeepsTheOriginal() {
    Element choice = page.selectFirst(".tei-persName .tei-choice:has(.reading:containsOwn(Blum))");
    assertEquals("Blum", choice.selectFirst(".reading").text());
    assertEquals("bloom", choice.selectFirst(".original").text());
    // the machine translation's garbles, corrected visibly (issue 16): edited reading, source reading
    assertEquals(java.util.List.of("14 May 1937.", "nothing to refute", "League of Nations", "Blum", "Ismet"),
        page.select(".tei-choice > .reading").eachText());
    assertEquals(java.util.List.of("1937 g on May 14.", "nothing refute", "league of nations", "bloom", "ismet"),
        page.select(".tei-choice > .original").eachText());
  }

  @Test
  void metadataPanelAndTitle() {
    // the editorial title in the edition's form; the source's heading stays, one level down (issue 16)
    assertEquals("Telegram from M. M. Litvinov to NKID, 14 May 1937", page.selectFirst("h1").text());
    assertEquals("Telegram of the peopleʹs commissar for foreign affairs of the USSR to the peopleʹs commissariat"
        + " for foreign affairs of the USSR, from London. May 14, 1937", page.selectFirst(".tei-text h2").text());
    Element dl = page.selectFirst("dl.metadata");
    assertTrue(dl.text().contains("14 May 1937"), dl.text());
    assertTrue(dl.text().contains("London"));
    assertTrue(dl.text().contains("M. M. Litvinov"));
    assertEquals("en", page.selectFirst("html").attr("lang"));
    assertEquals(1, page.select("meta[charset]").size() + page.select("meta[http-equiv=Content-Type]").size(),
        "exactly one character-set declaration");
  }

  @Test
  void namesCarryTheirRegisterEntry() {
    assertEquals("Blum, Léon", page.selectFirst(".tei-persName:has(.tei-choice)").attr("title"));
    assertEquals("İnönü, İsmet", page.selectFirst(".tei-persName").attr("title"));
  }

  @Test
  void homePageLinksToTheDocumentAndAssetsExist() {
    Element link = index.selectFirst("a[href=documents/d1937-05-14-litvinov.html]");
    assertEquals("documents/d1937-05-14-litvinov.html", link.attr("href"));
    assertTrue(Files.isRegularFile(out.resolve("html").resolve(link.attr("href"))));
    for (Element css : index.select("link[rel=stylesheet]")) {
      assertTrue(Files.isRegularFile(out.resolve("html").resolve(css.attr("href"))), css.attr("href"));
      assertFalse(css.attr("href").startsWith("http"), "no CDN");
    }
    assertTrue(index.text().contains("Introduction"));
  }
}
