package org.editio.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.Xslt30Transformer;
import org.editio.edition.EditionFonts;
import org.editio.Digest;
import org.editio.EditioException;
import org.editio.Messages;
import org.editio.Problem;
import org.editio.output.Run;
import org.editio.xml.Params;
import org.editio.xml.Resolver;
import org.editio.xml.Xml;

/**
 * What the PDF outputs share: one FOP factory (per creation date: in practice one per builder,
 * kept between builds), the stylesheet parameters and recipe context of print, and laying out
 * one PDF as PDF/A-2b with its fonts checked and its bytes made reproducible. XSL-FO goes from
 * Saxon straight into FOP as SAX events, with no intermediate file.
 */
public final class PdfRenderer {

  /** The stylesheet of every PDF; an edition replaces it with EDITION/xslt/fo.xsl. */
  static final String STYLESHEET = "fo.xsl";

  private final boolean shareFonts;
  private Fop fop;
  private Date fopDate;
  private List<Path> fopRoots;

  /** The renderer of a builder's PDF outputs. */
  public PdfRenderer() {
    this(true);
  }

  /** @param shareFonts false: FOP loads the fonts of each PDF itself (what the shared fonts are tested against) */
  PdfRenderer(boolean shareFonts) {
    this.shareFonts = shareFonts;
  }

  /**
   * The FOP factory for PDFs created at {@code created} that read images through {@code
   * resolver} (the edition's folder) and have the edition's {@code fonts}: one per date, edition
   * and fonts, in practice one per builder.
   */
  synchronized Fop fop(Date created, Resolver resolver, EditionFonts fonts) {
    if (fop == null || !created.equals(fopDate) || !resolver.roots().equals(fopRoots) || !java.util.Objects.equals(fop.editionFonts().digest(), fonts.digest())) {
      fop = new Fop(created, resolver, shareFonts, fonts);
      fopDate = created;
      fopRoots = resolver.roots();
    }
    return fop;
  }

  /** What every PDF of the edition depends on besides its documents: with the edition's fonts, when it has some. */
  static String context(Run run, EditionFonts fonts) {
    Digest recipe = run.recipe(STYLESHEET).add("page-size", run.options().pageSize()).add("print", run.options().print())
        .add("created", run.options().created().getTime());
    if (!fonts.isEmpty()) {
      recipe.add("fonts", fonts.digest());
    }
    return recipe.hex();
  }

  static Params params(Run run, EditionFonts fonts) {
    Params params = run.params().put("page-size", run.options().pageSize()).put("print", run.options().print());
    return fonts.isEmpty() ? params : params.putSequence("edition-fonts", fonts.families());
  }

  /** A transformer of the PDFs' stylesheet (the edition's own fo.xsl, if it has one) with these parameters. */
  static Xslt30Transformer transformer(Run run, Path source, Params params) throws EditioException {
    Xslt30Transformer t = run.transformer(STYLESHEET);
    try {
      t.setStylesheetParameters(params.asMap());
    } catch (SaxonApiException e) {
      throw new EditioException(EditioException.INPUT, Xml.transformProblem(source, "cannot lay out the PDF", e));
    }
    return t;
  }

  /**
   * A PDF laid out in memory.
   *
   * @param bytes the PDF, made reproducible
   * @param pageCount its pages
   */
  record Layout(byte[] bytes, int pageCount) {}

  /**
   * Lays out one PDF in memory.
   *
   * @param source the file problems are reported against
   * @param name what the PDF is called in messages
   * @throws EditioException (input) when the layout fails or the fonts lack a character
   */
  Layout layOut(Run run, Path source, String name, Fop.Metadata metadata, Fop.FoSource fo) throws EditioException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
    try (Fop.Job job = fop(run.options().created(), run.resolver(), run.fonts()).newJob(out, metadata)) {
      fo.writeTo(job);
      List<Problem> problems = new java.util.ArrayList<>(missingCharacters(run, source, name, job.missingGlyphs()));
      problems.addAll(rightToLeft(run, source, name, job.rightToLeft()));
      for (String m : job.fontProblems()) {
        problems.add(Problem.error(source, 1, 1, name + ": " + Messages.clean(m)));
      }
      if (!problems.isEmpty()) {
        throw new EditioException(EditioException.INPUT, problems);
      }
      overflows(run, source, name, job.overflows()).forEach(run::warn);
      return new Layout(Reproducible.apply(out.toByteArray(), run.options().created()), job.pageCount());
    } catch (EditioException e) {
      throw e;
    } catch (Exception e) {
      EditioException known = cause(e);
      if (known != null) {
        throw known;
      }
      throw new EditioException(EditioException.INPUT, Xml.transformProblem(source, "cannot lay out " + name, e));
    }
  }

  /** A character the fonts lack, where a document of the PDF first has it (line 0: not in any text). */
  private record Missing(int codePoint, java.util.SortedSet<String> fonts, int document, Path file, int line, int column,
      int offset) {}

  /**
   * The characters the fonts lack (FOP reports each once per font, and only the first few), one
   * error per Unicode block (a Chinese text lacks thousands): at the first place a document of the
   * PDF has one of them in its text, naming it. The PDF would print '#' there.
   */
  private static List<Problem> missingCharacters(Run run, Path source, String name,
      java.util.SortedMap<Integer, java.util.SortedSet<String>> missing) {
    List<org.editio.edition.TeiDocument> documents = documentsOf(run, source);
    // one pass over the documents' text, in order, until every reported character is located
    java.util.Map<Integer, Missing> located = new java.util.HashMap<>();
    for (int i = 0; i < documents.size() && located.size() < missing.size(); i++) {
      org.editio.edition.TeiDocument doc = documents.get(i);
      for (net.sf.saxon.s9api.XdmNode text : texts(doc)) {
        String value = text.getStringValue();
        for (int offset = 0; offset < value.length(); offset += Character.charCount(value.codePointAt(offset))) {
          int cp = value.codePointAt(offset);
          // FOP's event holds a Java char: a character beyond the BMP comes as its low 16 bits
          int reported = cp > 0xFFFF ? cp & 0xFFFF : cp;
          if (missing.containsKey(reported) && !located.containsKey(reported)) {
            net.sf.saxon.s9api.XdmNode element = text.getParent();
            located.put(reported, new Missing(cp, missing.get(reported), i, doc.file(),
                Math.max(1, element.getLineNumber()), Math.max(1, element.getColumnNumber()), offset));
          }
        }
      }
    }
    // by code point (each reported character is one code point); one not in any text is placed last
    List<Missing> characters = missing.entrySet().stream()
        .map(g -> located.getOrDefault(g.getKey(), new Missing(g.getKey(), g.getValue(), Integer.MAX_VALUE, source, 0, 0, 0)))
        .sorted(java.util.Comparator.comparingInt(Missing::codePoint)).toList();
    java.util.Map<Character.UnicodeBlock, List<Missing>> blocks = new java.util.LinkedHashMap<>();
    for (Missing m : characters) {
      blocks.computeIfAbsent(Character.UnicodeBlock.of(m.codePoint()), k -> new java.util.ArrayList<>()).add(m);
    }
    List<Problem> problems = new java.util.ArrayList<>();
    for (List<Missing> block : blocks.values()) {
      Missing first = block.stream().min(java.util.Comparator.comparingInt(Missing::document)
          .thenComparingInt(Missing::line).thenComparingInt(Missing::column).thenComparingInt(Missing::offset)).orElseThrow();
      java.util.SortedSet<String> fonts = new java.util.TreeSet<>();
      block.forEach(m -> fonts.addAll(m.fonts()));
      String character = character(first.codePoint());
      // FOP reports the first few characters a font lacks, not all: the block is named, not counted
      String what = block.size() == 1 ? character
          : "characters of the Unicode block " + Character.UnicodeBlock.of(first.codePoint()) + ", first " + character;
      String message = name + ": the PDF cannot print " + what + ": the embedded fonts lack "
          + (block.size() == 1 ? "it" : "them") + " (" + String.join(", ", fonts) + ") and would print '#';"
          + " the HTML edition and the e-book print " + (block.size() == 1 ? "it" : "them") + " (editio html, editio epub)"
          // a font helps, unless FOP cannot set the script whatever the font (said by its own error)
          + (Directions.unsettable(first.codePoint()) ? ""
              : "; to print " + (block.size() == 1 ? "it" : "them") + ", add a TrueType font (.ttf) that has "
              + (block.size() == 1 ? "it" : "them") + " to " + Problem.displayPath(EditionFonts.folder(run.edition()))
              + "/, the edition's fonts for print");
      problems.add(first.line() == 0 ? Problem.error(first.file(), message)
          : Problem.error(first.file(), first.line(), first.column(), message));
    }
    return problems;
  }

  /**
   * Right-to-left text the PDF would set wrongly ({@link Directions}: a paragraph in a language
   * written right to left, or letters of a joining script such as Arabic), as an error at the
   * first place a document of the PDF has that text. Right-to-left words within a left-to-right
   * paragraph are set right and pass.
   */
  private static List<Problem> rightToLeft(Run run, Path source, String name, Directions.Finding finding) {
    if (finding == null) {
      return List.of();
    }
    int cp = finding.codePoint();
    String character = character(cp) + " (" + Character.UnicodeScript.of(cp) + ")";
    String script = Character.UnicodeScript.of(cp).name().charAt(0) + Character.UnicodeScript.of(cp).name().substring(1)
        .toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    String message = name + (finding.fault() == Directions.Fault.JOINING
        ? ": the PDF cannot join " + script + " letters, first " + character + ": they would print apart, each in its isolated form"
        : finding.fault() == Directions.Fault.POINTED
        ? ": the PDF cannot set pointed Hebrew, first " + character(cp) + ": FOP 2.11 would print the points and"
            + " accents on the wrong letters (and a dagesh on the next word), and the PDF's text would read them out of"
            + " place; Hebrew without points is set"
        : finding.fault() == Directions.Fault.SHAPING
        ? ": the PDF cannot set " + script + " text, first " + character + ": its conjuncts would print as separate letters"
            + " and the PDF's text would read vowel signs out of order (FOP 2.11 does not shape it)"
        : ": the PDF cannot set a paragraph of right-to-left text, first " + character + ": its lines would be aligned"
            + " left, with the punctuation at their ends on the wrong side (right-to-left words in a left-to-right"
            + " paragraph are set)")
        + "; the HTML edition and the e-book set it (editio html, editio epub)";
    List<org.editio.edition.TeiDocument> documents = documentsOf(run, source);
    // where a text begins with the text found, else where a text holds it; else the same for its first word, then its
    // first character (a text across elements)
    String first = new String(Character.toChars(cp));
    String word = finding.text().split("\\s", 2)[0];
    for (String wanted : new java.util.LinkedHashSet<>(List.of(finding.text().strip(), word, first))) {
      for (boolean begins : new boolean[] {true, false}) {
        for (org.editio.edition.TeiDocument doc : documents) {
          for (net.sf.saxon.s9api.XdmNode text : texts(doc)) {
            String value = text.getStringValue();
            if (begins ? value.stripLeading().startsWith(wanted) : value.contains(wanted)) {
              net.sf.saxon.s9api.XdmNode element = text.getParent();
              return List.of(Problem.error(doc.file(), Math.max(1, element.getLineNumber()),
                  Math.max(1, element.getColumnNumber()), message));
            }
          }
        }
      }
    }
    return List.of(Problem.error(source, 1, 1, message));
  }

  /** The documents a PDF is made from, in order: a document's PDF from its file, the volume from every document. */
  private static List<org.editio.edition.TeiDocument> documentsOf(Run run, Path source) {
    List<org.editio.edition.TeiDocument> documents = run.edition().documents().stream()
        .filter(d -> d.file().equals(source)).toList();
    return documents.isEmpty() ? run.edition().documents() : documents;
  }

  /**
   * A warning for each block with a line FOP set wider than its column (past the margin, over the
   * next table cell): at the first place a document of the PDF has the block's longest word (the
   * string that could not be broken), quoting it. The stylesheet puts break opportunities into
   * long runs with digits; what still overflows (a long word with no hyphenation, a wide image
   * of text) is said rather than printed silently off the page.
   */
  private static List<Problem> overflows(Run run, Path source, String name, java.util.Map<String, Integer> overflows) {
    List<Problem> warnings = new java.util.ArrayList<>();
    java.util.Set<String> said = new java.util.HashSet<>();
    for (java.util.Map.Entry<String, Integer> o : overflows.entrySet()) {
      String word = "";
      for (String w : o.getKey().replaceAll("[\\u200B\\u2060\\u00AD]", "").split("\\s+")) {
        w = w.replaceAll("^\\p{P}+|\\p{P}+$", "");
        if (w.codePointCount(0, w.length()) > word.codePointCount(0, word.length())) {
          word = w;
        }
      }
      if (word.isEmpty() || !said.add(word)) {
        continue;
      }
      String shown = word.codePointCount(0, word.length()) <= 40 ? word
          : word.substring(0, word.offsetByCodePoints(0, 40)) + "…";
      String message = String.format(java.util.Locale.ROOT, "%s: a line runs %.1f mm past its column (off the page or"
          + " over the next table cell): \"%s\" has no place to break; break it in the TEI (a space, or <lb/>)"
          + " or shorten it", name, o.getValue() / 1000f * 25.4f / 72f, shown);
      Problem at = null;
      for (org.editio.edition.TeiDocument doc : documentsOf(run, source)) {
        for (net.sf.saxon.s9api.XdmNode text : texts(doc)) {
          if (text.getStringValue().contains(word)) {
            net.sf.saxon.s9api.XdmNode element = text.getParent();
            at = new Problem(doc.file(), Math.max(1, element.getLineNumber()), Math.max(1, element.getColumnNumber()),
                Problem.Severity.WARNING, message, null);
            break;
          }
        }
        if (at != null) {
          break;
        }
      }
      warnings.add(at != null ? at : new Problem(source, 0, 0, Problem.Severity.WARNING, message, null));
    }
    return warnings;
  }

  /** A document's text nodes, in document order (what the errors above are placed by). */
  private static Iterable<net.sf.saxon.s9api.XdmNode> texts(org.editio.edition.TeiDocument doc) {
    return doc.tree().select(net.sf.saxon.s9api.streams.Steps.descendant())
        .filter(n -> n.getNodeKind() == net.sf.saxon.s9api.XdmNodeKind.TEXT)::iterator;
  }

  /** A character as the errors name it: {@code "ש" (U+05E9 HEBREW LETTER SHIN)}. */
  private static String character(int cp) {
    return String.format(java.util.Locale.ROOT, "\"%s\" (U+%04X %s)", new String(Character.toChars(cp)), cp,
        String.valueOf(Character.getName(cp)));
  }

  /** Lays out one PDF and writes it; returns its page count. */
  int render(Run run, Path source, Path pdf, Fop.Metadata metadata, Fop.FoSource fo) throws EditioException {
    Layout layout = layOut(run, source, pdf.getFileName().toString(), metadata, fo);
    write(pdf, layout.bytes());
    return layout.pageCount();
  }

  static void write(Path pdf, byte[] bytes) throws EditioException {
    try {
      Files.write(pdf, bytes);
    } catch (IOException e) {
      throw EditioException.io(pdf, "cannot write the PDF: " + Messages.of(e));
    }
  }

  /** An EditioException wrapped by Saxon or FOP (a deferred part of the volume failed), if any. */
  private static EditioException cause(Throwable e) {
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof EditioException known) {
        return known;
      }
    }
    return null;
  }
}
