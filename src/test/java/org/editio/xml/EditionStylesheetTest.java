package org.editio.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.editio.EditioException;
import org.editio.Problem;
import org.editio.TestFiles;
import org.editio.build.Builder;
import org.editio.cli.Main;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An edition's stylesheet is untrusted code: it may import editio's stylesheets and files of its
 * own xslt/ folder, and its transforms read no files, write no files of their own and see neither
 * system properties nor the environment. Its mistakes are located errors, never stack traces.
 */
@Tag("slow")
class EditionStylesheetTest {

  static final Path BRIEFE = TestFiles.ROOT.resolve("src/test/resources/editions/briefe");

  /** A copy of the Briefe edition whose xslt/html.xsl is {@code body} inside a stylesheet importing editio's. */
  static Path edition(Path dir, String body) throws Exception {
    Path edition = dir.resolve("edition");
    TestFiles.copyTree(BRIEFE, edition);
    Files.writeString(edition.resolve("xslt/html.xsl"), """
        <?xml version="1.0" encoding="UTF-8"?>
        <xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
            xmlns:tei="http://www.tei-c.org/ns/1.0" xmlns:m="http://editio.org/ns/mode"
            xmlns:b="http://editio.org/ns/behaviour" exclude-result-prefixes="#all">
          <xsl:import href="editio:html.xsl"/>
        """ + body + "\n</xsl:stylesheet>\n");
    return edition;
  }

  static EditioException failure(Path edition, Path out) {
    return assertThrows(EditioException.class, () -> new Builder().build(edition, out, "html"));
  }

  static String messages(EditioException e) {
    return e.problems().stream().map(Problem::toString).collect(Collectors.joining("\n"));
  }

  @Test
  void itImportsNothingOutsideItsFolder(@TempDir Path dir) throws Exception {
    Path outside = dir.resolve("outside.xsl");
    Files.writeString(outside, "<xsl:stylesheet version='3.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'/>");
    for (String href : new String[] {"../../outside.xsl", outside.toUri().toString(), "classpath:/org/editio/pdf/fop.xconf",
        "https://example.org/x.xsl"}) {
      Path edition = edition(dir.resolve("e" + Math.abs(href.hashCode())), "<xsl:include href=\"" + href + "\"/>");
      EditioException e = failure(edition, dir.resolve("out"));
      assertEquals(EditioException.INPUT, e.exitCode(), href);
      assertTrue(messages(e).contains("html.xsl:") && messages(e).contains("may import only editio's stylesheets"), messages(e));
    }
    // a symbolic link inside xslt/ that leads out of it is out of it: refused when the edition is
    // read (as a document that is such a link is), before anything compiles or reads it
    Path edition = edition(dir.resolve("link"), "<xsl:include href=\"linked.xsl\"/>");
    Files.createSymbolicLink(edition.resolve("xslt/linked.xsl"), outside);
    String refused = messages(failure(edition, dir.resolve("out")));
    assertTrue(refused.contains("linked.xsl:1:1: error: this file is a link to ") && refused.contains("refused: outside the edition"), refused);
    // inside the folder, and editio's modules by their addresses, are fine (labels.xsl is included by the Briefe)
    Path fine = edition(dir.resolve("fine"), "<xsl:include href=\"labels.xsl\"/><xsl:import href=\"editio:common/functions.xsl\"/>");
    new Builder().build(fine, dir.resolve("fine-out"), "html");
    assertTrue(Files.exists(dir.resolve("fine-out/html/index.html")));
  }

  @Test
  void itReadsNoFiles(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("secret.txt"), "the secret");
    for (String read : new String[] {"unparsed-text('" + dir.resolve("secret.txt").toUri() + "')",
        "string(doc('" + BRIEFE.resolve("edition.xml").toUri() + "'))", "count(collection('" + dir.toUri() + "'))",
        "string(json-doc('" + dir.resolve("secret.txt").toUri() + "'))"}) {
      Path edition = edition(dir.resolve("e" + Math.abs(read.hashCode())),
          "<xsl:template name=\"b:paragraph\"><p><xsl:value-of select=\"" + read + "\"/></p></xsl:template>");
      EditioException e = failure(edition, dir.resolve("out"));
      assertEquals(EditioException.INPUT, e.exitCode());
      // refused by the one gate of what editio reads (Resolver), before anything is read
      assertTrue(messages(e).matches("(?s).*refused: (a stylesheet that renders the edition reads no files"
          + "|outside the edition \\(editio offers no collections).*"), read + ": " + messages(e));
      assertFalse(messages(e).contains("the secret"));
    }
  }

  @Test
  void itSeesNoSystemPropertiesNorEnvironment(@TempDir Path dir) throws Exception {
    Path edition = edition(dir, """
        <xsl:template name="b:paragraph">
          <p class="probe"><xsl:value-of select="system-property('user.home'), system-property('java.class.path'),
            system-property('java.version')" separator="|"/></p>
        </xsl:template>""");
    new Builder().build(edition, dir.resolve("out"), "html");
    String page = Files.readString(dir.resolve("out/html/documents/brief-1802-03-03.html"));
    assertTrue(page.contains("<p class=\"probe\">||</p>"), page.substring(page.indexOf("probe") - 20));
    assertFalse(page.contains(System.getProperty("user.home")));
    // the environment is not even asked: a call is refused where it stands (it was empty before
    // the merge with the security work; now it does not compile)
    for (String call : new String[] {"environment-variable('PATH')", "string-join(available-environment-variables(), ',')"}) {
      Path probe = edition(dir.resolve("env" + Math.abs(call.hashCode())),
          "<xsl:template name=\"b:paragraph\"><p><xsl:value-of select=\"" + call + "\"/></p></xsl:template>");
      String refused = messages(failure(probe, dir.resolve("out-env")));
      assertTrue(refused.matches("(?s).*xslt/html\\.xsl:6:\\d+: error: fn:(available-)?environment-variables?\\(\\) refused: .*"), refused);
    }
  }

  @Test
  void itWritesNoFilesOfItsOwn(@TempDir Path dir) throws Exception {
    Path edition = edition(dir, """
        <xsl:template match="tei:p" mode="m:text">
          <xsl:result-document href="../../../written.html"><p>written</p></xsl:result-document>
        </xsl:template>""");
    EditioException e = failure(edition, dir.resolve("out"));
    assertTrue(messages(e).contains("html.xsl:") && messages(e).contains("writes no files of its own"), messages(e));
    assertFalse(Files.exists(dir.resolve("written.html")));
  }

  @Test
  void aMistakeIsALocatedErrorAndThePreviousOutputStays(@TempDir Path dir) throws Exception {
    Path edition = edition(dir, "");
    Path out = dir.resolve("out");
    new Builder().build(edition, out, "html");
    byte[] before = Files.readAllBytes(out.resolve("html/index.html"));
    Files.writeString(edition.resolve("xslt/html.xsl"), Files.readString(edition.resolve("xslt/html.xsl"))
        .replace("</xsl:stylesheet>", "<xsl:template match=\"tei:p\" mode=\"m:text\"><xsl:value-of select=\"1 +\"/></xsl:template>\n</xsl:stylesheet>"));
    StringWriter err = new StringWriter();
    int code = Main.run(new String[] {"build", edition.toString(), "-o", out.toString()}, new PrintWriter(new StringWriter()),
        new PrintWriter(err));
    assertEquals(1, code, err.toString());
    assertTrue(err.toString().matches("(?s).*xslt/html\\.xsl:7:\\d+: error: .*"), err.toString());
    assertFalse(err.toString().contains("\tat "), "no stack trace");
    assertEquals(new String(before), Files.readString(out.resolve("html/index.html")), "the previous output stays");
    // an address of editio's that names no stylesheet
    Files.writeString(edition.resolve("xslt/html.xsl"), Files.readString(edition.resolve("xslt/html.xsl"))
        .replace("editio:html.xsl", "editio:nothing.xsl"));
    assertTrue(messages(failure(edition, out)).contains("editio has no stylesheet editio:nothing.xsl"));
  }
}
