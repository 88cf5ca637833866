package org.editio.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.editio.TestFiles;
import org.editio.build.Builder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a printer gets from {@code --print}, and other print defects of review 9, seen on the page. */
class PrintTest {

  private static final float MM = 72f / 25.4f;

  /**
   * {@code --print}: eight trim marks on the lines of the trim box's edges, 4 to 10 mm outside the
   * trim (beyond the 3 mm bleed), on every page; nothing drawn in the bleed. The page is rendered
   * (PDFBox, crop box = media box) and its pixels read.
   */
  @Test
  void printDrawsCropMarksOutsideTheBleed(@TempDir Path dir) throws Exception {
    new Builder().pageSize("letter").print(true).build(TestFiles.SEED, dir, "pdf");
    try (PDDocument pdf = Loader.loadPDF(dir.resolve("pdf/documents/d1937-05-14-litvinov.pdf").toFile())) {
      assertTrue(pdf.getNumberOfPages() >= 2);
      for (int p = 0; p < pdf.getNumberOfPages(); p++) {
        PDPage page = pdf.getPage(p);
        PDRectangle trim = page.getTrimBox();
        PDRectangle crop = page.getCropBox();
        assertEquals(612f, trim.getWidth(), 1f, "US letter trim width");
        assertEquals(page.getMediaBox().getWidth(), crop.getWidth(), 0.1f, "the marks are visible: crop box = media box");
        float scale = 4f;
        BufferedImage image = new PDFRenderer(pdf).renderImage(p, scale);
        Pixels px = new Pixels(image, crop, scale);
        List<String> missing = new ArrayList<>();
        float[] xs = {trim.getLowerLeftX(), trim.getUpperRightX()};
        float[] ys = {trim.getLowerLeftY(), trim.getUpperRightY()};
        for (float x : xs) {
          for (float y : ys) {
            float out = x == xs[0] ? -1 : 1;
            float up = y == ys[0] ? -1 : 1;
            for (float d : new float[] {4.5f, 7f, 9.5f}) {
              if (!px.darkNear(x + out * d * MM, y)) {
                missing.add("horizontal mark at " + x + "," + y + " " + d + " mm out");
              }
              if (!px.darkNear(x, y + up * d * MM)) {
                missing.add("vertical mark at " + x + "," + y + " " + d + " mm out");
              }
            }
          }
        }
        assertEquals(List.of(), missing, "page " + (p + 1));
        // the bleed (3 mm round the trim) and 0.5 mm beyond it hold nothing
        int dark = 0;
        for (float x = xs[0] - 3.5f * MM; x <= xs[1] + 3.5f * MM; x += 0.5f) {
          for (float y = ys[0] - 3.5f * MM; y <= ys[1] + 3.5f * MM; y += 0.5f) {
            boolean inTrim = x > xs[0] + 0.5f && x < xs[1] - 0.5f && y > ys[0] + 0.5f && y < ys[1] - 0.5f;
            if (!inTrim && px.dark(x, y)) {
              dark++;
            }
          }
        }
        assertEquals(0, dark, "dark pixels in the bleed of page " + (p + 1));
      }
    }
    // still PDF/A-2b with the marks (veraPDF)
    org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider.initialise();
    try (java.io.InputStream in = java.nio.file.Files.newInputStream(dir.resolve("pdf/documents/d1937-05-14-litvinov.pdf"));
        org.verapdf.pdfa.PDFAParser parser = org.verapdf.pdfa.Foundries.defaultInstance().createParser(in)) {
      var result = org.verapdf.pdfa.Foundries.defaultInstance().createValidator(parser.getFlavour(), false).validate(parser);
      assertTrue(result.isCompliant(), result.getTestAssertions().stream()
          .filter(a -> a.getStatus() != org.verapdf.pdfa.results.TestAssertion.Status.PASSED).limit(5).toList().toString());
    }
  }

  /**
   * A cell whose @rows runs past the table's last row (valid TEI, a common slip) is cut at the
   * last row, as browsers do; FOP stopped the whole build with "A table-cell is spanning more
   * rows than available". Every cell's text is printed.
   */
  @Test
  void rowSpanPastTheLastRowIsCut(@TempDir Path dir) throws Exception {
    new Builder().build(TestFiles.FIXTURES.resolve("print/row-span"), dir, "pdf");
    String text = SeedPdfTest.pdfText(dir.resolve("pdf/documents/rs.pdf"));
    for (String cell : List.of("NameValue", "Total42", "YearCount", "Nineteen-thirties", "1937", "1938")) {
      assertTrue(text.contains(cell), cell + " in " + text);
    }
  }

  /**
   * Strings with no break opportunity (a hash in a table cell, 89 digits, a shelfmark run) break
   * inside the column: every glyph stands within the text block, the hash's cell ends before
   * the next cell begins, and the PDF's text holds every character (the zero-width spaces that
   * allow the breaks are not in it). Before, the digits ran off the page (8 lost) and the hash
   * over three cells. No overflow warning is left.
   */
  @Test
  void longRunsWithDigitsBreakInTheirColumn(@TempDir Path dir) throws Exception {
    Builder.Result result = new Builder().build(TestFiles.FIXTURES.resolve("print/long-strings"), dir, "pdf");
    assertEquals(List.of(), result.warnings().stream().map(Object::toString).toList());
    Path pdfFile = dir.resolve("pdf/documents/ls.pdf");
    String text = SeedPdfTest.pdfText(pdfFile);
    for (String s : List.of("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        "98765432109876543210987654321098765432109876543210987654321098765432109876543210987654321end.",
        "Cod1234567890Cod1234567890Cod1234567890Cod1234567890Cod1234567890Cod12345")) {
      assertTrue(text.contains(s), s + " in " + text);
    }
    assertFalse(text.contains("\u200B"), "no zero-width space in the text");
    try (PDDocument pdf = Loader.loadPDF(pdfFile.toFile())) {
      float width = pdf.getPage(0).getMediaBox().getWidth();
      float hashEnd = 0;
      float nextStart = Float.MAX_VALUE;
      for (PdfLines.Line line : PdfLines.of(pdf, 1, pdf.getNumberOfPages())) {
        for (var t : line.glyphs()) {
          // first pages are rectos: 25 mm outer margin (PDFBox measures the last glyph up to 4 pt wider than poppler)
          assertTrue(t.getX() + t.getWidth() <= width - 25 * MM + 5f, "within the text block: " + (t.getX() + t.getWidth()) + " " + line.text());
        }
        for (var word : line.words()) {
          String w = word.stream().map(t -> t.getUnicode()).reduce("", String::concat);
          if (w.matches("[0-9a-f]{16,}") && w.matches(".*[a-f].*")) {
            hashEnd = Math.max(hashEnd, word.get(word.size() - 1).getX() + word.get(word.size() - 1).getWidth());
          }
          if (w.equals("NEXT-CELL")) {
            nextStart = word.get(0).getX();
          }
        }
      }
      assertTrue(hashEnd > 0 && hashEnd < nextStart, "the hash (to " + hashEnd + ") ends before the next cell (" + nextStart + ")");
    }
  }

  /**
   * A word that still cannot be broken (no hyphenation patterns for Greek, a narrow cell) is not
   * set past its column silently: a warning at the TEI element that holds it, quoting it.
   */
  @Test
  void aLineWiderThanItsColumnIsReported(@TempDir Path dir) throws Exception {
    Builder.Result result = new Builder().build(TestFiles.FIXTURES.resolve("print/overflow"), dir, "pdf");
    List<String> warnings = result.warnings().stream().map(Object::toString).toList();
    assertEquals(2, warnings.size(), "the document PDF and the volume: " + warnings);
    // an endnote's two-digit number runs into the gap its list has for it: no warning (FRUS had 54)
    assertEquals(List.of(), new Builder().build(TestFiles.FIXTURES.resolve("print/endnotes"), dir.resolve("endnotes"), "pdf")
        .warnings().stream().map(Object::toString).toList());
    for (String w : warnings) {
      assertTrue(w.matches("(?s).*ov\\.xml:6:42: warning: .*\\.pdf: a line runs \\d+\\.\\d mm past its column.*"
          + "\"ἀνδροκτασίαισιναἱματοεσσαισιν\" has no place to break.*"), w);
    }
  }

  /**
   * What TEI allows between a table's rows (a note, a page break, a milestone) and a table of no
   * rows (a graphic) are printed: the note's mark ends the last cell of the row before it and its
   * text is a footnote; the page number follows that row's text. FOP took only the rows before.
   */
  @Test
  void notesAndPageBreaksBetweenRowsArePrinted(@TempDir Path dir) throws Exception {
    new Builder().build(TestFiles.FIXTURES.resolve("print/table-globals"), dir, "pdf");
    try (PDDocument pdf = Loader.loadPDF(dir.resolve("pdf/documents/tg.pdf").toFile())) {
      List<String> lines = PdfLines.of(pdf, 1, pdf.getNumberOfPages()).stream().map(PdfLines.Line::text).toList();
      String all = String.join("\n", lines);
      assertTrue(lines.stream().anyMatch(l -> l.matches(".*1\\s*NOTE-BEFORE-ROWS.*")), "first footnote: " + all);
      assertTrue(lines.stream().anyMatch(l -> l.matches(".*2\\s*NOTE-BETWEEN-ROWS.*")), "second footnote: " + all);
      assertTrue(lines.stream().anyMatch(l -> l.matches("1?\\s*R1\\s*one\\s*\\|5\\|")), "the page break after row 1: " + all);
      assertTrue(lines.stream().anyMatch(l -> l.matches("R2\\s*two\\s*2")), "the note's mark after row 2: " + all);
      assertTrue(lines.stream().anyMatch(l -> l.matches("R3\\s*three\\s*section M7")), "the milestone after row 3: " + all);
    }
    String text = SeedPdfTest.pdfText(dir.resolve("pdf/documents/tg.pdf"));
    assertTrue(text.contains("After."), text);
  }

  /**
   * A footnote is set as every other whatever inline its mark stands in: the note of a deletion
   * is not struck through, the note of a link not link-blue, the note of a heading not in the
   * heading's bold sans-serif, the note of an italic phrase not italic. The page is rendered and
   * each note's glyphs read: font (PDFBox), colour and a line through the word (pixels).
   */
  @Test
  void footnotesDoNotTakeTheLookOfTheirInline(@TempDir Path dir) throws Exception {
    new Builder().build(TestFiles.FIXTURES.resolve("print/note-style"), dir, "pdf");
    try (PDDocument pdf = Loader.loadPDF(dir.resolve("pdf/documents/ns.pdf").toFile())) {
      float scale = 4f;
      BufferedImage image = new PDFRenderer(pdf).renderImage(0, scale);
      Pixels px = new Pixels(image, pdf.getPage(0).getCropBox(), scale);
      float height = pdf.getPage(0).getCropBox().getHeight();
      int found = 0;
      for (PdfLines.Line line : PdfLines.of(pdf, 1, 1)) {
        for (var word : line.words()) {
          String w = word.stream().map(t -> t.getUnicode()).reduce("", String::concat);
          if (!w.matches("NOTEIN(HEAD|DEL|REF|HI)") || line.size() > 9) {
            continue;
          }
          found++;
          for (var t : word) {
            String font = t.getFont().getName();
            assertTrue(font.contains("DejaVuSerif") && !font.contains("Bold") && !font.contains("Italic"), w + ": " + font);
          }
          float x0 = word.get(0).getX();
          float x1 = word.get(word.size() - 1).getX() + word.get(word.size() - 1).getWidth();
          float base = height - word.get(0).getY();
          float capHeight = word.get(0).getFontSizeInPt() * 0.7f;
          // no horizontal line across the word (a line-through) at any height within the capitals
          for (float y = base + 0.5f; y < base + capHeight - 0.5f; y += 0.25f) {
            int run = 0;
            int longest = 0;
            for (float x = x0; x <= x1; x += 0.25f) {
              run = px.dark(x, y) ? run + 1 : 0;
              longest = Math.max(longest, run);
            }
            assertTrue(longest * 0.25f < (x1 - x0) * 0.6f, w + " struck through at " + y);
          }
          // its ink is grey, not blue
          for (float x = x0; x <= x1; x += 0.25f) {
            for (float y = base; y < base + capHeight; y += 0.25f) {
              int rgb = px.rgb(x, y);
              int r = (rgb >> 16) & 0xff;
              int b = rgb & 0xff;
              assertTrue(b - r < 40, w + " is coloured at " + x + "," + y + ": " + Integer.toHexString(rgb));
            }
          }
        }
      }
      assertEquals(4, found, "the four footnotes");
    }
  }

  /**
   * Only absolute addresses become links in a PDF: a relative one ("../chapter-8#fn28") resolved
   * against the PDF file's folder and opened nothing; it is printed as text, nothing of it lost.
   */
  @Test
  void onlyAbsoluteAddressesAreLinks(@TempDir Path dir) throws Exception {
    new Builder().build(TestFiles.FIXTURES.resolve("print/links"), dir, "pdf");
    try (PDDocument pdf = Loader.loadPDF(dir.resolve("pdf/documents/ln.pdf").toFile())) {
      List<String> uris = new ArrayList<>();
      for (var annotation : pdf.getPage(0).getAnnotations()) {
        if (annotation instanceof org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink link
            && link.getAction() instanceof org.apache.pdfbox.pdmodel.interactive.action.PDActionURI uri) {
          uris.add(uri.getURI());
        }
      }
      assertEquals(List.of("https://history.state.gov/", "mailto:editors@example.org"), uris.stream().sorted().toList());
    }
    String text = SeedPdfTest.pdfText(dir.resolve("pdf/documents/ln.pdf"));
    assertTrue(text.contains("SeeFootnote28,apage,theOfficeandtheeditors."), text);
  }

  /**
   * Pointed Hebrew in a left-to-right paragraph is refused for the PDF, located at its element
   * (FOP 2.11 printed the points on the wrong letters and a dagesh on the next word), as editio
   * refuses Arabic joining and Devanagari; the same words without points print, every letter in
   * the text.
   */
  @Test
  void pointedHebrewIsRefusedAndPlainHebrewPrinted(@TempDir Path dir) throws Exception {
    org.editio.EditioException e = org.junit.jupiter.api.Assertions.assertThrows(org.editio.EditioException.class,
        () -> new Builder().build(TestFiles.FIXTURES.resolve("print/pointed-hebrew"), dir.resolve("pointed"), "pdf"));
    assertTrue(e.getMessage().matches("(?s).*pointed-hebrew/heb\\.xml:6:\\d+: error: heb\\.pdf: the PDF cannot set pointed Hebrew,"
        + " first .*\\(U\\+05B[0-9A-F] HEBREW POINT .*"), e.getMessage());
    new Builder().build(TestFiles.FIXTURES.resolve("print/plain-hebrew"), dir.resolve("plain"), "pdf");
    String text = SeedPdfTest.pdfText(dir.resolve("plain/pdf/documents/heb.pdf"));
    assertTrue(text.contains("Genesisopenswith") && text.contains("(Gen1:1)."), text);
    for (String word : List.of("בראשית", "ברא")) {
      assertTrue(text.contains(word) || text.contains(new StringBuilder(word).reverse()), word + " in " + text);
    }
  }

  /**
   * A document whose body opens with paragraphs before its one division (FRUS: the source, then
   * the div with its head) prints its title first: the div's head was taken for the text's own
   * heading, so no title stood above the source paragraphs.
   */
  @Test
  void theTitleStandsAboveParagraphsBeforeTheHead(@TempDir Path dir) throws Exception {
    new Builder().build(TestFiles.FIXTURES.resolve("print/title-first"), dir, "pdf");
    String text = SeedPdfTest.pdfText(dir.resolve("pdf/documents/tf.pdf"));
    int title = text.indexOf("Transcriptofthe1958meeting");
    int source = text.indexOf("Source:DepartmentofState");
    assertTrue(title >= 0 && source >= 0 && title < source, text);
  }

  /**
   * A document's PDF of TEI without a base URL cites no address: "documents/ln.html" (the page's
   * path in the site) led nowhere from a PDF that travels alone. The sample edition, which has a
   * base URL, still cites its page's address (PdfEditionTest, SeedPdfTest).
   */
  @Test
  void withoutABaseUrlTheCitationNamesNoPath(@TempDir Path dir) throws Exception {
    new Builder().build(TestFiles.FIXTURES.resolve("print/links"), dir, "pdf");
    String text = SeedPdfTest.pdfText(dir.resolve("pdf/documents/ln.pdf"));
    assertTrue(text.contains("Citethisdocument:“Links.”No.1inLinks."), text);
    assertFalse(text.contains("documents/ln.html"), text);
  }

  /**
   * The PDF's text says "ff", "fi", "fl", not the ligatures' own code points (U+FB00 to U+FB04),
   * which FOP wrote where it applied the fonts' liga feature ("Aﬀairs", "Tevﬁk"): a search for
   * "Affairs" missed them. Read twice: PDFBox's glyphs (each glyph's Unicode, before PDFBox's own
   * normalising of the text) and poppler's pdftotext.
   */
  @Test
  void theTextSaysFfFiFlNotLigatures(@TempDir Path dir) throws Exception {
    new Builder().build(TestFiles.FIXTURES.resolve("print/ligatures"), dir, "pdf");
    Path file = dir.resolve("pdf/documents/lg.pdf");
    StringBuilder glyphs = new StringBuilder();
    try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
      for (PdfLines.Line line : PdfLines.of(pdf, 1, pdf.getNumberOfPages())) {
        line.glyphs().forEach(t -> glyphs.append(t.getUnicode()));
        glyphs.append(' ');
      }
    }
    Process p = new ProcessBuilder("pdftotext", "-enc", "UTF-8", file.toString(), "-").redirectErrorStream(true).start();
    String poppler = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor());
    for (String text : List.of(glyphs.toString(), poppler)) {
      assertFalse(text.matches("(?s).*[\\uFB00-\\uFB06\\u2060\\u200C].*"), "ligatures or joiners in " + text);
      String words = TestFiles.withoutWhitespace(text);
      for (String w : List.of("ForeignAffairsofTevfikandStafford", "Itriedtofindoutwhethertheofficeofthefluffyofficial",
          "inEffinghamoffersaffluentstaffafinewaffle.")) {
        assertTrue(words.contains(w), w + " in " + text);
      }
    }
  }

  /**
   * Letter-spaced text keeps the word space after it: the word after "K a i s e r" starts a word
   * space or more after its last letter (FOP laid the line out without the letter spaces it drew,
   * and "kam" overprinted the "r"). Both ways of saying it: rend="spaced" and a rendition's CSS.
   */
  @Test
  void letterSpacedTextKeepsTheSpaceAfterIt(@TempDir Path dir) throws Exception {
    new Builder().build(TestFiles.FIXTURES.resolve("print/spaced"), dir, "pdf");
    try (PDDocument pdf = Loader.loadPDF(dir.resolve("pdf/documents/sp.pdf").toFile())) {
      List<String> checked = new ArrayList<>();
      for (PdfLines.Line line : PdfLines.of(pdf, 1, 1)) {
        List<org.apache.pdfbox.text.TextPosition> g = line.glyphs().stream().filter(t -> !t.getUnicode().isBlank()).toList();
        String letters = g.stream().map(t -> t.getUnicode()).reduce("", String::concat);
        for (String spaced : List.of("Kaiser", "zweidrei")) {
          int first = letters.indexOf(spaced);
          if (first < 0 || !letters.matches("(Der|Eins)" + spaced + "(kam|vier)\\.")) {
            continue;
          }
          var end = g.get(first + spaced.length() - 1);
          var next = g.get(first + spaced.length());
          float gap = next.getX() - (end.getX() + end.getWidth());
          assertTrue(gap > 0.25f * 10.5f, line.text() + ": " + gap + " pt between its last spaced letter and the next word");
          float apart = g.get(first + 1).getX() - (g.get(first).getX() + g.get(first).getWidth());
          assertTrue(apart > 0.5f, line.text() + ": its letters " + apart + " pt apart");
          checked.add(line.text());
        }
      }
      assertEquals(2, checked.size(), checked.toString());
    }
  }

  /** A rendered page's pixels addressed in PDF points (origin at the bottom left of the media box). */
  record Pixels(BufferedImage image, PDRectangle crop, float scale) {

    int rgb(float x, float y) {
      int ix = Math.round((x - crop.getLowerLeftX()) * scale);
      int iy = Math.round((crop.getUpperRightY() - y) * scale);
      if (ix < 0 || iy < 0 || ix >= image.getWidth() || iy >= image.getHeight()) {
        return 0xffffff;
      }
      return image.getRGB(ix, iy);
    }

    boolean dark(float x, float y) {
      int rgb = rgb(x, y);
      int grey = (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff)) / 3;
      return grey < 160;
    }

    /** Dark within half a point of (x, y): a 0.25 pt line, anti-aliased. */
    boolean darkNear(float x, float y) {
      for (float dx = -0.5f; dx <= 0.5f; dx += 0.25f) {
        for (float dy = -0.5f; dy <= 0.5f; dy += 0.25f) {
          if (dark(x + dx, y + dy)) {
            return true;
          }
        }
      }
      return false;
    }
  }
}
