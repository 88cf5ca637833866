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

  /**
   * A pointer from the text into the header (its manuscript description, its bibliography) leads
   * nowhere on a page that prints only the text: it is text, not a link; one into the text is a
   * link to an id the page has.
   */
  @Test
  void pointersIntoTheHeaderOfADocumentWithATextAreNotLinks(@TempDir Path dir) throws Exception {
    Path edition = dir.resolve("pointers");
    Files.createDirectories(edition);
    Files.writeString(edition.resolve("letter.xml"), """
        <TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="letter">
          <teiHeader><fileDesc><titleStmt><title>A letter</title></titleStmt>
            <publicationStmt><p>test</p></publicationStmt>
            <sourceDesc><msDesc xml:id="ms"><msIdentifier><idno>MS 1</idno></msIdentifier>
              <physDesc><p xml:id="hand">A clerk's hand.</p></physDesc></msDesc>
              <listBibl><bibl xml:id="ed1">An older edition.</bibl></listBibl></sourceDesc></fileDesc></teiHeader>
          <text><body><p xml:id="p1">See <ref target="#hand">the hand</ref>, <ref target="#ed1">the older
            edition</ref> and <ref target="#p1">this paragraph</ref>.</p></body></text>
        </TEI>""");
    Builder.Result result = new Builder().build(edition, dir.resolve("out"), "html");
    Document page = HtmlSiteTest.read(dir.resolve("out").resolve(result.layout().documentPage("letter")));
    assertEquals(List.of("#p1"), page.select("a[href^=#]").stream().map(a -> a.attr("href"))
        .filter(h -> !h.equals("#main") && !h.startsWith("#letter")).toList());
    assertTrue(page.text().contains("See the hand, the older edition and this paragraph."), page.text());
  }
}
