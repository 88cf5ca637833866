package org.editio.pdf;

import java.io.IOException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * The lines of a PDF as a reader sees them on the page: PDFBox's lines of text, each glyph with
 * its position (x from the left edge, y the baseline from the top edge, in points), its size and
 * font. What the layout tests measure: where lines start and end, the gaps between words, marks
 * raised above their line, bold headings.
 */
final class PdfLines {

  /**
   * A line of text on a page (1-based), in the order the PDF draws it; {@code separators}: the
   * glyphs before which PDFBox found a space between words that the PDF draws as no glyph.
   */
  record Line(int page, float pageHeight, List<TextPosition> glyphs, Set<Integer> separators) {

    String text() {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < glyphs.size(); i++) {
        b.append(separators.contains(i) ? " " : "").append(glyphs.get(i).getUnicode());
      }
      return b.toString();
    }

    /** The words of the line: runs of glyphs between spaces. */
    List<List<TextPosition>> words() {
      List<List<TextPosition>> words = new ArrayList<>();
      List<TextPosition> word = new ArrayList<>();
      for (int i = 0; i < glyphs.size(); i++) {
        TextPosition t = glyphs.get(i);
        if (separators.contains(i) && !word.isEmpty()) {
          words.add(word);
          word = new ArrayList<>();
        }
        if (t.getUnicode().isBlank()) {
          if (!word.isEmpty()) {
            words.add(word);
          }
          word = new ArrayList<>();
        } else {
          word.add(t);
        }
      }
      if (!word.isEmpty()) {
        words.add(word);
      }
      return words;
    }

    float startX() {
      return glyphs.get(0).getXDirAdj();
    }

    float endX() {
      TextPosition last = glyphs.get(glyphs.size() - 1);
      return last.getXDirAdj() + last.getWidthDirAdj();
    }

    /** The baseline of the line's largest glyphs, from the top of the page. */
    float y() {
      return largest().getYDirAdj();
    }

    float size() {
      return sizeOf(largest());
    }

    boolean bold() {
      return glyphs.stream().allMatch(t -> t.getUnicode().isBlank() || t.getFont().getName().contains("Bold"));
    }

    /** Whether the line stands in the page's body (below the running head, above the folio). */
    boolean inBody() {
      return y() > 75 && y() < pageHeight - 75;
    }

    /**
     * The marks raised above the line (footnote marks: superscript, smaller than the line): runs
     * of glyphs whose baseline stands higher than the line's by a fifth of its size.
     */
    List<String> raisedMarks() {
      List<String> marks = new ArrayList<>();
      TextPosition main = largest();
      StringBuilder mark = new StringBuilder();
      for (TextPosition t : glyphs) {
        boolean raised = !t.getUnicode().isBlank() && sizeOf(t) < sizeOf(main)
            && main.getYDirAdj() - t.getYDirAdj() > 0.2f * sizeOf(main);
        if (raised) {
          mark.append(t.getUnicode());
        } else if (mark.length() > 0) {
          marks.add(mark.toString());
          mark.setLength(0);
        }
      }
      if (mark.length() > 0) {
        marks.add(mark.toString());
      }
      return marks;
    }

    private TextPosition largest() {
      TextPosition max = glyphs.get(0);
      for (TextPosition t : glyphs) {
        if (sizeOf(t) > sizeOf(max)) {
          max = t;
        }
      }
      return max;
    }

    @Override
    public String toString() {
      return "p. " + page + " [" + text() + "] x " + startX() + "–" + endX();
    }
  }

  private PdfLines() {}

  /** A glyph's size in points: the scale of its text rendering matrix (PDFBox's getFontSizeInPt() is a whole number). */
  static float sizeOf(TextPosition t) {
    return t.getXScale();
  }

  /** Every line of the PDF's pages from {@code first} to {@code last} (1-based, inclusive). */
  static List<Line> of(PDDocument pdf, int first, int last) throws IOException {
    List<Line> lines = new ArrayList<>();
    PDFTextStripper stripper = new PDFTextStripper() {
      private List<TextPosition> line = new ArrayList<>();
      private Set<Integer> separators = new HashSet<>();

      @Override
      protected void writeString(String text, List<TextPosition> positions) {
        line.addAll(positions);
      }

      @Override
      protected void writeWordSeparator() {
        separators.add(line.size());
      }

      @Override
      protected void writeLineSeparator() {
        if (!line.isEmpty()) {
          lines.add(new Line(getCurrentPageNo(), getCurrentPage().getMediaBox().getHeight(), line, separators));
        }
        line = new ArrayList<>();
        separators = new HashSet<>();
      }

      @Override
      protected void writePageEnd() throws IOException {
        writeLineSeparator();
        super.writePageEnd();
      }
    };
    stripper.setStartPage(first);
    stripper.setEndPage(last);
    stripper.getText(pdf);
    return lines;
  }

  static List<Line> of(Path pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      return of(doc, 1, doc.getNumberOfPages());
    }
  }

  /** The page (1-based) an entry of the PDF's outline (bookmarks) at the top level goes to. */
  static int outlinePage(PDDocument pdf, String title) throws IOException {
    for (PDOutlineItem item : pdf.getDocumentCatalog().getDocumentOutline().children()) {
      if (item.getTitle().equals(title)) {
        return pdf.getPages().indexOf(item.findDestinationPage(pdf)) + 1;
      }
    }
    throw new AssertionError("no bookmark " + title);
  }

  /** The letter a name stands under in an index: its first letter without diacritics, in capitals. */
  static String letter(String name) {
    String first = Normalizer.normalize(name.substring(0, 1), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return first.toUpperCase(Locale.ROOT);
  }
}
