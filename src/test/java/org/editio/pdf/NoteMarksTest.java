package org.editio.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.editio.TestFiles;
import org.editio.build.Builder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No note mark alone at the start of a line: a mark stays on the line of the word before it. The
 * fixture edition ({@code fixtures/note-marks}) sets the same paragraph 24 times, its last line
 * one character longer each time, for seven ways a note follows its word (directly, after
 * whitespace, after italics, after italics ending in a space, after a quotation, a correction, a
 * dash), so that some marks fall exactly at the end of a line. The same edition with a stylesheet
 * that sets the marks without editio's word joiner shows that the fixture catches the fault.
 */
@Tag("slow")
class NoteMarksTest {

  static final Path FIXTURE = TestFiles.FIXTURES.resolve("note-marks");
  static final int NOTES = 7 * 24;

  @Test
  void everyMarkStaysOnTheLineOfTheWordBeforeIt(@TempDir Path out) throws Exception {
    try (Builder builder = new Builder()) {
      builder.build(FIXTURE, out, "pdf");
    }
    for (Path pdf : List.of(out.resolve("pdf/documents/note-marks-1.pdf"), out.resolve("pdf/note-marks.pdf"))) {
      List<NoteMarks.Mark> marks = NoteMarks.of(pdf);
      // every note's mark is found, once: the check sees the marks it judges
      assertEquals(IntStream.rangeClosed(1, NOTES).mapToObj(String::valueOf).toList(),
          marks.stream().map(NoteMarks.Mark::number).toList(), pdf.getFileName().toString());
      assertEquals(List.of(), marks.stream().filter(NoteMarks.Mark::startsLine).toList(), pdf.getFileName() + ": marks beginning a line");
    }
  }

  /** Without the joiner (an edition stylesheet setting marks as FOP would), marks after whitespace begin lines. */
  @Test
  void withoutTheJoinerTheFixtureHasMarksBeginningALine(@TempDir Path dir) throws Exception {
    Path edition = dir.resolve("edition");
    TestFiles.copyTree(FIXTURE, edition);
    Files.createDirectories(edition.resolve("xslt"));
    Files.writeString(edition.resolve("xslt/fo.xsl"), """
        <?xml version="1.0" encoding="UTF-8"?>
        <xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
            xmlns:m="http://editio.org/ns/mode" xmlns:b="http://editio.org/ns/behaviour"
            xmlns:fo="http://www.w3.org/1999/XSL/Format" exclude-result-prefixes="#all">
          <xsl:import href="editio:fo.xsl"/>
          <xsl:template match="text()" mode="m:text"><xsl:value-of select="."/></xsl:template>
          <xsl:template name="b:note">
            <xsl:param name="number"/><xsl:param name="label"/><xsl:param name="id"/><xsl:param name="source-mark"/><xsl:param name="place"/>
            <fo:footnote><fo:inline baseline-shift="super" font-size="65%"><xsl:value-of select="$label"/></fo:inline>
              <fo:footnote-body><fo:block font-size="8.5pt"><xsl:apply-templates mode="m:text"/></fo:block></fo:footnote-body></fo:footnote>
          </xsl:template>
        </xsl:stylesheet>
        """);
    try (Builder builder = new Builder()) {
      builder.build(edition, dir.resolve("out"), "pdf");
    }
    List<NoteMarks.Mark> marks = NoteMarks.of(dir.resolve("out/pdf/documents/note-marks-1.pdf"));
    assertEquals(NOTES, marks.size(), marks.toString());
    List<NoteMarks.Mark> first = marks.stream().filter(NoteMarks.Mark::startsLine).toList();
    assertFalse(first.isEmpty(), "the fixture sets no mark where it would begin a line");
    // only where whitespace comes before the mark (the source's or an element's): FOP breaks nowhere else
    assertTrue(first.stream().allMatch(m -> m.previousLine().endsWith("it.") || m.previousLine().endsWith("it")), first.toString());
  }
}
