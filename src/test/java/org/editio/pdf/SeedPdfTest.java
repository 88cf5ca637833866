package org.editio.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.editio.TestFiles;
import org.editio.build.Builder;
import org.editio.xml.Xml;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed telegram's PDFs: fonts embedded, every word of the text present. */
@Tag("slow")
class SeedPdfTest {

  @TempDir static Path out;
  static Path documentPdf;
  static Path volumePdf;

  @BeforeAll
  static void publish() throws Exception {
    new Builder().build(TestFiles.EDITION, out, "pdf");
    documentPdf = out.resolve("pdf/documents/d1937-05-14-litvinov.pdf");
    volumePdf = out.resolve("pdf/soviet-foreign-policy-1919-1941.pdf");
  }

  /** The PDF's text with line-end hyphenation undone and all whitespace removed. */
  static String pdfText(Path pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      String text = new PDFTextStripper().getText(doc);
      // FOP hyphenates with U+002D at line ends; the TEI's own hyphens are U+2010.
      return TestFiles.withoutWhitespace(text.replaceAll("-\\R", ""));
    }
  }

  static List<String> fontProblems(Path pdf) throws IOException {
    List<String> problems = new ArrayList<>();
    int fonts = 0;
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      for (PDPage page : doc.getPages()) {
        PDResources res = page.getResources();
        for (COSName name : res.getFontNames()) {
          PDFont font = res.getFont(name);
          fonts++;
          if (!font.isEmbedded()) {
            problems.add(font.getName() + " is not embedded");
          }
        }
      }
    }
    if (fonts == 0) {
      problems.add("no fonts at all");
    }
    return problems;
  }

  @Test
  void allFontsAreEmbedded() throws IOException {
    assertEquals(List.of(), fontProblems(documentPdf));
    assertEquals(List.of(), fontProblems(volumePdf));
  }

  @Test
  void everyWordOfTheTextIsInTheDocumentPdfAndTheVolume() throws Exception {
    List<String> words = TestFiles.teiWords(new Xml().parse(TestFiles.SEED));
    assertTrue(words.size() > 400, "the seed has hundreds of words: " + words.size());
    for (Path pdf : List.of(documentPdf, volumePdf)) {
      String text = pdfText(pdf);
      List<String> missing = words.stream().filter(w -> !text.contains(w)).toList();
      assertEquals(List.of(), missing, pdf.getFileName().toString());
      assertTrue(text.contains("peopleʹscommissar"), "U+02B9 extracted as itself");
      assertTrue(text.contains("long‐term"), "U+2010 extracted as itself");
    }
  }

  @Test
  void theNoteIsAFootnoteOnThePageOfItsMark() throws IOException {
    try (PDDocument doc = Loader.loadPDF(documentPdf.toFile())) {
      PDFTextStripper stripper = new PDFTextStripper();
      boolean found = false;
      for (int p = 1; p <= doc.getNumberOfPages(); p++) {
        stripper.setStartPage(p);
        stripper.setEndPage(p);
        String page = stripper.getText(doc);
        if (page.contains("a copy of the telegram")) {
          found = true;
          assertTrue(TestFiles.withoutWhitespace(page.replaceAll("-\\R", "")).contains("frommyargument.1"),
              "mark on the same page as the note");
        }
      }
      assertTrue(found, "the note's text is in the PDF");
    }
  }
}
