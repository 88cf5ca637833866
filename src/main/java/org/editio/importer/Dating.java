package org.editio.importer;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How a document is dated, and on what evidence. The page's printed date (a date line, or the
 * date its text opens with) dates a document as printed. Where the page prints none for it, the
 * date comes, in this order, from the document's heading, from a publication line, from the
 * page's address (for the page's first document, whose date the address names), or from the
 * page's context: the span of the page's other dates, the year of the page, or the span of the
 * collection. Every date the editors supply is marked as theirs ({@code @resp}, {@code @cert},
 * {@code @evidence}) and explained in an editorial note, so a reader knows where it came from.
 */
final class Dating {

  /** Where a document's date comes from. */
  enum Source { PRINTED, HEADING, PUBLICATION, ADDRESS, CONTEXT }

  /** The pointer to the edition's editors, who answer for supplied dates. */
  static final String EDITORS = "../edition.xml#editors";

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
  /** The years of the collection, when a page's banner does not say. */
  private static final int[] COLLECTION = {1919, 1941};

  final Source source;
  /** TEI date attributes: when; from, to; or notBefore, notAfter. */
  final String[] values;
  /** Whether the editors supplied the date or part of it (then resp, cert and evidence are written). */
  final boolean editorial;
  final String cert;
  final String evidence;
  /** The editorial note that says where the date came from, or null for a date printed in full. */
  final String note;
  /** For the importer's warning: how the date was found, or null when there is nothing to check. */
  final String warning;

  private Dating(Source source, String[] values, boolean editorial, String cert, String evidence, String note, String warning) {
    this.source = source;
    this.values = values;
    this.editorial = editorial;
    this.cert = cert;
    this.evidence = evidence;
    this.note = note;
    this.warning = warning;
  }

  /** The attributes of the date element: its values, and the editors' responsibility when they supplied it. */
  String[] attributes() {
    if (!editorial) {
      return values;
    }
    String[] a = new String[values.length + 6];
    System.arraycopy(values, 0, a, 0, values.length);
    int i = values.length;
    a[i++] = "resp";
    a[i++] = EDITORS;
    a[i++] = "cert";
    a[i++] = cert;
    a[i++] = "evidence";
    a[i] = evidence;
    return a;
  }

  /** The date as a reader reads it: "14 May 1937", "15 July 1937 – 17 July 1937", "between … and …". */
  String readable() {
    return switch (values[0]) {
      case "when" -> readable(values[1]);
      case "from" -> readable(values[1]) + " – " + readable(values[3]);
      default -> "undated; between " + readable(values[1]) + " and " + readable(values[3]);
    };
  }

  /** The date part of a document's id: the date, or "YYYY-undated" / "undated" for a date the page does not give. */
  String idPart() {
    if (source != Source.CONTEXT) {
      return values[1];
    }
    String y1 = values[1].substring(0, 4);
    return y1.equals(values[3].substring(0, 4)) ? y1 + "-undated" : "undated";
  }

  private static String readable(String iso) {
    if (iso.length() == 10) {
      return LocalDate.parse(iso).format(DAY);
    }
    return CalendarGenerator.readable(iso);
  }

  /**
   * Dates every document of a page.
   *
   * @param span the collection's years as the page's banner gives them, or null
   */
  static void assign(List<Draft> drafts, Page page, int[] span) {
    String address = page.address();
    Optional<DateParser.Found> addressDate = DateParser.find(address, 0).filter(DateParser.Found::complete);
    int addressYear = DateParser.year(address);
    List<Draft> undated = new ArrayList<>();
    for (Draft d : drafts) {
      d.dating = own(d, addressDate, addressYear, address);
      if (d.dating == null) {
        undated.add(d);
      }
    }
    if (undated.isEmpty()) {
      return;
    }
    // the page's context: the span of its other dates, else its year, else the collection's span
    LocalDate lo = null;
    LocalDate hi = null;
    for (Draft d : drafts) {
      if (d.dating != null) {
        LocalDate[] b = bounds(d.dating.values);
        lo = lo == null || b[0].isBefore(lo) ? b[0] : lo;
        hi = hi == null || b[1].isAfter(hi) ? b[1] : hi;
      }
    }
    String why;
    if (lo != null && lo.isBefore(hi)) {
      why = "the span of the other dates on the same page";
    } else if (lo != null) {
      why = "the year of the other date on the same page (" + lo.format(DAY) + ")";
      int y = lo.getYear();
      lo = LocalDate.of(y, 1, 1);
      hi = LocalDate.of(y, 12, 31);
    } else if (addressYear > 0) {
      why = "the year in the page's address (" + address + ")";
      lo = LocalDate.of(addressYear, 1, 1);
      hi = LocalDate.of(addressYear, 12, 31);
    } else {
      int[] s = span != null ? span : COLLECTION;
      why = "only the span of the collection (" + s[0] + "–" + s[1] + ")";
      lo = LocalDate.of(s[0], 1, 1);
      hi = LocalDate.of(s[1], 12, 31);
    }
    for (Draft d : undated) {
      String printed = d.date != null && d.date.monthDay() != null
          ? "The date line gives the day and month (\"" + d.dateLine.text() + "\") but no legible year, and the page gives none. " : "";
      String[] values = {"notBefore", lo.toString(), "notAfter", hi.toString()};
      String between = "between " + lo.format(DAY) + " and " + hi.format(DAY);
      String note = printed + (printed.isEmpty() ? "The page prints no date for this document. " : "")
          + "The editors date it " + between + ", by " + why + ".";
      d.dating = new Dating(Source.CONTEXT, values, true, "low", "conjecture", note,
          "has no " + (printed.isEmpty() ? "date" : "legible year") + " on the page: dated " + between + " by " + why);
    }
  }

  /** The date of a document from its own text, its heading or (first document) the page's address; null if none. */
  private static Dating own(Draft d, Optional<DateParser.Found> addressDate, int addressYear, String address) {
    DateParser.Found heading = d.title.isEmpty() ? null
        : DateParser.find(d.titleText(), addressYear).filter(DateParser.Found::complete).orElse(null);
    if (d.date != null && d.date.complete()) {
      String[] values = d.date.attributes();
      if (d.date.when() != null && d.date.when().length() == 7 && heading != null && heading.when() != null
          && heading.when().length() == 10 && heading.when().startsWith(d.date.when())) {
        return new Dating(Source.PRINTED, new String[] {"when", heading.when()}, true, "high", "internal",
            "The date line gives the month only; the day is taken from the heading (\""
                + d.titleText().substring(heading.start(), heading.end()) + "\").", null);
      }
      if (d.date.yearSupplied()) {
        String from = addressYear > 0 ? "the page's address (" + address + ")" : "the other dates on the page";
        return new Dating(Source.PRINTED, values, true, "medium", addressYear > 0 ? "external" : "internal",
            "The year of the date line is illegible; it is taken from " + from + ".",
            "the year of the date line \"" + d.dateLine.text() + "\" is illegible: " + values[1].substring(0, 4) + " taken from " + from);
      }
      return new Dating(Source.PRINTED, values, false, null, null, null, null);
    }
    if (heading != null) {
      return new Dating(Source.HEADING, heading.attributes(), true, "high", "internal",
          "The document has no date line; its date is taken from its heading (\""
              + d.titleText().substring(heading.start(), heading.end()) + "\").", null);
    }
    for (Draft.Citation c : d.citations()) {
      if (c.type().equals("publication")) {
        Optional<DateParser.Found> f = DateParser.find(c.text(), 0).filter(DateParser.Found::complete);
        if (f.isPresent()) {
          return new Dating(Source.PUBLICATION, f.get().attributes(), true, "medium", "internal",
              "The document has no date line; it is dated by its publication line (\"" + c.text() + "\").",
              "has no date line: dated by its publication line");
        }
      }
    }
    if (d.sequence == 1 && addressDate.isPresent() && (d.date == null || d.date.monthDay() == null
        || addressDate.get().when() != null && addressDate.get().when().endsWith("-" + d.date.monthDay()))) {
      return new Dating(Source.ADDRESS, addressDate.get().attributes(), true, "medium", "external",
          "The page prints no date for this document; its date is taken from the address of the archive page (\""
              + address + "\"), which names the page by its first document's date.",
          "has no date on the page: dated by the page's address (" + address + ")");
    }
    return null;
  }

  private static LocalDate[] bounds(String[] values) {
    return new LocalDate[] {DateParser.first(values[1]), DateParser.last(values.length > 3 ? values[3] : values[1])};
  }
}
