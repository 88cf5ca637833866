package org.editio.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.Map;
import java.util.stream.Stream;
import org.editio.Problem;
import org.editio.TestFiles;
import org.editio.xml.Xml;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Declared schemas, --schema, the edition schema's TEI conformance, agreement with Jing. */
@Tag("slow")
class SchemaValidationTest {

  static final Path SCHEMAS = TestFiles.FIXTURES.resolve("schemas");
  static final Path EDITIO_RNC = TestFiles.EDITION.resolve("schema/editio.rnc");

  static List<Problem> validate(Path path, Path schema) throws Exception {
    return new Validator(new Xml()).validate(List.of(path), Optional.ofNullable(schema)).problems();
  }

  static boolean has(List<Problem> problems, String rule, int line, String text) {
    return problems.stream().anyMatch(p -> rule.equals(p.rule()) && p.line() == line && p.message().contains(text));
  }

  @Test
  void declaredRelaxNgSchematronAndEmbeddedSchematronAreAllChecked() throws Exception {
    List<Problem> problems = validate(SCHEMAS.resolve("shouting.xml"), null);
    assertTrue(has(problems, "schema", 8, "element \"div\" not allowed"), problems.toString());
    assertTrue(has(problems, "no-shouting", 7, "all capitals"), problems.toString());
    Problem warning = problems.stream().filter(p -> "short-paragraph".equals(p.rule())).findFirst().orElseThrow();
    assertEquals(Problem.Severity.WARNING, warning.severity());
    assertEquals(7, warning.line());
  }

  @Test
  void unreadableSchemasAreOneClearErrorEach() throws Exception {
    List<Problem> problems = validate(SCHEMAS.resolve("missing-schemas.xml"), null);
    assertTrue(has(problems, "schema-unavailable", 2, "does not exist"), problems.toString());
    // a remote schema that no catalog maps: refused, never fetched
    assertTrue(has(problems, "schema-unavailable", 3, "refused: outside the edition"), problems.toString());
    assertEquals(2, problems.size(), problems.toString());
  }

  @Test
  void schemaOptionChecksAgainstThatSchemaAloneWithoutEditorialRules() throws Exception {
    Path rules = TestFiles.FIXTURES.resolve("rules/document-template.xml");
    // against the edition schema: valid; the editorial rules (which would want a different file name) do not run
    assertEquals(List.of(), validate(rules, EDITIO_RNC));
    List<Problem> problems = validate(SCHEMAS.resolve("shouting.xml"), EDITIO_RNC);
    assertTrue(problems.stream().allMatch(p -> "schema".equals(p.rule())), problems.toString());
    assertTrue(problems.size() >= 1);
  }

  @Test
  void theSampleEditionDeclaresAndSatisfiesItsSchema() throws Exception {
    for (Path f : xmlFiles(TestFiles.EDITION)) {
      assertTrue(Files.readString(f).contains("<?xml-model href=\"") && Files.readString(f).contains("editio.rnc"), f.toString());
    }
    assertEquals(List.of(), validate(TestFiles.EDITION, EDITIO_RNC));
  }

  @Test
  void theEditionSchemaGivesPreciseErrors(@TempDir Path dir) throws Exception {
    String doc = Files.readString(TestFiles.FIXTURES.resolve("rules/document-template.xml"))
        .replace("<head>Telegram</head>", "<head>Telegram</head><table><row><cell>x</cell></row></table>")
        .replace("<date when=\"1937-05-14\">", "<date when=\"14 May 1937\">");
    Path f = dir.resolve("bad.xml");
    Files.writeString(f, doc);
    List<Problem> problems = validate(f, EDITIO_RNC);
    assertTrue(problems.stream().anyMatch(p -> p.message().contains("element \"table\" not allowed")), problems.toString());
    assertTrue(problems.stream().anyMatch(p -> p.message().contains("\"when\" is invalid")
        && p.line() == EditorialRulesTest.lineOf(doc, "<dateline>")), problems.toString());
  }

  /** Every file valid against the edition schema is valid against tei_all. */
  @Test
  void theEditionSchemaIsTeiConformant() throws Exception {
    Path teiAll = TestFiles.teiAll();
    List<Path> candidates = new ArrayList<>(xmlFiles(TestFiles.EDITION));
    candidates.add(TestFiles.FIXTURES.resolve("rules/document-template.xml"));
    candidates.add(TestFiles.FIXTURES.resolve("schemas/kitchen-sink.xml"));
    int checked = 0;
    for (Path f : candidates) {
      if (validate(f, EDITIO_RNC).isEmpty()) {
        assertEquals(List.of(), validate(f, teiAll), f + " is valid against editio.rnc, so against tei_all too");
        checked++;
      }
    }
    assertTrue(checked >= candidates.size(), "every candidate is valid against editio.rnc: " + checked);
  }

  /** editio validate --schema tei_all.rng says valid exactly where Jing's command line does. */
  @Test
  void agreesWithTheJingCommandLine() throws Exception {
    Path teiAll = TestFiles.teiAll();
    List<Path> files = new ArrayList<>();
    // the edition file, the transcribed document, a calendar entry and the registers (each Jing run is a JVM)
    files.addAll(xmlFiles(TestFiles.EDITION).stream().filter(f -> !f.getParent().endsWith("documents")).toList());
    files.add(TestFiles.SEED);
    files.add(TestFiles.EDITION.resolve("documents/d1939-04-16-nikitnikov.xml"));
    // external-entity.xml is left out on purpose: Jing expands the entity (and reads the local file),
    // editio refuses it; that difference is the point of editio's safety rule.
    files.addAll(xmlFiles(TestFiles.FIXTURES.resolve("hostile")).stream()
        .filter(f -> !f.endsWith("external-entity.xml")).toList());
    files.addAll(xmlFiles(TestFiles.FIXTURES.resolve("encodings")));
    files.addAll(xmlFiles(TestFiles.FIXTURES.resolve("foreign")));
    files.addAll(xmlFiles(SCHEMAS));
    files.add(TestFiles.FIXTURES.resolve("rules/document-template.xml"));
    Map<String, Boolean> editio = new TreeMap<>();
    Map<String, Boolean> jing = new TreeMap<>();
    String jar = Path.of(com.thaiopensource.validate.ValidationDriver.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    for (Path f : files) {
      editio.put(f.getFileName().toString(), validate(f, teiAll).isEmpty());
      // Jing's jar runs its command line (com.thaiopensource.relaxng.util.Driver) with java -jar.
      Process p = new ProcessBuilder(java, "-jar", jar, teiAll.toString(), f.toString())
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      jing.put(f.getFileName().toString(), p.waitFor() == 0);
    }
    assertEquals(jing, editio);
    assertTrue(jing.containsValue(true) && jing.containsValue(false), "both valid and invalid files: " + jing);
  }

  static List<Path> xmlFiles(Path dir) throws Exception {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
    }
  }
}
