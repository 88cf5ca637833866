package org.editio.importer;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a {@link Draft} into a TEI document encoded as shared/design/encoding.md says: header
 * from the page (title, date, place, sender, addressee, classification, archival citation,
 * source), and the text with its notes where their marks stand, elisions as {@code gap},
 * bracketed letters as {@code supplied}. Every character of the document's text on the page is
 * kept; only note marks move into {@code note/@n}.
 */
final class TeiBuilder {

  /** Where a note's mark was found: in which text segment, at which characters. */
  private record Mark(int segment, int start, int end, String key) {}

  private static final Pattern ELISION = Pattern.compile("\\[\\s*\\.[\\s.]*\\]|\\[\\s*…\\s*\\]");
  private static final Pattern SUPPLIED = Pattern.compile("\\[([\\p{L}][\\p{L}\\s'’ʹ-]{0,40})\\]");
  private static final Pattern PLACE = Pattern.compile("\\bfrom\\s+((?:[A-Z][\\p{L}‐-]+)(?:\\s+[A-Z][\\p{L}]+)?)");
  private static final Pattern ADDRESSEE = Pattern.compile("\\bto\\s+(?:the\\s+)?((?:NKID|[Pp]eople[ʹ’']?s\\s+[Cc]ommissariat[^,.]*?|[A-Z][^,.]*?))(?=\\s*[,.(\\[]|\\s+from\\b|\\s+on\\b|$)");
  private static final Map<String, String> TYPES = Map.of("telegram", "telegram", "cipher", "telegram", "record", "record-of-conversation",
      "talk", "record-of-conversation", "conversation", "record-of-conversation", "note", "note", "letter", "letter",
      "diary", "diary", "memorandum", "memorandum", "report", "report");

  private final Draft d;
  private final String id;
  private final Page page;
  private final List<String> segments = new ArrayList<>();
  private final List<Mark> marks = new ArrayList<>();
  private final Set<String> placed = new LinkedHashSet<>();
  private final List<String> warnings;

  private String repositoryRef;

  /** The pointer to the archive's register entry, when the edition's registers have one. */
  TeiBuilder repository(String ref) {
    this.repositoryRef = ref;
    return this;
  }

  TeiBuilder(Draft d, String id, Page page, List<String> warnings) {
    this.d = d;
    this.id = id;
    this.page = page;
    this.warnings = warnings;
    segments.add(d.title);
    segments.addAll(d.distribution);
    segments.add(d.dateLine == null ? "" : d.dateLine);
    segments.addAll(d.classificationLines);
    d.body.forEach(p -> segments.add(p.text()));
    segments.addAll(d.signature);
    findMarks();
  }

  /** The plain title (note marks removed), for the header and the file's id. */
  static String plainTitle(String title) {
    return title.replaceAll(Page.ANCHOR_START + "\\d+" + Page.ANCHOR_END, "").replaceAll("\\s*\\*{1,5}\\s*$", "").strip();
  }

  private void findMarks() {
    for (String key : d.notes.keySet()) {
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
          Matcher m = p.matcher(segments.get(s));
          while (m.find()) {
            int seg = s;
            int st = m.start();
            boolean overlaps = marks.stream().anyMatch(x -> x.segment() == seg && st < x.end() && m.end() > x.start());
            if (!overlaps && !(s == segmentOfDate() && d.date != null && st >= d.date.start() && st < d.date.end())) {
              marks.add(new Mark(s, m.start(), m.end(), key));
              break found;
            }
          }
        }
      }
    }
  }

  private int segmentOfDate() {
    return 1 + d.distribution.size();
  }

  String build() {
    String title = plainTitle(d.title);
    TeiWriter tei = new TeiWriter("../schema/editio.rnc");
    tei.block("TEI", "xml:id", id, "xml:lang", "en");
    header(tei, title);
    tei.block("text").block("body").block("div", "type", "document", "xml:id", id + "-doc");
    int s = 0;
    tei.inline("head");
    inline(tei, s++);
    tei.end();
    if (!d.distribution.isEmpty() || d.dateLine != null || !d.classificationLines.isEmpty()) {
      tei.block("opener");
      for (int k = 0; k < d.distribution.size(); k++) {
        tei.inline("seg", "type", "distribution");
        inline(tei, s++);
        tei.end();
      }
      if (d.dateLine != null) {
        tei.inline("dateline");
        dateline(tei, s);
        tei.end();
      }
      s++;
      for (int k = 0; k < d.classificationLines.size(); k++) {
        tei.inline("seg", "type", "classification");
        inline(tei, s++);
        tei.end();
      }
      tei.end();
    } else {
      s++;
    }
    int k = 0;
    while (k < d.body.size()) {
      Draft.Para p = d.body.get(k);
      if (p.number() != null) {
        tei.block("list", "type", "ordered");
        while (k < d.body.size() && d.body.get(k).number() != null) {
          tei.element("label", d.body.get(k).number());
          tei.inline("item");
          inline(tei, s++);
          tei.end();
          k++;
        }
        tei.end();
        continue;
      }
      if (p.elision()) {
        tei.inline("gap", "reason", "omitted").element("desc", p.text().strip()).end();
        s++;
      } else {
        tei.inline("p");
        inline(tei, s++);
        tei.end();
      }
      k++;
    }
    if (d.incomplete) {
      tei.empty("gap", "reason", "source-incomplete");
    }
    if (!d.signature.isEmpty() || !d.citations.isEmpty()) {
      tei.inline("closer");
      if (!d.signature.isEmpty()) {
        tei.inline("signed");
        for (int x = 0; x < d.signature.size(); x++) {
          if (x > 0) {
            tei.empty("lb");
          }
          inline(tei, s++);
        }
        tei.end();
      }
      for (String c : d.citations) {
        tei.text(" ").element("seg", c, "type", c.toLowerCase(Locale.ROOT).startsWith("publ") ? "publication" : "citation");
      }
      tei.end();
    }
    reportUnclassified();
    int n = 1;
    for (Map.Entry<String, String> note : d.notes.entrySet()) {
      if (!placed.contains(note.getKey())) {
        warnings.add("the mark of note " + label(note.getKey()) + " (\"" + shorten(note.getValue())
            + "\") was not found in the text: the note stands at the end of the document");
        noteElement(tei, note.getKey(), "unplaced-" + n++);
      }
    }
    if (d.incomplete) {
      tei.element("note", "The transcription on the source page stops here: the rest of this document is not available"
          + " to the edition.", "type", "editorial", "resp", "../edition.xml#editors", "xml:id", id + "-incomplete");
    }
    return tei.finish();
  }

  private static final Pattern LONE_MARK = Pattern.compile("\\[\\d{1,2}\\]|(?<![\\p{L}\\p{N}*])\\*{1,5}(?![\\p{L}\\p{N}*])");
  private static final Pattern SYMBOLS_ONLY = Pattern.compile("^[\\p{P}\\p{S}\\s]+$");

  /**
   * What the importer could not classify stays in the text and is reported: a note mark with no
   * note text on the page, a line of symbols only (stray "|" or "___").
   */
  private void reportUnclassified() {
    for (int s = 0; s < segments.size(); s++) {
      String text = segments.get(s);
      int seg = s;
      Matcher m = LONE_MARK.matcher(text);
      while (m.find()) {
        int at = m.start();
        if (marks.stream().noneMatch(x -> x.segment() == seg && at >= x.start() && at < x.end())) {
          warnings.add("the mark \"" + m.group() + "\" has no note text on the page: kept as text (\""
              + shorten(text.substring(Math.max(0, at - 30), Math.min(text.length(), m.end()))) + "\")");
        }
      }
      if (SYMBOLS_ONLY.matcher(text).matches() && !PageParser.DOT_LINE.matcher(text).matches()) {
        warnings.add("a line of symbols only (\"" + shorten(text) + "\") could not be classified: kept as text");
      }
    }
  }

  private static String shorten(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }

  private static String label(String key) {
    return key.charAt(0) == Page.ANCHOR_START ? key.substring(1, key.length() - 1) : key;
  }

  private void noteElement(TeiWriter tei, String key, String suffix) {
    String n = label(key);
    tei.inline("note", "type", "source", "n", n, "xml:id", id + "-n" + suffix);
    text(tei, d.notes.get(key));
    tei.end();
  }

  private void dateline(TeiWriter tei, int segment) {
    String line = d.dateLine;
    int a = d.date.start();
    int b = d.date.end();
    inlineRange(tei, segment, 0, a);
    tei.inline("date", d.date.attributes());
    inlineRange(tei, segment, a, b);
    tei.end();
    String rest = line.substring(b);
    Matcher c = PageParser.classificationMatcher(rest);
    int at = b;
    if (c.find()) {
      int cs = b + c.start();
      int ce = b + rest.length();
      // the classification runs from its first word to the end of the line
      inlineRange(tei, segment, at, cs);
      tei.inline("seg", "type", "classification");
      inlineRange(tei, segment, cs, ce);
      tei.end();
      return;
    }
    inlineRange(tei, segment, at, line.length());
  }

  private void inline(TeiWriter tei, int segment) {
    inlineRange(tei, segment, 0, segments.get(segment).length());
  }

  /** Writes characters [from, to) of a segment, with notes at their marks. */
  private void inlineRange(TeiWriter tei, int segment, int from, int to) {
    String text = segments.get(segment);
    List<Mark> here = marks.stream().filter(m -> m.segment() == segment && m.start() >= from && m.start() < to)
        .sorted(Comparator.comparingInt(Mark::start)).toList();
    int pos = from;
    for (Mark m : here) {
      text(tei, text.substring(pos, m.start()));
      noteElement(tei, m.key(), String.valueOf(placed.size() + 1));
      placed.add(m.key());
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
    tei.block("titleStmt").element("title", title).end();
    tei.block("publicationStmt").element("p", "Imported by editio from the archive page; see edition.xml.").end();
    tei.block("sourceDesc");
    String pageName = page.url() != null
        ? URLDecoder.decode(page.url().substring(page.url().lastIndexOf('/') + 1).replace("+", "%2B"), StandardCharsets.UTF_8).strip()
        : java.nio.file.Path.of(page.name()).getFileName().toString();
    tei.inline("bibl", "type", "web-page").element("title", CalendarGenerator.ARCHIVE_TITLE, "level", "m").text(", ");
    if (page.url() != null) {
      tei.element("ref", pageName, "target", page.url());
    } else {
      tei.text(pageName);
    }
    tei.text(", document " + d.sequence + " on the page.").end();
    for (String c : d.citations) {
      Optional<ArchiveCitation> a = ArchiveCitation.parse(c);
      if (a.isPresent()) {
        a.get().write(tei, repositoryRef);
      } else if (c.toLowerCase(Locale.ROOT).startsWith("publ")) {
        tei.element("bibl", c, "type", "publication");
      }
    }
    tei.end().end();

    tei.block("profileDesc");
    String place = place(title);
    if (d.date != null || place != null) {
      tei.inline("creation");
      if (d.date != null) {
        tei.element("date", CalendarGenerator.readable(d.date.when() != null ? d.date.when() : d.date.from() + "/" + d.date.to()),
            d.date.attributes());
      }
      if (place != null) {
        tei.text(d.date != null ? ", " : "").element("placeName", place);
      }
      tei.end();
    }
    String sender = sender();
    String addressee = addressee(title);
    if (sender != null || addressee != null) {
      tei.block("particDesc");
      if (sender != null) {
        tei.block("listPerson").block("person", "role", "sender").element("persName", sender).end().end();
      }
      if (addressee != null) {
        if (addressee.equals("NKID") || addressee.toLowerCase(Locale.ROOT).contains("commissariat")) {
          tei.block("listOrg").block("org", "role", "addressee").element("orgName", addressee).end().end();
        } else {
          tei.block("listPerson").block("person", "role", "addressee").element("persName", addressee).end().end();
        }
      }
      tei.end();
    }
    String type = type(title);
    List<String> classes = new ArrayList<>();
    if (d.dateLine != null) {
      classes.addAll(PageParser.classifications(d.dateLine.substring(d.date.end())));
    }
    d.classificationLines.forEach(l -> PageParser.classifications(l).stream().filter(c -> !classes.contains(c)).forEach(classes::add));
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
      if (TYPES.containsKey(word)) {
        return TYPES.get(word);
      }
    }
    return null;
  }

  /** The sender: the name of the signature (its last line that is not a role), else none. */
  String sender() {
    for (int i = d.signature.size() - 1; i >= 0; i--) {
      String s = d.signature.get(i).replaceAll(Page.ANCHOR_START + "\\d+" + Page.ANCHOR_END, "").replaceAll("[*,;.]+$", "").strip();
      if (!s.isEmpty() && s.split("\\s+").length <= 3 && Character.isUpperCase(s.codePointAt(0))) {
        return s;
      }
    }
    return null;
  }
}
