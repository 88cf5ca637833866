package org.editio.pdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.saxon.s9api.XPathCompiler;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDNamedDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.apache.pdfbox.text.TextPosition;
import org.editio.TestFiles;
import org.editio.build.Builder;
import org.editio.edition.EditionLoader;
import org.editio.edition.TeiDocument;
import org.editio.xml.Xml;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.results.ValidationResult;

/** The PDF edition of the sample edition: the book, its per-document PDFs, archival quality. */
@Tag("slow")
class PdfEditionTest {

  @TempDir static Path out;
  static Path volume;
  static List<TeiDocument> documents;

  @BeforeAll
  static void publish() throws Exception {
    new Builder().build(TestFiles.EDITION, out, "pdf");
    volume = out.resolve("pdf/soviet-foreign-policy-1919-1941.pdf");
    documents = new EditionLoader(new Xml()).load(TestFiles.EDITION).documents();
  }

  static String pageText(PDDocument pdf, int page) throws IOException {
    PDFTextStripper s = new PDFTextStripper();
    s.setStartPage(page);
    s.setEndPage(page);
    return s.getText(pdf);
  }

  @Test
  void everyDocumentsTextIsInTheVolumeAndInItsOwnPdf() throws Exception {
    String book = SeedPdfTest.pdfText(volume);
    List<String> missing = new ArrayList<>();
    for (TeiDocument doc : documents) {
      String own = SeedPdfTest.pdfText(out.resolve("pdf/documents/" + doc.id() + ".pdf"));
      for (String word : TestFiles.teiWords(doc.tree())) {
        if (!book.contains(word)) {
          missing.add(doc.id() + " (volume): " + word);
        }
        if (!own.contains(word)) {
          missing.add(doc.id() + ": " + word);
        }
      }
    }
    assertEquals(List.of(), missing.subList(0, Math.min(20, missing.size())));
  }

  /** No note mark of the book or of a document's PDF begins a line (NoteMarksTest has the fixture that would). */
  @Test
  void noNoteMarkBeginsALine() throws IOException {
    List<NoteMarks.Mark> marks = new ArrayList<>(NoteMarks.of(volume));
    // the seed telegram's note and the undated entry's editors' note: the check sees the book's marks
    assertEquals(2, marks.size(), marks.toString());
    try (var files = Files.list(out.resolve("pdf/documents"))) {
      for (Path pdf : files.sorted().toList()) {
        marks.addAll(NoteMarks.of(pdf));
      }
    }
    assertEquals(4, marks.size(), marks.toString());
    assertEquals(List.of(), marks.stream().filter(NoteMarks.Mark::startsLine).toList());
  }

  @Test
  void everyPdfEmbedsAllItsFonts() throws IOException {
    assertEquals(List.of(), SeedPdfTest.fontProblems(volume));
    try (var files = Files.list(out.resolve("pdf/documents"))) {
      for (Path pdf : files.toList()) {
        assertEquals(List.of(), SeedPdfTest.fontProblems(pdf), pdf.getFileName().toString());
      }
    }
  }

  @Test
  void theOutlineHasOneEntryPerDocument() throws IOException {
    try (PDDocument pdf = Loader.loadPDF(volume.toFile())) {
      List<String> top = new ArrayList<>();
      PDOutlineItem documentsItem = null;
      for (PDOutlineItem item : pdf.getDocumentCatalog().getDocumentOutline().children()) {
        top.add(item.getTitle());
        if (item.getTitle().equals("Documents")) {
          documentsItem = item;
        }
      }
      assertTrue(top.containsAll(List.of("Contents", "Introduction", "Documents", "Index of persons", "Index of places")), top.toString());
      assertNotNull(documentsItem);
      int n = 0;
      for (PDOutlineItem item : documentsItem.children()) {
        n++;
        assertTrue(item.getTitle().startsWith(n + ". "), item.getTitle());
      }
      assertEquals(documents.size(), n);
      assertEquals("en", pdf.getDocumentCatalog().getLanguage());
      assertEquals("Soviet Diplomacy in Turkey, the Balkans and Iran, 1919–1941", pdf.getDocumentInformation().getTitle());
      assertEquals("The editio editorial team", pdf.getDocumentInformation().getAuthor());
    }
  }

  /** Each contents line links to its document's first page and prints that page's number. */
  @Test
  void contentsPageNumbersMatchWhereDocumentsStart() throws IOException {
    // the last line of an entry: title, leader, page number at the right margin (a wrapped title's first line ends before it)
    Pattern number = Pattern.compile("\\s(\\d+)\\s*$");
    int checked = 0;
    try (PDDocument pdf = Loader.loadPDF(volume.toFile())) {
      for (int p = 0; p < 8; p++) {
        PDPage page = pdf.getPage(p);
        float right = 0;
        for (PDAnnotation a : page.getAnnotations()) {
          right = Math.max(right, a.getRectangle().getUpperRightX());
        }
        for (PDAnnotation a : page.getAnnotations()) {
          if (!(a instanceof PDAnnotationLink link) || !(link.getAction() instanceof PDActionGoTo go)
              || link.getRectangle().getUpperRightX() < right - 1) {
            continue;
          }
          var destination = go.getDestination();
          if (destination instanceof PDNamedDestination named) {
            destination = pdf.getDocumentCatalog().findNamedDestinationPage(named);
          }
          int target = ((PDPageDestination) destination).retrievePageNumber() + 1;
          PDFTextStripperByArea area = new PDFTextStripperByArea();
          var r = link.getRectangle();
          area.addRegion("line", new java.awt.geom.Rectangle2D.Float(r.getLowerLeftX(),
              page.getMediaBox().getHeight() - r.getUpperRightY(), r.getWidth() + 40, r.getHeight()));
          area.extractRegions(page);
          Matcher m = number.matcher(area.getTextForRegion("line").strip());
          if (m.find()) {
            assertEquals(target, Integer.parseInt(m.group(1)), "contents line: " + area.getTextForRegion("line").strip());
            checked++;
          }
        }
      }
    }
    assertTrue(checked >= documents.size(), "contents lines checked: " + checked);
  }

  @Test
  void theFootnoteStandsAtTheFootOfThePageOfItsMark() throws IOException {
    try (PDDocument pdf = Loader.loadPDF(volume.toFile())) {
      for (int p = 1; p <= pdf.getNumberOfPages(); p++) {
        String text = pageText(pdf, p);
        if (text.contains("a copy of the telegram was sent")) {
          String all = TestFiles.withoutWhitespace(text.replaceAll("-\\R", ""));
          assertTrue(all.contains("frommyargument.1"), "the mark is on the same page");
          assertTrue(all.indexOf("frommyargument.1") < all.indexOf("acopyofthetelegram"), "the note is below its mark");
          return;
        }
      }
    }
    throw new AssertionError("the note is not in the volume");
  }

  /** The index of persons lists pages on which the person is mentioned. */
  @Test
  void theIndexPointsToPagesThatMentionTheEntry() throws IOException {
    try (PDDocument pdf = Loader.loadPDF(volume.toFile())) {
      String index = "";
      for (int p = pdf.getNumberOfPages() - 6; p <= pdf.getNumberOfPages(); p++) {
        index += pageText(pdf, p);
      }
      Matcher m = Pattern.compile("Litvinov, Maxim Maximovich ([0-9, –-]+)").matcher(index);
      assertTrue(m.find(), "the entry is in the index");
      List<Integer> pages = new ArrayList<>();
      for (String part : m.group(1).split(",\\s*")) {
        String[] range = part.strip().split("[–-]");
        int from = Integer.parseInt(range[0].strip());
        int to = range.length > 1 ? Integer.parseInt(range[1].strip()) : from;
        for (int i = from; i <= to; i++) {
          pages.add(i);
        }
      }
      assertTrue(pages.size() >= 5, pages.toString());
      for (int page : pages) {
        assertTrue(pageText(pdf, page).contains("Litvinov"), "page " + page + " mentions Litvinov");
      }
      assertEquals(pages.stream().distinct().sorted().toList(), pages, "no duplicates, in order");
    }
  }

  @Test
  void theVolumeAndADocumentArePdfA2b() throws Exception {
    VeraGreenfieldFoundryProvider.initialise();
    for (Path pdf : List.of(volume, out.resolve("pdf/documents/d1937-05-14-litvinov.pdf"))) {
      try (InputStream in = new FileInputStream(pdf.toFile());
          PDFAParser parser = Foundries.defaultInstance().createParser(in)) {
        assertEquals("2b", parser.getFlavour().getId().replace("PDFA_", "").replace("_", "").toLowerCase()
            .replaceAll("^2b$", "2b").replaceAll("[^0-9a-z]", "").replaceFirst("^pdfa", ""), pdf.toString());
        PDFAValidator validator = Foundries.defaultInstance().createValidator(parser.getFlavour(), false);
        ValidationResult result = validator.validate(parser);
        assertTrue(result.isCompliant(), pdf.getFileName() + ": " + result.getTestAssertions().stream()
            .filter(a -> a.getStatus() != org.verapdf.pdfa.results.TestAssertion.Status.PASSED).limit(5).toList());
      }
    }
  }

  @Test
  void twoBuildsAreByteIdentical(@TempDir Path again) throws Exception {
    new Builder().build(TestFiles.EDITION, again, "pdf");
    assertArrayEquals(Files.readAllBytes(volume), Files.readAllBytes(again.resolve("pdf/soviet-foreign-policy-1919-1941.pdf")));
    assertArrayEquals(Files.readAllBytes(out.resolve("pdf/documents/d1937-05-14-litvinov.pdf")),
        Files.readAllBytes(again.resolve("pdf/documents/d1937-05-14-litvinov.pdf")));
  }

  /**
   * The tagged PDFs name their headings and contents (PDF structure types, from FOP's role): in
   * the volume each part (title, contents, introduction, editorial principles, lists, documents,
   * indexes) is H1, each document's title H2, the contents a TOC with an item (TOCI) per line; in
   * a document's PDF its title is H1 and the text's heading under it H2. Every title and heading
   * was P before.
   */
  @Test
  void taggedPdfsHaveHeadingsAndAContentsTable() throws Exception {
    Map<String, Integer> book = structureTypes(volume);
    int indexes = 3;
    assertEquals(7 + indexes, book.getOrDefault("H1", 0), "parts of the volume: " + book);
    assertTrue(book.getOrDefault("H2", 0) >= documents.size(), "a heading per document: " + book);
    assertEquals(2, book.getOrDefault("TOC", 0), "the contents and its documents: " + book);
    assertEquals(4 + documents.size() + indexes, book.getOrDefault("TOCI", 0), book.toString());
    Map<String, Integer> one = structureTypes(out.resolve("pdf/documents/d1937-05-14-litvinov.pdf"));
    assertEquals(1, one.getOrDefault("H1", 0), one.toString());
    assertEquals(1, one.getOrDefault("H2", 0), one.toString());
  }

  /** How often each structure type occurs in a tagged PDF's structure tree. */
  static Map<String, Integer> structureTypes(Path pdf) throws IOException {
    Map<String, Integer> types = new TreeMap<>();
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      List<Object> todo = new ArrayList<>(doc.getDocumentCatalog().getStructureTreeRoot().getKids());
      while (!todo.isEmpty()) {
        if (todo.remove(todo.size() - 1) instanceof org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement e) {
          types.merge(e.getStructureType(), 1, Integer::sum);
          todo.addAll(e.getKids());
        }
      }
    }
    return types;
  }

  @Test
  void printOptionAddsBleedAndPageSizesApply(@TempDir Path dir) throws Exception {
    Path seed = TestFiles.SEED;
    new Builder().pageSize("letter").print(true).build(seed, dir, "pdf");
    try (PDDocument pdf = Loader.loadPDF(dir.resolve("pdf/documents/d1937-05-14-litvinov.pdf").toFile())) {
      PDPage page = pdf.getPage(0);
      assertEquals(612f, page.getTrimBox().getWidth(), 1f, "US letter trim width");
      assertTrue(page.getBleedBox().getWidth() > page.getTrimBox().getWidth(), "bleed around the trim box");
      assertTrue(page.getMediaBox().getWidth() > page.getBleedBox().getWidth(), "room for crop marks");
    }
  }

  @Test
  void foreignTeiWithRepeatedIdsAndPageBreaksRenders(@TempDir Path dir) throws Exception {
    new Builder().build(TestFiles.FIXTURES.resolve("repeated-ids"), dir, "pdf");
    String text = SeedPdfTest.pdfText(dir.resolve("pdf/repeated-ids.pdf"));
    for (String n : new String[] {"one", "two"}) {
      assertTrue(text.contains(TestFiles.withoutWhitespace("After the page break of letter " + n + ".")), n);
      assertTrue(text.contains(TestFiles.withoutWhitespace("The note of letter " + n + ".")), n);
    }
    assertFalse(text.contains("[Page"), "a page break is no inline line");
  }

  /** Every PDF of the sample edition: the book, then each document's. */
  private static List<Path> allPdfs() throws IOException {
    List<Path> pdfs = new ArrayList<>(List.of(volume));
    try (var files = Files.list(out.resolve("pdf/documents"))) {
      pdfs.addAll(files.sorted().toList());
    }
    return pdfs;
  }

  /**
   * No two footnote marks on a page are alike, so that each leads the reader to one note: the book
   * runs calendar entries on, several to a page, and each once marked its source note "*".
   */
  @Test
  void noTwoFootnoteMarksOnAPageAreAlike() throws IOException {
    List<String> marks = new ArrayList<>();
    List<String> twice = new ArrayList<>();
    for (Path pdf : allPdfs()) {
      Map<Integer, Set<String>> onPage = new TreeMap<>();
      for (PdfLines.Line line : PdfLines.of(pdf)) {
        for (String mark : line.raisedMarks()) {
          marks.add(mark);
          if (!onPage.computeIfAbsent(line.page(), p -> new HashSet<>()).add(mark)) {
            twice.add(pdf.getFileName() + ", p. " + line.page() + ": " + mark);
          }
        }
      }
    }
    assertEquals(List.of(), twice.subList(0, Math.min(10, twice.size())));
    // the seed telegram's note and the undated entry's editors' note, each in the book and in its document's PDF
    assertEquals(List.of("1", "1", "1", "1"), marks, "the check sees the marks");
  }

  /**
   * Each document says once where it comes from: its source note (description, address, archival
   * citation), in its PDF and in the book; no second "Source:" line repeats the address.
   */
  @Test
  void eachDocumentGivesItsSourceOnce() throws Exception {
    String book = SeedPdfTest.pdfText(volume);
    Map<String, Integer> documentsOfAddress = new HashMap<>();
    List<String> wrong = new ArrayList<>();
    for (TeiDocument doc : documents) {
      String address = TestFiles.withoutWhitespace(xpath(doc,
          "string((/*/tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:bibl[tei:ref/@target])[1]/tei:ref[1]/@target)"));
      assertFalse(address.isEmpty(), doc.id() + " has a source address");
      documentsOfAddress.merge(address, 1, Integer::sum);
      String own = SeedPdfTest.pdfText(out.resolve("pdf/documents/" + doc.id() + ".pdf"));
      if (occurrences(own, address) != 1 || occurrences(own, "Sourcenote.") != 1) {
        wrong.add(doc.id() + ": the address " + occurrences(own, address) + " times, the source note " + occurrences(own, "Sourcenote.") + " times");
      }
    }
    documentsOfAddress.forEach((address, n) -> {
      if (occurrences(book, address) != n) {
        wrong.add("the book: " + address + " " + occurrences(book, address) + " times for " + n + " documents");
      }
    });
    assertEquals(documents.size(), occurrences(book, "Sourcenote."), "one source note per document in the book");
    assertEquals(List.of(), wrong.subList(0, Math.min(10, wrong.size())));
  }

  private static int occurrences(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
      n++;
    }
    return n;
  }

  private static String xpath(TeiDocument doc, String expression) throws Exception {
    XPathCompiler c = doc.tree().getProcessor().newXPathCompiler();
    c.declareNamespace("tei", "http://www.tei-c.org/ns/1.0");
    return c.evaluateSingle(expression, doc.tree()).getStringValue();
  }

  /**
   * The book's contents as printed contents are set: the documents' numbers right-aligned in a
   * column (9. and 10. end at the same place), every title starting at one indent and a wrapped
   * title's next line at that indent too (a hanging indent), and the words of a title as far
   * apart on a justified last line as elsewhere: only the leader before the page number stretches.
   */
  @Test
  void contentsEntriesHangFromTheirTitlesAndKeepTheirWordSpaces() throws IOException {
    try (PDDocument pdf = Loader.loadPDF(volume.toFile())) {
      int from = PdfLines.outlinePage(pdf, "Contents");
      int to = PdfLines.outlinePage(pdf, "Introduction") - 1;
      // the entries (9.5 pt), not the headings, running heads and folios
      List<PdfLines.Line> lines = PdfLines.of(pdf, from, to).stream()
          .filter(l -> l.inBody() && Math.abs(l.size() - 9.5f) < 0.1f).toList();
      // positions are measured from the right margin, where the page numbers end (pages have mirrored margins)
      Map<Integer, Float> rightOf = new HashMap<>();
      lines.forEach(l -> rightOf.merge(l.page(), l.endX(), Math::max));
      Pattern numbered = Pattern.compile("^\\d+\\.\\s");
      List<Float> numberEnds = new ArrayList<>();
      List<Float> titleStarts = new ArrayList<>();
      List<Float> wordGaps = new ArrayList<>();
      List<PdfLines.Line> continuations = new ArrayList<>();
      List<Float> continuationStarts = new ArrayList<>();
      boolean wrapped = false;
      for (PdfLines.Line line : lines) {
        List<List<TextPosition>> words = line.words();
        boolean isNumbered = numbered.matcher(line.text()).find();
        float right = rightOf.get(line.page());
        boolean complete = right - line.endX() < 1f;
        if (wrapped) {
          continuations.add(line);
          continuationStarts.add(line.startX() - right);
        } else if (isNumbered) {
          TextPosition period = words.get(0).get(words.get(0).size() - 1);
          numberEnds.add(period.getXDirAdj() + period.getWidthDirAdj() - right);
          titleStarts.add(words.get(1).get(0).getXDirAdj() - right);
        }
        // the title's words: not the number before it, not the page number after the leader
        List<List<TextPosition>> title = words.subList(isNumbered && !wrapped ? 1 : 0, words.size() - (complete ? 1 : 0));
        for (int i = 1; i < title.size(); i++) {
          TextPosition end = title.get(i - 1).get(title.get(i - 1).size() - 1);
          wordGaps.add(title.get(i).get(0).getXDirAdj() - (end.getXDirAdj() + end.getWidthDirAdj()));
        }
        wrapped = !complete;
      }
      assertTrue(numberEnds.size() >= documents.size(), "numbered entries: " + numberEnds.size());
      assertTrue(continuations.size() >= 3, "wrapped entries: " + continuations);
      assertTrue(spread(numberEnds) < 0.5f, "numbers end at one place: " + numberEnds);
      assertTrue(spread(titleStarts) < 0.5f, "titles start at one place: " + titleStarts);
      for (int i = 0; i < continuations.size(); i++) {
        assertEquals(titleStarts.get(0), continuationStarts.get(i), 0.5f, "a wrapped line starts where the titles start: " + continuations.get(i));
      }
      assertTrue(spread(wordGaps) < 0.3f, "word spaces of one width: " + Collections.min(wordGaps) + " to " + Collections.max(wordGaps));
    }
  }

  private static float spread(List<Float> values) {
    return Collections.max(values) - Collections.min(values);
  }

  /**
   * The book's index is set as printed indexes are: in two columns, each letter's entries under
   * the letter (bold), in the reader's alphabet.
   */
  @Test
  void theIndexIsSetInTwoColumnsUnderItsLetters() throws IOException {
    try (PDDocument pdf = Loader.loadPDF(volume.toFile())) {
      int from = PdfLines.outlinePage(pdf, "Index of persons");
      int to = PdfLines.outlinePage(pdf, "Index of places") - 1;
      // entries and letters, not the index's title, running heads and folios
      List<PdfLines.Line> lines = PdfLines.of(pdf, from, to).stream().filter(l -> l.inBody() && l.size() < 12).toList();
      // each page's columns start where its leftmost lines start, left of the middle and right of it (pages have mirrored margins)
      Map<Integer, Float> left = new HashMap<>();
      Map<Integer, Float> end = new HashMap<>();
      lines.forEach(l -> {
        left.merge(l.page(), l.startX(), Math::min);
        end.merge(l.page(), l.endX(), Math::max);
      });
      Map<Integer, Float> second = new HashMap<>();
      lines.stream().filter(l -> l.startX() > (left.get(l.page()) + end.get(l.page())) / 2)
          .forEach(l -> second.merge(l.page(), l.startX(), Math::min));
      long inFirst = lines.stream().filter(l -> l.page() == from && l.startX() < second.getOrDefault(from, Float.MAX_VALUE)).count();
      long inSecond = lines.stream().filter(l -> l.page() == from && l.startX() >= second.getOrDefault(from, Float.MAX_VALUE)).count();
      assertTrue(inFirst >= 20 && inSecond >= 20, "two columns on the index's first page: " + inFirst + " and " + inSecond + " lines");
      List<String> letters = new ArrayList<>();
      List<String> misplaced = new ArrayList<>();
      for (PdfLines.Line line : lines) {
        String text = line.text().strip();
        if (line.bold() && text.matches("\\p{Lu}")) {
          letters.add(text);
        } else if (Math.abs(line.startX() - left.get(line.page())) < 0.5f
            || Math.abs(line.startX() - second.getOrDefault(line.page(), Float.MAX_VALUE)) < 0.5f) {
          // an entry (a wrapped entry's next line hangs further in)
          if (letters.isEmpty() || !PdfLines.letter(text).equals(letters.get(letters.size() - 1))) {
            misplaced.add(line + " under " + letters);
          }
        }
      }
      assertTrue(letters.size() >= 15, "letters: " + letters);
      assertEquals(letters.stream().distinct().sorted().toList(), letters, "each letter once, in order");
      assertEquals(List.of(), misplaced);
    }
  }

  /** A calendar entry's "Persons mentioned" and "Places mentioned" both start at the margin. */
  @Test
  void theMentionsOfACalendarEntryStartAtTheMargin() throws IOException {
    List<PdfLines.Line> lines = PdfLines.of(volume).stream().filter(PdfLines.Line::inBody).toList();
    Map<Integer, Float> margin = new HashMap<>();
    lines.forEach(l -> margin.merge(l.page(), l.startX(), Math::min));
    List<PdfLines.Line> mentions = lines.stream()
        .filter(l -> l.text().startsWith("Persons mentioned") || l.text().startsWith("Places mentioned")).toList();
    assertTrue(mentions.size() > 100, "lines of mentions: " + mentions.size());
    assertEquals(List.of(), mentions.stream().filter(l -> Math.abs(l.startX() - margin.get(l.page())) > 0.5f).toList());
  }

  /**
   * A document's PDF ends with how to cite it, never on a page of its own: when it does not fit
   * after the text, the end of the document comes with it (the seed telegram's does not fit).
   */
  @Test
  void theCitationNeverStandsAloneOnAPage() throws IOException {
    List<String> alone = new ArrayList<>();
    int checked = 0;
    for (TeiDocument doc : documents) {
      List<PdfLines.Line> lines = PdfLines.of(out.resolve("pdf/documents/" + doc.id() + ".pdf")).stream()
          .filter(PdfLines.Line::inBody).toList();
      for (PdfLines.Line line : lines) {
        if (line.text().startsWith("Cite this document")) {
          checked++;
          PdfLines.Line firstOnPage = lines.stream().filter(l -> l.page() == line.page()).findFirst().orElseThrow();
          if (firstOnPage == line) {
            alone.add(doc.id() + ": the citation begins p. " + line.page());
          }
        }
      }
    }
    assertEquals(documents.size(), checked, "every document's PDF has its citation");
    assertEquals(List.of(), alone);
  }
}
