package org.editio.importer;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * An archive page as text: one entry per line (a paragraph of an HTML page, a line of a text
 * rendering), each with where it stands in the file, and the notes an HTML page keeps apart
 * ({@code _ftn} footnotes).
 *
 * @param name how the page is named in messages (its file or URL)
 * @param url the page's address when known (given, fetched, or found in a saved page)
 * @param lines the text, line by line; footnote anchors of HTML pages appear as
 *     {@link #anchor(String)} markers
 * @param footnotes the texts of {@code _ftn} footnotes by number
 * @param charset the character set the page was read in
 * @param charsetNote how the character set was decided, when it was not declared, and what else
 *     reading the bytes changed (control characters read as spaces); null when nothing is to say
 * @param html whether the page was HTML: then each line is a paragraph of its own
 */
record Page(String name, String url, List<Line> lines, Map<String, Line> footnotes,
    String charset, String charsetNote, boolean html) {

  /**
   * One line of the page and where it starts in the file (1-based line and column), so that
   * warnings point at the page's own text.
   */
  record Line(String text, int number, int column) {}

  static final char ANCHOR_START = '\uE000';
  static final char ANCHOR_END = '\uE001';

  /** The marker standing in the text where footnote {@code n} is anchored. */
  static String anchor(String n) {
    return ANCHOR_START + n + ANCHOR_END;
  }

  /** The text with footnote anchor markers written as their numbers (as the page shows them). */
  static String withoutAnchors(String text) {
    return text.replaceAll(ANCHOR_START + "(\\d+)" + ANCHOR_END, "$1");
  }

  /**
   * The page's address as a reader sees it: the last part of its URL (else its file name),
   * percent-decoded ({@code august%2010%201941.htm} is "august 10 1941.htm"), since the archive's
   * file names carry the date of the page's first document.
   */
  String address() {
    String raw = url != null ? url.substring(url.lastIndexOf('/') + 1) : fileName(name);
    return decode(raw).replaceAll("\\s+", " ").strip();
  }

  /** Percent-decoding that never fails: a stray '%' stays as it is. */
  static String decode(String s) {
    try {
      return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  private static String fileName(String name) {
    try {
      Path p = Path.of(name).getFileName();
      return p == null ? name : p.toString();
    } catch (RuntimeException e) {
      return name;
    }
  }
}
