package org.editio.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.sf.saxon.s9api.XdmItem;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XPathCompiler;
import org.editio.TestFiles;
import org.editio.build.Builder;
import org.editio.xml.Xml;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Notes in a header (two manuscript descriptions of the corpus: notes on their additions, a note of
 * paragraphs on an item) are printed where they stand: every word reaches the page, and no note
 * mark points at a note the page does not have (they were marks numbered 1 with no text anywhere).
 */
@Tag("slow")
class HeaderNotesTest {

  @Test
  void theHeadersNotesAreOnThePageWhereTheyStand(@TempDir Path dir) throws Exception {
    Path edition = dir.resolve("msdesc");
    Files.createDirectories(edition);
    for (String name : List.of("100308.xml", "101202.xml")) {
      Files.copy(TestFiles.ROOT.resolve("src/test/resources/corpus/msdesc/" + name), edition.resolve(name));
    }
    Builder.Result result = new Builder().build(edition, dir.resolve("out"), "html");
    Xml xml = new Xml();
    XPathCompiler xp = xml.processor().newXPathCompiler();
    xp.declareNamespace("tei", Xml.TEI_NS);
    List<Path> pages = new ArrayList<>();
    for (String id : List.of("ms-100308", "ms-101202")) {
      Path file = edition.resolve(id.substring(3) + ".xml");
      Path page = dir.resolve("out").resolve(result.layout().documentPage(id));
      pages.add(page);
      Document html = HtmlSiteTest.read(page);
      Document source = html.clone();
      source.select(".gen").remove(); // what editio adds (quotation marks, brackets) is not the source's
      String text = source.text().replaceAll("\\s+", " ");
      XdmNode tei = xml.parse(file);
      int notes = 0;
      for (XdmItem note : xp.evaluate("//tei:teiHeader//tei:note", tei)) {
        notes++;
        for (String word : note.getStringValue().trim().split("\\s+")) {
          assertTrue(text.contains(word), id + ": '" + word + "' of a header note is on the page");
        }
      }
      assertTrue(notes >= 10, id + " has header notes: " + notes);
      Set<String> ids = new HashSet<>();
      for (Element e : html.select("[id]")) {
        assertTrue(ids.add(e.id()), id + ": id " + e.id() + " once");
      }
      for (Element ref : html.select("a.note-ref")) {
        assertTrue(ids.contains(ref.attr("href").substring(1)), id + ": the note " + ref.attr("href") + " is on the page");
      }
    }
    assertEquals(List.of(), HtmlValidityTest.check(pages), "a note of paragraphs is a block, not paragraphs in a span");
  }
}
