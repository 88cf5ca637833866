package org.editio.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import net.sf.saxon.s9api.XdmNode;
import org.editio.EditioException;
import org.editio.TestFiles;
import org.editio.xml.Xml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The calendar generator: facts in, TEI calendar entries out. */
class CalendarGeneratorTest {

  static final Xml XML = new Xml();
  static final String HEADER = "url\tseq\tdate\tdate_as_printed\ttype\tsender\tsender_role\taddressee\tplace\tclassification"
      + "\tarchive\tpersons\tplaces\tcountries\tsummary\n";

  static Path edition(Path dir) throws Exception {
    Files.createDirectories(dir.resolve("registers"));
    for (String r : new String[] {"persons.xml", "places.xml", "organizations.xml"}) {
      Files.copy(TestFiles.EDITION.resolve("registers").resolve(r), dir.resolve("registers").resolve(r));
    }
    return dir;
  }

  @Test
  void aRowBecomesACalendarEntry(@TempDir Path dir) throws Exception {
    Path facts = dir.resolve("facts.tsv");
    Files.writeString(facts, HEADER
        + "https://example.org/a%20page.htm\t2\t1937-07-15/1937-07-17\tJuly 15‐17, 1937\trecord-of-conversation\tM. M. Litvinov"
        + "\tPeople's Commissar\tNKID; V. M. Molotov\tGeneva\ttop-secret+urgent\tAVP RF, f. 059, op. 1, p. 322, d. 2216, l. 161-162"
        + "\tİsmet İnönü; Léon Blum\tParis; Turkey\tTurkey; France\tLitvinov reports a talk.\n");
    CalendarGenerator.Result r = new CalendarGenerator(XML, "2026-11-27").generate(facts, edition(dir), false);
    assertEquals(1, r.written().size());
    XdmNode doc = XML.parse(dir.resolve("documents/d1937-07-15-litvinov.xml"));
    // a record of conversation names both parties (issue 16): the other one from the persons mentioned
    assertEquals("Record of conversation between M. M. Litvinov and İsmet İnönü, 15 July 1937 – 17 July 1937",
        ImporterTest.eval(doc, "//tei:head"));
    assertEquals("English machine translation of the Russian publication, read on 27 November 2026|2026-11-27|access",
        ImporterTest.eval(doc, "replace(normalize-space(//tei:sourceDesc/tei:bibl[@type='web-page']), '^.*page; |\\.$', '')")
        + "|" + ImporterTest.eval(doc, "//tei:sourceDesc/tei:bibl/tei:date/(string(@when), string(@type))"));
    assertEquals("1937-07-15|1937-07-17", ImporterTest.eval(doc, "//tei:dateline/tei:date/(@from, @to)"));
    assertEquals("July 15‐17, 1937", ImporterTest.eval(doc, "//tei:dateline/tei:date"));
    assertEquals("../registers/places.xml#geneva", ImporterTest.eval(doc, "//tei:dateline/tei:placeName/@ref"));
    assertEquals("../registers/persons.xml#litvinov", ImporterTest.eval(doc, "//tei:correspAction[@type='sent']/tei:persName/@ref"));
    // the correspondence in correspDesc, the addressees in the table's order; the sender's office in particDesc
    assertEquals("../registers/organizations.xml#nkid|../registers/persons.xml#molotov",
        ImporterTest.eval(doc, "//tei:correspAction[@type='received']/*/@ref"));
    assertEquals("orgName|persName", ImporterTest.eval(doc, "//tei:correspAction[@type='received']/*/local-name()"));
    assertEquals("../registers/places.xml#geneva", ImporterTest.eval(doc, "//tei:correspAction[@type='sent']/tei:placeName/@ref"));
    assertEquals("1937-07-15|1937-07-17", ImporterTest.eval(doc, "//tei:correspAction[@type='sent']/tei:date/(@from, @to)"));
    assertEquals("../registers/persons.xml#litvinov|People's Commissar",
        ImporterTest.eval(doc, "//tei:particDesc//tei:person/(@corresp, tei:occupation)"));
    assertEquals("0", ImporterTest.eval(doc, "count(//tei:creation | //tei:particDesc//tei:persName | //@role)"));
    assertEquals("../edition.xml#class-top-secret ../edition.xml#class-urgent",
        ImporterTest.eval(doc, "//tei:catRef[contains(@scheme, 'classifications')]/@target"));
    assertEquals("../edition.xml#country-turkey ../edition.xml#country-france",
        ImporterTest.eval(doc, "//tei:catRef[contains(@scheme, 'countries')]/@target"));
    assertEquals("059|1|322", ImporterTest.eval(doc, "//tei:collection/@n"));
    assertEquals("2216", ImporterTest.eval(doc, "//tei:idno[@type='delo']"));
    assertEquals("161-162", ImporterTest.eval(doc, "//tei:altIdentifier/tei:idno"));
    assertEquals("Litvinov reports a talk.", ImporterTest.eval(doc, "normalize-space(//tei:abstract)"));
    assertEquals("calendar", ImporterTest.eval(doc, "//tei:div/@type"));
    assertTrue(ImporterTest.eval(doc, "//tei:body/tei:div/tei:p[1]").contains("not transcribed"));
    assertEquals("https://example.org/a%20page.htm", ImporterTest.eval(doc, "//tei:body//tei:ref/@target"));
    assertEquals("../registers/persons.xml#inonu|../registers/persons.xml#blum",
        ImporterTest.eval(doc, "//tei:ab[@type='mentions']/tei:persName/@ref"));

    // the same facts give the same bytes; an editor's change is kept without --force
    byte[] first = Files.readAllBytes(dir.resolve("documents/d1937-07-15-litvinov.xml"));
    assertEquals(1, new CalendarGenerator(XML, "2026-11-27").generate(facts, dir, false).unchanged().size());
    assertTrue(java.util.Arrays.equals(first, Files.readAllBytes(dir.resolve("documents/d1937-07-15-litvinov.xml"))));
  }

  @Test
  void aNameMissingFromTheRegistersIsAnError(@TempDir Path dir) throws Exception {
    Path facts = dir.resolve("facts.tsv");
    Files.writeString(facts, HEADER + "https://example.org/b.htm\t1\t1940-01-01\tJanuary 1, 1940\ttelegram\tNobody Known"
        + "\t\tNKID\t\t\t\t\t\tTurkey\tA summary.\n");
    EditioException e = org.junit.jupiter.api.Assertions.assertThrows(EditioException.class,
        () -> new CalendarGenerator(XML, "2026-11-27").generate(facts, edition(dir), false));
    assertTrue(e.problems().get(0).message().contains("'Nobody Known' is in no register"), e.problems().toString());
    assertEquals(2, e.problems().get(0).line(), "the row's line in the table");
  }

  /**
   * Issue 16: an undated document is dated by its page (between the first and last dates of the
   * other documents there), never by the collection's span; its title says "undated"; a country
   * the summary names by name or adjective is among its countries; the partner of a conversation
   * is the person the summary names, also by the office the register gives.
   */
  @Test
  void undatedDocumentsTakeTheirPagesDatesAndSummariesGiveCountries(@TempDir Path dir) throws Exception {
    Path facts = dir.resolve("facts.tsv");
    Files.writeString(facts, HEADER
        + "https://example.org/p.htm\t1\t1921-09-18\tSeptember 18, 1921\tnote\tM. M. Litvinov\t\tNKID\t\t\t\t\t\tTurkey\tA note.\n"
        + "https://example.org/p.htm\t2\t1921-09-20/1921-09-22\t\tnote\tM. M. Litvinov\t\tNKID\t\t\t\t\t\tTurkey\tA note.\n"
        + "https://example.org/p.htm\t3\t\t\tnote\tM. M. Litvinov\t\tNKID\t\t\t\t\t\t\tThe opening of a note on Iranian and French policy.\n"
        + "https://example.org/q.htm\t1\t1940-12-10\t\trecord-of-conversation\tV. M. Molotov\t\t\t\t\t\t"
        + "V. M. Molotov; Ali Haydar Aktay; A. A. Sobolev\t\tTurkey\tThe Turkish ambassador tells Molotov of Sobolev's visit to Sofia.\n");
    new CalendarGenerator(XML, "2026-11-27").generate(facts, edition(dir), false);
    XdmNode doc = XML.parse(dir.resolve("documents/dundated-litvinov.xml"));
    assertEquals("1921-09-18|1921-09-22", ImporterTest.eval(doc, "//tei:dateline/tei:date/(@notBefore, @notAfter)"));
    assertEquals("1921-09-18|1921-09-22", ImporterTest.eval(doc, "//tei:correspAction/tei:date/(@notBefore, @notAfter)"));
    assertEquals("undated", ImporterTest.eval(doc, "//tei:dateline/tei:date"));
    assertEquals("Note from M. M. Litvinov to NKID, undated", ImporterTest.eval(doc, "//tei:head"));
    assertTrue(ImporterTest.eval(doc, "//tei:note").contains("18 September 1921 – 22 September 1921"), ImporterTest.eval(doc, "//tei:note"));
    assertEquals("../edition.xml#country-iran ../edition.xml#country-france",
        ImporterTest.eval(doc, "//tei:catRef[contains(@scheme, 'countries')]/@target"));
    XdmNode talk = XML.parse(dir.resolve("documents/d1940-12-10-molotov.xml"));
    assertEquals("Record of conversation between V. M. Molotov and Ali Haydar Aktay, 10 December 1940",
        ImporterTest.eval(talk, "//tei:head"));
    assertEquals("../edition.xml#country-turkey", ImporterTest.eval(talk, "//tei:catRef[contains(@scheme, 'countries')]/@target"));
  }

  /** The committed calendar is exactly what the generator makes from the facts (not hand-made). */
  @Test
  void theSampleEditionsCalendarIsGeneratedFromTheFacts(@TempDir Path dir) throws Exception {
    Path facts = TestFiles.SHARED.resolve("corpus/facts.tsv");
    assumeTrue(Files.exists(facts), "../shared/corpus is absent");
    // generate into a copy of the edition's registers and its transcribed document
    edition(dir);
    Files.createDirectories(dir.resolve("documents"));
    Files.copy(TestFiles.SEED, dir.resolve("documents").resolve(TestFiles.SEED.getFileName()));
    CalendarGenerator.Result r = new CalendarGenerator(XML, "2026-11-27").generate(facts, dir, false);
    assertEquals(94, r.written().size());
    assertEquals(1, r.skipped().size(), "the seed's page is transcribed in full");
    for (Path generated : r.written()) {
      Path committed = TestFiles.EDITION.resolve("documents").resolve(generated.getFileName());
      assertEquals(Files.readString(committed), Files.readString(generated), generated.getFileName().toString());
    }
  }
}
