package org.editio.importer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmNodeKind;
import org.editio.Problem;
import org.editio.xml.Xml;

/**
 * The importer's promise, checked on every page before anything is written: the words of the
 * page after its banner are the words of the TEI made from it, in the same order. Notes are the
 * one thing that moves: a note's mark stays in place (as {@code note/@n}) and its text, wherever
 * the page prints it, goes to the mark; so each note's mark and text are taken out of the page's
 * words before the comparison. What the editors add is left out ({@code note[@type='editorial']},
 * the text-less date of a page without a date line). The header is not compared: it repeats the
 * text, it does not hold it.
 *
 * <p>A difference is a fault of the importer, never of the page: it is reported as an error
 * located at the first word that differs, and nothing is written for that page. Words are
 * compared after one normalisation only: a bracketed note mark "[1]" is "1" (the TEI keeps the
 * mark without its brackets).
 */
final class TextCheck {

  /** A word of the page and where it stands. */
  private record Word(String text, int line, int column) {}

  private static final QName TYPE = new QName("type");
  private static final QName N = new QName("n");
  private static final Pattern BRACKETED_MARK = Pattern.compile("\\[(\\d{1,3})\\]");
  private static final Pattern SPACE = Pattern.compile("(?U)\\s+");
  /** Elements whose start and end separate words (in the TEI the importer writes). */
  private static final Set<String> BLOCKS = Set.of("text", "body", "div", "head", "opener", "dateline", "p", "ab", "list",
      "label", "item", "closer", "signed", "postscript", "lb");

  private TextCheck() {}

  /**
   * Compares a page with the TEI documents made from it (in page order).
   *
   * @param bannerEnd the index of the page's first line after the banner
   * @param file the page, for the location of a problem
   * @return the error, when the TEI does not hold the page's text
   */
  static Optional<Problem> compare(Page page, int bannerEnd, List<XdmNode> documents, Path file) {
    List<Word> pageWords = new ArrayList<>();
    for (Page.Line l : page.lines().subList(bannerEnd, page.lines().size())) {
      add(pageWords, Page.withoutAnchors(l.text()), l.number(), page.html() ? l.column() : 1, page.html());
    }
    for (var f : page.footnotes().entrySet()) {
      add(pageWords, f.getKey() + " " + f.getValue().text(), f.getValue().number(), f.getValue().column(), true);
    }
    List<String> teiWords = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (XdmNode doc : documents) {
      StringBuilder main = new StringBuilder();
      XdmNode text = child(child(doc, "TEI"), "text");
      if (text != null) {
        walk(text, main, notes);
      }
      teiWords.addAll(split(main.toString()));
    }
    // each note's mark and text, as the page prints them together, leave the page's words
    for (String note : notes) {
      List<String> run = split(note);
      int[] at = indexOf(pageWords, run);
      if (at == null) {
        return Optional.of(new Problem(file, 0, 0, Problem.Severity.ERROR, "the TEI made from this page has a note (\""
            + shorten(note) + "\") whose mark and text do not stand together on the page: nothing written for this page"
            + " (a fault of editio import: please report it with the page)", "import-text"));
      }
      pageWords.subList(at[0], at[0] + at[1]).clear();
    }
    int n = Math.min(pageWords.size(), teiWords.size());
    for (int i = 0; i <= n; i++) {
      boolean pageEnds = i == pageWords.size();
      boolean teiEnds = i == teiWords.size();
      if (pageEnds && teiEnds) {
        return Optional.empty();
      }
      if (pageEnds || teiEnds || !pageWords.get(i).text().equals(teiWords.get(i))) {
        Word at = pageEnds ? pageWords.get(Math.max(0, i - 1)) : pageWords.get(i);
        String pageHas = pageEnds ? "(the end of the page)" : "\"" + context(pageWords.stream().map(Word::text).toList(), i) + "\"";
        String teiHas = teiEnds ? "nothing more" : "\"" + context(teiWords, i) + "\"";
        return Optional.of(new Problem(file, pageWords.isEmpty() ? 0 : at.line(), pageWords.isEmpty() ? 0 : at.column(),
            Problem.Severity.ERROR, "the TEI made from this page does not hold the page's text: here the page has " + pageHas
            + " but the TEI has " + teiHas + "; nothing written for this page (a fault of editio import: please report it"
            + " with the page)", "import-text"));
      }
    }
    return Optional.empty();
  }

  private static void add(List<Word> words, String text, int line, int column, boolean columnIsStart) {
    var m = Pattern.compile("\\S+").matcher(text);
    while (m.find()) {
      int col = column == 0 ? 0 : columnIsStart ? column + m.start() - (text.length() - text.stripLeading().length()) : m.start() + 1;
      words.add(new Word(normal(m.group()), line, col));
    }
  }

  private static List<String> split(String s) {
    List<String> out = new ArrayList<>();
    for (String w : SPACE.split(s.strip())) {
      if (!w.isEmpty()) {
        out.add(normal(w));
      }
    }
    return out;
  }

  private static String normal(String word) {
    return BRACKETED_MARK.matcher(word).replaceAll("$1");
  }

  /**
   * Where a note's words (its mark, then its text) stand together on the page; a page may glue
   * the mark to the text ("*see doc. 12"), which the TEI cannot tell from "* see doc. 12". The
   * index of the first word and how many page words the note takes; null when not found.
   */
  private static int[] indexOf(List<Word> words, List<String> run) {
    for (int i = 0; i < words.size(); i++) {
      if (matches(words, i, run, 0)) {
        return new int[] {i, run.size()};
      }
      if (run.size() >= 2 && words.get(i).text().equals(run.get(0) + run.get(1)) && matches(words, i + 1, run, 2)) {
        return new int[] {i, run.size() - 1};
      }
    }
    return null;
  }

  private static boolean matches(List<Word> words, int at, List<String> run, int from) {
    if (at + run.size() - from > words.size()) {
      return false;
    }
    for (int k = from; k < run.size(); k++) {
      if (!words.get(at + k - from).text().equals(run.get(k))) {
        return false;
      }
    }
    return true;
  }

  /** The TEI's reading text: notes replaced by their marks (their texts listed apart), supplied letters in brackets. */
  private static void walk(XdmNode node, StringBuilder main, List<String> notes) {
    for (XdmNode child : node.children()) {
      if (child.getNodeKind() == XdmNodeKind.TEXT) {
        main.append(child.getStringValue());
      } else if (child.getNodeKind() == XdmNodeKind.ELEMENT && Xml.TEI_NS.equals(child.getNodeName().getNamespace())) {
        String name = child.getNodeName().getLocalName();
        if (name.equals("note")) {
          if (!"editorial".equals(child.getAttributeValue(TYPE))) {
            String mark = child.getAttributeValue(N) == null ? "" : child.getAttributeValue(N);
            main.append(mark);
            StringBuilder text = new StringBuilder();
            walk(child, text, notes);
            notes.add(mark + " " + text);
          }
        } else if (name.equals("supplied")) {
          main.append('[');
          walk(child, main, notes);
          main.append(']');
        } else if (BLOCKS.contains(name)) {
          main.append(' ');
          walk(child, main, notes);
          main.append(' ');
        } else {
          walk(child, main, notes);
        }
      }
    }
  }

  private static XdmNode child(XdmNode node, String name) {
    if (node == null) {
      return null;
    }
    for (XdmNode c : node.children()) {
      if (c.getNodeKind() == XdmNodeKind.ELEMENT && c.getNodeName().getLocalName().equals(name)) {
        return c;
      }
    }
    return null;
  }

  private static String context(List<String> words, int i) {
    return shorten(String.join(" ", words.subList(i, Math.min(words.size(), i + 6))));
  }

  private static String shorten(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }
}
