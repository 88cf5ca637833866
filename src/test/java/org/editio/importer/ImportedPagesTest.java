package org.editio.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmNodeKind;
import org.editio.Problem;
import org.editio.TestFiles;
import org.editio.validate.ValidationScopes;
import org.editio.validate.Validator;
import org.editio.xml.Xml;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every page shape of issues 17 and 18 (and the variants around them), each imported into an
 * edition of its own: the documents produced (count, ids, titles, dates and where the date came
 * from), the page's text word for word in the TEI, and a clean {@code editio validate} of the
 * edition, of its documents folder and of each file, the three agreeing; every document valid
 * against TEI tei_all too. Then the property over all fixture pages: the page's words are the
 * TEI's words and the banner's.
 */
class ImportedPagesTest {

  static final Path PAGES = TestFiles.FIXTURES.resolve("pages");
  static final String BASE = "https://marxistleninists.org/Soviet%20Archives/Foreign%20Policy/";
  static final Xml XML = new Xml();
  static final Validator VALIDATOR = new Validator(XML);

  /**
   * A document the page must give.
   *
   * @param date the date's attributes as {@code name=value;...}
   * @param evidence the editors' evidence for a date the page does not print in full, or null
   */
  record Doc(String id, String title, String date, String evidence) {}

  static Doc doc(String id, String title, String date, String evidence) {
    return new Doc(id, title, date, evidence);
  }

  static final String CHICHERIN_1 = "Note of the peopleʹs commissar for foreign affairs of the RSFSR G. V. Chicherin to the ambassador"
      + " of Turkey in Moscow Ali Fuat Paşa";
  static final String CHICHERIN_2 = "Note of the peopleʹs commissar for foreign affairs of the RSFSR G. V. Chicherin to the minister"
      + " of foreign affairs of the Grand National Assembly of Turkey Yusuf Kemal Bey, with a copy to Mustafa Kemal Paşa";
  static final String LITVINOV_ANTONESCU = "Record of talks of the peopleʹs commissar for foreign affairs of the USSR M. M. Litvinov"
      + " with the minister of foreign affairs of Romania V. Antonescu in Geneva, July 15‐17, 1937";
  static final String KARSKY_3 = "Telegram of the plenipotentiary of the USSR in Turkey M. A. Karsky to the peopleʹs commissar for"
      + " foreign affairs of the USSR M. M. Litvinov, from Ankara";
  static final String TASS = "Communication of TASS on the conversation of the peopleʹs commissar for foreign affairs M. M. Litvinov"
      + " with the minister of foreign affairs of Turkey T. R. Aras";
  static final String SERIES = "Telegrams of the plenipotentiary of the USSR in Turkey to the NKID";

  /** page, the address given with --url (or null), the documents, warnings the import must give. */
  static Stream<Arguments> pages() {
    List<Doc> chicherin = List.of(
        doc("d1921-05-13-chicherin", CHICHERIN_1, "when=1921-05-13", null),
        doc("d1921-undated-chicherin", CHICHERIN_2, "notBefore=1921-01-01;notAfter=1921-12-31", "conjecture"));
    List<Doc> openings = List.of(
        doc("d1938-03-18-astakhov", "March 18, 1938. Telegram of the attorney of the USSR in Germany to the NKID", "when=1938-03-18", "internal"),
        doc("d1938-04-30-terentyev", "April 30, 1938. Telegram of the plenipotentiary of the USSR in Turkey to the NKID", "when=1938-04-30", "internal"),
        doc("d1938-05-12-maisky", "May 12, 1938. Telegram of the plenipotentiary of the USSR in Britain to the NKID", "when=1938-05-12", "internal"));
    List<Doc> twoUndated = List.of(
        doc("d1940-11-12-lavrishchev", "Telegram of the plenipotentiary of the USSR in Bulgaria to the NKID", "when=1940-11-12", null),
        doc("d1940-undated-ivanov", "Telegram of the military attaché of the USSR in Bulgaria to the head of the intelligence"
            + " directorate of the Red army", "notBefore=1940-11-12;notAfter=1940-11-15", "conjecture"),
        doc("d1940-undated-lavrishchev", "Record of conversation of the plenipotentiary of the USSR in Bulgaria with the minister"
            + " of foreign affairs of Bulgaria I. Popov", "notBefore=1940-11-12;notAfter=1940-11-15", "conjecture"),
        doc("d1940-11-15-lavrishchev", "Telegram of the plenipotentiary of the USSR in Bulgaria to the NKID", "when=1940-11-15", null));
    List<Doc> dotLines = List.of(
        doc("d1940-06-24-lavrentyev", "Telegram of the plenipotentiary of the USSR in Romania to the NKID", "when=1940-06-24", null),
        doc("d1940-06-26-molotov", "Telegram of the NKID to the plenipotentiary of the USSR in Romania", "when=1940-06-26", null));
    List<Doc> monthYear = List.of(doc("d1939-02-15-kartashev", "Letter of the chargé dʹaffaires of the USSR"
        + " in Iran to the peopleʹs commissar for foreign affairs M. M. Litvinov, February 15, 1939", "when=1939-02-15", "internal"));
    List<Doc> cut = List.of(doc("d1940-11-04-telegram", "Telegram of the plenipotentiary of the USSR in Germany to the NKID",
        "when=1940-11-04", null));
    return Stream.of(
        // issue 17: a second document whose title wraps over three lines, without a date line
        Arguments.of("title-three-lines-undated.htm", null, chicherin, List.of("document 2 of the page (d1921-undated-chicherin) has no date")),
        Arguments.of("title-three-lines-undated.txt", null, chicherin, List.of("has no date on the page")),
        Arguments.of("title-three-lines-undated-1252.htm", null, List.of(
            doc("d1921-05-13-chicherin", CHICHERIN_1.replace("ʹ", "’").replace("Paşa", "Pasha"), "when=1921-05-13", null),
            doc("d1921-undated-chicherin", CHICHERIN_2.replace("ʹ", "’").replace("Paşa", "Pasha"),
                "notBefore=1921-01-01;notAfter=1921-12-31", "conjecture")), List.of()),
        // issue 17: the date only in the heading (a range), and only in the page's address
        Arguments.of("heading-date-range.txt", null, List.of(doc("d1937-07-15-litvinov", LITVINOV_ANTONESCU,
            "from=1937-07-15;to=1937-07-17", "internal")), List.of()),
        Arguments.of("heading-date-range.htm", null, List.of(doc("d1937-07-15-litvinov", LITVINOV_ANTONESCU,
            "from=1937-07-15;to=1937-07-17", "internal")), List.of()),
        Arguments.of("june%2030%201937%20conversation.txt", null, List.of(doc("d1937-06-30-litvinov",
            "Record of conversation of the peopleʹs commissar for foreign affairs M. M. Litvinov with the minister of foreign affairs"
            + " of Turkey T. R. Aras", "when=1937-06-30", "external")), List.of("dated by the page's address (june 30 1937 conversation.txt)")),
        // variants: a title over three lines with its date line; two undated documents in a row; ranges across months
        Arguments.of("three-line-title.htm", null, List.of(doc("d1937-06-18-karsky", KARSKY_3, "when=1937-06-18", null)), List.of()),
        Arguments.of("three-line-title.txt", null, List.of(doc("d1937-06-18-karsky", KARSKY_3, "when=1937-06-18", null)), List.of()),
        Arguments.of("two-undated-in-a-row.htm", null, twoUndated, List.of("document 2 of the page (d1940-undated-ivanov) has no date"
            + " on the page: dated between 12 November 1940 and 15 November 1940", "document 3 of the page (d1940-undated-lavrishchev)")),
        Arguments.of("two-undated-in-a-row.txt", null, twoUndated, List.of("document 3 of the page (d1940-undated-lavrishchev)")),
        Arguments.of("range-across-months.txt", null, List.of(doc("d1939-07-30-terentyev",
            "From the diary of the plenipotentiary of the USSR in Turkey A. V. Terentyev", "from=1939-07-30;to=1939-08-02", null)), List.of()),
        Arguments.of("range-across-months.htm", null, List.of(doc("d1939-08-28-terentyev", "Records of talks of the plenipotentiary"
            + " of the USSR in Turkey with the minister of foreign affairs Ş. Saracoğlu, 28 August ‐ 2 September 1939",
            "from=1939-08-28;to=1939-09-02", "internal")), List.of()),
        // issue 18: documents opening with their own dates; a page cut mid-word; a publication line
        Arguments.of("dated-openings.htm", null, openings, List.of()),
        Arguments.of("dated-openings.txt", null, openings, List.of()),
        Arguments.of("dated-openings-series.txt", null, List.of(
            doc("d1938-03-18-terentyev", SERIES, "when=1938-03-18", null),
            doc("d1938-04-30-terentyev", SERIES + ": 30 April 1938", "when=1938-04-30", null),
            doc("d1938-05-12-terentyev", SERIES + ": 12 May 1938", "when=1938-05-12", null)), List.of()),
        Arguments.of("cut-mid-word.txt", null, cut, List.of("the page stops inside document 1 (d1940-11-04-telegram)")),
        Arguments.of("cut-mid-word.htm", null, cut, List.of("the page stops inside document 1")),
        Arguments.of("publication-line.txt", null, List.of(doc("d1937-07-15-other", TASS, "when=1937-07-15", null)), List.of()),
        Arguments.of("publication-line.htm", null, List.of(doc("d1937-07-16-other", TASS, "when=1937-07-16", "internal")),
            List.of("dated by its publication line")),
        Arguments.of("publication-line-under-heading.txt", null, List.of(doc("d1937-07-16-other",
            "Communication of TASS on the Soviet‐Turkish talks", "when=1937-07-16", "internal")), List.of("dated by its publication line")),
        // issue 18: the year from a percent-encoded address (a file name, or --url); a page that cannot be dated
        Arguments.of("august%2010%201941.txt", null, List.of(doc("d1941-08-10-other",
            "Statement of the Soviet government to the government of Turkey", "when=1941-08-10", "external")),
            List.of("the year of the date line \"[august 10/94 / y.]\" is illegible: 1941 taken from the page's address (august 10 1941.txt)")),
        Arguments.of("bracketed-date.txt", BASE + "august%2010%201941.htm", List.of(doc("d1941-08-10-other",
            "Statement of the Soviet government to the government of Turkey", "when=1941-08-10", "external")),
            List.of("1941 taken from the page's address (august 10 1941.htm)")),
        Arguments.of("undatable.txt", null, List.of(doc("dundated-aralov", "Note of the plenipotentiary representative of the RSFSR in"
            + " Turkey to the minister of foreign affairs", "notBefore=1919-01-01;notAfter=1941-12-31", "conjecture")),
            List.of("has no legible year on the page: dated between 1 January 1919 and 31 December 1941 by only the span of the collection")),
        // issue 18, smaller shapes
        Arguments.of("garbled-citation.txt", null, List.of(doc("d1939-12-07-filimonov",
            "Telegram of the plenipotentiary of the USSR in Iran to the NKID", "when=1939-12-07", null)), List.of()),
        Arguments.of("month-year-dateline.txt", null, monthYear, List.of()),
        Arguments.of("month-year-dateline.htm", null, monthYear, List.of()),
        Arguments.of("dot-lines.txt", null, dotLines, List.of()),
        Arguments.of("dot-lines.htm", null, dotLines, List.of()),
        Arguments.of("source-comment.htm", null, List.of(doc("d1940-12-10-terentyev",
            "Telegram of the plenipotentiary of the USSR in Turkey to the NKID", "when=1940-12-10", null)), List.of()),
        // a note line with its mark glued to its text, and a form feed (which XML cannot hold) in a paragraph
        Arguments.of("glued-mark-control.txt", null, List.of(doc("d1941-03-25-mikhailov",
            "Telegram of the plenipotentiary of the USSR in Afghanistan to the NKID", "when=1941-03-25", null)),
            List.of("control characters (the first, U+000C, on line 15)")),
        // a heading quoted inside a document, with nothing on the page marking a new document: kept in place, and said so
        Arguments.of("quoted-heading.txt", null, List.of(doc("d1940-10-12-terentyev",
            "Telegram of the plenipotentiary of the USSR in Turkey to the NKID", "when=1940-10-12", null)),
            List.of("\"Telegram of the minister of foreign affa…\" reads like the heading of another document, but nothing on the page"
                + " marks one there", "kept in place as paragraph 2 of d1940-10-12-terentyev")));
  }

  /** An edition to import into: the sample edition's edition.xml and schema, no documents yet. */
  static Path edition(Path dir) throws Exception {
    Files.createDirectories(dir.resolve("schema"));
    Files.copy(TestFiles.EDITION.resolve("edition.xml"), dir.resolve("edition.xml"));
    Files.copy(TestFiles.EDITION.resolve("schema/editio.rnc"), dir.resolve("schema/editio.rnc"));
    return dir;
  }

  static Importer.Result importInto(Path edition, Path page, String url) throws Exception {
    return new Importer(XML).run(List.of(page.toString()), edition.resolve("documents"), false, url);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pages")
  void eachPageShapeGivesItsDocumentsWholeAndValid(String name, String url, List<Doc> expected, List<String> warnings,
      @TempDir Path dir) throws Exception {
    Path page = PAGES.resolve(name);
    Path edition = edition(dir);
    Importer.Result r = importInto(edition, page, url);
    assertFalse(r.hasErrors(), r.problems().toString());

    // the documents: count, ids, titles, dates, and where a date the page does not print came from
    assertEquals(expected.stream().map(Doc::id).map(id -> id + ".xml").toList(),
        r.written().stream().map(p -> p.getFileName().toString()).toList(), "documents in page order");
    List<XdmNode> docs = new ArrayList<>();
    for (Doc e : expected) {
      XdmNode doc = XML.parse(edition.resolve("documents/" + e.id() + ".xml"));
      docs.add(doc);
      assertEquals(e.id(), ImporterTest.eval(doc, "/*/@xml:id"));
      assertEquals(e.title(), ImporterTest.eval(doc, "//tei:titleStmt/tei:title"), e.id());
      assertEquals(e.date(), ImporterTest.eval(doc, "string-join(//tei:dateline//tei:date/(@when, @from, @to, @notBefore,"
          + " @notAfter) ! (local-name() || '=' || .), ';')"), e.id() + ": the dateline's date");
      assertEquals(e.date(), ImporterTest.eval(doc, "string-join(//tei:correspAction[@type='sent']/tei:date/(@when, @from, @to, @notBefore,"
          + " @notAfter) ! (local-name() || '=' || .), ';')"), e.id() + ": the header's date");
      if (e.evidence() == null) {
        assertEquals("", ImporterTest.eval(doc, "//tei:dateline//tei:date/(@resp, @cert, @evidence)"), e.id() + ": printed date");
        assertEquals("0", ImporterTest.eval(doc, "count(//tei:note[@type='editorial'][ends-with(@xml:id, '-date')])"));
      } else {
        // a date the editors supplied is theirs, says how sure they are, and a note says where it came from
        assertEquals("../edition.xml#editors|" + e.evidence(), ImporterTest.eval(doc, "//tei:dateline//tei:date/(@resp, @evidence)"));
        assertTrue(ImporterTest.eval(doc, "//tei:dateline//tei:date/@cert").matches("high|medium|low"), e.id());
        assertEquals("editorial", ImporterTest.eval(doc, "//tei:dateline/tei:note/@type"), e.id() + ": the note says why");
      }
    }
    List<String> messages = r.problems().stream().map(Problem::message).toList();
    for (String w : warnings) {
      assertTrue(messages.stream().anyMatch(m -> m.contains(w)), "warning \"" + w + "\" in " + messages);
    }
    // every warning is located on the page: its line holds text of the page
    List<String> lines = pageLines(page);
    for (Problem p : r.problems()) {
      assertTrue(p.line() >= 1 && p.line() <= lines.size(), p.toString());
    }

    // word for word: the page's text after the banner is the TEI's text, in order (a note's text
    // follows its document's text in the TEI reading, as it does on these pages)
    assertEquals(pageWords(page), orderedWords(docs), "the page's words, in order, are the TEI's");

    // valid: editio validate of the edition, of documents/ and of each file agree, and find nothing
    assertEquals(List.of(), ValidationScopes.documentProblems(VALIDATOR, edition));
    assertEquals(0, VALIDATOR.validate(List.of(edition), Optional.empty()).errors());
    // and every document is valid TEI (tei_all)
    assertEquals(List.of(), VALIDATOR.validate(List.of(edition.resolve("documents")), Optional.of(TestFiles.teiAll())).problems());
  }

  // ------------------------------------------------------------------ reading pages and TEI as text

  /** The page's lines as a reader of the file counts them. */
  static List<String> pageLines(Path page) throws Exception {
    return List.of(new String(Files.readAllBytes(page), charset(page)).split("\\r?\\n|\\r", -1));
  }

  static Charset charset(Path page) throws Exception {
    String head = new String(Files.readAllBytes(page), java.nio.charset.StandardCharsets.ISO_8859_1);
    return head.contains("charset=windows-1252") && !name(page).contains("two-documents") ? Charset.forName("windows-1252")
        : head.contains("charset=windows-1251") || name(page).contains("1251") ? Charset.forName("windows-1251")
        : java.nio.charset.StandardCharsets.UTF_8;
  }

  static String name(Path p) {
    return p.getFileName().toString();
  }

  /**
   * The page as text: a text rendering as it is; an HTML page as a browser shows its text
   * (Jsoup). A note line that glues its mark to its text ("*see doc.") is read with a space after
   * the mark, as the TEI keeps the mark apart (note/@n).
   */
  static String pageText(Path page) throws Exception {
    String raw = new String(Files.readAllBytes(page), charset(page));
    String text = name(page).endsWith(".htm") ? Jsoup.parse(raw).body().text() : raw;
    return text.replaceAll("(?m)^(\\s*\\*{1,5})(?=[^\\s*])", "$1 ");
  }

  private static final Pattern BRACKETED_MARK = Pattern.compile("\\[(\\d{1,3})\\]");

  static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    for (String w : text.replace('\u00A0', ' ').strip().split("\\s+")) {
      if (!w.isEmpty()) {
        out.add(BRACKETED_MARK.matcher(w).replaceAll("$1"));
      }
    }
    return out;
  }

  /** The words after the banner (through "Download PDF"). */
  static List<String> pageWords(Path page) throws Exception {
    String t = pageText(page);
    return words(t.substring(t.indexOf("Download PDF") + "Download PDF".length()));
  }

  static List<String> bannerWords(Path page) throws Exception {
    String t = pageText(page);
    return words(t.substring(0, t.indexOf("Download PDF") + "Download PDF".length()));
  }

  /**
   * The TEI's text as the page prints it: a note's mark where the note stands, its text where the
   * page prints it (for these pages, which have no notes: nowhere), supplied letters in brackets;
   * what the editors add is left out.
   */
  static List<String> orderedWords(List<XdmNode> docs) {
    List<String> all = new ArrayList<>();
    for (XdmNode d : docs) {
      StringBuilder main = new StringBuilder();
      StringBuilder notes = new StringBuilder();
      read(text(d), main, notes);
      all.addAll(words(main.toString()));
      all.addAll(words(notes.toString()));
    }
    return all;
  }

  static XdmNode text(XdmNode doc) {
    for (XdmNode n : doc.select(net.sf.saxon.s9api.streams.Steps.descendant("text")).toList()) {
      if (Xml.TEI_NS.equals(n.getNodeName().getNamespace())) {
        return n;
      }
    }
    throw new AssertionError("no text element");
  }

  private static void read(XdmNode node, StringBuilder main, StringBuilder notes) {
    for (XdmNode c : node.children()) {
      if (c.getNodeKind() == XdmNodeKind.TEXT) {
        main.append(c.getStringValue());
        continue;
      }
      if (c.getNodeKind() != XdmNodeKind.ELEMENT) {
        continue;
      }
      String name = c.getNodeName().getLocalName();
      switch (name) {
        case "note" -> {
          if (!"editorial".equals(c.getAttributeValue(new QName("type")))) {
            main.append(c.getAttributeValue(new QName("n")));
            notes.append(' ').append(c.getAttributeValue(new QName("n"))).append(' ');
            read(c, notes, notes);
          }
        }
        case "supplied" -> {
          main.append('[');
          read(c, main, notes);
          main.append(']');
        }
        case "lb" -> main.append(' ');
        case "p", "head", "dateline", "seg", "signed", "item", "label", "closer", "opener", "div" -> {
          if (name.equals("seg") && "classification".equals(c.getAttributeValue(new QName("type")))) {
            read(c, main, notes);
          } else {
            main.append(' ');
            read(c, main, notes);
            main.append(' ');
          }
        }
        default -> read(c, main, notes);
      }
    }
  }

  // ------------------------------------------------------------------ the property, over every fixture page

  /** Every importer fixture page that is a page of the archive (bad pages aside). */
  static List<Path> allPages() throws Exception {
    try (Stream<Path> s = Files.list(PAGES)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }

  /**
   * Issue 17's property: for every fixture page, the multiset of the page's words equals that of
   * the TEI text (notes: their mark where they stand and their text) plus the banner's.
   */
  @Test
  void everyWordOfEveryPageIsInTheTei(@TempDir Path dir) throws Exception {
    int pages = 0;
    for (Path page : allPages()) {
      Path edition = edition(Files.createDirectories(dir.resolve("e" + pages++)));
      Importer.Result r = importInto(edition, page, null);
      assertFalse(r.hasErrors(), page + ": " + r.problems());
      List<XdmNode> docs = new ArrayList<>();
      for (Path f : r.written()) {
        docs.add(XML.parse(f));
      }
      Map<String, Integer> tei = count(orderedWords(docs));
      count(bannerWords(page)).forEach((w, n) -> tei.merge(w, n, Integer::sum));
      assertEquals(count(words(pageText(page))), tei, name(page));
    }
    assertTrue(pages >= 30, "every fixture page: " + pages);
  }

  static Map<String, Integer> count(List<String> words) {
    Map<String, Integer> m = new TreeMap<>();
    words.forEach(w -> m.merge(w, 1, Integer::sum));
    return m;
  }
}
