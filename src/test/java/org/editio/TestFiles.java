package org.editio;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XPathCompiler;

/** Where tests find the project's files and the shared material, and how they read TEI text. */
public final class TestFiles {
  private TestFiles() {}

  /** The project root (Maven runs tests there). */
  public static final Path ROOT = Path.of("").toAbsolutePath();

  /** The sample edition. */
  public static final Path EDITION = ROOT.resolve("tei");

  /** The seed document of the sample edition. */
  public static final Path SEED = EDITION.resolve("documents/d1937-05-14-litvinov.xml");

  /** Test fixtures. */
  public static final Path FIXTURES = ROOT.resolve("src/test/resources/fixtures");

  /** ../shared beside the project, when present (CI and developers' machines have it). */
  public static final Path SHARED = ROOT.resolveSibling("shared");

  /** tei_all.rng from ../shared; the calling test is skipped when it is absent. */
  public static Path teiAll() {
    Path rng = SHARED.resolve("tei/tei_all.rng");
    assumeTrue(Files.isRegularFile(rng), "../shared/tei/tei_all.rng is absent");
    return rng;
  }

  private static final Pattern WHITESPACE = Pattern.compile("(?U)\\s+");

  /** The text with every whitespace character removed: what "every character arrives" compares. */
  public static String withoutWhitespace(String s) {
    return WHITESPACE.matcher(s).replaceAll("");
  }

  /**
   * The reading text of a TEI document as its outputs arrange it: the text of {@code text/}
   * without the notes, then the text of each note in order.
   */
  public static String teiReadingText(XdmNode doc) {
    return evaluate(doc, "string-join((/*/tei:text//text()[not(ancestor::tei:note)],"
        + " /*/tei:text//tei:note ! string-join(.//text()[count(ancestor::tei:note) = 1], '')), ' ')");
  }

  /** The words of {@code text/}, notes included; element boundaries separate words too (a sic and its corr are two words). */
  public static List<String> teiWords(XdmNode doc) {
    return List.of(WHITESPACE.split(evaluate(doc, "normalize-space(string-join(/*/tei:text//text(), ' '))")));
  }

  private static String evaluate(XdmNode doc, String xpath) {
    try {
      XPathCompiler c = doc.getProcessor().newXPathCompiler();
      c.declareNamespace("tei", "http://www.tei-c.org/ns/1.0");
      return c.evaluateSingle(xpath, doc).getStringValue();
    } catch (SaxonApiException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Copies the folder {@code from} with everything below it to {@code to} (created as needed), so
   * that a test can change an edition without touching the one in the repository; returns {@code to}.
   */
  public static Path copyTree(Path from, Path to) throws java.io.IOException {
    return copyTree(from, to, file -> true);
  }

  /**
   * As {@link #copyTree(Path, Path)}, only the files {@code keep} accepts, by their path below
   * {@code from} with '/' ("drama/F-rom.xml"): a corpus without the files a test leaves out.
   */
  public static Path copyTree(Path from, Path to, java.util.function.Predicate<String> keep) throws java.io.IOException {
    try (java.util.stream.Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        String relative = from.relativize(f).toString().replace('\\', '/');
        Path target = to.resolve(relative);
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else if (keep.test(relative)) {
          Files.copy(f, target);
        }
      }
    }
    return to;
  }
}
