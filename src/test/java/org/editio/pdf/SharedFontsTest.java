package org.editio.pdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.editio.TestFiles;
import org.editio.build.Builder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fonts parsed once and lent to each PDF ({@link SharedFonts}) make the same PDFs, byte for byte,
 * as FOP loading the fonts of each PDF itself: the volume and every document PDF of the sample
 * edition, a document set in every font of the configuration, and a chapter set in an edition's
 * own fonts.
 */
@Tag("slow")
class SharedFontsTest {

  private static final String EVERY_FONT = """
      <TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="every-font">
        <teiHeader><fileDesc><titleStmt><title>Every font</title></titleStmt>
          <publicationStmt><p>A test of editio.</p></publicationStmt><sourceDesc><p>Written for the test.</p></sourceDesc>
        </fileDesc></teiHeader>
        <text><body>
          <head>Heading <hi rend="italic">italic</hi> <hi rend="bold italic">bold italic</hi></head>
          <p>Serif <hi rend="bold">bold</hi>, <hi rend="italic">italic</hi>, <hi rend="bold italic">bold italic</hi>;
            <gi>mono</gi>, <hi rend="bold"><gi>mono-bold</gi></hi>, <hi rend="italic"><gi>mono-italic</gi></hi>,
            <hi rend="bold italic"><gi>mono-bold-italic</gi></hi>. Ἑλλάς, Москва, İstanbul, Größe, ﬁ, “quoted” – dash.</p>
        </body></text>
      </TEI>
      """;

  private static Builder builder(boolean shareFonts) {
    PdfRenderer renderer = new PdfRenderer(shareFonts);
    return new Builder(List.of(new PdfDocumentsPublisher(renderer), new PdfVolumePublisher(renderer)));
  }

  private static void assertSamePdfs(Path edition, Path dir) throws Exception {
    Path shared = dir.resolve("shared");
    Path own = dir.resolve("own");
    builder(true).build(edition, shared, "pdf");
    builder(false).build(edition, own, "pdf");
    List<String> files = files(own.resolve("pdf"));
    assertEquals(files, files(shared.resolve("pdf")));
    assertTrue(files.size() > 1);
    for (String f : files) {
      assertArrayEquals(Files.readAllBytes(own.resolve("pdf").resolve(f)), Files.readAllBytes(shared.resolve("pdf").resolve(f)), f);
    }
  }

  private static List<String> files(Path dir) throws Exception {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
    }
  }

  @Test
  void theSampleEditionsPdfsAreTheSame(@TempDir Path dir) throws Exception {
    assertSamePdfs(TestFiles.EDITION, dir);
  }

  @Test
  void aDocumentInEveryFontIsTheSame(@TempDir Path dir) throws Exception {
    Path tei = dir.resolve("every-font.xml");
    Files.writeString(tei, EVERY_FONT);
    assertSamePdfs(tei, dir);
    // and the document really uses the fonts: every family, weight and style the configuration has
    Set<String> fonts = new TreeSet<>();
    try (PDDocument pdf = Loader.loadPDF(dir.resolve("shared/pdf/documents/every-font.pdf").toFile())) {
      for (PDPage page : pdf.getPages()) {
        for (COSName name : page.getResources().getFontNames()) {
          fonts.add(page.getResources().getFont(name).getName().replaceFirst("^[A-Z]{6}\\+", ""));
        }
      }
    }
    assertTrue(fonts.containsAll(List.of("DejaVuSerif", "DejaVuSerif-Bold", "DejaVuSerif-Italic", "DejaVuSerif-BoldItalic",
        "DejaVuSans-Bold", "DejaVuSans-BoldOblique", "DejaVuSansMono", "DejaVuSansMono-Bold", "DejaVuSansMono-Oblique",
        "DejaVuSansMono-BoldOblique")), fonts.toString());
  }

  /** An edition's own fonts (EDITION/fonts/) too: the Genji chapter in IPA Mincho and Hanazono Mincho. */
  @Test
  void aChapterInTheEditionsFontsIsTheSame(@TempDir Path dir) throws Exception {
    Path edition = EditionFontsTest.genji(dir, new java.util.TreeMap<>(java.util.Map.of(
        "1-ipam.ttf", EditionFontsTest.IPA_MINCHO, "2-hanazono.ttf", EditionFontsTest.HANAZONO)));
    assertSamePdfs(edition, dir);
  }
}
