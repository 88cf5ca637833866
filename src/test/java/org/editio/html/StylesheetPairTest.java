package org.editio.html;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.editio.TestFiles;
import org.editio.build.Builder;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.diff.Diff;

/**
 * Input → expected-output pairs for the HTML stylesheets, in the manner of DocBook xslTNG's tests:
 * the expected markup is written by hand and compared with XMLUnit (whitespace ignored).
 */
class StylesheetPairTest {

  static final Path PAIRS = TestFiles.ROOT.resolve("src/test/resources/xslt-pairs");

  @Test
  void interventionsNotesAndGaps(@TempDir Path out) throws Exception {
    new Builder().build(PAIRS.resolve("interventions.xml"), out, EnumSet.of(Builder.Output.HTML));
    Document page = Jsoup.parse(out.resolve("html/documents/t.html").toFile(), "UTF-8");
    page.outputSettings().syntax(Document.OutputSettings.Syntax.xml).prettyPrint(false);
    String actual = page.selectFirst("div.tei-text").outerHtml();
    String expected = Files.readString(PAIRS.resolve("interventions.expected.html"));
    Diff diff = DiffBuilder.compare(expected).withTest(actual).ignoreWhitespace().ignoreComments().checkForSimilar().build();
    assertFalse(diff.hasDifferences(), diff.toString() + "\nactual: " + actual);
  }
}
