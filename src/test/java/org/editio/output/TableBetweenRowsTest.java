package org.editio.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.editio.TestFiles;
import org.editio.build.Builder;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A note, a page break and a milestone between a table's rows (review 9c): in the web page and
 * the e-book they stood inside tbody, where a browser moves them above the table (a lone note
 * mark far from its row) and XHTML does not allow them. They end the last cell of the row before
 * them (what precedes the first row opens its first cell), as in print (PrintTest).
 */
class TableBetweenRowsTest {

  @Test
  void whatStandsBetweenRowsEndsTheRowBefore(@TempDir Path dir) throws Exception {
    new Builder().build(TestFiles.FIXTURES.resolve("print/table-globals"), dir, "html", "epub");
    Document page = Jsoup.parse(dir.resolve("html/documents/tg.html").toFile(), "UTF-8");
    String chapter;
    try (ZipFile epub = new ZipFile(dir.resolve("epub/table-globals.epub").toFile())) {
      chapter = new String(epub.getInputStream(epub.getEntry("EPUB/text/tg.xhtml")).readAllBytes(), StandardCharsets.UTF_8);
    }
    for (Document doc : List.of(page, Jsoup.parse(chapter, "", Parser.xmlParser()))) {
      Element table = doc.selectFirst("table:has(caption:contains(Accounts))");
      assertNotNull(table, doc.html());
      Element body = table.selectFirst("tbody");
      assertTrue(body.children().stream().allMatch(e -> e.tagName().equals("tr")), "only rows in tbody: " + body);
      List<Element> rows = body.children();
      assertEquals(3, rows.size());
      assertTrue(rows.get(0).child(0).selectFirst("a[href$=note1]") != null, "the note before the rows opens the first cell: " + rows.get(0));
      assertTrue(rows.get(0).child(1).selectFirst(".tei-pb") != null && rows.get(0).child(1).text().startsWith("one"),
          "the page break ends row 1: " + rows.get(0));
      assertTrue(rows.get(1).child(1).selectFirst("a[href$=note2]") != null, "the note ends row 2: " + rows.get(1));
      assertTrue(rows.get(2).child(1).text().contains("M7"), "the milestone ends row 3: " + rows.get(2));
    }
  }
}
