package org.editio.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.editio.TestFiles;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build that is killed half-way leaves the previous output intact and usable; the next build
 * removes its leftovers and gives the same output as a clean build.
 */
@Tag("slow")
class AtomicBuildTest {

  static List<String> files(Path root) throws Exception {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
    }
  }

  @Test
  void aKilledBuildLeavesThePreviousOutputAndTheNextBuildRepairsIt(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("out");
    new Builder().build(TestFiles.EDITION, out, "html");
    byte[] home = Files.readAllBytes(out.resolve("html/index.html"));
    List<String> before = files(out);

    // a second build in another JVM, killed once it has started writing its staging folder
    Process build = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "org.editio.cli.Main", "build", TestFiles.EDITION.toString(),
        "-o", out.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    long deadline = System.nanoTime() + 60_000_000_000L;
    boolean staging = false;
    while (!staging && System.nanoTime() < deadline && build.isAlive()) {
      try (Stream<Path> s = Files.list(out)) {
        staging = s.anyMatch(p -> p.getFileName().toString().startsWith(Staging.STAGING_PREFIX)
            && Files.exists(p.resolve("html/documents")));
      }
      Thread.sleep(100);
    }
    assertTrue(staging && build.isAlive(), "the build was caught half-way");
    Thread.sleep(1500);
    build.destroyForcibly().waitFor();

    assertArrayEquals(home, Files.readAllBytes(out.resolve("html/index.html")), "the previous output is intact");
    assertFalse(Files.exists(out.resolve("pdf")), "nothing of the killed build is in place");
    assertEquals(before, files(out).stream().filter(f -> !f.startsWith(Staging.STAGING_PREFIX)).toList());

    // the next build repairs everything: same output as a clean build, no leftovers
    new Builder().build(TestFiles.EDITION, out, "html", "pdf");
    Path clean = dir.resolve("clean");
    new Builder().build(TestFiles.EDITION, clean, "html", "pdf");
    assertEquals(files(clean), files(out));
    for (String f : files(clean)) {
      assertArrayEquals(Files.readAllBytes(clean.resolve(f)), Files.readAllBytes(out.resolve(f)), f);
    }
  }

  /** An edition whose own html.xsl fails where {@code template} says (an xsl:template element). */
  private static Path failingEdition(Path dir, String template) throws Exception {
    Path edition = Generator.generate(TestFiles.EDITION, 12, dir.resolve("edition"));
    Files.createDirectories(edition.resolve("xslt"));
    Files.writeString(edition.resolve("xslt/html.xsl"), """
        <xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
            xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:m="http://editio.org/ns/mode"
            xmlns:tei="http://www.tei-c.org/ns/1.0" exclude-result-prefixes="#all">
          <xsl:import href="editio:html.xsl"/>
          %s
        </xsl:stylesheet>
        """.formatted(template));
    return edition;
  }

  /**
   * In a first build the edition's pages are written on a thread of their own while the
   * documents' pages are (Run.startGroup): when that transform fails, the build fails with its
   * error, located, and nothing is published.
   */
  @Test
  void whenTheEditionsPagesFailBesideTheDocumentsNothingIsPublished(@TempDir Path dir) throws Exception {
    Path edition = failingEdition(dir, """
        <xsl:template name="m:site-page">
          <xsl:param name="page" as="xs:string"/>
          <xsl:sequence select="error(xs:QName('m:failed'), 'the edition page ' || $page || ' fails')"/>
        </xsl:template>""");
    assertFailsAndPublishesNothing(edition, dir.resolve("out"), "the edition page html:home fails");
  }

  /**
   * Builds the HTML edition, which must fail with {@code message}; then, after a pause in which a
   * transform still running would write, nothing may be in {@code out}: no output, no staging folder.
   */
  private static void assertFailsAndPublishesNothing(Path edition, Path out, String message) throws Exception {
    org.editio.EditioException e = org.junit.jupiter.api.Assertions.assertThrows(org.editio.EditioException.class,
        () -> new Builder().build(edition, out, "html"));
    assertTrue(e.getMessage().contains(message), e.getMessage());
    Thread.sleep(2000);
    assertFalse(Files.exists(out.resolve("html")), "nothing published");
    assertEquals(List.of(), Files.exists(out) ? files(out) : List.of(), "no staging folder left, nothing written after");
  }

  /**
   * When the documents' pages fail while the edition's pages are being written beside them, the
   * build waits for that transform before it removes its staging folder: nothing is written into
   * it afterwards, and nothing is published.
   */
  @Test
  void whenTheDocumentsPagesFailTheEditionsPagesStopBeforeTheStagingFolderGoes(@TempDir Path dir) throws Exception {
    Path edition = failingEdition(dir, """
        <xsl:template match="/" priority="10">
          <xsl:sequence select="error(xs:QName('m:failed'), 'the document page fails')"/>
        </xsl:template>""");
    assertFailsAndPublishesNothing(edition, dir.resolve("out"), "the document page fails");
  }
}
