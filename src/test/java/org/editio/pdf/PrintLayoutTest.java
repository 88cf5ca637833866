package org.editio.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.editio.TestFiles;
import org.editio.build.Builder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample edition's volume in 6×9 in, the smallest page, where review 9b found a title split
 * across pages, running heads on two lines, looser lines under note marks, front matter under the
 * wrong head and bookmarks out of order.
 */
@Tag("slow")
class PrintLayoutTest {

  @TempDir static Path out;
  static PDDocument pdf;
  static List<PdfLines.Line> lines;

  @BeforeAll
  static void publish() throws Exception {
    new Builder().pageSize("6x9in").build(TestFiles.EDITION, out, "pdf");
    pdf = Loader.loadPDF(out.resolve("pdf/soviet-foreign-policy-1919-1941.pdf").toFile());
    lines = PdfLines.of(pdf, 1, pdf.getNumberOfPages());
  }

  @AfterAll
  static void close() throws Exception {
    pdf.close();
  }

  /** A page's lines in the running head (above the body). */
  private static List<PdfLines.Line> head(int page) {
    return lines.stream().filter(l -> l.page() == page && l.y() < 70).toList();
  }

  private static List<PdfLines.Line> body(int page) {
    return lines.stream().filter(l -> l.page() == page && l.y() >= 70 && l.y() < l.pageHeight() - 45).toList();
  }

  /** No. 25's title (three lines in 6×9) stands whole on one page; it was split after two lines. */
  @Test
  void aTitleIsNeverSplitAcrossPages() {
    int start = -1;
    for (PdfLines.Line l : lines) {
      if (l.text().equals("No. 25") && l.inBody()) {
        start = l.page();
      }
    }
    assertTrue(start > 0);
    String title = TestFiles.withoutWhitespace(
        "Record of conversation between Plenipotentiary Representative of the USSR in Iran and Tevfik Rüştü Aras, 30 June 1937");
    int page = start;
    String text = TestFiles.withoutWhitespace(String.join("", body(page).stream().map(PdfLines.Line::text).toList()))
        .replace("-", "").replace("‐", "");
    assertTrue(text.contains(title.replace("-", "").replace("‐", "")), "the title on page " + page + ": " + text);
  }

  /** Every running head is one line (26 of 121 pages had two, hyphenated), shortened with an ellipsis where it must be. */
  @Test
  void runningHeadsAreOneLine() {
    int heads = 0;
    int shortened = 0;
    for (int p = 1; p <= pdf.getNumberOfPages(); p++) {
      List<PdfLines.Line> head = head(p);
      assertTrue(head.size() <= 1, "page " + p + ": " + head);
      heads += head.size();
      shortened += head.stream().filter(l -> l.text().endsWith("…")).count();
    }
    assertTrue(heads > 100, "heads: " + heads);
    assertTrue(shortened > 0, "long titles are cut with an ellipsis");
  }

  /** The line under a raised note mark keeps the body's line distance (it was 2.7 pt looser). */
  @Test
  void noteMarksDoNotWidenTheirLine() {
    int checked = 0;
    for (int i = 1; i < lines.size(); i++) {
      PdfLines.Line line = lines.get(i);
      PdfLines.Line before = lines.get(i - 1);
      if (line.inBody() && !line.raisedMarks().isEmpty() && before.page() == line.page() && before.inBody()
          && Math.abs(line.size() - 10.5f) < 0.1f && Math.abs(before.size() - 10.5f) < 0.1f && before.raisedMarks().isEmpty()
          && line.y() - before.y() < 20) {
        assertEquals(14.7f, line.y() - before.y(), 0.1f, "page " + line.page() + ": " + line.text());
        checked++;
      }
    }
    assertTrue(checked >= 1, "lines with marks checked: " + checked);
  }

  /**
   * Each page of the front matter is headed by the part it shows: the head of a recto is the
   * part whose heading came last before the page (or opens it); the editorial principles and the
   * list of persons were headed "Introduction" and "Abbreviations and terms".
   */
  @Test
  void frontMatterHeadsNameTheirPart() {
    Set<String> parts = Set.of("Introduction", "Editorial principles", "Abbreviations and terms", "Persons");
    String current = null;
    int checked = 0;
    List<String> wrong = new ArrayList<>();
    for (int p = 1; p <= pdf.getNumberOfPages(); p++) {
      List<PdfLines.Line> body = body(p);
      if (body.stream().anyMatch(l -> l.text().equals("Documents") && l.size() > 14)) {
        break;
      }
      List<String> opened = body.stream().filter(l -> l.bold() && parts.contains(l.text())).map(PdfLines.Line::text).toList();
      boolean opens = !body.isEmpty() && parts.contains(body.get(0).text());
      String expected = opens ? body.get(0).text() : current;
      List<PdfLines.Line> head = head(p);
      if (p % 2 == 1 && !head.isEmpty() && expected != null) {
        checked++;
        if (!head.get(0).text().equals(expected)) {
          wrong.add("page " + p + ": " + head.get(0).text() + " (expected " + expected + ")");
        }
      }
      if (!opened.isEmpty()) {
        current = opened.get(opened.size() - 1);
      }
    }
    assertEquals(List.of(), wrong);
    assertTrue(checked >= 2, "recto pages checked: " + checked);
  }

  /** The bookmarks follow the book: each top-level bookmark's page comes after the one before it. */
  @Test
  void bookmarksAreInReadingOrder() throws Exception {
    List<String> order = new ArrayList<>();
    int last = -1;
    for (PDOutlineItem item : pdf.getDocumentCatalog().getDocumentOutline().children()) {
      int page = pdf.getPages().indexOf(item.findDestinationPage(pdf));
      order.add(item.getTitle() + " p. " + (page + 1));
      assertTrue(page >= last, "bookmarks: " + order);
      last = page;
    }
    assertTrue(order.size() >= 8, order.toString());
  }
}
