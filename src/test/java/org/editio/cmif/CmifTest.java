package org.editio.cmif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XdmNode;
import org.editio.Problem;
import org.editio.TestFiles;
import org.editio.build.Builder;
import org.editio.validate.Validator;
import org.editio.xml.Xml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CMIF export ({@code OUT/cmif.xml}): valid against the CMIF schema and its Schematron (from
 * ../shared/cmif, compiled by editio's validator as any declared schema: Jing and SchXslt), the
 * seed telegram's correspondence as the editors recorded it, addresses from the base URL, and
 * authority files from the registers.
 */
class CmifTest {

  static final Xml XML = new Xml();
  static final Path CMIF = TestFiles.SHARED.resolve("cmif");

  static Path schema(String name) {
    Path p = CMIF.resolve(name);
    assumeTrue(Files.isRegularFile(p), "../shared/cmif is absent");
    return p;
  }

  /** Every problem of the file against one schema (errors and warnings). */
  static List<Problem> validate(Path file, Path schema) throws Exception {
    return new Validator(XML).validate(List.of(file), Optional.of(schema)).problems();
  }

  static String eval(XdmNode doc, String xpath) throws Exception {
    XPathCompiler xp = XML.processor().newXPathCompiler();
    xp.declareNamespace("tei", Xml.TEI_NS);
    return xp.evaluate("string-join((" + xpath + ") ! string(.), '|')", doc).toString();
  }

  static void assertValidCmif(Path cmif) throws Exception {
    assertEquals(List.of(), validate(cmif, schema("cmi-customization.rng")), "CMIF RELAX NG");
    assertEquals(List.of(), validate(cmif, schema("cmif.sch")), "CMIF Schematron (warnings too: the bibl's id is a UUID)");
  }

  @Test
  void theSampleEditionsCorrespondenceIsValidCmif(@TempDir Path out) throws Exception {
    Builder.Result result;
    try (Builder builder = new Builder()) {
      result = builder.build(TestFiles.EDITION, out, "cmif");
    }
    Path cmif = out.resolve("cmif.xml");
    assertValidCmif(cmif);
    XdmNode doc = XML.parse(cmif);
    // every document of the edition has a sender: 95 letters, telegrams, notes, records ...
    assertEquals("95", eval(doc, "count(//tei:correspDesc)"));
    String id = eval(doc, "//tei:sourceDesc/tei:bibl/@xml:id");
    assertTrue(id.matches("[a-f][0-9a-f]{7}-[0-9a-f]{4}-3[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), id);
    assertEquals("online", eval(doc, "//tei:sourceDesc/tei:bibl/@type"));

    // the seed telegram, as its header records it: Litvinov in London to the NKID, 14 May 1937
    String seed = "//tei:correspDesc[@key = 'd1937-05-14-litvinov']";
    assertEquals("#" + id, eval(doc, seed + "/@source"));
    assertEquals("Litvinov, Maxim Maximovich", eval(doc, seed + "/tei:correspAction[@type = 'sent']/tei:persName"));
    assertEquals("London", eval(doc, seed + "/tei:correspAction[@type = 'sent']/tei:placeName"));
    assertEquals("1937-05-14", eval(doc, seed + "/tei:correspAction[@type = 'sent']/tei:date/@when"));
    assertEquals("", eval(doc, seed + "/tei:correspAction[@type = 'sent']/tei:date"), "the date as attributes only");
    assertEquals("People’s Commissariat for Foreign Affairs of the USSR",
        eval(doc, seed + "/tei:correspAction[@type = 'received']/tei:orgName"));
    assertEquals("orgName", eval(doc, seed + "/tei:correspAction[@type = 'received']/*/local-name()"));
    // the sample edition has a base URL since issue 16 (stable addresses to cite): every letter has its address;
    // no authority files in the sample's registers, so no other @ref
    assertEquals("95", eval(doc, "count(//tei:correspDesc/@ref)"));
    assertEquals("https://editio.example.org/soviet-diplomacy/documents/d1937-05-14-litvinov.html", eval(doc, seed + "/@ref"));
    assertEquals("0", eval(doc, "count(//@ref[not(parent::tei:correspDesc)])"));
    assertTrue(result.warnings().stream().noneMatch(p -> "cmif".equals(p.rule()) && p.message().contains("no base URL")),
        result.warnings().toString());
    // the publication date of edition.xml, not the clock; the edition's licence (CC BY 4.0)
    assertEquals("2026-11-27T00:00:00Z", eval(doc, "//tei:publicationStmt/tei:date/@when"));
    assertEquals("https://creativecommons.org/licenses/by/4.0/", eval(doc, "//tei:licence/@target"));

    // addresses without a name on the page: "Unknown", as CMIF asks; several addressees in the source's order
    assertEquals("Unknown", eval(doc, "//tei:correspDesc[@key = 'dundated-representative']/tei:correspAction[@type = 'received']/*"));
    assertEquals("1921-09-18|1921-09-18",
        eval(doc, "//tei:correspDesc[@key = 'dundated-representative']/tei:correspAction[@type = 'sent']/tei:date/(@notBefore, @notAfter)"));
  }

  @Test
  void withABaseUrlDocumentsHaveAddressesAndRegistersGiveAuthorityFiles(@TempDir Path dir) throws Exception {
    Path edition = TestFiles.copyTree(TestFiles.EDITION, dir.resolve("tei"));
    Path file = edition.resolve("edition.xml");
    Files.writeString(file, Files.readString(file).replace("<date when=\"2026-11-27\">2026</date>",
        "<date when=\"2026-11-27\">2026</date>\n        <idno type=\"URL\">https://example.org/soviet-diplomacy/html</idno>"));
    Path persons = edition.resolve("registers/persons.xml");
    Files.writeString(persons, Files.readString(persons).replace("(1930–1939)</occupation>",
        "(1930–1939)</occupation><idno type=\"VIAF\">http://viaf.org/viaf/0000000</idno><idno type=\"note\">not an address</idno>"));
    Path out = dir.resolve("out");
    Builder.Result result;
    try (Builder builder = new Builder()) {
      result = builder.build(edition, out, "cmif");
    }
    Path cmif = out.resolve("cmif.xml");
    assertValidCmif(cmif);
    XdmNode doc = XML.parse(cmif);
    String seed = "//tei:correspDesc[@key = 'd1937-05-14-litvinov']";
    assertEquals("https://example.org/soviet-diplomacy/html/documents/d1937-05-14-litvinov.html", eval(doc, seed + "/@ref"));
    assertEquals("http://viaf.org/viaf/0000000", eval(doc, seed + "/tei:correspAction[@type = 'sent']/tei:persName/@ref"));
    // the file's own address: beside the HTML edition's folder, as the output folder lays them out
    assertEquals("https://example.org/soviet-diplomacy/cmif.xml", eval(doc, "//tei:publicationStmt/tei:idno"));
    assertEquals("https://example.org/soviet-diplomacy/html/", eval(doc, "//tei:publisher/tei:ref/@target"));
    assertEquals("0", eval(doc, "count(//comment())"));
    assertTrue(result.warnings().stream().noneMatch(p -> "cmif".equals(p.rule())), result.warnings().toString());
    // the source's id follows the edition's address, and stays the same from build to build
    assertEquals(CmifPublisher.sourceId(result.edition(), "https://example.org/soviet-diplomacy/html"),
        eval(doc, "//tei:bibl/@xml:id"));
  }

  /** An edition without correspDesc (the German letters: creation and particDesc) exports the same facts. */
  @Test
  void particDescIsReadWhereThereIsNoCorrespDesc(@TempDir Path out) throws Exception {
    try (Builder builder = new Builder()) {
      builder.build(TestFiles.ROOT.resolve("src/test/resources/editions/briefe"), out, "cmif");
    }
    Path cmif = out.resolve("cmif.xml");
    assertValidCmif(cmif);
    XdmNode doc = XML.parse(cmif);
    String letter = "//tei:correspDesc[@key = 'brief-1802-03-03']";
    assertEquals("https://briefe.example.org/documents/brief-1802-03-03.html", eval(doc, letter + "/@ref"));
    assertEquals("Goethe, Johann Wolfgang|https://d-nb.info/gnd/118540238",
        eval(doc, letter + "/tei:correspAction[@type = 'sent']/tei:persName/(., @ref)"));
    assertEquals("Weimar|https://www.geonames.org/2812482", eval(doc, letter + "/tei:correspAction[@type = 'sent']/tei:placeName/(., @ref)"));
    assertEquals("1802-03-03", eval(doc, letter + "/tei:correspAction[@type = 'sent']/tei:date/@when"));
    assertEquals("Marie", eval(doc, letter + "/tei:correspAction[@type = 'received']/tei:persName"));
    assertEquals("0", eval(doc, letter + "/tei:correspAction[@type = 'received']/tei:persName/count(@ref)"));
    assertEquals("https://briefe.example.org/cmif.xml", eval(doc, "//tei:publicationStmt/tei:idno"));
    assertEquals("Marie Muster", eval(doc, "//tei:titleStmt/tei:editor"));
  }


  /**
   * TEI without edition.xml: the warning about addresses names no edition.xml that is not there,
   * and a play (no sender, no addressee) gets none: cmif.xml has nothing to link to. The play
   * gets the warning that its cmif.xml lists no letter (review 9b: FRUS's empty CMIF was written
   * silently, valid, registrable).
   */
  @Test
  void looseTeiIsWarnedOnlyWhereThereAreLetters(@TempDir Path dir) throws Exception {
    String header = "<?xml version=\"1.0\"?>\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xml:id=\"ID\"><teiHeader><fileDesc>"
        + "<titleStmt><title>T</title></titleStmt><publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p></sourceDesc>"
        + "</fileDesc>PROFILE</teiHeader><text><body><p>Text.</p></body></text></TEI>\n";
    Path play = Files.createDirectories(dir.resolve("play"));
    Files.writeString(play.resolve("play.xml"), header.replace("ID", "play").replace("PROFILE",
        "<profileDesc><particDesc><listPerson><person role=\"character\"><persName>Iphigenie</persName></person></listPerson></particDesc></profileDesc>"));
    Path letters = Files.createDirectories(dir.resolve("letters"));
    Files.writeString(letters.resolve("letter.xml"), header.replace("ID", "letter").replace("PROFILE",
        "<profileDesc><correspDesc><correspAction type=\"sent\"><persName>Goethe</persName></correspAction></correspDesc></profileDesc>"));
    try (Builder builder = new Builder()) {
      Builder.Result ofPlay = builder.build(play, dir.resolve("out-play"), "cmif");
      // no word of addresses for a play, but that its cmif.xml lists no letter
      List<Problem> ofPlayWarned = ofPlay.warnings().stream().filter(p -> "cmif".equals(p.rule())).toList();
      assertEquals(1, ofPlayWarned.size(), ofPlayWarned.toString());
      assertTrue(ofPlayWarned.get(0).message().startsWith("no document names a sender or an addressee"), ofPlayWarned.toString());
      assertTrue(ofPlayWarned.get(0).message().contains("cmif.xml lists no letter"), ofPlayWarned.toString());
      Builder.Result ofLetters = builder.build(letters, dir.resolve("out-letters"), "cmif");
      List<Problem> warned = ofLetters.warnings().stream().filter(p -> "cmif".equals(p.rule())).toList();
      assertEquals(1, warned.size(), ofLetters.warnings().toString());
      assertTrue(warned.get(0).message().startsWith("the documents have no base URL (TEI without edition.xml has none;"),
          warned.get(0).message());
    }
  }
}
