package org.editio.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.editio.EditioException;
import org.editio.TestFiles;
import org.editio.build.Builder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A character the embedded fonts lack fails the build (FOP's glyph event), instead of printing '#'. */
class FontCoverageTest {

  /** A document in Latin and kana (bold and italic), which DejaVu cannot print: also EditionFontsTest's. */
  static final String KANA = """
        <TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="kana">
          <teiHeader><fileDesc><titleStmt><title>Kana</title></titleStmt><publicationStmt><p>Fixture.</p></publicationStmt>
            <sourceDesc><p>Written for the tests.</p></sourceDesc></fileDesc></teiHeader>
          <text><body>
            <p>Plain Latin first.</p>
            <p>Then <hi rend="bold">ひらがな</hi> and <hi rend="italic">かな</hi>.</p>
          </body></text>
        </TEI>
        """;

  @Test
  void aMissingGlyphFailsTheBuildAndNothingIsPublished(@TempDir Path out) {
    EditioException e = assertThrows(EditioException.class, () -> new Builder()
        .build(TestFiles.FIXTURES.resolve("glyphs/missing-glyph.xml"), out, "pdf"));
    assertEquals(EditioException.INPUT, e.exitCode());
    // one error, at the paragraph that has the character, naming it (FOP's event holds only its low 16 bits)
    assertEquals(1, e.problems().size(), e.problems().toString());
    org.editio.Problem p = e.problems().get(0);
    assertEquals(4, p.line());
    assertTrue(p.message().contains("the PDF cannot print \"\uD80C\uDC00\" (U+13000 EGYPTIAN HIEROGLYPH A001):"
        + " the embedded fonts lack it (DejaVuSerif) and would print '#'"), p.message());
    assertFalse(Files.exists(out.resolve("pdf")), "no half-written output");
  }

  /** A script the fonts lack is one error, not one per character and font: a Japanese text would give thousands. */
  @Test
  void aScriptTheFontsLackIsOneErrorAtItsFirstCharacter(@TempDir Path dir) throws Exception {
    Path tei = dir.resolve("kana.xml");
    Files.writeString(tei, KANA);
    EditioException e = assertThrows(EditioException.class, () -> new Builder().build(tei, dir.resolve("out"), "pdf"));
    assertEquals(1, e.problems().size(), e.problems().toString());
    org.editio.Problem p = e.problems().get(0);
    assertEquals(tei, p.file());
    assertEquals(6, p.line());
    assertTrue(p.message().contains("the PDF cannot print characters of the Unicode block HIRAGANA, first \"ひ\""
        + " (U+3072 HIRAGANA LETTER HI): the embedded fonts lack them (DejaVuSerif-Bold, DejaVuSerif-Italic)"), p.message());
  }

  @Test
  void turkishCyrillicAndGreekArePrinted(@TempDir Path out) throws Exception {
    new Builder().build(TestFiles.FIXTURES.resolve("encodings/utf8-bom.xml"), out, "pdf");
    String text = SeedPdfTest.pdfText(out.resolve("pdf/documents/utf8-bom.pdf"));
    assertTrue(text.contains("Größe,İstanbul,Москва,Ἑλλάς."), text);
  }
}
