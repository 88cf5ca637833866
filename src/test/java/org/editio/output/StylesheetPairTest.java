package org.editio.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.sf.saxon.s9api.Serializer;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XdmDestination;
import net.sf.saxon.s9api.XdmItem;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.Xslt30Transformer;
import org.editio.TestFiles;
import org.editio.edition.Edition;
import org.editio.edition.EditionLoader;
import org.editio.edition.TeiDocument;
import org.editio.xml.Xml;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.diff.Diff;

/**
 * Input → expected-output pairs for the renderers, in the manner of DocBook xslTNG's tests: every
 * {@code NAME.xml} (a TEI document) in {@code src/test/resources/xslt-pairs/} is rendered by the
 * HTML stylesheet when {@code NAME.html} is beside it, by the XSL-FO stylesheet when
 * {@code NAME.fo} is, and by the EPUB stylesheet when {@code NAME.xhtml} is. The expected markup
 * is written by hand:
 *
 * <ul>
 *   <li>{@code NAME.html}: a {@code <pair>} holding the page's {@code div.tei-text} and, if the
 *       document has notes, its {@code section.notes};
 *   <li>{@code NAME.fo}: the {@code fo:flow} of the document's PDF;
 *   <li>{@code NAME.xhtml}: a {@code <pair>} in the XHTML namespace holding the e-book chapter's
 *       {@code div.tei-text} and, if the document has notes, its {@code section.notes} (footnotes).
 * </ul>
 *
 * <p>Markup is compared with XMLUnit (whitespace between elements ignored), and the text of both
 * with whitespace normalized but kept, so that a lost space between two words fails too: in the
 * expected files, a line break between elements is layout, a space on a line is text.
 */
class StylesheetPairTest {

  static final Path PAIRS = TestFiles.ROOT.resolve("src/test/resources/xslt-pairs");
  private static final Xml XML = new Xml();

  @TestFactory
  Stream<DynamicTest> pairs() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> files = Files.list(PAIRS)) {
      for (Path input : files.filter(p -> p.toString().endsWith(".xml")).sorted().toList()) {
        for (String renderer : List.of("html", "fo", "epub")) {
          String extension = renderer.equals("epub") ? "xhtml" : renderer;
          Path expected = input.resolveSibling(input.getFileName().toString().replaceFirst("\\.xml$", "." + extension));
          if (Files.exists(expected)) {
            tests.add(DynamicTest.dynamicTest(input.getFileName() + " → " + renderer, () -> check(input, renderer, expected)));
          }
        }
      }
    }
    assertTrue(tests.size() >= 14, "pairs found: " + tests.size());
    return tests.stream();
  }

  /** What the renderer makes of the document: the part the expected file holds, as XML. */
  static String render(Path input, String renderer) throws Exception {
    Edition edition = new EditionLoader(XML).load(input);
    TeiDocument doc = edition.documents().get(0);
    OutputLayout layout = new OutputLayout(edition, List.of(OutputLayout.HTML));
    Xslt30Transformer t = XML.renderer(XML.stylesheet(renderer + ".xsl"));
    t.setStylesheetParameters(edition.stylesheetParams()
        .putStrings("layout", renderer.equals("epub") ? layout.epubLinks() : layout.documentLinks(doc.id(), null, null))
        .put("here", renderer.equals("html") ? layout.documentPage(doc.id())
            : renderer.equals("epub") ? layout.epubDocument(doc.id()) : layout.documentPdf(doc.id()))
        .asMap());
    XdmDestination result = new XdmDestination();
    t.applyTemplates(doc.tree(), result);
    XPathCompiler xpath = XML.processor().newXPathCompiler();
    xpath.declareNamespace("fo", "http://www.w3.org/1999/XSL/Format");
    if (renderer.equals("fo")) {
      return serialize((XdmNode) xpath.evaluateSingle("//fo:flow", result.getXdmNode()));
    }
    boolean xhtml = renderer.equals("epub");
    if (xhtml) {
      xpath.declareNamespace("", "http://www.w3.org/1999/xhtml");
    }
    StringBuilder pair = new StringBuilder(xhtml ? "<pair xmlns=\"http://www.w3.org/1999/xhtml\">" : "<pair>");
    for (XdmItem part : xpath.evaluate("//div[@class = 'tei-text'] | //section[@class = 'notes']", result.getXdmNode())) {
      pair.append(serialize((XdmNode) part));
    }
    return pair.append("</pair>").toString();
  }

  /** A node as XML, exactly as made (no indentation added). */
  private static String serialize(XdmNode node) throws Exception {
    Serializer s = XML.processor().newSerializer();
    s.setOutputProperty(Serializer.Property.METHOD, "xml");
    s.setOutputProperty(Serializer.Property.INDENT, "no");
    s.setOutputProperty(Serializer.Property.OMIT_XML_DECLARATION, "yes");
    return s.serializeNodeToString(node);
  }

  private static void check(Path input, String renderer, Path expectedFile) throws Exception {
    String actual = render(input, renderer);
    String expected = Files.readString(expectedFile);
    Diff diff = DiffBuilder.compare(expected).withTest(actual).ignoreWhitespace().ignoreComments().checkForSimilar().build();
    assertFalse(diff.hasDifferences(), diff + "\nactual: " + actual);
    assertEquals(text(expected), text(actual), "the text, spaces included");
  }

  /** The text of a fragment: whitespace between elements that holds a line break left out, whitespace runs made one space. */
  private static String text(String xml) throws Exception {
    XdmNode node = XML.parse(xml, PAIRS.resolve("fragment.xml").toUri());
    return XML.processor().newXPathCompiler()
        .evaluateSingle("normalize-space(string-join(//text()[normalize-space() or not(contains(., codepoints-to-string(10)))], ''))", node)
        .getStringValue();
  }
}
