package org.editio.security;

import static org.editio.security.Attack.assertCleanMessages;
import static org.editio.security.Attack.assertNoSecret;
import static org.editio.security.Attack.assertNothingWrittenOutside;
import static org.editio.security.Attack.assertWithin;
import static org.editio.security.Attack.editio;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.editio.EditioException;
import org.editio.Problem;
import org.editio.TestFiles;
import org.editio.xml.Xml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attacks through the stylesheets an edition brings ({@code EDITION/xslt/html.xsl}, {@code
 * fo.xsl}): code from whoever sent the edition, run by editio on the editor's machine. It may
 * import editio's stylesheets and files of its own xslt/ folder and render; it reads no file, sees
 * no environment or system property, writes no file of its own and runs no other code. Each attack
 * is refused with a located message, nothing of a secret reaches an output or a message, nothing
 * is written outside OUT, and the previous output stays.
 */
class EditionStylesheetAttacksTest {

  @TempDir Path dir;

  static final Path BRIEFE = TestFiles.ROOT.resolve("src/test/resources/editions/briefe");

  /**
   * A copy of the Briefe edition (a customised German edition) in {@code dir/edition} whose
   * stylesheet {@code name} is {@code body} inside a stylesheet importing editio's; the body
   * starts on line 6.
   */
  private Path edition(String name, String body) throws Exception {
    Path edition = dir.resolve("edition");
    if (!Files.exists(edition)) {
      TestFiles.copyTree(BRIEFE, edition);
    }
    Files.writeString(edition.resolve("xslt/" + name), """
        <?xml version="1.0" encoding="UTF-8"?>
        <xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
            xmlns:tei="http://www.tei-c.org/ns/1.0" xmlns:m="http://editio.org/ns/mode" xmlns:b="http://editio.org/ns/behaviour"
            xmlns:fo="http://www.w3.org/1999/XSL/Format" xmlns:map="http://www.w3.org/2005/xpath-functions/map" exclude-result-prefixes="#all">
          <xsl:import href="editio:%s"/>
        %s
        </xsl:stylesheet>
        """.formatted(name, body));
    return edition;
  }

  /** An HTML stylesheet whose paragraphs show {@code expression}. */
  private Path paragraphs(String expression) throws Exception {
    return edition("html.xsl", "<xsl:template name=\"b:paragraph\"><p class=\"probe\"><xsl:value-of select=\""
        + expression + "\"/></p></xsl:template>");
  }

  /** Builds (HTML and PDF), checking what every attack must satisfy; the output's previous state stays on failure. */
  private Attack.Run build(Path edition) throws Exception {
    Path out = dir.resolve("out");
    Map<String, String> before = Attack.snapshot(dir);
    Map<String, String> published = Attack.snapshot(out);
    Attack.Run run = editio("build", edition.toString(), "-o", out.toString());
    assertNothingWrittenOutside(before, Attack.snapshot(dir), dir, out);
    assertNoSecret(run, out);
    assertNoPasswd(run, out);
    assertCleanMessages(run);
    assertWithin(run, Attack.BOUND);
    if (run.exit() != 0) {
      Map<String, String> after = Attack.snapshot(out);
      if (published.isEmpty()) {
        after.remove("");  // the folder itself, empty: no first output is half written
      }
      assertEquals(published, after, "a refused stylesheet leaves the previous output as it was");
    }
    return run;
  }

  /** Nothing of /etc/passwd (its first line on every Unix) in a message or an output. */
  private static void assertNoPasswd(Attack.Run run, Path out) throws Exception {
    assertFalse(run.all().contains("root:x:0:0"), run.all());
    if (Files.exists(out)) {
      try (Stream<Path> files = Files.walk(out)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          assertFalse(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1).contains("root:x:0:0"), f.toString());
        }
      }
    }
  }

  /** Asserts a failed build with a problem located in {@code where} saying {@code message}. */
  private static void assertRefused(Attack.Run run, String where, String message) {
    assertEquals(1, run.exit(), run.all());
    assertTrue(run.problems().stream().anyMatch(p -> p.matches("(?s).*" + java.util.regex.Pattern.quote(where) + ":\\d+:\\d+: error: .*")
        && p.contains(message)), "expected " + where + ":LINE:COL: error: ..." + message + " in\n" + run.err());
  }

  @Test
  void unparsedTextOfEtcPasswdIsRefused() throws Exception {
    Attack.Run good = build(edition("html.xsl", ""));
    assertEquals(0, good.exit(), good.all());
    Attack.Run run = build(paragraphs("unparsed-text('/etc/passwd')"));
    // (build() checked that the previous output is as it was)
    assertRefused(run, "brief-1802-03-03.xml", "cannot publish the HTML page: 'file:/etc/passwd' refused: a stylesheet that"
        + " renders the edition reads no files");
  }

  @Test
  void filesOutsideAndInsideTheEditionAreNotRead() throws Exception {
    Path secret = Attack.plantSecrets(dir);
    for (String read : new String[] {"unparsed-text('" + secret.resolve("secret.txt").toUri() + "')",
        "string(doc('" + secret.resolve("secret.xml").toUri() + "'))", "string(json-doc('" + secret.resolve("secret.txt").toUri() + "'))",
        "unparsed-text-lines('../registers/orte.xml')[1]", "string(document('" + secret.resolve("secret.xml").toUri() + "'))"}) {
      Attack.Run run = build(paragraphs(read));
      assertRefused(run, "brief-1802-03-03.xml", "refused: a stylesheet that renders the edition reads no files");
    }
    // what can be asked without reading says no
    Attack.Run run = build(paragraphs("unparsed-text-available('" + secret.resolve("secret.txt").toUri() + "'), doc-available('"
        + secret.resolve("secret.xml").toUri() + "')"));
    assertEquals(0, run.exit(), run.all());
    assertTrue(Files.readString(dir.resolve("out/html/documents/brief-1802-03-03.html")).contains("<p class=\"probe\">false false</p>"));
  }

  @Test
  void environmentVariablesAreRefused() throws Exception {
    Path edition = paragraphs("environment-variable('EDITIO_SECRET')");
    Attack.Run run = Attack.child(dir, Map.of(), "build", edition.toString(), "-o", dir.resolve("out").toString());
    assertNoSecret(run, dir.resolve("out"));
    assertCleanMessages(run);
    assertRefused(run, "xslt/html.xsl", "fn:environment-variable() refused: a stylesheet or schema of the edition sees no"
        + " environment variables");
    run = Attack.child(dir, Map.of(), "build", paragraphs("string-join(available-environment-variables())").toString(),
        "-o", dir.resolve("out").toString());
    assertNoSecret(run, dir.resolve("out"));
    assertRefused(run, "xslt/html.xsl", "fn:available-environment-variables() refused");
  }

  @Test
  void systemPropertiesAreEmpty() throws Exception {
    Attack.Run run = build(paragraphs("system-property('user.home'), system-property('java.class.path'), system-property('xsl:version')"));
    assertEquals(0, run.exit(), run.all());
    String page = Files.readString(dir.resolve("out/html/documents/brief-1802-03-03.html"));
    assertTrue(page.contains("<p class=\"probe\">  3.0</p>"), page);
    assertFalse(page.contains(System.getProperty("user.home")) || page.contains(System.getProperty("java.class.path")));
  }

  @Test
  void docOfAnHttpUrlIsRefusedWithoutAConnection() throws Exception {
    try (Attack.SilentServer server = new Attack.SilentServer()) {
      Attack.Run run = build(paragraphs("string(doc('" + server.url("x.xml") + "'))"));
      assertRefused(run, "brief-1802-03-03.xml", "'" + server.url("x.xml") + "' refused: a stylesheet that renders the edition"
          + " reads no files");
      assertEquals(0, server.connections());
      assertWithin(run, Duration.ofSeconds(30));
    }
  }

  @Test
  void resultDocumentsAreRefused() throws Exception {
    Path target = dir.resolve("written.html");
    Attack.Run run = build(edition("html.xsl", "<xsl:template name=\"b:paragraph\">\n<xsl:result-document href=\""
        + target.toUri() + "\"><p>pwned</p></xsl:result-document></xsl:template>"));
    assertRefused(run, "xslt/html.xsl", "xsl:result-document refused: a stylesheet or schema of the edition writes no files");
    assertTrue(run.problems().stream().anyMatch(p -> p.contains("html.xsl:7:")), "at its line: " + run.err());
    assertFalse(Files.exists(target));
  }

  @Test
  void otherCodeIsNotRun() throws Exception {
    Path secret = Attack.plantSecrets(dir).resolve("secret.xml");
    Map<String, String> attacks = Map.of(
        "<xsl:template name=\"b:paragraph\"><p><xsl:sequence select=\"transform(map{'stylesheet-location': '"
            + secret.toUri() + "'})?output\"/></p></xsl:template>", "fn:transform() refused: a stylesheet or schema of the edition"
            + " runs no other stylesheet or query",
        "<xsl:template name=\"b:paragraph\"><p><xsl:sequence select=\"load-xquery-module('urn:x', map{'location-hints': '"
            + secret.toUri() + "'})\"/></p></xsl:template>", "fn:load-xquery-module() refused",
        "<xsl:template name=\"b:paragraph\"><p><xsl:evaluate xpath=\"'unparsed-text(&quot;" + secret.toUri()
            + "&quot;)'\"/></p></xsl:template>", "xsl:evaluate refused: a stylesheet or schema of the edition compiles no code",
        "<xsl:use-package name=\"urn:x:elsewhere\"/>", "xsl:use-package refused: a stylesheet of the edition uses no packages",
        "<xsl:template name=\"b:paragraph\"><p><xsl:value-of select=\"Q{java:java.lang.System}getProperty('user.home')\"/></p></xsl:template>",
        "extension function or instruction refused");
    for (Map.Entry<String, String> attack : attacks.entrySet()) {
      Attack.Run run = build(edition("html.xsl", attack.getKey()));
      assertRefused(run, "xslt/html.xsl", attack.getValue());
      assertTrue(run.problems().stream().anyMatch(p -> p.contains("html.xsl:6:")), "at its line: " + run.err());
    }
    // nor found at run time by name
    Attack.Run run = build(paragraphs("exists(function-lookup(QName('http://www.w3.org/2005/xpath-functions', 'trans' || 'form'), 1))"));
    assertEquals(0, run.exit(), run.all());
    assertTrue(Files.readString(dir.resolve("out/html/documents/brief-1802-03-03.html")).contains("<p class=\"probe\">false</p>"));
  }

  @Test
  void externalEntitiesInParsedStringsAreNotRead() throws Exception {
    Path secret = Attack.plantSecrets(dir).resolve("secret.txt");
    Attack.Run run = build(paragraphs("parse-xml('&lt;!DOCTYPE x [&lt;!ENTITY e SYSTEM &quot;" + secret.toUri()
        + "&quot;>]>&lt;x>&amp;e;&lt;/x>')"));
    assertRefused(run, "brief-1802-03-03.xml", "refused");
  }

  @Test
  void anImportThroughALinkOutOfTheFolderIsRefused() throws Exception {
    // the edition refuses such a link when it is read (a build says so before compiling anything);
    // the stylesheet's own gate refuses it too, checked here on its own
    Path outside = Files.writeString(dir.resolve("outside.xsl"),
        "<xsl:stylesheet version='3.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'/>");
    Path edition = edition("html.xsl", "<xsl:include href=\"linked.xsl\"/>");
    Files.createSymbolicLink(edition.resolve("xslt/linked.xsl"), outside);
    EditioException e = assertThrows(EditioException.class,
        () -> new Xml().editionStylesheet(edition.resolve("xslt"), "html.xsl", "test"));
    String messages = e.problems().stream().map(Problem::toString).collect(Collectors.joining("\n"));
    assertTrue(messages.matches("(?s).*xslt/html\\.xsl:6:\\d+: error: .*linked\\.xsl' refused: an edition's stylesheet may import"
        + " only editio's stylesheets.*"), messages);
    assertRefused(build(edition), "xslt/linked.xsl", "refused: outside the edition");
  }

  @Test
  void anAssetThatLeadsOutOfTheEditionIsNotPublished() throws Exception {
    Path secret = Attack.plantSecrets(dir).resolve("secret.txt");
    Path edition = edition("html.xsl", "");
    Files.createSymbolicLink(edition.resolve("assets/leak.css"), secret);
    Attack.Run run = build(edition);
    assertRefused(run, "assets/leak.css", "this file is a link to " + secret.toRealPath() + ": refused: outside the edition");
    assertFalse(Files.exists(dir.resolve("out/html/assets/edition/leak.css")));
  }

  @Test
  void aPrintStylesheetReadsNoImagesFromOutside() throws Exception {
    Path secret = Attack.plantSecrets(dir).resolve("secret.txt");
    try (Attack.SilentServer server = new Attack.SilentServer()) {
      for (String src : new String[] {secret.toUri().toString(), server.url("image.png")}) {
        Attack.Run run = build(edition("fo.xsl", "<xsl:template name=\"b:paragraph\"><fo:block><fo:external-graphic src=\"url('"
            + src + "')\"/></fo:block></xsl:template>"));
        assertRefused(run, "brief-1802-03-03.xml", "refused: outside the edition");
      }
      assertEquals(0, server.connections());
    }
  }
}
