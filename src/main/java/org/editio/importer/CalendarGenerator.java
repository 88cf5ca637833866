package org.editio.importer;

import java.io.IOException;
import java.io.Reader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XdmItem;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.editio.EditioException;
import org.editio.Problem;
import org.editio.xml.Xml;

/**
 * Writes the calendar of a collection: one TEI document per row of a facts table (as
 * {@code shared/corpus/facts.tsv}), for documents known but not transcribed in the edition, the
 * way Regesta Imperii and the calendars of state papers publish them: full header (dates,
 * parties, place, classification, archival citation, source page, countries, type), the editors'
 * summary as the abstract, and a body that says the text is not transcribed and links the page.
 *
 * <p>Rows whose page is already the source of a document of the edition are skipped: that
 * document is published in full. Every name must be in the registers, so that every mention
 * is linked.
 */
public final class CalendarGenerator {

  static final String ARCHIVE_TITLE = "Selected Secret Documents from Soviet Foreign Policy Documents Archives - 1919 to 1941";
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM uuuu", Locale.ENGLISH);

  /** What a run wrote and skipped. */
  public record Result(List<Path> written, List<Path> unchanged, List<String> skipped, List<Problem> problems) {}

  private final Xml xml;
  private final String changeDate;

  /** @param changeDate the date recorded in each file's revisionDesc (fixed, so output repeats) */
  public CalendarGenerator(Xml xml, String changeDate) {
    this.xml = xml;
    this.changeDate = changeDate;
  }

  /**
   * Generates the calendar documents for {@code facts} into {@code edition/documents}.
   *
   * @param force overwrite existing files that differ (editors' changes are otherwise kept)
   */
  public Result generate(Path facts, Path edition, boolean force) throws EditioException {
    if (!Files.isRegularFile(facts)) {
      throw EditioException.io(facts, "no such file");
    }
    Path documents = edition.resolve("documents");
    Registers registers = Registers.read(xml, edition.resolve("registers"));
    Set<String> transcribed = transcribedPages(documents);

    List<CSVRecord> rows;
    try (Reader in = Files.newBufferedReader(facts, StandardCharsets.UTF_8)) {
      rows = CSVFormat.TDF.builder().setHeader().setSkipHeaderRecord(true).setQuote(null).get().parse(in).getRecords();
    } catch (IOException | IllegalArgumentException e) {
      throw EditioException.io(facts, "cannot read the facts table: " + e.getMessage());
    }

    List<Problem> problems = new ArrayList<>();
    Map<String, Integer> idCount = new HashMap<>();
    List<Path> written = new ArrayList<>();
    List<Path> unchanged = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    List<Map.Entry<Path, String>> outputs = new ArrayList<>();
    Map<String, String[]> pageDates = pageDates(rows);
    for (CSVRecord row : rows) {
      if (transcribed.contains(pageKey(row.get("url")))) {
        skipped.add(row.get("url") + " (transcribed in full)");
        continue;
      }
      String base = baseId(row);
      int n = idCount.merge(base, 1, Integer::sum);
      String id = n == 1 ? base : base + "-" + n;
      try {
        outputs.add(Map.entry(documents.resolve(id + ".xml"), document(id, row, registers, pageDates.get(pageKey(row.get("url"))))));
      } catch (IllegalArgumentException e) {
        problems.add(new Problem(facts, (int) row.getRecordNumber() + 1, 1, Problem.Severity.ERROR, e.getMessage(), "calendar"));
      }
    }
    if (!problems.isEmpty()) {
      throw new EditioException(EditioException.INPUT, problems);
    }
    Map<Path, String> files = new java.util.LinkedHashMap<>();
    outputs.forEach(o -> files.put(o.getKey(), o.getValue()));
    TeiFiles.write(files, force, written, unchanged, problems, "calendar");
    return new Result(written, unchanged, skipped, problems);
  }

  /** Pages already transcribed in full: the web-page sources of the existing documents. */
  private Set<String> transcribedPages(Path documents) throws EditioException {
    Set<String> pages = new HashSet<>();
    if (!Files.isDirectory(documents)) {
      return pages;
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(documents)) {
      files = s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
    } catch (IOException e) {
      throw EditioException.io(documents, "cannot list: " + org.editio.Messages.io(e));
    }
    XPathCompiler xp = xml.processor().newXPathCompiler();
    xp.declareNamespace("tei", Xml.TEI_NS);
    for (Path f : files) {
      try {
        String text = Files.readString(f);
        if (text.contains("type=\"calendar\"")) {
          continue;
        }
        for (XdmItem t : xp.evaluate("//tei:sourceDesc/tei:bibl[@type='web-page']/tei:ref/@target", xml.parse(f))) {
          pages.add(pageKey(t.getStringValue()));
        }
      } catch (IOException | SaxonApiException e) {
        throw EditioException.io(f, "cannot read: " + e.getMessage());
      }
    }
    return pages;
  }

  /** A page's URL without scheme and with spaces decoded: the archive serves both http and https. */
  static String pageKey(String url) {
    String u = url.replaceFirst("^https?://", "");
    return URLDecoder.decode(u.replace("+", "%2B"), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
  }

  static String slug(String s) {
    String ascii = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "").replace('ı', 'i').toLowerCase(Locale.ROOT);
    String[] words = ascii.replaceAll("[^a-z0-9 ]", " ").trim().split("\\s+");
    return words.length == 0 ? "" : words[words.length - 1];
  }

  private static String baseId(CSVRecord row) {
    String date = row.get("date");
    String start = date.contains("/") ? date.substring(0, date.indexOf('/')) : date;
    String who = row.get("sender").isBlank() ? row.get("type") : row.get("sender");
    String s = slug(who);
    if (row.get("sender").contains("government")) {
      s = slug(who.replace("government", "")) + "-government";
    }
    return "d" + (start.isEmpty() ? "undated" : start) + "-" + s;
  }

  private static final Map<String, String> TYPES = Map.of(
      "telegram", "Telegram", "letter", "Letter", "note", "Note", "record-of-conversation", "Record of conversation",
      "diary", "Diary entry", "memorandum", "Memorandum", "report", "Report", "speech", "Speech", "other", "Document");

  static String title(CSVRecord row, Registers registers) {
    String type = TYPES.getOrDefault(row.get("type"), "Document");
    String sender = row.get("sender");
    String addressee = row.get("addressee").replace("; ", ", ");
    StringBuilder t = new StringBuilder(type);
    switch (row.get("type")) {
      case "diary" -> t.replace(0, t.length(), "From the diary of " + sender);
      case "record-of-conversation" -> {
        Optional<String> partner = partner(row, registers);
        if (partner.isPresent()) {
          t.append(" between ").append(sender).append(" and ").append(partner.get());
        } else {
          t.append(" of ").append(sender);
        }
      }
      case "speech" -> t.append(" of ").append(sender);
      default -> {
        if (!sender.isBlank()) {
          t.append(" from ").append(sender);
        }
        if (!addressee.isBlank()) {
          t.append(" to ").append(addressee);
        }
      }
    }
    String when = readable(row.get("date"));
    t.append(", ").append(when.isEmpty() ? "undated" : when);
    return t.toString();
  }

  /**
   * The other party of a record of conversation, which the facts do not name in a column of its
   * own: the first person mentioned, other than the recorder and the addressees, whom the editors'
   * summary names, by surname or by the office the register gives ("the Turkish ambassador"); else
   * the first such person mentioned.
   */
  static Optional<String> partner(CSVRecord row, Registers registers) {
    Set<String> not = new HashSet<>(list(row.get("addressee")));
    not.add(row.get("sender").strip());
    List<String> others = list(row.get("persons")).stream().filter(p -> !not.contains(p)).toList();
    String summary = row.get("summary");
    for (String p : others) {
      String[] words = p.split("\\s+");
      String office = registers.occupation(p).map(o -> String.join(" ", java.util.Arrays.asList(o.split("\\s+")).subList(0,
          Math.min(2, o.split("\\s+").length)))).orElse("\u0000");
      if (summary.contains(words[words.length - 1]) || summary.toLowerCase(Locale.ROOT).contains(office.toLowerCase(Locale.ROOT))) {
        return Optional.of(p);
      }
    }
    return others.stream().findFirst();
  }

  /**
   * The countries a summary names, by name or adjective ("Turkey", "Turkish"), as the edition's
   * country categories: a document whose summary names a country is filed under it, whatever the
   * facts' countries column forgot. Cities and regions are not countries here.
   */
  private static final Map<String, List<String>> COUNTRY_WORDS = countryWords();

  private static Map<String, List<String>> countryWords() {
    Map<String, List<String>> m = new java.util.LinkedHashMap<>();
    m.put("Turkey", List.of("Turkey", "Turkish"));
    m.put("Iran", List.of("Iran", "Iranian"));
    m.put("Afghanistan", List.of("Afghanistan", "Afghan"));
    m.put("Bulgaria", List.of("Bulgaria", "Bulgarian"));
    m.put("Romania", List.of("Romania", "Romanian"));
    m.put("Yugoslavia", List.of("Yugoslavia", "Yugoslav"));
    m.put("Greece", List.of("Greece", "Greek"));
    m.put("Germany", List.of("Germany", "German"));
    m.put("Britain", List.of("Britain", "British"));
    m.put("France", List.of("France", "French"));
    m.put("Italy", List.of("Italy", "Italian"));
    m.put("Japan", List.of("Japan", "Japanese"));
    return m;
  }

  static List<String> countries(CSVRecord row) {
    List<String> countries = new ArrayList<>(list(row.get("countries")));
    String summary = row.get("summary");
    COUNTRY_WORDS.forEach((country, words) -> {
      boolean named = words.stream().anyMatch(w -> java.util.regex.Pattern.compile("\\b" + w + "\\b").matcher(summary).find());
      if (named && countries.stream().noneMatch(c -> c.equalsIgnoreCase(country))) {
        countries.add(country);
      }
    });
    return countries;
  }

  /**
   * The span of the dated documents of each page ({@link #pageKey}): an undated document of a page
   * is dated by its place in the source, between the first and the last date of its page.
   */
  private static Map<String, String[]> pageDates(List<CSVRecord> rows) {
    Map<String, String[]> spans = new HashMap<>();
    for (CSVRecord row : rows) {
      String date = row.get("date");
      if (date.isEmpty()) {
        continue;
      }
      String first = date.contains("/") ? date.substring(0, date.indexOf('/')) : date;
      String last = date.contains("/") ? date.substring(date.indexOf('/') + 1) : date;
      spans.merge(pageKey(row.get("url")), new String[] {first, last}, (a, b) -> new String[] {
          a[0].compareTo(b[0]) <= 0 ? a[0] : b[0], a[1].compareTo(b[1]) >= 0 ? a[1] : b[1]});
    }
    return spans;
  }

  static String readable(String iso) {
    if (iso.isEmpty()) {
      return "";
    }
    if (iso.contains("/")) {
      String[] r = iso.split("/");
      return readable(r[0]) + " – " + readable(r[1]);
    }
    if (iso.length() == 10) {
      return LocalDate.parse(iso).format(DAY);
    }
    if (iso.length() == 7) {
      return YearMonth.parse(iso).format(MONTH);
    }
    return iso;
  }

  private static String[] dateAttributes(String iso, String[] page) {
    if (iso.isEmpty()) {
      return page == null ? new String[] {"notBefore", "1919-01-01", "notAfter", "1941-12-31"}
          : new String[] {"notBefore", page[0], "notAfter", page[1]};
    }
    if (iso.contains("/")) {
      String[] r = iso.split("/");
      return new String[] {"from", r[0], "to", r[1]};
    }
    return new String[] {"when", iso};
  }

  private static List<String> list(String value) {
    List<String> items = new ArrayList<>();
    for (String s : value.split(";")) {
      if (!s.isBlank()) {
        items.add(s.strip());
      }
    }
    return items;
  }

  private String document(String id, CSVRecord row, Registers registers, String[] pageSpan) {
    String title = title(row, registers);
    String url = row.get("url");
    String page = URLDecoder.decode(url.substring(url.lastIndexOf('/') + 1).replace("+", "%2B"), StandardCharsets.UTF_8);
    String[] date = dateAttributes(row.get("date"), pageSpan);
    String printed = row.get("date_as_printed").isBlank() ? "undated" : row.get("date_as_printed");

    TeiWriter tei = new TeiWriter("../schema/editio.rnc");
    tei.block("TEI", "xml:id", id, "xml:lang", "en");
    tei.block("teiHeader").block("fileDesc");
    tei.block("titleStmt").element("title", title, "type", "editorial").end();
    tei.block("publicationStmt").element("p", "Calendar entry of the editio sample edition; see edition.xml.").end();
    tei.block("sourceDesc");
    tei.inline("bibl", "type", "web-page").element("title", ARCHIVE_TITLE, "level", "m").text(", ")
        .element("ref", page.strip(), "target", url).text(", document " + row.get("seq") + " on the page; "
        + "English machine translation of the Russian publication, read on ")
        .element("date", readable(changeDate), "type", "access", "when", changeDate).text(".").end();
    String archive = row.get("archive");
    Optional<ArchiveCitation> citation = ArchiveCitation.parse(archive);
    if (citation.isPresent()) {
      citation.get().write(tei, registers.pointer(Registers.Kind.ORG, "AVP RF").orElse(null));
    } else if (!archive.isBlank()) {
      tei.element("bibl", archive, "type", "publication");
    }
    tei.end().end(); // sourceDesc, fileDesc

    tei.block("profileDesc");
    writeCorrespondence(tei, row, registers, date);
    tei.block("textClass");
    tei.empty("catRef", "scheme", "../edition.xml#document-types", "target", "../edition.xml#type-" + row.get("type"));
    List<String> countries = countries(row);
    if (!countries.isEmpty()) {
      tei.empty("catRef", "scheme", "../edition.xml#countries", "target", String.join(" ",
          countries.stream().map(c -> "../edition.xml#country-" + c.toLowerCase(Locale.ROOT)).toList()));
    }
    if (!row.get("classification").isBlank()) {
      tei.empty("catRef", "scheme", "../edition.xml#classifications", "target", String.join(" ",
          list(row.get("classification").replace('+', ';')).stream().map(c -> "../edition.xml#class-" + c).toList()));
    }
    tei.end();
    tei.block("abstract").element("p", row.get("summary")).end();
    tei.end(); // profileDesc
    tei.block("revisionDesc")
        .element("change", "Calendar entry generated by editio calendar from the facts of the collection.", "when", changeDate)
        .end();
    tei.end(); // teiHeader

    tei.block("text").block("body").block("div", "type", "calendar", "xml:id", id + "-doc");
    tei.element("head", title);
    tei.block("opener").inline("dateline");
    if (!row.get("place").isBlank()) {
      name(tei, registers, Registers.Kind.PLACE, row.get("place"));
      tei.text(", ");
    }
    tei.element("date", printed, date);
    // the editors' note on an undated document stands right after its date: its mark follows "undated"
    if (row.get("date").isEmpty()) {
      String dated = pageSpan == null ? "it is dated only by the span of the collection."
          : "it is dated by its place on the page, among documents of "
              + (pageSpan[0].equals(pageSpan[1]) ? readable(pageSpan[0]) : readable(pageSpan[0] + "/" + pageSpan[1])) + ".";
      tei.element("note", "The page gives no date for this document; " + dated,
          "type", "editorial", "resp", "../edition.xml#editors", "xml:id", id + "-n1");
    }
    if (!row.get("classification").isBlank()) {
      tei.text(" ").element("seg", row.get("classification").replace("+", ", ").replace('-', ' '), "type", "classification");
    }
    tei.end().end();
    tei.inline("p").text("The text of this document is not transcribed in this edition. It can be read on the archive’s page ")
        .element("ref", page.strip(), "target", url).text(".").end();
    List<String> persons = list(row.get("persons"));
    if (!persons.isEmpty()) {
      tei.inline("ab", "type", "mentions").text("Persons mentioned: ");
      names(tei, registers, Registers.Kind.PERSON, persons);
      tei.text(".").end();
    }
    List<String> places = list(row.get("places"));
    if (!places.isEmpty()) {
      tei.inline("ab", "type", "mentions").text("Places mentioned: ");
      names(tei, registers, Registers.Kind.PLACE, places);
      tei.text(".").end();
    }
    return tei.finish();
  }

  /**
   * Who sent the document, from where and when, and to whom: {@code correspDesc}, the one place of
   * these facts. What it cannot hold, the sender's office at the time, is {@code particDesc}'s:
   * a participant pointing to the sender's register entry, with the occupation and nothing else.
   */
  private static void writeCorrespondence(TeiWriter tei, CSVRecord row, Registers registers, String[] date) {
    String readable = readable(row.get("date"));
    tei.block("correspDesc").block("correspAction", "type", "sent");
    String sender = row.get("sender");
    String[] from = sender.isBlank() ? null : party(registers, sender);
    if (from != null) {
      tei.element(from[0], sender, "ref", from[1]);
    }
    if (!row.get("place").isBlank()) {
      name(tei, registers, Registers.Kind.PLACE, row.get("place"));
    }
    tei.element("date", readable.isEmpty() ? "undated" : readable, date).end();
    List<String> addressees = new ArrayList<>(new LinkedHashSet<>(list(row.get("addressee"))));
    if (!addressees.isEmpty()) {
      tei.block("correspAction", "type", "received");
      for (String a : addressees) {
        String[] to = party(registers, a);
        tei.element(to[0], a, "ref", to[1]);
      }
      tei.end();
    }
    tei.end(); // correspDesc
    String office = row.get("sender_role");
    if (from != null && from[0].equals("persName") && !office.isBlank()) {
      tei.block("particDesc").block("listPerson").block("person", "corresp", from[1])
          .element("occupation", office).end().end().end();
    }
  }

  /** A party's name element ({@code persName}, {@code orgName}) and its register pointer. */
  private static String[] party(Registers registers, String name) {
    Map.Entry<Registers.Kind, String> found = registers.party(name).orElseThrow(() ->
        new IllegalArgumentException("'" + name + "' is in no register: add it to registers/persons.xml or organizations.xml"));
    return new String[] {found.getKey() == Registers.Kind.PERSON ? "persName" : "orgName", found.getValue()};
  }

  private static void name(TeiWriter tei, Registers registers, Registers.Kind kind, String name) {
    String pointer = registers.pointer(kind, name).orElseThrow(() ->
        new IllegalArgumentException("'" + name + "' is in no register: add it to registers/" + kind.file));
    tei.element(kind.name, name, "ref", pointer);
  }

  private static void names(TeiWriter tei, Registers registers, Registers.Kind kind, List<String> names) {
    for (int i = 0; i < names.size(); i++) {
      if (i > 0) {
        tei.text("; ");
      }
      name(tei, registers, kind, names.get(i));
    }
  }
}
