package org.editio.security;

import static org.editio.security.Attack.assertCleanMessages;
import static org.editio.security.Attack.assertNoSecret;
import static org.editio.security.Attack.assertNothingWrittenOutside;
import static org.editio.security.Attack.assertWithin;
import static org.editio.security.Attack.editio;
import static org.editio.security.Attack.tei;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attacks through XML itself: external entities (general, parameter, in attributes), external
 * DTDs over http and from a file, entity bombs, XInclude and xml-stylesheet processing
 * instructions. Each is refused with a located message or ignored, never followed: no secret
 * reaches a message or an output, nothing is written outside OUT, the network is never waited on.
 */
class XmlAttacksTest {

  @TempDir Path dir;

  /** Writes {@code name} into a loose edition folder and validates, then builds the HTML, into dir/out. */
  private Attack.Run publish(String name, String xml, String command) throws Exception {
    Path edition = Files.createDirectories(dir.resolve("edition"));
    Files.writeString(edition.resolve(name), xml);
    Map<String, String> before = Attack.snapshot(dir);
    Attack.Run run = command.equals("validate") ? editio(command, edition.toString())
        : editio(command, edition.toString(), "-o", dir.resolve("out").toString());
    assertNothingWrittenOutside(before, Attack.snapshot(dir), dir, dir.resolve("out"));
    assertNoSecret(run, dir.resolve("out"));
    assertCleanMessages(run);
    assertWithin(run, Attack.BOUND);
    return run;
  }

  private static void assertRefused(Attack.Run run, String file, int line, String message) {
    assertEquals(1, run.exit(), run.all());
    assertTrue(run.problems().stream().anyMatch(p -> p.contains(file + ":" + line + ":") && p.contains(message)),
        "expected " + file + ":" + line + ": ..." + message + " in\n" + run.err());
  }

  private String secretUri() throws Exception {
    return Attack.plantSecrets(dir).resolve("secret.txt").toUri().toString();
  }

  @Test
  void externalGeneralEntityIsRefusedWhereItIsUsed() throws Exception {
    String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE TEI [\n<!ENTITY secret SYSTEM \"" + secretUri() + "\">\n]>\n"
        + tei("a", "General", "<p>&secret;</p>");
    Attack.Run run = publish("a.xml", xml, "build");
    assertRefused(run, "a.xml", 5, "external entity (" + secretUri() + ") is refused");
    assertTrue(!Files.exists(dir.resolve("out/html")), "nothing published");
  }

  @Test
  void externalParameterEntityIsRefused() throws Exception {
    String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE TEI [\n<!ENTITY % secret SYSTEM \"" + secretUri() + "\">\n%secret;\n]>\n"
        + tei("a", "Parameter", "<p>text</p>");
    assertRefused(publish("a.xml", xml, "build"), "a.xml", 4, "is refused: editio never reads external entities");
  }

  @Test
  void externalEntityInAnAttributeIsRefused() throws Exception {
    String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE TEI [\n<!ENTITY secret SYSTEM \"" + secretUri() + "\">\n]>\n"
        + tei("a", "Attribute", "<p rend=\"&secret;\">text</p>");
    // XML itself forbids external entities in attribute values: a well-formedness error, located
    assertRefused(publish("a.xml", xml, "build"), "a.xml", 5, "external entity reference \"&secret;\"");
  }

  @Test
  void externalDtdOverHttpIsNeverFetched() throws Exception {
    try (Attack.SilentServer server = new Attack.SilentServer()) {
      String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE TEI SYSTEM \"" + server.url("tei.dtd") + "\">\n"
          + tei("a", "Remote DTD", "<p>text</p>");
      Attack.Run run = publish("a.xml", xml, "validate");
      assertEquals(0, run.exit(), "a DTD is not needed to read TEI: " + run.all());
      assertEquals(0, server.connections(), "the DTD was requested");
      assertWithin(run, Duration.ofSeconds(20));
    }
  }

  @Test
  void externalDtdFromAFileIsNeverRead() throws Exception {
    Path secrets = Attack.plantSecrets(dir);
    Files.writeString(secrets.resolve("tei.dtd"), "<!ENTITY leak \"" + Attack.FILE_SECRET + "\">\n");
    String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE TEI SYSTEM \"" + secrets.resolve("tei.dtd").toUri() + "\">\n"
        + tei("a", "Local DTD", "<p>&leak;</p>");
    // the DTD is not read, so its entity is unknown: a located error, and the secret stays where it is
    assertRefused(publish("a.xml", xml, "build"), "a.xml", 3, "the entity reference &leak; cannot be expanded");
  }

  @Test
  void billionLaughsIsRefusedUnexpanded() throws Exception {
    String xml = Files.readString(org.editio.TestFiles.FIXTURES.resolve("hostile/billion-laughs.xml"));
    Attack.Run run = publish("a.xml", xml, "build");
    assertRefused(run, "a.xml", 14, "entity expansion limit exceeded");
    assertWithin(run, Duration.ofSeconds(20));
  }

  @Test
  void quadraticBlowUpIsRefusedUnexpanded() throws Exception {
    String big = "x".repeat(50_000);
    String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE TEI [\n<!ENTITY big \"" + big + "\">\n]>\n"
        + tei("a", "Quadratic", "<p>" + "&big;".repeat(5_000) + "</p>");
    Attack.Run run = publish("a.xml", xml, "build");
    assertRefused(run, "a.xml", 5, "entity expansion limit exceeded");
    assertWithin(run, Duration.ofSeconds(20));
  }

  @Test
  void xincludeIsNotFollowed() throws Exception {
    Path secrets = Attack.plantSecrets(dir);
    String xml = tei("a", "XInclude", "<p>Before <xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\""
        + secrets.resolve("secret.txt").toUri() + "\" parse=\"text\"/> after.</p>"
        + "<p><xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"" + secrets.resolve("secret.xml").toUri()
        + "\"/></p>");
    Attack.Run run = publish("a.xml", xml, "html");
    assertEquals(0, run.exit(), run.all());
    String page = Files.readString(dir.resolve("out/html/documents/a.html"));
    assertTrue(page.contains("Before") && page.contains("after."), "the document is published without the inclusion");
  }

  @Test
  void xmlStylesheetProcessingInstructionsAreNotFollowed() throws Exception {
    try (Attack.SilentServer server = new Attack.SilentServer()) {
      Path secrets = Attack.plantSecrets(dir);
      Files.writeString(secrets.resolve("evil.xsl"), "<xsl:stylesheet version=\"3.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\">"
          + "<xsl:template match=\"/\"><html><body>" + Attack.FILE_SECRET + "</body></html></xsl:template></xsl:stylesheet>");
      String xml = "<?xml version=\"1.0\"?>\n<?xml-stylesheet type=\"text/xsl\" href=\"" + server.url("evil.xsl") + "\"?>\n"
          + "<?xml-stylesheet type=\"text/xsl\" href=\"" + secrets.resolve("evil.xsl").toUri() + "\"?>\n"
          + tei("a", "Stylesheet PI", "<p>The text.</p>");
      Attack.Run run = publish("a.xml", xml, "html");
      assertEquals(0, run.exit(), run.all());
      assertEquals(0, server.connections(), "the stylesheet was requested");
      assertTrue(Files.readString(dir.resolve("out/html/documents/a.html")).contains("The text."));
    }
  }

  /** The existing fixtures of hostile files: each its own clear, located error (kept from validate/). */
  @Test
  void hostileFixturesEachGetTheirLocatedError() throws Exception {
    Attack.Run run = editio("validate", org.editio.TestFiles.FIXTURES.resolve("hostile").toString());
    assertEquals(1, run.exit());
    assertCleanMessages(run);
    List<String> problems = run.problems();
    assertEquals(9, problems.size(), run.err());
  }
}
