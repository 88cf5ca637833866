package org.editio.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.editio.Problem;
import org.editio.TestFiles;
import org.editio.build.Builder;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * graphic/@url: an image of the edition is copied beside the pages and printed in the PDF, with its
 * figure's description as alternative text; a missing image, or one outside the edition, is a
 * warning and the figure shows its description; a web image is a link, never fetched.
 */
class ImagesTest {

  static final Path FIXTURE = TestFiles.FIXTURES.resolve("images");

  static final String TALL = """
      <TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="scan">
        <teiHeader><fileDesc><titleStmt><title>A page scan</title></titleStmt>
          <publicationStmt><p>Test fixture of editio.</p></publicationStmt><sourceDesc><p>Written for the test.</p></sourceDesc></fileDesc></teiHeader>
        <text><body><p>The scan follows.</p>
          <figure><graphic url="plates/scan.png"/><figDesc>the first page</figDesc></figure>
          <p>After the scan.</p></body></text>
      </TEI>
      """;

  @TempDir static Path dir;
  static Path out;
  static Builder.Result result;

  @BeforeAll
  static void publish() throws Exception {
    Path edition = dir.resolve("edition");
    Files.createDirectories(edition.resolve("plates"));
    Files.copy(FIXTURE.resolve("figures.xml"), edition.resolve("figures.xml"));
    Files.copy(FIXTURE.resolve("plates/plate 1.png"), edition.resolve("plates/plate 1.png"));
    // an image beside the edition, not in it
    Files.copy(FIXTURE.resolve("plates/plate 1.png"), dir.resolve("secret.png"));
    Files.writeString(edition.resolve("outside.xml"), Files.readString(FIXTURE.resolve("figures.xml"))
        .replace("xml:id=\"figures\"", "xml:id=\"outside\"").replace("plates/plate%201.png", "../secret.png"));
    // a page scan: taller than wide, as a facsimile's images are
    java.awt.image.BufferedImage scan = new java.awt.image.BufferedImage(2000, 3000, java.awt.image.BufferedImage.TYPE_INT_RGB);
    javax.imageio.ImageIO.write(scan, "png", edition.resolve("plates/scan.png").toFile());
    Files.writeString(edition.resolve("scan.xml"), TALL);
    out = dir.resolve("out");
    result = new Builder().build(edition, out, "html", "pdf");
  }

  @Test
  void anImageOfTheEditionIsCopiedBesideThePageWithItsDescriptionAsAlternativeText() throws Exception {
    Document page = Jsoup.parse(out.resolve(result.layout().documentPage("figures")).toFile(), "UTF-8");
    List<Element> images = page.select("img.tei-graphic");
    assertEquals(2, images.size(), "the plate, in its figure and in the line");
    Element plate = images.get(0);
    assertEquals("A blue rectangle, the first plate", plate.attr("alt"));
    Path copy = out.resolve(result.layout().documentPage("figures")).resolveSibling(plate.attr("src"));
    assertArrayEquals(Files.readAllBytes(FIXTURE.resolve("plates/plate 1.png")), Files.readAllBytes(copy));
    assertEquals(plate.attr("src"), images.get(1).attr("src"), "one image, one copy, however it is spelled");
  }

  @Test
  void aMissingImageIsAWarningAndItsFigureShowsItsDescription() throws Exception {
    List<Problem> warnings = result.warnings().stream().filter(p -> "image".equals(p.rule())).toList();
    assertTrue(warnings.stream().anyMatch(p -> p.file().endsWith("figures.xml") && p.line() == 19
        && p.message().contains("'plates/missing.png' not found")), warnings.toString());
    Document page = Jsoup.parse(out.resolve(result.layout().documentPage("figures")).toFile(), "UTF-8");
    assertEquals(2, page.select(".image-absent").size(), "the missing image and the one out of the edition");
    assertTrue(page.text().contains("A plate the edition lacks"));
    Element web = page.selectFirst("a.remote-image");
    assertNotNull(web);
    assertEquals("https://example.org/plate.png", web.attr("href"));
  }

  @Test
  void anImageOutsideTheEditionIsNeitherReadNorCopied() throws Exception {
    assertTrue(result.warnings().stream().anyMatch(p -> p.file().endsWith("outside.xml")
        && p.message().contains("'../secret.png' is outside the edition's folder")), result.warnings().toString());
    Document page = Jsoup.parse(out.resolve(result.layout().documentPage("outside")).toFile(), "UTF-8");
    assertTrue(page.select("img.tei-graphic").stream().noneMatch(img -> img.attr("src").contains("secret")));
    try (Stream<Path> files = Files.walk(out)) {
      assertTrue(files.noneMatch(f -> f.getFileName().toString().contains("secret")));
    }
  }

  @Test
  void thePdfPrintsTheImage() throws Exception {
    int images = 0;
    try (PDDocument pdf = Loader.loadPDF(out.resolve(result.layout().documentPdf("figures")).toFile())) {
      for (PDPage p : pdf.getPages()) {
        for (COSName name : p.getResources().getXObjectNames()) {
          if (p.getResources().getXObject(name) instanceof PDImageXObject image) {
            assertEquals(120, image.getWidth());
            images++;
          }
        }
      }
    }
    assertEquals(1, images, "the plate, embedded once (FOP draws the one image object in the figure and in the line)");
  }

  /**
   * An image file that is not what its name says (seven bytes "notapng", a TIFF named .png, a
   * PNG cut short in its header) is a warning at its graphic, and its figure shows its
   * description, as for a missing file: FOP's "No ImagePreloader found" stopped the whole build.
   */
  @Test
  void aDamagedImageIsAWarningAndItsFigureShowsItsDescription(@TempDir Path other) throws Exception {
    Path edition = Files.createDirectories(other.resolve("edition/plates"));
    Files.writeString(edition.resolve("fake.png"), "notapng");
    java.awt.image.BufferedImage pixels = new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB);
    assertTrue(javax.imageio.ImageIO.write(pixels, "tiff", edition.resolve("tiff.png").toFile()));
    byte[] png = Files.readAllBytes(FIXTURE.resolve("plates/plate 1.png"));
    Files.write(edition.resolve("cut.png"), java.util.Arrays.copyOf(png, 12));
    String figures = Files.readString(FIXTURE.resolve("figures.xml"))
        .replace("xml:id=\"figures\"", "xml:id=\"damaged\"")
        .replace("plates/plate%201.png", "plates/fake.png")
        .replace("plates/missing.png", "plates/tiff.png")
        .replace("../../../../../../../etc/passwd.png", "plates/cut.png")
        .replace("plates/plate 1.png", "plates/fake.png");
    Files.writeString(other.resolve("edition/damaged.xml"), figures);
    Builder.Result built = new Builder().build(other.resolve("edition"), other.resolve("out"), "html", "pdf");
    List<String> warnings = built.warnings().stream().filter(p -> "image".equals(p.rule()))
        .map(p -> p.line() + " " + p.message()).toList();
    assertEquals(4, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).startsWith("14 image 'plates/fake.png' is not an image"), warnings.toString());
    assertTrue(warnings.get(1).startsWith("19 image 'plates/tiff.png' is a TIFF image, not PNG as its name says"), warnings.toString());
    assertTrue(warnings.get(2).startsWith("23 image 'plates/cut.png' is a damaged PNG file"), warnings.toString());
    assertTrue(warnings.get(3).startsWith("30 image 'plates/fake.png' is not an image"), warnings.toString());
    assertTrue(warnings.stream().allMatch(w -> w.endsWith("its figure shows its description")), warnings.toString());
    Document page = Jsoup.parse(other.resolve("out").resolve(built.layout().documentPage("damaged")).toFile(), "UTF-8");
    assertEquals(List.of(), page.select("img.tei-graphic"), "no broken image on the page");
    assertEquals(3, page.select("figure .image-absent").size());
    assertTrue(page.text().contains("A blue rectangle, the first plate") && page.text().contains("A plate the edition lacks"));
    try (PDDocument pdf = Loader.loadPDF(other.resolve("out").resolve(built.layout().documentPdf("damaged")).toFile())) {
      String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
      assertTrue(text.contains("A blue rectangle, the first plate"), text);
    }
  }

  /**
   * A page scan (2000 × 3000 pixels) is scaled to fit the column and at most 150 mm of height, as
   * a landscape plate is to the column's width: FOP drew it at the column's width, 250 mm tall, off
   * the page and over its description, the next paragraph and the folio (session 8's review).
   */
  @Test
  void aTallImageFitsItsPage() throws Exception {
    try (PDDocument pdf = Loader.loadPDF(out.resolve(result.layout().documentPdf("scan")).toFile())) {
      List<float[]> drawn = new java.util.ArrayList<>();
      PDPage page = pdf.getPage(0);
      new org.apache.pdfbox.contentstream.PDFStreamEngine() {
        {
          addOperator(new org.apache.pdfbox.contentstream.operator.DrawObject(this));
          addOperator(new org.apache.pdfbox.contentstream.operator.state.Concatenate(this));
          addOperator(new org.apache.pdfbox.contentstream.operator.state.Save(this));
          addOperator(new org.apache.pdfbox.contentstream.operator.state.Restore(this));
        }

        @Override
        protected void processOperator(org.apache.pdfbox.contentstream.operator.Operator operator, List<org.apache.pdfbox.cos.COSBase> operands)
            throws java.io.IOException {
          if (operator.getName().equals("Do")) {
            var ctm = getGraphicsState().getCurrentTransformationMatrix();
            drawn.add(new float[] {ctm.getTranslateX(), ctm.getTranslateY(), ctm.getScalingFactorX(), ctm.getScalingFactorY()});
          }
          super.processOperator(operator, operands);
        }
      }.processPage(page);
      assertEquals(1, drawn.size(), "the scan is drawn on the first page");
      float[] image = drawn.get(0);
      float mm = 72f / 25.4f;
      assertTrue(image[3] <= 150 * mm + 1, "at most 150 mm high: " + image[3] / mm + " mm");
      assertTrue(image[3] >= 140 * mm, "not made smaller than it must: " + image[3] / mm + " mm");
      assertEquals(2f / 3f, image[2] / image[3], 0.01, "its proportions kept");
      assertTrue(image[1] > 15 * mm, "above the folio at the page's foot: its bottom at " + image[1] / mm + " mm");
      String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
      assertTrue(text.contains("the first page") && text.contains("After the scan."), text);
    }
  }
}
