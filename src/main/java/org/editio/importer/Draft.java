package org.editio.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * One document of a page as the parser recognised its parts, all still as text from the page
 * (with note marks in place), each part with where it stands on the page. {@link TeiBuilder}
 * turns it into TEI. Every paragraph of the page after the banner belongs to exactly one part
 * of one draft: that is what keeps the page's text whole.
 */
final class Draft {

  /** What the closer of a document holds, in page order: signature lines and citations. */
  sealed interface Closing permits Para, Citation {}

  /** A paragraph of the page: its text and where it starts (line, column; 0 when unknown). */
  record Para(String text, int line, int column) implements Closing {
    /** The part of this paragraph from character {@code from} on, placed where it starts. */
    Para from(int from) {
      String rest = text.substring(from);
      int lead = rest.length() - rest.stripLeading().length();
      return new Para(rest.strip(), line, column == 0 ? 0 : column + from + lead);
    }

    Para until(int end) {
      return new Para(text.substring(0, end).strip(), line, column);
    }
  }

  /** What a paragraph of the body is. */
  enum Kind { TEXT, NUMBERED, ELISION }

  /** A paragraph of the body: plain, a numbered point (with its number), or an elision line. */
  record Block(Para para, String number, Kind kind) {}

  /** What a line of the opener is. */
  enum OpenerKind { DISTRIBUTION, DATELINE, CLASSIFICATION }

  /** A line of the opener, in page order (one page puts a priority word before the date). */
  record OpenerLine(OpenerKind kind, Para para) {}

  /**
   * A bibliographic line: an AVP RF citation, a publication reference ("Publ.: ..."), the
   * mangled "printed from the archive", or a newspaper's issue line ("(Tass)" / "No. 165 (6 327),
   * July 16, 1937"); one or two paragraphs of the page.
   */
  record Citation(List<Para> lines, String type) implements Closing {
    String text() {
      return String.join(" ", lines.stream().map(Para::text).toList());
    }
  }

  /** A note of the source: its mark as printed ("1", "*", or an HTML footnote's anchor), its text. */
  record Note(String mark, Para para) {}

  /** The heading, line by line (a title wraps over up to three lines); empty when the page has none. */
  final List<Para> title = new ArrayList<>();
  /**
   * For a document without a heading of its own under a heading that names a series
   * ("Telegrams of the plenipotentiary ... to the NKID"): that heading, for its header's title.
   */
  String series;
  /** Distribution, date and classification lines, in page order. */
  final List<OpenerLine> opener = new ArrayList<>();
  /** Where the printed date stands: the date line, or the opening words of the body. */
  Para dateLine;
  /** The printed date found in {@link #dateLine}. */
  DateParser.Found date;
  /** Publication lines right under the heading (before the body). */
  final List<Citation> openerCitations = new ArrayList<>();
  final List<Block> body = new ArrayList<>();
  /** Signature lines and citations after the body, in page order. */
  final List<Closing> closer = new ArrayList<>();
  /** Notes in page order. */
  final List<Note> notes = new ArrayList<>();
  /** A dot line after the document that separates it from the next one on the page. */
  Para separator;
  /** The page stops before this document ends. */
  boolean incomplete;
  /** Position on the page (1, 2, …). */
  int sequence;
  /** How the document is dated; set once every document of the page is known. */
  Dating dating;

  /** The signature lines, in page order. */
  List<Para> signature() {
    return closer.stream().filter(c -> c instanceof Para).map(c -> (Para) c).toList();
  }

  /** The citations of the document (under its heading and after its text), in page order. */
  List<Citation> citations() {
    List<Citation> all = new ArrayList<>(openerCitations);
    closer.stream().filter(c -> c instanceof Citation).forEach(c -> all.add((Citation) c));
    return all;
  }

  /** The heading as one line (a wrapped title joined), note marks still in place. */
  String titleText() {
    return String.join(" ", title.stream().map(Para::text).toList());
  }

  /** Where the document starts on the page. */
  Para first() {
    if (!title.isEmpty()) {
      return title.get(0);
    }
    if (!opener.isEmpty()) {
      return opener.get(0).para();
    }
    if (dateLine != null) {
      return dateLine;
    }
    return body.isEmpty() ? new Para("", 0, 0) : body.get(0).para();
  }
}
