package org.editio.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One document of a page as the parser recognised its parts, all still as text from the page
 * (with note marks in place). {@link TeiBuilder} turns it into TEI.
 */
final class Draft {
  /** A paragraph of the body: plain, a numbered point, or an elision line. */
  record Para(String text, String number, boolean elision) {}

  String title = "";
  final List<String> distribution = new ArrayList<>();
  String dateLine;
  DateParser.Found date;
  final List<String> classificationLines = new ArrayList<>();
  final List<Para> body = new ArrayList<>();
  final List<String> signature = new ArrayList<>();
  final List<String> citations = new ArrayList<>();
  /** Note texts by their mark as printed ("1", "*", "**"), in page order. */
  final Map<String, String> notes = new LinkedHashMap<>();
  /** The page stops before this document ends. */
  boolean incomplete;
  /** Position on the page (1, 2, …). */
  int sequence;
}
