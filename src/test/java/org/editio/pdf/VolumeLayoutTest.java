package org.editio.pdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.editio.EditioException;
import org.editio.TestFiles;
import org.editio.build.Builder;
import org.editio.build.Generator;
import org.editio.output.Publisher;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How often the volume is laid out, and that an incremental build's volume is a clean build's,
 * byte for byte, when edits move what an index or the front matter lists to other pages.
 */
@Tag("slow")
class VolumeLayoutTest {

  private static final Path FIXTURES = TestFiles.FIXTURES.resolve("volume");

  /** The layout passes of the volume in a build (0: the previous volume was kept). */
  static int passes(Builder.Result result) {
    for (Publisher p : result.outputs()) {
      if (p instanceof PdfVolumePublisher volume) {
        return volume.passes();
      }
    }
    throw new AssertionError("no volume in " + result.outputs());
  }

  private static List<Path> documents(Path edition) throws Exception {
    try (Stream<Path> s = Files.list(edition.resolve("documents"))) {
      return s.sorted().toList();
    }
  }

  /** Changes the first paragraph of a document's body. */
  private static void edit(Path document, String from, String to) throws Exception {
    String text = Files.readString(document);
    int body = text.indexOf("<body>");
    String edited = text.substring(0, body) + text.substring(body).replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to));
    assertNotEquals(text, edited, "the edit applies");
    Files.writeString(document, edited);
  }

  /** A clean build of the same edition makes the same PDFs, byte for byte. */
  private static void assertSameAsCleanBuild(Path edition, Path out, Path clean) throws Exception {
    Builder.Result result = new Builder().build(edition, clean, "pdf");
    List<String> expected = files(clean.resolve("pdf"));
    assertEquals(expected, files(out.resolve("pdf")));
    for (String f : expected) {
      assertArrayEquals(Files.readAllBytes(clean.resolve("pdf").resolve(f)), Files.readAllBytes(out.resolve("pdf").resolve(f)), f);
    }
    assertTrue(passes(result) >= 1);
    org.editio.Folders.delete(clean);
  }

  private static List<String> files(Path dir) throws Exception {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
    }
  }

  private static Path volume(Path out) throws Exception {
    try (Stream<Path> s = Files.list(out.resolve("pdf"))) {
      return s.filter(p -> p.toString().endsWith(".pdf")).findFirst().orElseThrow();
    }
  }

  /** A long paragraph: more than a page, so everything after it moves to later pages. */
  private static final String LONG = "<p>" + "An inserted passage of the editors, long enough to fill a page. ".repeat(90) + "</p><p>";

  @Test
  void theVolumeIsLaidOutOnceInCleanAndIncrementalBuilds(@TempDir Path dir) throws Exception {
    Path edition = Generator.generate(TestFiles.EDITION, 8, dir.resolve("edition"));
    Path out = dir.resolve("out");
    assertEquals(1, passes(new Builder().build(edition, out, "pdf")), "clean");
    assertEquals(0, passes(new Builder().build(edition, out, "pdf")), "nothing changed: the volume is kept");

    // a correction, and a passage that moves every later mention (and the indexes) to other pages
    List<Path> docs = documents(edition);
    edit(docs.get(4), "<p>", "<p>Corrected. ");
    assertEquals(1, passes(new Builder().build(edition, out, "pdf")), "a correction");
    assertSameAsCleanBuild(edition, out, dir.resolve("clean-1"));
    edit(docs.get(1), "<p>", LONG);
    assertEquals(1, passes(new Builder().build(edition, out, "pdf")), "pages moved");
    assertSameAsCleanBuild(edition, out, dir.resolve("clean-2"));
  }

  @Test
  void frontMatterThatListsLaterPagesIsLaidOutUntilItsPagesHold(@TempDir Path dir) throws Exception {
    Path edition = Generator.generate(TestFiles.EDITION, 8, dir.resolve("edition"));
    Files.createDirectories(edition.resolve("xslt"));
    Files.copy(FIXTURES.resolve("front-pages.xsl"), edition.resolve("xslt/fo.xsl"));
    Path out = dir.resolve("out");

    // no record yet: the list is written without pages, then with the pages of the first layout
    assertEquals(2, passes(new Builder().build(edition, out, "pdf")), "first build");
    String before = firstMentions(volume(out));
    assertFrontMatterPagesAreRight(volume(out));
    assertEquals(0, passes(new Builder().build(edition, out, "pdf")), "nothing changed");
    // the record survives a build that keeps the volume and one that does not build PDFs
    new Builder().build(edition, out, "html");

    // a correction that moves no page: the recorded pages hold, one layout
    List<Path> docs = documents(edition);
    edit(docs.get(4), "<p>", "<p>Corrected. ");
    assertEquals(1, passes(new Builder().build(edition, out, "pdf")), "a correction");
    assertSameAsCleanBuild(edition, out, dir.resolve("clean-1"));
    assertEquals(before, firstMentions(volume(out)));

    // a page more early in the book: the first mentions after it move, so a second layout
    edit(docs.get(1), "<p>", LONG);
    assertEquals(2, passes(new Builder().build(edition, out, "pdf")), "mentions moved to other pages");
    assertSameAsCleanBuild(edition, out, dir.resolve("clean-2"));
    assertNotEquals(before, firstMentions(volume(out)), "the list shows the new pages");
    assertFrontMatterPagesAreRight(volume(out));

    // and back
    edit(docs.get(1), LONG, "<p>");
    assertEquals(2, passes(new Builder().build(edition, out, "pdf")), "mentions moved back");
    assertSameAsCleanBuild(edition, out, dir.resolve("clean-3"));
    assertEquals(before, firstMentions(volume(out)));
  }

  @Test
  void pagesThatNeverHoldAreAClearErrorAndNothingIsPublished(@TempDir Path dir) throws Exception {
    Path edition = Generator.generate(TestFiles.EDITION, 3, dir.resolve("edition"));
    Files.createDirectories(edition.resolve("xslt"));
    Files.copy(FIXTURES.resolve("moving.xsl"), edition.resolve("xslt/fo.xsl"));
    Path out = dir.resolve("out");
    EditioException e = assertThrows(EditioException.class, () -> new Builder().build(edition, out, "pdf"));
    assertEquals(EditioException.INPUT, e.exitCode());
    String message = e.problems().toString();
    assertTrue(message.contains("did not settle after " + PdfVolumePublisher.MAX_PASSES + " layout passes")
        && message.contains("_documents: page"), message);
    assertFalse(Files.exists(out.resolve("pdf")), "nothing published");
  }

  @Test
  void aFailingDeferredPartOrAnUnknownInstructionIsAClearError(@TempDir Path dir) throws Exception {
    String unknownPart = """
        <xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
            xmlns:v="http://editio.org/ns/volume" xmlns:m="http://editio.org/ns/mode">
          <xsl:import href="editio:fo.xsl"/>
          <xsl:template name="m:introduction"><v:deferred part="glossary"/></xsl:template>
        </xsl:stylesheet>
        """;
    String unknownInstruction = unknownPart.replace("<v:deferred part=\"glossary\"/>", "<v:index-here/>");
    for (String[] c : new String[][] {{unknownPart, "cannot lay out the volume's glossary"},
        {unknownInstruction, "unknown instruction v:index-here"}}) {
      Path edition = Generator.generate(TestFiles.EDITION, 2, dir.resolve("edition-" + c[1].length()));
      Files.createDirectories(edition.resolve("xslt"));
      Files.writeString(edition.resolve("xslt/fo.xsl"), c[0]);
      Path out = dir.resolve("out-" + c[1].length());
      EditioException e = assertThrows(EditioException.class, () -> new Builder().build(edition, out, "pdf"));
      assertEquals(EditioException.INPUT, e.exitCode());
      assertTrue(e.problems().toString().contains(c[1]), e.problems().toString());
      assertFalse(Files.exists(out.resolve("pdf")), "nothing published");
    }
  }

  /** The front matter's list (the pages before the contents' first entry). */
  private static String firstMentions(Path pdf) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      StringBuilder list = new StringBuilder();
      for (int p = 1; p <= doc.getNumberOfPages(); p++) {
        String text = PdfEditionTest.pageText(doc, p);
        if (list.length() > 0 || text.contains("First mentions")) {
          list.append(text);
          if (text.contains("Documents")) {
            break;
          }
        }
      }
      assertTrue(list.length() > 0, "the front matter's list is in the volume");
      // up to the documents' heading: not the first document's number ("No. 1") after it
      return list.substring(0, list.indexOf("Documents"));
    }
  }

  /** Each line of the list names a person and a page; that page mentions the name. */
  private static void assertFrontMatterPagesAreRight(Path pdf) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      Matcher line = Pattern.compile("(?m)^(\\p{L}[\\p{L}. '-]+?) (\\d+)$").matcher(firstMentions(pdf));
      int checked = 0;
      while (line.find()) {
        String name = line.group(1);
        int page = Integer.parseInt(line.group(2));
        String text = TestFiles.withoutWhitespace(PdfEditionTest.pageText(doc, page).replaceAll("-\\R", ""));
        assertTrue(text.contains(TestFiles.withoutWhitespace(name)), name + " on page " + page);
        checked++;
      }
      assertTrue(checked >= 6, "lines checked: " + checked);
    }
  }
}
