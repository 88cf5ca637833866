package org.editio.importer;

import java.util.List;
import java.util.Map;

/**
 * An archive page as text: one entry per line (a paragraph of an HTML page, a line of a text
 * rendering), with the notes an HTML page keeps apart ({@code _ftn} footnotes).
 *
 * @param name how the page is named in messages (its file or URL)
 * @param url the page's address when known (given, fetched, or found in a saved page)
 * @param lines the text, line by line; footnote anchors of HTML pages appear as
 *     {@link #anchor(String)} markers
 * @param footnotes the texts of {@code _ftn} footnotes by number
 * @param charset the character set the page was read in
 * @param charsetNote how the character set was decided, when it was not declared
 * @param html whether the page was HTML: then each line is a paragraph of its own
 */
record Page(String name, String url, List<String> lines, Map<String, String> footnotes,
    String charset, String charsetNote, boolean html) {

  static final char ANCHOR_START = '\uE000';
  static final char ANCHOR_END = '\uE001';

  /** The marker standing in the text where footnote {@code n} is anchored. */
  static String anchor(String n) {
    return ANCHOR_START + n + ANCHOR_END;
  }
}
