package org.editio.importer;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the date forms of the archive's pages into ISO 8601:
 * "May 14, 1937", "14 May 1937", "14 may 1937", "July 15‐17, 1937" (a range), "May 1937",
 * "1937 g on May 14.", "1937 g 25 on May.", "[august 10/94 / y.]" (year mangled: taken from
 * elsewhere), and dates in prose ("dated May 14, 1937", "received on 14 may 1937").
 */
final class DateParser {

  /** A date found in a text: where it stands and what it means. */
  record Found(int start, int end, String when, String from, String to) {
    /** The TEI attributes: when, or from and to. */
    String[] attributes() {
      return when != null ? new String[] {"when", when} : new String[] {"from", from, "to", to};
    }

    String sortKey() {
      return when != null ? when : from;
    }
  }

  static final List<String> MONTHS = List.of("january", "february", "march", "april", "may", "june", "july",
      "august", "september", "october", "november", "december");
  private static final String MONTH = "(?i:(january|february|march|april|may|june|july|august|september|october|november|december"
      + "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\\.?)";
  private static final String DASH = "\\s*[‐‑–—-]\\s*";

  private static final Pattern MONTH_RANGE_YEAR = Pattern.compile("\\b" + MONTH + "\\s+(\\d{1,2})" + DASH + "(\\d{1,2}),?\\s+(\\d{4})\\b");
  private static final Pattern MONTH_DAY_YEAR = Pattern.compile("\\b" + MONTH + "\\s+(\\d{1,2}),?\\s+(\\d{4})\\b");
  private static final Pattern DAY_MONTH_YEAR = Pattern.compile("\\b(\\d{1,2})\\s+" + MONTH + ",?\\s+(\\d{4})\\b");
  private static final Pattern YEAR_G_ON_MONTH_DAY = Pattern.compile("\\b(\\d{4})\\s+g\\.?\\s+on\\s+" + MONTH + "\\s+(\\d{1,2})\\b\\.?");
  private static final Pattern YEAR_G_DAY_ON_MONTH = Pattern.compile("\\b(\\d{4})\\s+g\\.?\\s+(\\d{1,2})\\s+on\\s+" + MONTH + "\\.?");
  private static final Pattern BRACKETED = Pattern.compile("\\[\\s*" + MONTH + "\\s+(\\d{1,2})\\s*/\\s*(\\d{2,4})\\s*/\\s*y\\.?\\s*\\]");
  private static final Pattern MONTH_YEAR = Pattern.compile("\\b" + MONTH + "\\s+(\\d{4})\\b");

  private DateParser() {}

  static int month(String name) {
    String n = name.toLowerCase(Locale.ROOT).replace(".", "");
    for (int i = 0; i < MONTHS.size(); i++) {
      if (MONTHS.get(i).startsWith(n) && n.length() >= 3) {
        return i + 1;
      }
    }
    return 0;
  }

  private static String iso(int year, int month, int day) {
    try {
      return LocalDate.of(year, month, day).toString();
    } catch (DateTimeException e) {
      return null;
    }
  }

  /**
   * The first date in {@code text}.
   *
   * @param fallbackYear the year to use when the text's own year is mangled ([august 10/94 / y.]),
   *     or 0 when none is known
   */
  static Optional<Found> find(String text, int fallbackYear) {
    Matcher m = MONTH_RANGE_YEAR.matcher(text);
    if (m.find()) {
      int mo = month(m.group(1));
      int y = Integer.parseInt(m.group(4));
      String from = iso(y, mo, Integer.parseInt(m.group(2)));
      String to = iso(y, mo, Integer.parseInt(m.group(3)));
      if (from != null && to != null) {
        return Optional.of(new Found(m.start(), m.end(), null, from, to));
      }
    }
    Found best = null;
    for (Pattern p : new Pattern[] {MONTH_DAY_YEAR, DAY_MONTH_YEAR, YEAR_G_ON_MONTH_DAY, YEAR_G_DAY_ON_MONTH}) {
      m = p.matcher(text);
      if (m.find()) {
        String when = switch (p == MONTH_DAY_YEAR ? 0 : p == DAY_MONTH_YEAR ? 1 : p == YEAR_G_ON_MONTH_DAY ? 2 : 3) {
          case 0 -> iso(Integer.parseInt(m.group(3)), month(m.group(1)), Integer.parseInt(m.group(2)));
          case 1 -> iso(Integer.parseInt(m.group(3)), month(m.group(2)), Integer.parseInt(m.group(1)));
          case 2 -> iso(Integer.parseInt(m.group(1)), month(m.group(2)), Integer.parseInt(m.group(3)));
          default -> iso(Integer.parseInt(m.group(1)), month(m.group(3)), Integer.parseInt(m.group(2)));
        };
        if (when != null && (best == null || m.start() < best.start())) {
          best = new Found(m.start(), m.end(), when, null, null);
        }
      }
    }
    if (best != null) {
      return Optional.of(best);
    }
    m = BRACKETED.matcher(text);
    if (m.find()) {
      String y = m.group(3);
      int year = y.length() == 4 ? Integer.parseInt(y) : fallbackYear;
      if (year > 0) {
        String when = iso(year, month(m.group(1)), Integer.parseInt(m.group(2)));
        if (when != null) {
          return Optional.of(new Found(m.start(), m.end(), when, null, null));
        }
      }
    }
    m = MONTH_YEAR.matcher(text);
    if (m.find()) {
      return Optional.of(new Found(m.start(), m.end(),
          String.format(Locale.ROOT, "%s-%02d", m.group(2), month(m.group(1))), null, null));
    }
    return Optional.empty();
  }

  /** A year (1900–1999) in a text such as a file name or title, or 0. */
  static int year(String text) {
    Matcher m = Pattern.compile("(?<!\\d)(19\\d\\d)(?!\\d)").matcher(text);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }
}
