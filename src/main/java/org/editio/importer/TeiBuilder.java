package org.editio.importer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.editio.importer.Draft.Para;

/**
 * Turns a {@link Draft} into a TEI document encoded as shared/design/encoding.md says: header
 * from the page (title, date, place, sender, addressee, classification, archival citation,
 * source), and the text with its notes where their marks stand, elisions as {@code gap},
 * bracketed letters as {@code supplied}. Every character of the document's text on the page is
 * written, in page order; only note marks move into {@code note/@n} (and note texts to their
 * marks). What the editors add (a date the page does not print, the end of a cut-off page) is
 * marked as theirs.
 */
final class TeiBuilder {

  /** Where a note's mark was found: in which text segment, at which characters. */
  private record Mark(int segment, int start, int end, Draft.Note note) {}

  private static final Pattern ELISION = Pattern.compile("\\[\\s*\\.[\\s.]*\\]|\\[\\s*…\\s*\\]");
  private static final Pattern SUPPLIED = Pattern.compile("\\[([\\p{L}][\\p{L}\\s'’ʹ-]{0,40})\\]");
  private static final Pattern PLACE = Pattern.compile("\\bfrom\\s+((?:[A-Z][\\p{L}‐-]+)(?:\\s+[A-Z][\\p{L}]+)?)");
  private static final Pattern ADDRESSEE = Pattern.compile("\\bto\\s+(?:the\\s+)?((?:NKID|[Pp]eople[ʹ’']?s\\s+[Cc]ommissariat[^,.]*?|[A-Z][^,.]*?))(?=\\s*[,.(\\[]|\\s+from\\b|\\s+on\\b|$)");
  private static final Map<String, String> TYPES = Map.ofEntries(Map.entry("telegram", "telegram"), Map.entry("cipher", "telegram"),
      Map.entry("record", "record-of-conversation"), Map.entry("talk", "record-of-conversation"),
      Map.entry("talks", "record-of-conversation"), Map.entry("conversation", "record-of-conversation"), Map.entry("note", "note"),
      Map.entry("letter", "letter"), Map.entry("diary", "diary"), Map.entry("memorandum", "memorandum"), Map.entry("report", "report"),
      Map.entry("speech", "speech"), Map.entry("statement", "other"), Map.entry("communication", "other"),
      Map.entry("communiqué", "other"), Map.entry("declaration", "other"));
  private static final Pattern LONE_MARK = Pattern.compile("\\[\\d{1,3}\\]|(?<![\\p{L}\\p{N}*])\\*{1,5}(?![\\p{L}\\p{N}*])");
  private static final Pattern SYMBOLS_ONLY = Pattern.compile("^[\\p{P}\\p{S}\\s]+$");

  private final Draft d;
  private final String id;
  private final Page page;
  private final List<Warning> warnings;
  /** The document's text, one segment per paragraph of the page, in page order. */
  private final List<Para> segments = new ArrayList<>();
  private final Map<Object, Integer> segmentOf = new IdentityHashMap<>();
  /** Segments where no note mark is looked for (citations: their digits are not marks). */
  private final Set<Integer> unmarked = new HashSet<>();
  private final List<Mark> marks = new ArrayList<>();
  private final Set<Draft.Note> placed = new HashSet<>();
  private int noteNumber;

  private String repositoryRef;

  /** The pointer to the archive's register entry, when the edition's registers have one. */
  TeiBuilder repository(String ref) {
    this.repositoryRef = ref;
    return this;
  }

  TeiBuilder(Draft d, String id, Page page, List<Warning> warnings) {
    this.d = d;
    this.id = id;
    this.page = page;
    this.warnings = warnings;
    if (!d.title.isEmpty()) {
      Para first = d.title.get(0);
      add(d.title, new Para(d.titleText(), first.line(), first.column()));
    }
    d.opener.forEach(o -> add(o, o.para()));
    d.openerCitations.forEach(c -> c.lines().forEach(l -> unmarked.add(add(l, l))));
    d.body.forEach(b -> add(b, b.para()));
    for (Draft.Closing c : d.closer) {
      if (c instanceof Para p) {
        add(p, p);
      } else {
        ((Draft.Citation) c).lines().forEach(l -> unmarked.add(add(l, l)));
      }
    }
    if (d.separator != null) {
      unmarked.add(add(d.separator, d.separator));
    }
    findMarks();
  }

  private int add(Object part, Para text) {
    segmentOf.put(part, segments.size());
    segments.add(text);
    return segments.size() - 1;
  }

  /** The plain title (note marks removed), for the header and the file's id. */
  static String plainTitle(String title) {
    return title.replaceAll(Page.ANCHOR_START + "\\d+" + Page.ANCHOR_END, "").replaceAll("\\s*\\*{1,5}\\s*$", "").strip();
  }

  /**
   * The title for the header: the heading; for a document the page gives none, one the editors
   * write: the heading of the series it stands under and its date, else "Untitled document of …".
   */
  String headerTitle() {
    if (!d.title.isEmpty()) {
      return plainTitle(d.titleText());
    }
    boolean dated = d.dating != null && d.dating.source != Dating.Source.CONTEXT;
    String date = dated ? d.dating.readable() : "undated";
    if (d.series != null) {
      return plainTitle(d.series) + ": " + date;
    }
    return (dated ? "Untitled document of " + date : "Untitled, undated document") + " (document " + d.sequence + " on the page)";
  }

  /** Finds each note's mark: the first occurrence, in page order, that no other note took. */
  private void findMarks() {
    for (Draft.Note note : d.notes) {
      String key = note.mark();
      List<Pattern> patterns = new ArrayList<>();
      if (key.charAt(0) == Page.ANCHOR_START) {
        patterns.add(Pattern.compile(Pattern.quote(key)));
      } else if (key.startsWith("*")) {
        patterns.add(Pattern.compile("(?<!\\*)" + Pattern.quote(key) + "(?!\\*)"));
      } else {
        patterns.add(Pattern.compile("\\[" + key + "\\]"));
        patterns.add(Pattern.compile("(?<![\\d\\[])(?<=[\\p{L}.,;:)”’ʹ]|[,;:] )" + key + "(?![\\d\\p{L}\\]])"));
      }
      found:
      for (Pattern p : patterns) {
        for (int s = 0; s < segments.size(); s++) {
          if (unmarked.contains(s)) {
            continue;
          }
          Matcher m = p.matcher(segments.get(s).text());
          while (m.find()) {
            int seg = s;
            int st = m.start();
            boolean overlaps = marks.stream().anyMatch(x -> x.segment() == seg && st < x.end() && m.end() > x.start());
            boolean inDate = d.dateLine != null && segmentOf.containsKey(dateOpener()) && s == segmentOf.get(dateOpener())
                && st < d.date.end() && m.end() > d.date.start();
            if (!overlaps && !inDate) {
              marks.add(new Mark(s, m.start(), m.end(), note));
              break found;
            }
          }
        }
      }
    }
  }

  private Draft.OpenerLine dateOpener() {
    return d.opener.stream().filter(o -> o.kind() == Draft.OpenerKind.DATELINE).findFirst().orElse(null);
  }

  String build() {
    TeiWriter tei = new TeiWriter("../schema/editio.rnc");
    tei.block("TEI", "xml:id", id, "xml:lang", "en");
    header(tei, headerTitle());
    tei.block("text").block("body").block("div", "type", "document", "xml:id", id + "-doc");
    if (!d.title.isEmpty()) {
      tei.inline("head");
      inline(tei, segmentOf.get(d.title));
      tei.end();
    }
    opener(tei);
    body(tei);
    if (d.incomplete) {
      tei.empty("gap", "reason", "source-incomplete");
    }
    closer(tei);
    reportUnclassified();
    int n = 1;
    for (Draft.Note note : d.notes) {
      if (!placed.contains(note)) {
        warnings.add(Warning.at(note.para(), "the mark of note " + label(note.mark()) + " (\"" + shorten(note.para().text())
            + "\") was not found in the text: the note stands at the end of " + id));
        noteElement(tei, note, "unplaced-" + n++);
      }
    }
    if (d.incomplete) {
      tei.element("note", "The transcription on the source page stops here: the rest of this document is not available"
          + " to the edition.", "type", "editorial", "resp", Dating.EDITORS, "xml:id", id + "-incomplete");
    }
    return tei.finish();
  }

  /** Distribution, date and classification lines as the page orders them; the editors' dateline when the page prints none. */
  private void opener(TeiWriter tei) {
    boolean editorsDateline = d.dateLine == null;
    if (d.opener.isEmpty() && d.openerCitations.isEmpty() && !editorsDateline) {
      return;
    }
    tei.block("opener");
    for (Draft.OpenerLine o : d.opener) {
      int s = segmentOf.get(o);
      switch (o.kind()) {
        case DISTRIBUTION -> {
          tei.inline("seg", "type", "distribution");
          inline(tei, s);
          tei.end();
        }
        case CLASSIFICATION -> {
          tei.inline("seg", "type", "classification");
          inline(tei, s);
          tei.end();
        }
        case DATELINE -> {
          tei.inline("dateline");
          dateline(tei, s);
          dateNote(tei);
          tei.end();
        }
      }
    }
    for (Draft.Citation c : d.openerCitations) {
      citation(tei, c);
    }
    if (editorsDateline) {
      // the page prints no date line: the editors' date, without text of its own, and why
      tei.inline("dateline").empty("date", d.dating.attributes());
      dateNote(tei);
      tei.end();
    }
    tei.end();
  }

  private void dateNote(TeiWriter tei) {
    if (d.dating.note != null) {
      tei.element("note", d.dating.note, "type", "editorial", "resp", Dating.EDITORS, "xml:id", id + "-date");
    }
  }

  private void body(TeiWriter tei) {
    int k = 0;
    while (k < d.body.size()) {
      Draft.Block b = d.body.get(k);
      if (b.kind() == Draft.Kind.NUMBERED) {
        tei.block("list", "type", "ordered");
        while (k < d.body.size() && d.body.get(k).kind() == Draft.Kind.NUMBERED) {
          tei.element("label", d.body.get(k).number());
          tei.inline("item");
          inline(tei, segmentOf.get(d.body.get(k)));
          tei.end();
          k++;
        }
        tei.end();
        continue;
      }
      if (b.kind() == Draft.Kind.ELISION) {
        tei.inline("gap", "reason", "omitted").element("desc", b.para().text().strip()).end();
      } else {
        if (k > 0 && PageParser.looksLikeHeading(b.para().text())) {
          warnings.add(Warning.at(b.para(), "\"" + shorten(b.para().text()) + "\" reads like the heading of another document,"
              + " but nothing on the page marks one there (no date line below it, no signature or dot line before it):"
              + " kept in place as paragraph " + (k + 1) + " of " + id + "; split it off by hand if it is a document of its own"));
        }
        tei.inline("p");
        inline(tei, segmentOf.get(b));
        tei.end();
      }
      k++;
    }
  }

  /** Signature lines and citations in page order, then the dot line that separates this document from the next. */
  private void closer(TeiWriter tei) {
    if (d.closer.isEmpty()) {
      if (d.separator != null) {
        separator(tei);
      }
      return;
    }
    tei.inline("closer");
    int i = 0;
    while (i < d.closer.size()) {
      if (i > 0) {
        tei.text(" ");
      }
      if (d.closer.get(i) instanceof Para) {
        tei.inline("signed");
        for (int x = 0; i < d.closer.size() && d.closer.get(i) instanceof Para p; x++, i++) {
          if (x > 0) {
            tei.empty("lb");
          }
          inline(tei, segmentOf.get(p));
        }
        tei.end();
      } else {
        citation(tei, (Draft.Citation) d.closer.get(i++));
      }
    }
    if (d.separator != null) {
      tei.text(" ");
      separator(tei);
    }
    tei.end();
  }

  private void separator(TeiWriter tei) {
    tei.inline("gap", "reason", "omitted").element("desc", d.separator.text().strip()).end();
  }

  private void citation(TeiWriter tei, Draft.Citation c) {
    tei.inline("seg", "type", c.type());
    for (int x = 0; x < c.lines().size(); x++) {
      if (x > 0) {
        tei.empty("lb");
      }
      tei.text(c.lines().get(x).text());
    }
    tei.end();
  }

  /**
   * What the importer could not classify stays in the text and is reported: a note mark with no
   * note text on the page, a line of symbols only (stray "|" or "___").
   */
  private void reportUnclassified() {
    for (int s = 0; s < segments.size(); s++) {
      if (unmarked.contains(s)) {
        continue;
      }
      Para para = segments.get(s);
      String text = para.text();
      int seg = s;
      Matcher m = LONE_MARK.matcher(text);
      while (m.find()) {
        int at = m.start();
        if (marks.stream().noneMatch(x -> x.segment() == seg && at >= x.start() && at < x.end())) {
          warnings.add(Warning.at(para, "the mark \"" + m.group() + "\" has no note text on the page: kept as text in " + id + " (\""
              + shorten(text.substring(Math.max(0, at - 30), Math.min(text.length(), m.end()))) + "\")"));
        }
      }
      if (SYMBOLS_ONLY.matcher(text).matches() && !PageParser.DOT_LINE.matcher(text).matches()) {
        warnings.add(Warning.at(para, "a line of symbols only (\"" + shorten(text) + "\") could not be classified: kept as text in " + id));
      }
    }
  }

  private static String shorten(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }

  private static String label(String key) {
    return key.charAt(0) == Page.ANCHOR_START ? key.substring(1, key.length() - 1) : key;
  }

  private void noteElement(TeiWriter tei, Draft.Note note, String suffix) {
    tei.inline("note", "type", "source", "n", label(note.mark()), "xml:id", id + "-n" + suffix);
    text(tei, note.para().text());
    tei.end();
  }

  private void dateline(TeiWriter tei, int segment) {
    String line = segments.get(segment).text();
    int a = d.date.start();
    int b = d.date.end();
    inlineRange(tei, segment, 0, a);
    tei.inline("date", d.dating.attributes());
    inlineRange(tei, segment, a, b);
    tei.end();
    String rest = line.substring(b);
    Matcher c = PageParser.classificationMatcher(rest);
    if (c.find()) {
      int cs = b + c.start();
      // the classification runs from its first word to the end of the line
      inlineRange(tei, segment, b, cs);
      tei.inline("seg", "type", "classification");
      inlineRange(tei, segment, cs, line.length());
      tei.end();
      return;
    }
    inlineRange(tei, segment, b, line.length());
  }

  private void inline(TeiWriter tei, int segment) {
    inlineRange(tei, segment, 0, segments.get(segment).text().length());
  }

  /** Writes characters [from, to) of a segment, with notes at their marks. */
  private void inlineRange(TeiWriter tei, int segment, int from, int to) {
    String text = segments.get(segment).text();
    List<Mark> here = marks.stream().filter(m -> m.segment() == segment && m.start() >= from && m.start() < to)
        .sorted(Comparator.comparingInt(Mark::start)).toList();
    int pos = from;
    for (Mark m : here) {
      text(tei, text.substring(pos, m.start()));
      noteElement(tei, m.note(), String.valueOf(++noteNumber));
      placed.add(m.note());
      pos = Math.min(m.end(), to);
    }
    text(tei, text.substring(pos, to));
  }

  /** Text with elisions ([...]) as gap and bracketed letters as supplied. */
  private void text(TeiWriter tei, String s) {
    Matcher m = Pattern.compile(ELISION.pattern() + "|" + SUPPLIED.pattern()).matcher(s);
    int pos = 0;
    while (m.find()) {
      tei.text(s.substring(pos, m.start()));
      if (m.group(1) != null) {
        tei.element("supplied", m.group(1), "reason", "omitted");
      } else {
        tei.inline("gap", "reason", "omitted").element("desc", m.group()).end();
      }
      pos = m.end();
    }
    tei.text(s.substring(pos));
  }

  private void header(TeiWriter tei, String title) {
    tei.block("teiHeader").block("fileDesc");
    tei.block("titleStmt").element("title", title, "type", d.title.isEmpty() ? "editorial" : null).end();
    tei.block("publicationStmt").element("p", "Imported by editio from the archive page; see edition.xml.").end();
    tei.block("sourceDesc");
    String pageName = page.url() != null ? page.address() : java.nio.file.Path.of(page.name()).getFileName().toString();
    tei.inline("bibl", "type", "web-page").element("title", CalendarGenerator.ARCHIVE_TITLE, "level", "m").text(", ");
    if (page.url() != null) {
      tei.element("ref", pageName, "target", page.url());
    } else {
      tei.text(pageName);
    }
    tei.text(", document " + d.sequence + " on the page.").end();
    for (Draft.Citation citation : d.citations()) {
      String c = citation.text();
      Optional<ArchiveCitation> a = ArchiveCitation.parse(c);
      if (a.isPresent()) {
        a.get().write(tei, repositoryRef);
      } else if (citation.type().equals("publication")) {
        tei.element("bibl", c, "type", "publication");
      }
    }
    tei.end().end();

    tei.block("profileDesc");
    // who sent it, from where, when, and to whom: correspDesc (the editors link the names to the registers)
    String place = place(title);
    String sender = sender();
    String addressee = addressee(title);
    tei.block("correspDesc").block("correspAction", "type", "sent");
    if (sender != null) {
      tei.element("persName", sender);
    }
    if (place != null) {
      tei.element("placeName", place);
    }
    tei.element("date", d.dating.readable(), d.dating.attributes()).end();
    if (addressee != null) {
      boolean org = addressee.equals("NKID") || addressee.toLowerCase(Locale.ROOT).contains("commissariat");
      tei.block("correspAction", "type", "received").element(org ? "orgName" : "persName", addressee).end();
    }
    tei.end();
    String type = type(title);
    List<String> classes = new ArrayList<>();
    for (Draft.OpenerLine o : d.opener) {
      String l = o.para().text();
      String marked = o.kind() == Draft.OpenerKind.DATELINE ? l.substring(d.date.end())
          : o.kind() == Draft.OpenerKind.CLASSIFICATION ? l : "";
      PageParser.classifications(marked).stream().filter(c -> !classes.contains(c)).forEach(classes::add);
    }
    if (type != null || !classes.isEmpty()) {
      tei.block("textClass");
      if (type != null) {
        tei.empty("catRef", "scheme", "../edition.xml#document-types", "target", "../edition.xml#type-" + type);
      }
      if (!classes.isEmpty()) {
        tei.empty("catRef", "scheme", "../edition.xml#classifications", "target",
            String.join(" ", classes.stream().map(c -> "../edition.xml#class-" + c).toList()));
      }
      tei.end();
    }
    tei.end();
    tei.block("revisionDesc").element("change", "Imported by editio from " + pageName + ".").end();
    tei.end();
  }

  static String place(String title) {
    Matcher m = PLACE.matcher(title);
    return m.find() && DateParser.month(m.group(1)) == 0 ? m.group(1) : null;
  }

  static String addressee(String title) {
    Matcher m = ADDRESSEE.matcher(title);
    return m.find() ? m.group(1).strip() : null;
  }

  static String type(String title) {
    String lower = title.toLowerCase(Locale.ROOT);
    if (lower.startsWith("from the diary") || lower.startsWith("diary")) {
      return "diary";
    }
    for (String word : lower.replaceFirst("^from[:;]?\\s+(a\\s+|the\\s+)?", "").split("[^\\p{L}]+")) {
      String singular = word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
      if (TYPES.containsKey(word) || TYPES.containsKey(singular)) {
        return TYPES.getOrDefault(word, TYPES.get(singular));
      }
    }
    return null;
  }

  /** The sender: the name of the signature (its last line that is not a role), else none. */
  String sender() {
    List<Para> signature = d.signature();
    for (int i = signature.size() - 1; i >= 0; i--) {
      String s = signature.get(i).text().replaceAll(Page.ANCHOR_START + "\\d+" + Page.ANCHOR_END, "").replaceAll("[*,;.]+$", "").strip();
      if (!s.isEmpty() && s.split("\\s+").length <= 3 && Character.isUpperCase(s.codePointAt(0))) {
        return s;
      }
    }
    return null;
  }
}
