package org.editio.pdf;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.TextPosition;

/**
 * The note marks of a PDF as a reader sees them: runs of digits set in a smaller size than the
 * line they stand in (FOP's superscript marks, 65% of the text), found in PDFBox's lines of text,
 * each with whether it begins its line. A mark alone on a line is compared with the line before.
 * A run counts only where it touches the glyph before or after it on the line (PDFBox also joins
 * a folio to the next heading in one "line").
 */
final class NoteMarks {

  /** A note mark: its page (1-based), its number, whether it begins a line, and that line. */
  record Mark(int page, String number, boolean startsLine, String line, String previousLine) {
    @Override
    public String toString() {
      return "p. " + page + ", mark " + number + (startsLine ? " begins the line [" : " in [") + line + "] after [" + previousLine + "]";
    }
  }

  private NoteMarks() {}

  static List<Mark> of(Path pdf) throws IOException {
    List<List<TextPosition>> lines = new ArrayList<>();
    List<Integer> pages = new ArrayList<>();
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      for (PdfLines.Line line : PdfLines.of(doc, 1, doc.getNumberOfPages())) {
        lines.add(line.glyphs());
        pages.add(line.page());
      }
    }
    List<Mark> marks = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      List<TextPosition> line = lines.get(i);
      List<TextPosition> previous = i > 0 && pages.get(i - 1).equals(pages.get(i)) ? lines.get(i - 1) : List.of();
      float size = maxSize(line);
      int start = -1;
      for (int j = 0; j <= line.size(); j++) {
        boolean small = j < line.size() && isDigit(line.get(j)) && line.get(j).getFontSizeInPt() < 0.75f * size;
        if (small && start < 0) {
          start = j;
        } else if (!small && start >= 0) {
          boolean joinsNext = j < line.size() && adjacent(line.get(j - 1), line.get(j));
          boolean joinsPrevious = start > 0 && adjacent(line.get(start - 1), line.get(start));
          if (joinsNext || joinsPrevious) {
            marks.add(mark(pages.get(i), line, start, j, previous));
          }
          start = -1;
        }
      }
      // a line of nothing but small digits: a mark alone on its line if the line before is larger
      if (!line.isEmpty() && line.stream().allMatch(NoteMarks::isDigit) && !previous.isEmpty()
          && size < 0.75f * maxSize(previous) && near(previous.get(previous.size() - 1), line.get(0))) {
        marks.add(mark(pages.get(i), line, 0, line.size(), previous));
      }
    }
    return marks;
  }

  private static Mark mark(int page, List<TextPosition> line, int start, int end, List<TextPosition> previous) {
    return new Mark(page, text(line.subList(start, end)), start == 0, text(line), text(previous));
  }

  private static boolean isDigit(TextPosition t) {
    return t.getUnicode().codePoints().allMatch(Character::isDigit);
  }

  /** Whether b follows a on the same line, at most an em of the larger after a's end (not a folio joined to a heading). */
  private static boolean adjacent(TextPosition a, TextPosition b) {
    float em = Math.max(a.getFontSizeInPt(), b.getFontSizeInPt());
    float gap = b.getXDirAdj() - (a.getXDirAdj() + a.getWidthDirAdj());
    return Math.abs(a.getYDirAdj() - b.getYDirAdj()) < em && gap > -0.5f * em && gap < 1.5f * em;
  }

  /** Whether b stands within two of its own line heights of a, vertically (the same line, or the next one). */
  private static boolean near(TextPosition a, TextPosition b) {
    return Math.abs(a.getYDirAdj() - b.getYDirAdj()) < 2.5f * Math.max(a.getFontSizeInPt(), b.getFontSizeInPt());
  }

  private static float maxSize(List<TextPosition> line) {
    float max = 0;
    for (TextPosition t : line) {
      max = Math.max(max, t.getFontSizeInPt());
    }
    return max;
  }

  private static String text(List<TextPosition> positions) {
    StringBuilder b = new StringBuilder();
    positions.forEach(t -> b.append(t.getUnicode()));
    return b.toString();
  }
}
