package org.editio.security;

import static org.editio.security.Attack.assertCleanMessages;
import static org.editio.security.Attack.assertNoSecret;
import static org.editio.security.Attack.assertNothingWrittenOutside;
import static org.editio.security.Attack.assertWithin;
import static org.editio.security.Attack.editio;
import static org.editio.security.Attack.tei;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.editio.Problem;
import org.editio.validate.Validator;
import org.editio.xml.Sandbox;
import org.editio.xml.Xml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attacks through the schemas a document declares: xml-model to the network and to local files,
 * RELAX NG include and externalRef, Schematron that reads files, the environment, system
 * properties, writes result documents or runs away. Each is refused at once with a located
 * message, or bounded; no secret reaches a message, nothing is written outside OUT.
 */
class SchemaAttacksTest {

  @TempDir Path dir;

  static final String RNG_NS = "http://relaxng.org/ns/structure/1.0";
  static final String SCH_NS = "http://purl.oclc.org/dsdl/schematron";

  /** A RELAX NG grammar that allows any element, plus {@code extra} inside the grammar. */
  static String anyGrammar(String extra) {
    return "<grammar xmlns=\"" + RNG_NS + "\">\n" + extra
        + "<start><ref name=\"any\"/></start>\n"
        + "<define name=\"any\"><element><anyName/><zeroOrMore><choice><attribute><anyName/></attribute><text/>"
        + "<ref name=\"any\"/></choice></zeroOrMore></element></define>\n</grammar>\n";
  }

  /** A Schematron reporting {@code value} on the root element; {@code top} goes at schema level. */
  static String schematron(String value, String top) {
    return "<sch:schema xmlns:sch=\"" + SCH_NS + "\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\""
        + " xmlns:f=\"urn:f\" queryBinding=\"xslt2\">\n" + top
        + "<sch:pattern><sch:rule context=\"/*\">\n<sch:report test=\"true()\" id=\"probe\">probe [<sch:value-of select=\""
        + value + "\"/>]</sch:report>\n</sch:rule></sch:pattern>\n</sch:schema>\n";
  }

  static String model(String href, String schematypens) {
    return "<?xml-model href=\"" + href + "\" type=\"application/xml\" schematypens=\"" + schematypens + "\"?>\n";
  }

  /** A loose edition with one document declaring {@code model}, and the given schema files. */
  private Path edition(String model, Map<String, String> schemas) throws Exception {
    Path edition = Files.createDirectories(dir.resolve("edition"));
    Files.writeString(edition.resolve("a.xml"), model + tei("a", "Declares a schema", "<p>Text.</p>"));
    for (Map.Entry<String, String> s : schemas.entrySet()) {
      Files.writeString(edition.resolve(s.getKey()), s.getValue());
    }
    return edition;
  }

  /** Builds the edition strictly (validation first), checking what every attack must satisfy. */
  private Attack.Run build(Path edition) throws Exception {
    Map<String, String> before = Attack.snapshot(dir);
    // --strict: loose TEI publishes despite a schema it cannot have (a warning, issue 12); strict, the
    // refusal stops the build, so each attack's refusal is asserted as the error it then is
    Attack.Run run = editio("build", "--strict", edition.toString(), "-o", dir.resolve("out").toString());
    assertNothingWrittenOutside(before, Attack.snapshot(dir), dir, dir.resolve("out"));
    assertNoSecret(run, dir.resolve("out"));
    assertCleanMessages(run);
    assertWithin(run, Attack.BOUND);
    return run;
  }

  private static void assertProblem(Attack.Run run, String where, String message) {
    assertEquals(1, run.exit(), run.all());
    assertTrue(run.problems().stream().anyMatch(p -> p.contains(where) && p.contains(message)),
        "expected " + where + " ... " + message + " in\n" + run.err());
  }

  @Test
  void xmlModelOverHttpIsRefusedAtOnce() throws Exception {
    try (Attack.SilentServer server = new Attack.SilentServer()) {
      Attack.Run run = build(edition(model(server.url("schema.rng"), RNG_NS), Map.of()));
      assertProblem(run, "a.xml:1:", "xml-model: schema '" + server.url("schema.rng") + "' refused: outside the edition");
      assertEquals(0, server.connections());
      assertWithin(run, Duration.ofSeconds(15));
    }
  }

  @Test
  void aRefusedSchemaLeavesThePreviousOutputAsItWas() throws Exception {
    Path edition = edition("", Map.of());
    Attack.Run good = editio("html", edition.toString(), "-o", dir.resolve("out").toString());
    assertEquals(0, good.exit(), good.all());
    Map<String, String> published = Attack.snapshot(dir.resolve("out"));
    try (Attack.SilentServer server = new Attack.SilentServer()) {
      Files.writeString(edition.resolve("a.xml"), model(server.url("schema.rng"), RNG_NS) + tei("a", "Now hostile", "<p>Text.</p>"));
      Attack.Run bad = build(edition);
      assertProblem(bad, "a.xml:1:", "refused: outside the edition");
    }
    assertEquals(published, Attack.snapshot(dir.resolve("out")), "the previous output is untouched");
  }

  @Test
  void xmlModelToEtcPasswdIsRefused() throws Exception {
    Attack.Run run = build(edition(model("file:///etc/passwd", RNG_NS), Map.of()));
    assertProblem(run, "a.xml:1:", "'file:///etc/passwd' refused: outside the edition");
    assertFalse(run.all().contains("root:"), "nothing of /etc/passwd");
  }

  @Test
  void xmlModelToAFileOutsideTheEditionIsRefused() throws Exception {
    Attack.plantSecrets(dir);
    Attack.Run run = build(edition(model("../secret/secret.rng", RNG_NS), Map.of()));
    assertProblem(run, "a.xml:1:", "/secret/secret.rng' refused: outside the edition");
  }

  @Test
  void relaxNgIncludeOverHttpIsRefusedWhereItStands() throws Exception {
    try (Attack.SilentServer server = new Attack.SilentServer()) {
      Attack.Run run = build(edition(model("schema.rng", RNG_NS),
          Map.of("schema.rng", anyGrammar("<include href=\"" + server.url("more.rng") + "\"/>\n"))));
      assertProblem(run, "schema.rng:2:", "'" + server.url("more.rng") + "' refused: outside the edition");
      assertEquals(0, server.connections());
      assertWithin(run, Duration.ofSeconds(15));
    }
  }

  @Test
  void relaxNgExternalRefToAFileOutsideIsRefusedWhereItStands() throws Exception {
    Path secret = Attack.plantSecrets(dir).resolve("secret.rng");
    String grammar = "<grammar xmlns=\"" + RNG_NS + "\">\n<start><externalRef href=\"" + secret.toUri() + "\"/></start>\n</grammar>\n";
    Attack.Run run = build(edition(model("schema.rng", RNG_NS), Map.of("schema.rng", grammar)));
    assertProblem(run, "schema.rng:2:", "'" + secret.toUri() + "' refused: outside the edition");
  }

  @Test
  void relaxNgIncludeInsideTheEditionStillWorks() throws Exception {
    String part = "<grammar xmlns=\"" + RNG_NS + "\"><define name=\"extra\"><empty/></define></grammar>";
    Attack.Run run = editio("validate", edition(model("schema.rng", RNG_NS),
        Map.of("schema.rng", anyGrammar("<include href=\"part.rng\"/>\n"), "part.rng", part)).toString());
    assertEquals(0, run.exit(), run.all());
  }

  @Test
  void schematronUnparsedTextIsRefused() throws Exception {
    Path secret = Attack.plantSecrets(dir).resolve("secret.txt");
    Attack.Run run = build(edition(model("rules.sch", SCH_NS),
        Map.of("rules.sch", schematron("unparsed-text('" + secret.toUri() + "')", ""))));
    assertProblem(run, "a.xml:1:", "'" + secret.toUri() + "' refused: outside the edition");
  }

  @Test
  void schematronDocIsRefused() throws Exception {
    Path secret = Attack.plantSecrets(dir).resolve("secret.xml");
    Attack.Run run = build(edition(model("rules.sch", SCH_NS),
        Map.of("rules.sch", schematron("string(doc('" + secret.toUri() + "'))", ""))));
    assertProblem(run, "a.xml:1:", "'" + secret.toUri() + "' refused: outside the edition");
  }

  @Test
  void schematronCollectionIsRefused() throws Exception {
    Attack.plantSecrets(dir);
    Attack.Run run = build(edition(model("rules.sch", SCH_NS),
        Map.of("rules.sch", schematron("string-join(collection('" + dir.resolve("secret").toUri() + "?select=*.xml')!string(.))", ""))));
    assertProblem(run, "a.xml:1:", "refused: outside the edition");
  }

  @Test
  void schematronSeesNoEnvironmentVariable() throws Exception {
    Path edition = edition(model("rules.sch", SCH_NS), Map.of("rules.sch",
        schematron("environment-variable('EDITIO_SECRET'), '|', string-join(available-environment-variables(), ',')", "")));
    Attack.Run run = Attack.child(dir, Map.of(), "validate", edition.toString());
    assertNoSecret(run, dir.resolve("out"));
    assertCleanMessages(run);
    // the environment is not even asked: the schema does not compile (before the merge with the
    // common work the probe ran and found nothing: an empty variable, no variables at all)
    assertProblem(run, "a.xml:1:", "does not compile: fn:environment-variable() refused: a stylesheet or schema of the edition"
        + " sees no environment variables");
  }

  @Test
  void schematronSeesNoJavaSystemProperty() throws Exception {
    Attack.Run run = build(edition(model("rules.sch", SCH_NS), Map.of("rules.sch",
        schematron("system-property('java.version'), system-property('user.home'), system-property('user.dir'),"
            + " system-property('xsl:version')", ""))));
    // only the XSLT properties answer; Java's are empty
    assertProblem(run, "a.xml:2:", "probe [ 3.0] [probe]");
    assertFalse(run.err().contains(System.getProperty("user.home")), run.err());
  }

  @Test
  void schematronResultDocumentIsRefused() throws Exception {
    Path target = dir.resolve("written.txt");
    String function = "<xsl:function name=\"f:write\"><xsl:result-document href=\"" + target.toUri()
        + "\" method=\"text\">pwned</xsl:result-document><xsl:sequence select=\"'written'\"/></xsl:function>\n";
    Attack.Run run = build(edition(model("rules.sch", SCH_NS), Map.of("rules.sch", schematron("f:write()", function))));
    assertProblem(run, "a.xml:1:", "xsl:result-document");
    assertProblem(run, "a.xml:1:", "refused");
    assertFalse(Files.exists(target));
  }

  @Test
  void schematronExtensionFunctionsAreRefused() throws Exception {
    Attack.Run run = build(edition(model("rules.sch", SCH_NS), Map.of("rules.sch",
        schematron("Q{java:java.lang.System}getProperty('user.home')", ""))));
    assertProblem(run, "a.xml:1:", "does not compile");
    assertFalse(run.err().contains(System.getProperty("user.home") + "]"), run.err());
  }

  @Test
  void aRunawaySchematronIsStoppedAtTheTimeBound() throws Exception {
    Path edition = edition(model("rules.sch", SCH_NS), Map.of("rules.sch",
        schematron("count((1 to 2000000000)[. = -1])", "")));
    long start = System.nanoTime();
    List<Problem> problems = new Validator(new Xml()).limits(new Sandbox.Limits(Duration.ofSeconds(2), 1L << 40))
        .validate(List.of(edition), Optional.empty()).problems();
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertTrue(took.compareTo(Duration.ofSeconds(20)) < 0, "stopped in time: " + took);
    Problem p = problems.stream().filter(x -> "schema-limits".equals(x.rule())).findFirst().orElseThrow(() ->
        new AssertionError(problems.toString()));
    assertEquals(1, p.line(), p.toString());
    assertTrue(p.message().contains("schema rules.sch was stopped: checking this file took longer than 2 s"), p.toString());
  }

  @Test
  void aSchematronThatEatsMemoryIsStoppedAtTheMemoryBound() throws Exception {
    Path edition = edition(model("rules.sch", SCH_NS), Map.of("rules.sch",
        schematron("string-length(string-join((1 to 100000000) ! ('item number ' || string(.)), ' '))", "")));
    List<Problem> problems = new Validator(new Xml()).limits(new Sandbox.Limits(Duration.ofSeconds(60), 256L << 20))
        .validate(List.of(edition), Optional.empty()).problems();
    Problem p = problems.stream().filter(x -> "schema-limits".equals(x.rule())).findFirst().orElseThrow(() ->
        new AssertionError(problems.toString()));
    assertTrue(p.message().contains("used more than 256 MiB of memory"), p.toString());
  }

  @Test
  void aSchematronThatRecursesForeverIsStopped() throws Exception {
    String function = "<xsl:function name=\"f:deep\"><xsl:param name=\"n\"/><xsl:sequence select=\"f:deep($n + 1) + 1\"/></xsl:function>\n";
    Attack.Run run = build(edition(model("rules.sch", SCH_NS), Map.of("rules.sch", schematron("f:deep(1)", function))));
    assertEquals(1, run.exit(), run.all());
    assertTrue(run.problems().stream().anyMatch(p -> p.contains("a.xml:1:")), run.err());
  }
}
