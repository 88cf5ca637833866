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

  @Test
  void aMissingGlyphFailsTheBuildAndNothingIsPublished(@TempDir Path out) {
    EditioException e = assertThrows(EditioException.class, () -> new Builder()
        .build(TestFiles.FIXTURES.resolve("glyphs/missing-glyph.xml"), out, "pdf"));
    assertEquals(EditioException.INPUT, e.exitCode());
    assertTrue(e.problems().stream().anyMatch(p -> p.message().contains("the embedded fonts lack this character")),
        e.problems().toString());
    assertFalse(Files.exists(out.resolve("pdf")), "no half-written output");
  }

  @Test
  void turkishCyrillicAndGreekArePrinted(@TempDir Path out) throws Exception {
    new Builder().build(TestFiles.FIXTURES.resolve("encodings/utf8-bom.xml"), out, "pdf");
    String text = SeedPdfTest.pdfText(out.resolve("pdf/documents/utf8-bom.pdf"));
    assertTrue(text.contains("Größe,İstanbul,Москва,Ἑλλάς."), text);
  }
}
