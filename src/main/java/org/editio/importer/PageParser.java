package org.editio.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.editio.importer.Draft.Para;

/**
 * Recognises the parts of an archive page (see shared/design/archive-pages.md): the site's banner
 * (dropped), one or several documents, each with a heading, a date line that may carry a
 * classification, a distribution line, the body (paragraphs, numbered points, elisions), a
 * signature block, notes and citations. Layouts with blank lines between paragraphs ("spaced")
 * and without ("compact") are both read; lines split inside a sentence are joined.
 *
 * <p>Every paragraph after the banner becomes part of exactly one document, in page order:
 * where the parser is unsure what a paragraph is, it stays a paragraph of the body where it
 * stands. A new document starts where the page shows one: a heading followed by a date line, a
 * heading that opens with a date, or, after a document's end (signature, citation or dot line), a
 * heading or a paragraph that opens with a date.
 */
final class PageParser {

  /**
   * The documents of a page.
   *
   * @param bannerEnd the index of the page's first line after the banner
   * @param span the years of the collection as the banner gives them ("1919 to 1941"), or null
   */
  record Result(List<Draft> documents, boolean banner, int bannerEnd, int[] span) {}

  /** A line of dots only: two or more, spaced or not ("..", ". . . .", ".........."). */
  static final Pattern DOT_LINE = Pattern.compile("^\\s*(\\.\\s*){2,40}$");
  private static final String TYPE_WORDS = "telegram|cipher|record|records|note\\b|notes\\b|letter|talk|talks|conversation|memorandum"
      + "|memo\\b|report|speech|diary|minutes|statement|message|extract|excerpt|reply|answer|information|directive"
      + "|instruction|communication|communiqu|protocol|declaration|agreement|treaty|draft|proposal|appeal|announcement"
      + "|resolution|decision|decree|protest|notification|summary";
  /** How the heading of a document begins (not a date, not a bare "From"). */
  private static final Pattern HEADING_START = Pattern.compile("(?i)^(from[:;]?\\s+(the\\s+|a\\s+)?(diary|letter|telegram|record|note|report"
      + "|conversation|talk)\\b|(" + TYPE_WORDS + "))");
  /** A heading that names several documents: "Telegrams of ...", "Records of talks ...". */
  private static final Pattern SERIES = Pattern.compile("(?i)^(telegrams|notes|letters|records|reports|cipher\\s+telegrams)\\b");
  private static final Pattern TITLE_START = Pattern.compile("(?i)^(from\\b|from[:;]|" + TYPE_WORDS + "|" + monthAlternation() + ")");
  /** After a date that opens a heading: the heading's own words ("March 18, 1938. Telegram of ..."). */
  private static final Pattern TYPE_AFTER_DATE = Pattern.compile("(?i)^[\\s,.;:‐–—-]*(?:the\\s+|a\\s+)?(?:from\\b|" + TYPE_WORDS + ")");
  private static final Pattern CLASSIFICATION = Pattern.compile(
      "(?i)(top\\.?\\s*secret|soviet\\s+secret|secret|urgent|immediately|out\\s+of\\s+(?:line|turn)|highly\\s+important"
      + "|special\\s+(?:folder|stick))");
  private static final Pattern DISTRIBUTION = Pattern.compile("(?i)^(sent\\s+to\\b|c\\.\\s+[A-Z]|copies?\\s+to\\b)");
  /** A note's text as the page prints it after the document: "[1] ...", "* ...", "1 a copy ..." (marks of up to three digits, "pact123"). */
  private static final Pattern NOTE_LINE = Pattern.compile("^(?:\\[(\\d{1,3})\\]|(\\*{1,5})|(\\d{1,3})(?=\\s+\\p{Ll}))\\s*(.+)$");
  private static final Pattern CITATION = Pattern.compile(
      "(?i)(\\bavp\\s*rf\\b.*|^publ\\s*\\.?\\s*:.*|^(print|pgchat|printed)\\s*\\.\\s*(by|about|from)\\b.*)$");
  /** A newspaper's issue line: "No. 165 (6 327), July 16, 1937". */
  private static final Pattern PUBLICATION_ISSUE = Pattern.compile("(?i)^(?:\\(\\s*[\\p{L}][\\p{L}\\s.'’ʹ-]{0,40}\\)\\s*)?"
      + "no\\s*\\.?\\s*\\d[\\d\\s]*\\(\\s*\\d[\\d\\s]*\\)");
  /** The agency or newspaper above an issue line: "(Tass)". */
  private static final Pattern PUBLICATION_SOURCE = Pattern.compile("^\\(\\s*[\\p{L}][\\p{L}\\s.'’ʹ-]{0,40}\\)$");
  private static final Pattern NUMBERED = Pattern.compile("^(\\d{1,2}[.)])\\s+(\\S.*)$");
  private static final Pattern ROLE = Pattern.compile("(?i)(plenipotentiar|charg|commissar|ambassador|envoy|attorney|secretary"
      + "|representative|deputy|consul|minister|counsel|advis|attach|head\\b|chief|member|chairman|president)");
  private static final Pattern SALUTATION = Pattern.compile(
      "(?i)^(dear|mr\\.?|mister|sir|madam|your\\s+excellency|excellency|comrade|gentlemen|esteemed)\\b.{0,60}[,!:]$");
  private static final Pattern NAME_TOKEN = Pattern.compile("^(\\p{Lu}\\.)+$|^\\p{Lu}[\\p{L}ʹ’'‐-]*[.,]?$");
  private static final Set<String> FUNCTION_WORDS = Set.of("the", "a", "an", "he", "she", "it", "we", "i", "they", "you",
      "in", "on", "at", "to", "but", "and", "or", "if", "as", "this", "that", "these", "those", "yes", "no", "not",
      "his", "her", "our", "their", "my", "its", "there", "here", "then", "when", "so", "for", "of", "with", "by");
  private static final Pattern OPEN_END = Pattern.compile("(?i)(\\b(of|to|the|and|with|in|for|on|at|by|from|a|an)|\\b\\p{Lu}\\.)$");
  private static final Pattern SPAN = Pattern.compile("(1[89]\\d\\d)\\s*(?:to|‐|–|—|-)\\s*(1[89]\\d\\d)");

  private final List<Para> ps;
  private final int fallbackYear;

  private PageParser(List<Para> ps, int fallbackYear) {
    this.ps = ps;
    this.fallbackYear = fallbackYear;
  }

  private static String monthAlternation() {
    return "(?:" + String.join("|", DateParser.MONTHS) + ")\\s+\\d";
  }

  static Result parse(Page page) {
    List<Page.Line> lines = page.lines();
    int bannerEnd = bannerEnd(lines);
    boolean banner = bannerEnd > 0;
    List<Page.Line> body = lines.subList(bannerEnd, lines.size());
    // in HTML every paragraph is a line of its own; text renderings need their layout read
    List<Para> paragraphs = page.html()
        ? body.stream().map(l -> new Para(l.text().strip().replaceAll("[ \\t]+", " "), l.number(), l.column()))
            .filter(p -> !p.text().isEmpty()).toList()
        : paragraphs(body);
    int year = DateParser.year(page.address());
    if (year == 0) {
      // a date line whose year is mangled takes the year the page's own dates give
      year = DateParser.year(String.join(" ", paragraphs.stream().map(Para::text).toList()));
    }
    PageParser parser = new PageParser(paragraphs, year);
    List<Draft> drafts = parser.documents();
    // footnotes of HTML pages belong to the document whose text holds their anchor
    for (var f : page.footnotes().entrySet()) {
      String anchor = Page.anchor(f.getKey());
      Draft owner = drafts.stream().filter(d -> contains(d, anchor)).findFirst()
          .orElse(drafts.isEmpty() ? null : drafts.get(drafts.size() - 1));
      if (owner != null) {
        owner.notes.add(new Draft.Note(anchor, new Para(f.getValue().text(), f.getValue().number(), f.getValue().column())));
      }
    }
    return new Result(drafts, banner, bannerEnd, span(lines.subList(0, bannerEnd)));
  }

  /** The years of the collection as the banner states them ("... Archives - 1919 to 1941"). */
  private static int[] span(List<Page.Line> banner) {
    for (Page.Line l : banner) {
      Matcher m = SPAN.matcher(l.text());
      if (m.find()) {
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
      }
    }
    return null;
  }

  private static boolean contains(Draft d, String s) {
    return d.titleText().contains(s) || d.body.stream().anyMatch(b -> b.para().text().contains(s))
        || d.signature().stream().anyMatch(x -> x.text().contains(s)) || d.opener.stream().anyMatch(x -> x.para().text().contains(s));
  }

  /** The index of the first line after the site's banner (through "Download PDF"), or 0. */
  static int bannerEnd(List<Page.Line> lines) {
    for (int i = 0; i < Math.min(lines.size(), 40); i++) {
      if (lines.get(i).text().strip().equalsIgnoreCase("Download PDF")) {
        return i + 1;
      }
    }
    return 0;
  }

  /** Paragraphs: blank-line groups in spaced layouts; lines, with continuations joined, in compact ones. */
  static List<Para> paragraphs(List<Page.Line> lines) {
    // blank lines between text lines tell the layout (not those before the first or after the last)
    int first = 0;
    int last = lines.size() - 1;
    while (first <= last && lines.get(first).text().isBlank()) {
      first++;
    }
    while (last >= first && lines.get(last).text().isBlank()) {
      last--;
    }
    long blank = lines.subList(first, last + 1).stream().filter(l -> l.text().isBlank()).count();
    long full = last + 1 - first - blank;
    boolean spaced = full > 0 && blank * 3 >= full;
    List<Para> out = new ArrayList<>();
    StringBuilder p = new StringBuilder();
    Page.Line start = null;
    for (Page.Line raw : lines) {
      String line = raw.text().strip().replaceAll("[ \\t]+", " ");
      if (line.isEmpty()) {
        if (p.length() > 0) {
          out.add(new Para(p.toString(), start.number(), start.column()));
          p.setLength(0);
        }
        continue;
      }
      if (p.length() == 0) {
        p.append(line);
        start = raw;
      } else if (spaced || continues(p, line)) {
        p.append(' ').append(line);
      } else {
        out.add(new Para(p.toString(), start.number(), start.column()));
        p.setLength(0);
        p.append(line);
        start = raw;
      }
    }
    if (p.length() > 0) {
      out.add(new Para(p.toString(), start.number(), start.column()));
    }
    return out;
  }

  /** In a compact layout, a line continues the paragraph when the sentence is not finished. */
  private static boolean continues(StringBuilder p, String line) {
    char last = p.charAt(p.length() - 1);
    boolean finished = ".!?:;)\"”»]".indexOf(last) >= 0 || Character.isDigit(last);
    return !finished && (Character.isLowerCase(line.charAt(0)) || line.length() < 3);
  }

  // ------------------------------------------------------------------ what a paragraph is

  private String text(int i) {
    return ps.get(i).text();
  }

  /** A date line: a date with little else (a number, a classification, punctuation). */
  static boolean isDateLine(String p, int fallbackYear) {
    if (p.length() > 140 || PUBLICATION_ISSUE.matcher(p).find() || CITATION.matcher(p).find()) {
      return false;
    }
    Optional<DateParser.Found> f = DateParser.find(p, fallbackYear);
    if (f.isEmpty()) {
      return false;
    }
    String rest = p.substring(0, f.get().start()) + p.substring(f.get().end());
    rest = CLASSIFICATION.matcher(rest).replaceAll("").replaceAll("(?i)\\b(no\\.?|m)\\s*[\\w/‐-]+", "")
        .replaceAll("[\\p{Punct}\\s‐]", "");
    return rest.length() <= 12;
  }

  private boolean dateLine(int i) {
    return isDateLine(text(i), fallbackYear);
  }

  private boolean distribution(int i) {
    return DISTRIBUTION.matcher(text(i)).find();
  }

  private boolean dots(int i) {
    return DOT_LINE.matcher(text(i)).matches();
  }

  private boolean noteLine(int i) {
    return NOTE_LINE.matcher(text(i)).matches();
  }

  private boolean citation(int i) {
    return CITATION.matcher(text(i)).find() && text(i).length() < 200 && !noteLine(i);
  }

  private boolean publicationIssue(int i) {
    return PUBLICATION_ISSUE.matcher(text(i)).find() && text(i).length() < 160;
  }

  /** "(Tass)" directly above an issue line. */
  private boolean publicationSource(int i) {
    return PUBLICATION_SOURCE.matcher(text(i)).matches() && i + 1 < ps.size() && publicationIssue(i + 1)
        && !PUBLICATION_SOURCE.matcher(text(i + 1)).matches();
  }

  static boolean isClassificationOnly(String p) {
    return p.length() < 80 && CLASSIFICATION.matcher(p).find()
        && CLASSIFICATION.matcher(p).replaceAll("").replaceAll("[\\p{Punct}\\s]|(?i)\\b(and|plus)\\b", "").isEmpty();
  }

  /** Whether a paragraph reads like a document's title line ("Telegram of …", "From the diary …"). */
  static boolean looksLikeTitle(String p) {
    return TITLE_START.matcher(p).find();
  }

  /**
   * A heading that opens with its date: "March 18, 1938. Telegram of the attorney ..." or
   * "April 30, 1938, from the diary of ...".
   */
  private boolean dateFirstHeading(int i) {
    String p = text(i);
    if (p.length() > 300) {
      return false;
    }
    Optional<DateParser.Found> f = DateParser.find(p, fallbackYear);
    return f.isPresent() && f.get().start() <= 1 && TYPE_AFTER_DATE.matcher(p.substring(f.get().end())).find();
  }

  /**
   * The date that opens a paragraph, when the rest of the paragraph is text of its own
   * ("March 18, 1938. The minister told me ..."): the document's date line, run into its text.
   */
  Optional<DateParser.Found> openingDate(String p) {
    Optional<DateParser.Found> f = DateParser.find(p, fallbackYear);
    if (f.isEmpty() || f.get().start() > 1 || !f.get().complete() && f.get().monthDay() == null) {
      return Optional.empty();
    }
    String rest = p.substring(f.get().end());
    Matcher m = Pattern.compile("^\\s*[.,:;‐–—-]?\\s+(?=\\p{Lu}|\\p{N})").matcher(rest);
    return m.find() && rest.length() > m.end() + 10 ? f : Optional.empty();
  }

  /** The heading of another document, kept in a body because nothing on the page marks a new document there. */
  static boolean looksLikeHeading(String p) {
    if (p.length() >= 200 || endsSentence(p) || p.matches("(?s).*[:;,]\\s*$")) {
      return false;
    }
    return HEADING_START.matcher(p).find();
  }

  /** Whether a text ends a sentence: a full stop (not after an initial, "G. V."), "!" or "?". */
  static boolean endsSentence(String p) {
    String t = p.strip().replaceAll("[\"”»’)]+$", "");
    return t.matches("(?s).*[.!?…]$") && !t.matches("(?s).*(^|\\s)(\\p{Lu}\\.)+$");
  }

  private boolean salutation(int i) {
    return SALUTATION.matcher(text(i)).matches();
  }

  /**
   * A signature line: a surname, with initials ("A. Terentyev", "Litvinov"), or a role line
   * ("Plenipotentiary of the USSR in Turkey"). Words of a sentence ("The a", "promis") are not.
   */
  static boolean isSignature(String p) {
    if (p.length() > 90 || p.isBlank() || NUMBERED.matcher(p).matches()) {
      return false;
    }
    String plain = p.replaceAll(Page.ANCHOR_START + "\\d+" + Page.ANCHOR_END, "").replaceAll("\\s*\\*{1,5}$", "").strip();
    if (plain.isEmpty()) {
      return false;
    }
    String[] words = plain.split("\\s+");
    boolean capital = Character.isUpperCase(plain.codePointAt(0));
    if (capital && words.length <= 12 && ROLE.matcher(plain).find() && !plain.matches(".*[.!?]\\s*$")) {
      return true;
    }
    if (words.length > 3 || plain.chars().anyMatch(Character::isDigit) || plain.matches(".*[!?:;]$")) {
      return false;
    }
    for (String w : words) {
      if (!NAME_TOKEN.matcher(w).matches() || FUNCTION_WORDS.contains(w.toLowerCase(Locale.ROOT).replaceAll("[.,]$", ""))
          && !w.matches("\\p{Lu}\\.")) {
        return false;
      }
    }
    // a sentence's end is not a name's: "Karsky" yes, "Yes." no (an initial may end a line)
    return !plain.endsWith(".") || words[words.length - 1].matches("(\\p{Lu}\\.)+");
  }

  private boolean signature(int i) {
    return isSignature(text(i));
  }

  // ------------------------------------------------------------------ documents

  private List<Draft> documents() {
    List<Draft> drafts = new ArrayList<>();
    String series = null;
    int i = 0;
    while (i < ps.size()) {
      int start = i;
      Draft d = new Draft();
      int bodyStart = header(d, i);
      if (!d.title.isEmpty()) {
        series = SERIES.matcher(d.titleText()).find() ? d.titleText() : null;
      } else {
        d.series = series;
      }
      int j = Math.max(start + 1, bodyStart);
      while (j < ps.size() && !startsDocument(j, bodyStart)) {
        j++;
      }
      body(d, bodyStart, j, j == ps.size());
      d.sequence = drafts.size() + 1;
      drafts.add(d);
      i = j;
    }
    return drafts;
  }

  /**
   * How many lines of the heading start at {@code from}: one, or up to three when the title
   * wraps (a date line follows the lines, or the lines read on: the first ends open, "... G. V." or
   * "... of", or the next starts in lower case).
   */
  private int titleLines(int from) {
    if (dateLine(from) || distribution(from) || isClassificationOnly(text(from)) || dots(from)) {
      return 0;
    }
    // a text that opens with its date has no heading: the date is its date line, run in
    if (openingDate(text(from)).isPresent() && !dateFirstHeading(from)) {
      return 0;
    }
    // a date line (or distribution) below up to two more lines: they are the title's
    for (int e = from + 1; e <= from + 3 && e < ps.size(); e++) {
      if (dateLine(e) || distribution(e) || isClassificationOnly(text(e))) {
        return e - from;
      }
      if (!continuation(e)) {
        break;
      }
    }
    if (!looksLikeTitle(text(from)) && !dateFirstHeading(from)) {
      return 1;
    }
    int n = 1;
    while (n < 3 && from + n + 1 < ps.size() && continuation(from + n)) {
      String prev = text(from + n - 1);
      String next = text(from + n);
      boolean open = OPEN_END.matcher(prev).find() || Character.isLowerCase(next.codePointAt(0));
      boolean unfinished = !prev.matches("(?s).*[.!?:;,]$") && next.length() < 80 && !next.matches("(?s).*[.!?:;]$");
      if (!open && !unfinished) {
        break;
      }
      n++;
    }
    return n;
  }

  /** Whether paragraph {@code i} can continue a wrapped title. */
  private boolean continuation(int i) {
    String p = text(i);
    return p.length() < 120 && !looksLikeTitle(p) && !dots(i) && !noteLine(i) && !citation(i) && !salutation(i)
        && !publicationIssue(i) && !PUBLICATION_SOURCE.matcher(p).matches() && !NUMBERED.matcher(p).matches();
  }

  /** Reads the header of the document starting at {@code from} into {@code d}; the index after it. */
  private int header(Draft d, int from) {
    int i = from;
    int t = titleLines(from);
    for (int k = 0; k < t; k++) {
      d.title.add(ps.get(i++));
    }
    while (i < ps.size()) {
      if (distribution(i)) {
        d.opener.add(new Draft.OpenerLine(Draft.OpenerKind.DISTRIBUTION, ps.get(i++)));
      } else if (isClassificationOnly(text(i))) {
        d.opener.add(new Draft.OpenerLine(Draft.OpenerKind.CLASSIFICATION, ps.get(i++)));
      } else if (d.dateLine == null && dateLine(i)) {
        d.dateLine = ps.get(i++);
        d.date = DateParser.find(d.dateLine.text(), fallbackYear).orElseThrow();
        d.opener.add(new Draft.OpenerLine(Draft.OpenerKind.DATELINE, d.dateLine));
      } else {
        break;
      }
    }
    // a newspaper's issue line right under the heading
    if (i < ps.size() && (publicationSource(i) || publicationIssue(i))) {
      i = publication(d.openerCitations, i, false);
    }
    return i;
  }

  /** Reads a publication line (one paragraph, or "(Tass)" and its issue line) at {@code i}; the index after it. */
  private int publication(List<Draft.Citation> into, int i, boolean atStart) {
    List<Para> lines = new ArrayList<>();
    lines.add(ps.get(i));
    if (publicationSource(i)) {
      lines.add(ps.get(i + 1));
    }
    Draft.Citation c = new Draft.Citation(lines, "publication");
    if (atStart) {
      into.add(0, c);
    } else {
      into.add(c);
    }
    return i + lines.size();
  }

  /**
   * Whether a new document starts at paragraph {@code j}, inside the body of the document whose
   * body starts at {@code bodyStart}.
   */
  private boolean startsDocument(int j, int bodyStart) {
    String p = text(j);
    if (dots(j) || distribution(j) || noteLine(j) || citation(j) || publicationIssue(j) || isClassificationOnly(p)) {
      return false;
    }
    if (PUBLICATION_SOURCE.matcher(p).matches() && publicationSource(j)) {
      return false;
    }
    boolean boundary = boundary(j, bodyStart);
    if (dateLine(j)) {
      // a date line of its own after a document's end: a document without a heading
      return boundary;
    }
    // a heading with its date line below it (after up to two more title lines or a distribution line)
    int t = titleLines(j);
    if (t > 0 && j + t < ps.size() && p.length() < 400 && (looksLikeTitle(p) || p.length() < 250)) {
      int k = j + t;
      while (k < ps.size() && k < j + t + 2 && (distribution(k) || isClassificationOnly(text(k)))) {
        k++;
      }
      if (k < ps.size() && dateLine(k) && (k > j + t || t > 1 || looksLikeTitle(p) || p.length() < 250)) {
        return true;
      }
    }
    if (dateFirstHeading(j)) {
      return true;
    }
    if (!boundary) {
      return false;
    }
    // after a document's end: a heading (its date in it, or none), or a text that opens with a date
    if (looksLikeTitle(p) && p.length() < 300 && (DateParser.find(p, fallbackYear).isPresent() || !endsSentence(p))) {
      return true;
    }
    return openingDate(p).isPresent();
  }

  /**
   * Whether the paragraphs before {@code j} end a document: a dot line, a citation, or a
   * signature after some text (with the notes that follow a signature).
   */
  private boolean boundary(int j, int bodyStart) {
    int k = j - 1;
    while (k > bodyStart && noteLine(k)) {
      k--;
    }
    if (k < bodyStart || k < 0) {
      return false;
    }
    return dots(k) || citation(k) || publicationIssue(k) || signature(k) && k > bodyStart;
  }

  /** Reads the body of a document, paragraphs [from, to), into {@code d}. */
  private void body(Draft d, int from, int to, boolean last) {
    int end = to;
    // a dot line between two documents separates them
    if (!last && end - 1 >= from && dots(end - 1)) {
      d.separator = ps.get(--end);
    }
    // from the end: notes, citations, publication lines, the signature
    List<Draft.Note> tailNotes = new ArrayList<>();
    List<Draft.Closing> closer = new ArrayList<>();
    int signatures = 0;
    while (end > from) {
      int k = end - 1;
      Matcher n = NOTE_LINE.matcher(text(k));
      if (n.matches() && k > from && !citation(k)) {
        tailNotes.add(0, note(n, ps.get(k)));
        end--;
      } else if (citation(k)) {
        closer.addAll(0, splitCitation(ps.get(k)));
        end--;
      } else if (publicationIssue(k)) {
        int s = k > from && publicationSource(k - 1) ? k - 1 : k;
        List<Draft.Citation> one = new ArrayList<>();
        publication(one, s, false);
        closer.add(0, one.get(0));
        end = s;
      } else if (signatures < 3 && signature(k) && !(last && to == ps.size() && k == to - 1 && cutBefore(k, from))) {
        closer.add(0, ps.get(k));
        signatures++;
        end--;
      } else {
        break;
      }
    }
    d.closer.addAll(closer);
    for (int k = from; k < end; k++) {
      Para p = ps.get(k);
      Matcher n = NOTE_LINE.matcher(p.text());
      if (n.matches() && n.group(2) != null && k > from) {
        // a stray note of the source inside the body ("* see doc. ...")
        d.notes.add(note(n, p));
        continue;
      }
      Matcher num = NUMBERED.matcher(p.text());
      if (dots(k)) {
        d.body.add(new Draft.Block(p, null, Draft.Kind.ELISION));
      } else if (num.matches()) {
        d.body.add(new Draft.Block(p.from(num.start(2)), num.group(1), Draft.Kind.NUMBERED));
      } else {
        d.body.add(new Draft.Block(p, null, Draft.Kind.TEXT));
      }
    }
    d.notes.addAll(tailNotes);
    // a document without a date line whose text opens with its date: that is its date line
    if (d.dateLine == null && !d.body.isEmpty() && d.body.get(0).kind() == Draft.Kind.TEXT) {
      Para first = d.body.get(0).para();
      Optional<DateParser.Found> f = openingDate(first.text());
      if (f.isPresent()) {
        Matcher punct = Pattern.compile("^[.,:;‐–—-]?").matcher(first.text().substring(f.get().end()));
        punct.find();
        int cut = f.get().end() + punct.end();
        d.dateLine = first.until(cut);
        d.date = DateParser.find(d.dateLine.text(), fallbackYear).orElseThrow();
        d.opener.add(new Draft.OpenerLine(Draft.OpenerKind.DATELINE, d.dateLine));
        d.body.set(0, new Draft.Block(first.from(cut), null, Draft.Kind.TEXT));
      }
    }
    d.incomplete = last && looksCut(d);
  }

  /**
   * Whether the page, ending with paragraph {@code k}, stops inside a sentence: the paragraph
   * before it does not end one, so a name-like last line is the start of a cut-off sentence
   * rather than a signature.
   */
  private boolean cutBefore(int k, int from) {
    if (k - 1 < from) {
      return false;
    }
    String prev = text(k - 1).strip();
    if (prev.isEmpty() || signature(k - 1)) {
      return false;
    }
    int last = prev.codePointBefore(prev.length());
    return Character.isLetterOrDigit(last) || ",‐-–(".indexOf(last) >= 0;
  }

  private static Draft.Note note(Matcher n, Para p) {
    String mark = n.group(1) != null ? n.group(1) : n.group(2) != null ? n.group(2) : n.group(3);
    return new Draft.Note(mark, p.from(n.start(4)));
  }

  /** "Karsky avp rf, f.012, ..." is a signature and a citation on one line. */
  private List<Draft.Closing> splitCitation(Para p) {
    Matcher m = Pattern.compile("(?i)\\bavp\\s*rf\\b").matcher(p.text());
    String type = p.text().toLowerCase(Locale.ROOT).startsWith("publ") ? "publication" : "citation";
    if (m.find() && m.start() > 0 && isSignature(p.text().substring(0, m.start()).strip().replaceAll("[,;]$", ""))) {
      return List.of(p.until(m.start()), new Draft.Citation(List.of(p.from(m.start())), type));
    }
    return List.of(new Draft.Citation(List.of(p), type));
  }

  /** A last document whose text stops mid-way: no signature and no final punctuation. */
  private static boolean looksCut(Draft d) {
    if (!d.closer.isEmpty()) {
      return false;
    }
    if (d.body.isEmpty()) {
      return true;
    }
    String last = d.body.get(d.body.size() - 1).para().text().strip();
    return !last.isEmpty() && ".!?)\"”»]…".indexOf(last.charAt(last.length() - 1)) < 0;
  }

  /** Classification words of a line, mapped to the edition's list: secret, top-secret, urgent. */
  static List<String> classifications(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = CLASSIFICATION.matcher(text);
    while (m.find()) {
      String w = m.group(1).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
      String c = w.startsWith("top") || w.startsWith("soviet") || w.startsWith("special") ? "top-secret"
          : w.equals("secret") ? "secret" : "urgent";
      if (!out.contains(c)) {
        out.add(c);
      }
    }
    return out;
  }

  static Matcher classificationMatcher(String text) {
    return CLASSIFICATION.matcher(text);
  }
}
