package org.editio.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the parts of an archive page (see shared/design/archive-pages.md): the site's banner
 * (dropped), one or several documents, each with a title line, a date line that may carry a
 * classification, a distribution line, the body (paragraphs, numbered points, elisions), a
 * signature block, notes and citations. Layouts with blank lines between paragraphs ("spaced")
 * and without ("compact") are both read; lines split inside a sentence are joined.
 */
final class PageParser {

  /** The documents of a page, and what the parser could not classify (kept as text, reported). */
  record Result(List<Draft> documents, List<String> warnings, boolean banner) {}

  static final Pattern DOT_LINE = Pattern.compile("^\\s*(\\.\\s*){5,14}$");
  private static final Pattern TITLE_START = Pattern.compile("(?i)^(from\\b|from[:;]|telegram|cipher|record|records|note\\b|notes\\b"
      + "|letter|talk|conversation|memorandum|memo\\b|report|speech|diary|minutes|statement|message|extract|excerpt"
      + "|reply|answer|information|directive|instruction|communication|protocol|" + monthAlternation() + ")");
  private static final Pattern CLASSIFICATION = Pattern.compile(
      "(?i)(top\\.?\\s*secret|soviet\\s+secret|secret|urgent|immediately|out\\s+of\\s+(?:line|turn)|highly\\s+important"
      + "|special\\s+(?:folder|stick))");
  private static final Pattern DISTRIBUTION = Pattern.compile("(?i)^(sent\\s+to\\b|c\\.\\s+[A-Z]|copies?\\s+to\\b)");
  private static final Pattern NOTE_LINE = Pattern.compile("^(?:\\[(\\d{1,2})\\]|(\\*{1,5})|(\\d{1,2})(?=\\s+\\p{Ll}))\\s*(.+)$");
  private static final Pattern CITATION = Pattern.compile("(?i)(\\bavp\\s*rf\\b.*|^publ\\s*\\.?\\s*:.*|^(print|pgchat|printed)\\s*\\.\\s*(by|about|from)\\b.*)$");
  private static final Pattern NUMBERED = Pattern.compile("^(\\d{1,2}[.)])\\s+(\\S.*)$");
  private static final Pattern ROLE = Pattern.compile("(?i)(plenipotentiar|charg|commissar|ambassador|envoy|attorney|secretary"
      + "|representative|deputy|consul|minister|counsel|advis|attach|head\\b|chief|member|chairman|president)");

  private PageParser() {}

  private static String monthAlternation() {
    return String.join("|", DateParser.MONTHS) + "\\s+\\d";
  }

  static Result parse(Page page) {
    List<String> warnings = new ArrayList<>();
    List<String> lines = page.lines();
    int bannerEnd = bannerEnd(lines);
    boolean banner = bannerEnd > 0;
    List<String> body = lines.subList(bannerEnd, lines.size());
    // in HTML every paragraph is a line of its own; text renderings need their layout read
    List<String> paragraphs = page.html()
        ? body.stream().map(l -> l.strip().replaceAll("[ \\t]+", " ")).filter(l -> !l.isEmpty()).toList()
        : paragraphs(body);
    int fallbackYear = DateParser.year(page.name() + " " + (page.url() == null ? "" : page.url()));

    // Documents one after the other: a document's header (title, distribution, date line,
    // classification) is read first; the next document can only start in its body.
    List<int[]> ranges = new ArrayList<>();
    int i = 0;
    while (i < paragraphs.size()) {
      int start = i;
      int j = Math.max(i + 1, headerEnd(paragraphs, i, fallbackYear));
      while (j < paragraphs.size() && !startsDocument(paragraphs, j, fallbackYear)) {
        j++;
      }
      ranges.add(new int[] {start, j});
      i = j;
    }
    List<Draft> drafts = new ArrayList<>();
    for (int s = 0; s < ranges.size(); s++) {
      List<String> ps = new ArrayList<>(paragraphs.subList(ranges.get(s)[0], ranges.get(s)[1]));
      boolean last = s + 1 == ranges.size();
      // dot lines between documents separate them on the page (layout, like the banner)
      while (!last && ps.size() > 1 && DOT_LINE.matcher(ps.get(ps.size() - 1)).matches()) {
        ps.remove(ps.size() - 1);
      }
      Draft d = document(ps, fallbackYear, warnings);
      d.sequence = s + 1;
      d.incomplete = last && looksCut(d);
      drafts.add(d);
    }
    // footnotes of HTML pages belong to the document whose text holds their anchor
    for (Map.Entry<String, String> f : page.footnotes().entrySet()) {
      String anchor = Page.anchor(f.getKey());
      Draft owner = drafts.stream().filter(d -> contains(d, anchor)).findFirst()
          .orElse(drafts.isEmpty() ? null : drafts.get(drafts.size() - 1));
      if (owner != null) {
        owner.notes.put(anchor, f.getValue());
      }
    }
    return new Result(drafts, warnings, banner);
  }

  private static boolean contains(Draft d, String s) {
    return d.title.contains(s) || d.body.stream().anyMatch(p -> p.text().contains(s))
        || d.signature.stream().anyMatch(x -> x.contains(s)) || d.distribution.stream().anyMatch(x -> x.contains(s));
  }

  /** The index of the first line after the site's banner (through "Download PDF"), or 0. */
  static int bannerEnd(List<String> lines) {
    for (int i = 0; i < Math.min(lines.size(), 40); i++) {
      if (lines.get(i).strip().equalsIgnoreCase("Download PDF")) {
        return i + 1;
      }
    }
    return 0;
  }

  /** Paragraphs: blank-line groups in spaced layouts; lines, with continuations joined, in compact ones. */
  static List<String> paragraphs(List<String> lines) {
    long blank = lines.stream().filter(String::isBlank).count();
    long full = lines.size() - blank;
    boolean spaced = full > 0 && blank * 3 >= full;
    List<String> out = new ArrayList<>();
    StringBuilder p = new StringBuilder();
    for (String raw : lines) {
      String line = raw.strip().replaceAll("[ \\t]+", " ");
      if (line.isEmpty()) {
        if (p.length() > 0) {
          out.add(p.toString());
          p.setLength(0);
        }
        continue;
      }
      if (p.length() == 0) {
        p.append(line);
      } else if (spaced || continues(p, line)) {
        p.append(' ').append(line);
      } else {
        out.add(p.toString());
        p.setLength(0);
        p.append(line);
      }
    }
    if (p.length() > 0) {
      out.add(p.toString());
    }
    return out;
  }

  /** In a compact layout, a line continues the paragraph when the sentence is not finished. */
  private static boolean continues(StringBuilder p, String line) {
    char last = p.charAt(p.length() - 1);
    boolean finished = ".!?:;)\"”»]".indexOf(last) >= 0 || Character.isDigit(last);
    return !finished && (Character.isLowerCase(line.charAt(0)) || line.length() < 3);
  }

  static boolean isDateLine(String p, int fallbackYear) {
    if (p.length() > 140) {
      return false;
    }
    Optional<DateParser.Found> f = DateParser.find(p, fallbackYear);
    if (f.isEmpty()) {
      return false;
    }
    String rest = (p.substring(0, f.get().start()) + p.substring(f.get().end()));
    rest = CLASSIFICATION.matcher(rest).replaceAll("").replaceAll("(?i)\\b(no\\.?|m)\\s*[\\w/‐-]+", "")
        .replaceAll("[\\p{Punct}\\s‐]", "");
    return rest.length() <= 12;
  }

  private static boolean startsDocument(List<String> ps, int i, int fallbackYear) {
    String p = ps.get(i);
    if (DISTRIBUTION.matcher(p).find() || p.length() > 400 || isDateLine(p, fallbackYear) || DOT_LINE.matcher(p).matches()) {
      return false;
    }
    boolean dateFollows = (i + 1 < ps.size() && isDateLine(ps.get(i + 1), fallbackYear))
        || (i + 2 < ps.size() && isDateLine(ps.get(i + 2), fallbackYear)
            && (DISTRIBUTION.matcher(ps.get(i + 1)).find() || TITLE_START.matcher(p).find() && ps.get(i + 1).length() < 200));
    return dateFollows && (TITLE_START.matcher(p).find() || p.length() < 250);
  }

  /** How many title lines a document starting at {@code from} has (a title wraps over up to three). */
  private static int titleLines(List<String> ps, int from, int fallbackYear) {
    int i = from + 1;
    while (i < ps.size() && i - from < 3 && !isDateLine(ps.get(i), fallbackYear) && !DISTRIBUTION.matcher(ps.get(i)).find()
        && ps.get(i).length() < 120 && !TITLE_START.matcher(ps.get(i)).find()
        && (i + 1 < ps.size() && (isDateLine(ps.get(i + 1), fallbackYear) || DISTRIBUTION.matcher(ps.get(i + 1)).find()))) {
      i++;
    }
    return i - from;
  }

  /** The index after the header of the document starting at {@code from}. */
  private static int headerEnd(List<String> ps, int from, int fallbackYear) {
    int i = from + titleLines(ps, from, fallbackYear);
    while (i < ps.size() && DISTRIBUTION.matcher(ps.get(i)).find()) {
      i++;
    }
    if (i < ps.size() && isDateLine(ps.get(i), fallbackYear)) {
      i++;
    }
    while (i < ps.size() && isClassificationOnly(ps.get(i))) {
      i++;
    }
    return i;
  }

  private static Draft document(List<String> ps, int fallbackYear, List<String> warnings) {
    Draft d = new Draft();
    if (ps.isEmpty()) {
      return d;
    }
    int i = titleLines(ps, 0, fallbackYear);
    d.title = String.join(" ", ps.subList(0, i));
    while (i < ps.size() && DISTRIBUTION.matcher(ps.get(i)).find()) {
      d.distribution.add(ps.get(i++));
    }
    if (i < ps.size() && isDateLine(ps.get(i), fallbackYear)) {
      d.dateLine = ps.get(i++);
      d.date = DateParser.find(d.dateLine, fallbackYear).orElseThrow();
    }
    while (i < ps.size() && isClassificationOnly(ps.get(i))) {
      d.classificationLines.add(ps.get(i++));
    }
    if (d.date == null) {
      DateParser.find(d.title, fallbackYear).ifPresent(f -> d.date = f);
    }

    List<String> rest = new ArrayList<>(ps.subList(i, ps.size()));
    // from the end: notes, citations, signature
    List<String[]> notes = new ArrayList<>();
    int end = rest.size();
    while (end > 0) {
      String p = rest.get(end - 1);
      Matcher n = NOTE_LINE.matcher(p);
      if (CITATION.matcher(p).find() && p.length() < 200 && !n.matches()) {
        splitCitation(p, d);
        end--;
      } else if (n.matches() && end - 1 > 0) {
        String mark = n.group(1) != null ? n.group(1) : n.group(2) != null ? n.group(2) : n.group(3);
        notes.add(0, new String[] {mark, n.group(4)});
        end--;
      } else {
        break;
      }
    }
    while (end > 0 && isSignature(rest.get(end - 1)) && d.signature.size() < 3) {
      d.signature.add(0, rest.get(end - 1));
      end--;
    }
    for (int k = 0; k < end; k++) {
      String p = rest.get(k);
      Matcher n = NOTE_LINE.matcher(p);
      if (n.matches() && n.group(2) != null && k > 0) {
        // a stray note of the source inside the body ("* see doc. ...")
        notes.add(new String[] {n.group(2), n.group(4)});
        continue;
      }
      Matcher num = NUMBERED.matcher(p);
      if (DOT_LINE.matcher(p).matches()) {
        d.body.add(new Draft.Para(p, null, true));
      } else if (num.matches()) {
        d.body.add(new Draft.Para(num.group(2), num.group(1), false));
      } else {
        d.body.add(new Draft.Para(p, null, false));
      }
    }
    for (String[] n : notes) {
      d.notes.merge(n[0], n[1], (a, b) -> a + " " + b);
    }
    return d;
  }

  private static void splitCitation(String p, Draft d) {
    Matcher m = Pattern.compile("(?i)\\bavp\\s*rf\\b").matcher(p);
    if (m.find() && m.start() > 0 && isSignature(p.substring(0, m.start()).strip().replaceAll("[,;]$", ""))) {
      d.signature.add(0, p.substring(0, m.start()).strip());
      d.citations.add(0, p.substring(m.start()).strip());
    } else {
      d.citations.add(0, p);
    }
  }

  /** Whether a paragraph reads like a document's title line ("Telegram of …", "From the diary …"). */
  static boolean looksLikeTitle(String p) {
    return TITLE_START.matcher(p).find();
  }

  static boolean isClassificationOnly(String p) {
    return p.length() < 80 && CLASSIFICATION.matcher(p).find()
        && CLASSIFICATION.matcher(p).replaceAll("").replaceAll("[\\p{Punct}\\s]|(?i)\\b(and|plus)\\b", "").isEmpty();
  }

  static boolean isSignature(String p) {
    if (p.length() > 90 || p.isBlank() || NUMBERED.matcher(p).matches()) {
      return false;
    }
    String[] words = p.split("\\s+");
    boolean capital = Character.isUpperCase(p.codePointAt(0));
    if (words.length <= 3 && capital && !p.endsWith("?") && p.chars().noneMatch(Character::isDigit)) {
      return true;
    }
    return capital && words.length <= 12 && ROLE.matcher(p).find() && !p.matches(".*[.!?]\\s*$");
  }

  /** A last document whose text stops mid-way: no signature and no final punctuation. */
  private static boolean looksCut(Draft d) {
    if (!d.signature.isEmpty() || !d.citations.isEmpty()) {
      return false;
    }
    if (d.body.isEmpty()) {
      return true;
    }
    String last = d.body.get(d.body.size() - 1).text().strip();
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
