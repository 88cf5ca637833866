package org.editio.importer;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the date forms of the archive's pages (shared/design/archive-pages.md) into ISO 8601:
 * "May 14, 1937", "14 May 1937", "14 may 1937", "July 15‐17, 1937" and "15‐17 July 1937" (day
 * ranges), "July 30‐August 2, 1939" and "30 July ‐ 2 August 1939" (ranges across months, and
 * across years when both years are printed), "May 1937", "1937 g on May 14.", "1937 g 25 on
 * May.", "[august 10/94 / y.]" (year mangled: taken from elsewhere), and dates in prose ("dated
 * May 14, 1937", "received on 14 may 1937"). Page addresses write dates without punctuation and
 * sometimes without spaces ("may13 1939"); those are read too.
 */
final class DateParser {

  /**
   * A date found in a text: where it stands and what it means.
   *
   * @param when a single day or month, or null
   * @param from the start of a range, or null
   * @param to the end of a range, or null
   * @param yearSupplied the printed year was unreadable and the year was taken from elsewhere
   *     (the caller's fallback year)
   * @param monthDay for a date whose year is unreadable and could not be supplied: its month and
   *     day ("08-10"); then when, from and to are null
   */
  record Found(int start, int end, String when, String from, String to, boolean yearSupplied, String monthDay) {
    /** Whether the date has a year: then it has TEI attributes. */
    boolean complete() {
      return when != null || from != null;
    }

    /** The TEI attributes: when, or from and to. */
    String[] attributes() {
      return when != null ? new String[] {"when", when} : new String[] {"from", from, "to", to};
    }

    String sortKey() {
      return when != null ? when : from;
    }

    /** The first and last day the date can mean. */
    LocalDate[] bounds() {
      return when != null ? new LocalDate[] {first(when), last(when)} : new LocalDate[] {first(from), last(to)};
    }
  }

  static final List<String> MONTHS = List.of("january", "february", "march", "april", "may", "june", "july",
      "august", "september", "october", "november", "december");
  private static final String MONTH = "(?i:(january|february|march|april|may|june|july|august|september|october|november|december"
      + "|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?)";
  private static final String DASH = "\\s*[‐‑–—-]\\s*";
  private static final String DAY = "(\\d{1,2})(?!\\d)";
  private static final String YEAR = "(\\d{4})(?!\\d)";

  /** Month D[, YYYY] ‐ Month D, YYYY. */
  private static final Pattern CROSS_MONTH = Pattern.compile("\\b" + MONTH + "\\s*" + DAY + "(?:,?\\s+" + YEAR + ")?"
      + DASH + MONTH + "\\s*" + DAY + ",?\\s+" + YEAR);
  /** D Month [YYYY] ‐ D Month YYYY. */
  private static final Pattern CROSS_MONTH_DAY_FIRST = Pattern.compile("(?<!\\d)" + DAY + "\\s+" + MONTH + "(?:,?\\s+" + YEAR + ")?"
      + DASH + DAY + "\\s+" + MONTH + ",?\\s+" + YEAR);
  private static final Pattern MONTH_RANGE_YEAR = Pattern.compile("\\b" + MONTH + "\\s*" + DAY + DASH + DAY + ",?\\s+" + YEAR);
  private static final Pattern DAY_RANGE_MONTH_YEAR = Pattern.compile("(?<!\\d)" + DAY + DASH + DAY + "\\s+" + MONTH + ",?\\s+" + YEAR);
  private static final Pattern MONTH_DAY_YEAR = Pattern.compile("\\b" + MONTH + "\\s*" + DAY + ",?\\s+" + YEAR);
  private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(?<!\\d)" + DAY + "\\s+" + MONTH + ",?\\s+" + YEAR);
  private static final Pattern YEAR_G_ON_MONTH_DAY = Pattern.compile("(?<!\\d)" + YEAR + "\\s+g\\.?\\s+on\\s+" + MONTH + "\\s+" + DAY + "\\.?");
  private static final Pattern YEAR_G_DAY_ON_MONTH = Pattern.compile("(?<!\\d)" + YEAR + "\\s+g\\.?\\s+" + DAY + "\\s+on\\s+" + MONTH + "\\.?");
  private static final Pattern BRACKETED = Pattern.compile("\\[\\s*" + MONTH + "\\s+" + DAY + "\\s*/\\s*(\\d{2,4})\\s*/\\s*y\\.?\\s*\\]");
  private static final Pattern MONTH_YEAR = Pattern.compile("\\b" + MONTH + ",?\\s+" + YEAR);

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

  private static int n(String s) {
    return Integer.parseInt(s);
  }

  /**
   * The first date in {@code text} (where two readings start at the same place, the longer: a
   * range before its first day).
   *
   * @param fallbackYear the year to use when the text's own year is mangled ([august 10/94 / y.]),
   *     or 0 when none is known
   */
  static Optional<Found> find(String text, int fallbackYear) {
    List<Found> found = new ArrayList<>();
    Matcher m = CROSS_MONTH.matcher(text);
    while (m.find()) {
      int y2 = n(m.group(6));
      int y1 = m.group(3) == null ? y2 : n(m.group(3));
      range(found, m, iso(y1, month(m.group(1)), n(m.group(2))), iso(y2, month(m.group(4)), n(m.group(5))));
    }
    m = CROSS_MONTH_DAY_FIRST.matcher(text);
    while (m.find()) {
      int y2 = n(m.group(6));
      int y1 = m.group(3) == null ? y2 : n(m.group(3));
      range(found, m, iso(y1, month(m.group(2)), n(m.group(1))), iso(y2, month(m.group(5)), n(m.group(4))));
    }
    m = MONTH_RANGE_YEAR.matcher(text);
    while (m.find()) {
      int y = n(m.group(4));
      int mo = month(m.group(1));
      range(found, m, iso(y, mo, n(m.group(2))), iso(y, mo, n(m.group(3))));
    }
    m = DAY_RANGE_MONTH_YEAR.matcher(text);
    while (m.find()) {
      int y = n(m.group(4));
      int mo = month(m.group(3));
      range(found, m, iso(y, mo, n(m.group(1))), iso(y, mo, n(m.group(2))));
    }
    m = MONTH_DAY_YEAR.matcher(text);
    while (m.find()) {
      day(found, m, iso(n(m.group(3)), month(m.group(1)), n(m.group(2))));
    }
    m = DAY_MONTH_YEAR.matcher(text);
    while (m.find()) {
      day(found, m, iso(n(m.group(3)), month(m.group(2)), n(m.group(1))));
    }
    m = YEAR_G_ON_MONTH_DAY.matcher(text);
    while (m.find()) {
      day(found, m, iso(n(m.group(1)), month(m.group(2)), n(m.group(3))));
    }
    m = YEAR_G_DAY_ON_MONTH.matcher(text);
    while (m.find()) {
      day(found, m, iso(n(m.group(1)), month(m.group(3)), n(m.group(2))));
    }
    m = BRACKETED.matcher(text);
    while (m.find()) {
      String y = m.group(3);
      int mo = month(m.group(1));
      int d = n(m.group(2));
      if (y.length() == 4) {
        day(found, m, iso(n(y), mo, d));
      } else if (fallbackYear > 0) {
        String when = iso(fallbackYear, mo, d);
        if (when != null) {
          found.add(new Found(m.start(), m.end(), when, null, null, true, null));
        }
      } else if (iso(2000, mo, d) != null) {
        found.add(new Found(m.start(), m.end(), null, null, null, false, String.format(Locale.ROOT, "%02d-%02d", mo, d)));
      }
    }
    m = MONTH_YEAR.matcher(text);
    while (m.find()) {
      found.add(new Found(m.start(), m.end(), String.format(Locale.ROOT, "%s-%02d", m.group(2), month(m.group(1))),
          null, null, false, null));
    }
    return found.stream().min((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start())
        : Integer.compare(b.end() - b.start(), a.end() - a.start()));
  }

  private static void day(List<Found> found, Matcher m, String when) {
    if (when != null) {
      found.add(new Found(m.start(), m.end(), when, null, null, false, null));
    }
  }

  private static void range(List<Found> found, Matcher m, String from, String to) {
    if (from != null && to != null && from.compareTo(to) < 0) {
      found.add(new Found(m.start(), m.end(), null, from, to, false, null));
    }
  }

  /** A year (1900–1999) in a text such as a file name or title, or 0. */
  static int year(String text) {
    Matcher m = Pattern.compile("(?<!\\d)(19\\d\\d)(?!\\d)").matcher(text);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  /** The first day an ISO value (day, month or year) can mean. */
  static LocalDate first(String iso) {
    if (iso.length() == 4) {
      return LocalDate.of(Integer.parseInt(iso), 1, 1);
    }
    if (iso.length() == 7) {
      return LocalDate.parse(iso + "-01");
    }
    return LocalDate.parse(iso);
  }

  /** The last day an ISO value (day, month or year) can mean. */
  static LocalDate last(String iso) {
    if (iso.length() == 4) {
      return LocalDate.of(Integer.parseInt(iso), 12, 31);
    }
    if (iso.length() == 7) {
      LocalDate f = LocalDate.parse(iso + "-01");
      return f.withDayOfMonth(f.lengthOfMonth());
    }
    return LocalDate.parse(iso);
  }
}
