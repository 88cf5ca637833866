package org.editio.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDAction;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionRemoteGoTo;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDNamedDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.editio.Problem;
import org.editio.TestFiles;
import org.editio.build.Builder;
import org.editio.epub.EpubCheckRun;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pointers from one document of the edition to another ({@code letter-2.xml#answer}, the whole
 * {@code letter-3.xml}, and {@code letter-2#answer} as sites such as history.state.gov address
 * documents by their file's name) link that document in every output: its page at the element
 * named, its chapter in the e-book, its start or element in the volume, its PDF from a PDF. A
 * pointer into a file the edition does not hold stays text.
 */
class DocumentLinksTest {

  static final Path FIXTURE = TestFiles.FIXTURES.resolve("links");

  @TempDir static Path dir;
  static Path edition;
  static Path out;
  static Builder.Result result;

  @BeforeAll
  static void publish() throws Exception {
    edition = TestFiles.copyTree(FIXTURE, dir.resolve("links"));
    out = dir.resolve("out");
    try (Builder builder = new Builder()) {
      result = builder.build(edition, out, "html", "pdf", "epub");
    }
  }

  static Document page(String id) throws Exception {
    return Jsoup.parse(out.resolve(result.layout().documentPage(id)).toFile(), "UTF-8");
  }

  /**
   * The links of the text (tei-ref) of a document's page but the one to another site, as "link
   * text -> page file#fragment", each target checked to exist.
   */
  static List<String> pageLinks(String id) throws Exception {
    Path here = out.resolve(result.layout().documentPage(id));
    List<String> links = new ArrayList<>();
    for (Element a : page(id).select("a.tei-ref:not([href=letter-9])")) {
      URI href = URI.create(a.attr("href"));
      Path target = href.getPath().isEmpty() ? here : here.resolveSibling(href.getPath()).normalize();
      assertTrue(Files.isRegularFile(target), a.attr("href") + " leads to a page of the site");
      if (href.getFragment() != null) {
        assertNotNull(Jsoup.parse(target.toFile(), "UTF-8").getElementById(href.getFragment()),
            a.attr("href") + ": its page has the element");
      }
      links.add(a.text() + " -> " + target.getFileName() + (href.getFragment() == null ? "" : "#" + href.getFragment()));
    }
    return links;
  }

  @Test
  void aPageLinksThePagesOfTheDocumentsItPointsTo() throws Exception {
    assertEquals(List.of(
        "the second letter -> letter-2.html#answer",
        "without an extension -> letter-2.html#answer",
        "the third letter -> letter-3.html",
        "says why -> letter-3.html#aside"), pageLinks("letter-1"));
    assertEquals(List.of("your letter -> letter-1.html#question"), pageLinks("letter-2"));
    assertEquals(List.of("the note -> letter-3.html#aside", "the same note by the file's name -> letter-3.html#aside"),
        pageLinks("letter-3"), "a document's own file: as a pointer within it");
  }

  @Test
  void aPointerOutsideTheEditionStaysText() throws Exception {
    Document page = page("letter-1");
    Element file = page.selectFirst("span.tei-ref:contains(never linked)");
    assertNotNull(file, "a file the edition does not hold: text");
    assertEquals("letter-9", page.selectFirst("a.tei-ref:contains(a page)").attr("href"),
        "a reference without extension that names no document: a link relative to the site, as its authors wrote it");
    assertTrue(result.warnings().stream().anyMatch(p -> p.line() == 15 && p.message().contains("'letter-9.xml'")),
        result.warnings().toString());
    assertTrue(result.warnings().stream().noneMatch(p -> p.message().contains("letter-2") || p.message().contains("letter-3")),
        "pointers into documents of the edition are checked and found: " + result.warnings());
  }

  @Test
  void theEbookLinksTheChaptersOfTheDocumentsItPointsTo() throws Exception {
    Path epub = out.resolve(result.layout().epub());
    try (ZipFile zip = new ZipFile(epub.toFile())) {
      String chapter = new String(zip.getInputStream(zip.getEntry("EPUB/text/letter-1.xhtml")).readAllBytes(),
          java.nio.charset.StandardCharsets.UTF_8);
      List<String> hrefs = Jsoup.parse(chapter).select("a.tei-ref").eachAttr("href");
      assertEquals(List.of("letter-2.xhtml#answer", "letter-2.xhtml#answer", "letter-3.xhtml", "letter-3.xhtml#aside"), hrefs);
    }
    EpubCheckRun check = EpubCheckRun.of(epub);
    assertTrue(check.clean(), "epubcheck finds every link's target: " + check.messages());
  }

  @Test
  void theVolumeLinksTheDocumentsPagesWithin() throws Exception {
    try (PDDocument pdf = Loader.loadPDF(out.resolve(result.layout().volume()).toFile())) {
      int answer = pageWith(pdf, "Yes, I will come");
      int postscript = pageWith(pdf, "I forgot to say");
      int question = pageWith(pdf, "Will you come?");
      PDPage page = pdf.getPage(question - 1);
      java.util.Map<String, Integer> targets = new java.util.TreeMap<>();
      for (PDAnnotation a : page.getAnnotations()) {
        if (a instanceof PDAnnotationLink link && link.getAction() instanceof PDActionGoTo go) {
          var destination = go.getDestination();
          if (destination instanceof PDNamedDestination named) {
            destination = pdf.getDocumentCatalog().findNamedDestinationPage(named);
          }
          PDFTextStripperByArea area = new PDFTextStripperByArea();
          var r = link.getRectangle();
          area.addRegion("link", new java.awt.geom.Rectangle2D.Float(r.getLowerLeftX(),
              page.getMediaBox().getHeight() - r.getUpperRightY(), r.getWidth(), r.getHeight()));
          area.extractRegions(page);
          targets.merge(area.getTextForRegion("link").strip(), ((PDPageDestination) destination).retrievePageNumber() + 1,
              (x, y) -> -1);
        }
      }
      // a link broken across lines is one annotation per line
      java.util.Map<String, Integer> expected = java.util.Map.of("the second letter", answer, "without an extension", answer,
          "the third letter", postscript, "says why", postscript);
      java.util.Set<String> found = new java.util.TreeSet<>();
      targets.forEach((text, target) -> {
        String link = expected.keySet().stream().filter(e -> e.contains(text)).findFirst().orElseThrow(
            () -> new AssertionError("a link on page " + question + " reads '" + text + "': " + targets));
        assertEquals(expected.get(link), target, "'" + text + "' leads to the page of its document (the note: at the foot of"
            + " the postscript's page): " + targets);
        found.add(link);
      });
      assertEquals(expected.keySet(), found, targets.toString());
    }
  }

  @Test
  void aDocumentsPdfLinksThePdfsOfTheDocumentsItPointsTo() throws Exception {
    Path pdfFile = out.resolve(result.layout().documentPdf("letter-1"));
    List<String> files = new ArrayList<>();
    try (PDDocument pdf = Loader.loadPDF(pdfFile.toFile())) {
      for (PDPage page : pdf.getPages()) {
        for (PDAnnotation a : page.getAnnotations()) {
          if (a instanceof PDAnnotationLink link) {
            PDAction action = link.getAction();
            String file = action instanceof PDActionRemoteGoTo remote ? remote.getFile().getFile()
                : action instanceof PDActionURI uri ? uri.getURI() : null;
            if (file != null && file.endsWith(".pdf") && !files.contains(file)) {
              files.add(file);
              assertTrue(Files.isRegularFile(pdfFile.resolveSibling(file)), file + " is a PDF beside it");
            }
          }
        }
      }
    }
    assertEquals(List.of("letter-2.pdf", "letter-3.pdf"), files, "the PDFs beside it, as in the site's copies");
  }

  @Test
  void aDocumentThatMovesIsLinkedWhereItIsNow() throws Exception {
    Path copy = TestFiles.copyTree(FIXTURE, dir.resolve("moved"));
    Path moved = dir.resolve("moved-out");
    try (Builder builder = new Builder()) {
      builder.build(copy, moved, "html");
      // the answer is given an id of its own: its page is reply.html now; the question's page, unchanged itself, links it there
      Path answer = copy.resolve("letter-2.xml");
      Files.writeString(answer, Files.readString(answer).replace("<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">",
          "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xml:id=\"reply\">"));
      Builder.Result again = builder.build(copy, moved, "html");
      Document question = Jsoup.parse(moved.resolve(again.layout().documentPage("letter-1")).toFile(), "UTF-8");
      assertEquals("reply.html#answer", question.selectFirst("a.tei-ref:contains(the second letter)").attr("href"));
      assertTrue(Files.isRegularFile(moved.resolve(again.layout().documentPage("reply"))));
    }
  }

  @Test
  void aPointerWithoutExtensionIsCheckedLikeTheFileItNames() throws Exception {
    Path copy = TestFiles.copyTree(FIXTURE, dir.resolve("checked"));
    Path question = copy.resolve("letter-1.xml");
    Files.writeString(question, Files.readString(question).replace("letter-2#answer", "letter-2#nowhere"));
    try (Builder builder = new Builder()) {
      Builder.Result checked = builder.build(copy, dir.resolve("checked-out"), "html");
      List<Problem> found = checked.warnings().stream().filter(p -> p.message().contains("nowhere")).toList();
      assertEquals(1, found.size(), checked.warnings().toString());
      assertEquals(13, found.get(0).line());
    }
  }

  /**
   * A file named in another script is found by a pointer as written ({@code Письмо.xml#privet}:
   * the stylesheets spell its URI as the Java side does, percent-encoded); a pointer to a
   * document's own file by name stays within it also when the document's id is not its file's
   * name (its page and its PDF link the element, not the document's start).
   */
  @Test
  void aFileNamedInAnotherScriptIsLinkedAndAPointerToTheOwnFileStaysWithin() throws Exception {
    Path copy = TestFiles.copyTree(FIXTURE, dir.resolve("scripts"));
    Files.writeString(copy.resolve("Письмо.xml"), Files.readString(copy.resolve("letter-2.xml"))
        .replace("<title>The answer</title>", "<title>A letter named in Cyrillic</title>")
        .replace("xml:id=\"answer\"", "xml:id=\"privet\""));
    Path question = copy.resolve("letter-1.xml");
    Files.writeString(question, Files.readString(question)
        .replace("says why</ref>.", "says why</ref>. See also <ref target=\"Письмо.xml#privet\">the Cyrillic file</ref>."));
    Path postscript = copy.resolve("letter-3.xml");
    Files.writeString(postscript, Files.readString(postscript).replace("<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">",
        "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xml:id=\"postscript\">"));
    Path outputs = dir.resolve("scripts-out");
    try (Builder builder = new Builder()) {
      Builder.Result built = builder.build(copy, outputs, "html", "pdf");
      assertTrue(built.warnings().stream().noneMatch(p -> p.message().contains("Письмо")), built.warnings().toString());
      Path page = outputs.resolve(built.layout().documentPage("letter-1"));
      Element cyrillic = Jsoup.parse(page.toFile(), "UTF-8").selectFirst("a.tei-ref:contains(the Cyrillic file)");
      assertNotNull(cyrillic, "the pointer to the Cyrillic file is a link");
      URI href = URI.create(cyrillic.attr("href"));
      Path target = page.resolveSibling(href.getPath());
      assertEquals(outputs.resolve(built.layout().documentPage("Письмо")), target);
      assertNotNull(Jsoup.parse(target.toFile(), "UTF-8").getElementById(href.getFragment()), href.toString());

      Document own = Jsoup.parse(outputs.resolve(built.layout().documentPage("postscript")).toFile(), "UTF-8");
      assertEquals(List.of("#aside", "#aside"), own.select("a.tei-ref").eachAttr("href"));
      try (PDDocument pdf = Loader.loadPDF(outputs.resolve(built.layout().documentPdf("postscript")).toFile())) {
        int within = 0;
        for (PDPage p : pdf.getPages()) {
          for (PDAnnotation a : p.getAnnotations()) {
            if (a instanceof PDAnnotationLink link) {
              assertTrue(link.getAction() instanceof PDActionGoTo, "a link within the PDF, not to a file: " + link.getAction());
              within++;
            }
          }
        }
        assertTrue(within >= 2, "both pointers to the note link it: " + within);
      }
    }
  }

  static int pageWith(PDDocument pdf, String text) throws Exception {
    PDFTextStripper stripper = new PDFTextStripper();
    for (int i = 1; i <= pdf.getNumberOfPages(); i++) {
      stripper.setStartPage(i);
      stripper.setEndPage(i);
      if (stripper.getText(pdf).replaceAll("\\s+", " ").contains(text)) {
        return i;
      }
    }
    throw new AssertionError("no page has " + text);
  }
}
