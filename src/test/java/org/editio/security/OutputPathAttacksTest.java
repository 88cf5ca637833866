package org.editio.security;

import static org.editio.security.Attack.assertCleanMessages;
import static org.editio.security.Attack.assertNoSecret;
import static org.editio.security.Attack.assertNothingWrittenOutside;
import static org.editio.security.Attack.editio;
import static org.editio.security.Attack.tei;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ids and file names that would write outside OUT or break a build: {@code ../}, absolute paths,
 * empty, 300 characters, spaces and other scripts, Windows device names, dots, names that collide
 * once made safe, symbolic links out of the edition and link loops. One build (HTML and PDF)
 * publishes them all: every file written lies inside OUT, every link of every page names a file
 * that exists, the links that leave the edition are refused, and nothing of what they lead to
 * reaches an output.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutputPathAttacksTest {

  Path dir;
  Path edition;
  Path out;
  Attack.Run run;
  Map<String, String> ids = new LinkedHashMap<>();

  @BeforeAll
  void buildTheHostileEdition(@TempDir Path temp) throws Exception {
    dir = temp;
    Path secrets = Attack.plantSecrets(dir);
    edition = Files.createDirectories(dir.resolve("edition"));
    out = dir.resolve("out");
    ids.put("climb.xml", "../../escaped");
    ids.put("absolute.xml", dir.resolve("absolute-target").toString());
    ids.put("passwd.xml", "/etc/passwd");
    ids.put("empty.xml", "");
    ids.put("long.xml", "l".repeat(300));
    ids.put("spaces.xml", "an id with spaces");
    ids.put("unicode.xml", "Дело №5 — café");
    ids.put("device.xml", "CON");
    ids.put("dots.xml", "..");
    ids.put("hidden.xml", ".hidden");
    ids.put("backslash.xml", "..\\..\\windows");
    ids.put("collide-1.xml", "a b");
    ids.put("collide-2.xml", "a-b");
    ids.put("case-1.xml", "Doc");
    ids.put("case-2.xml", "doc");
    ids.put("quote.xml", "x\"><script>alert(1)</script>");
    int day = 1;
    for (Map.Entry<String, String> e : ids.entrySet()) {
      Files.writeString(edition.resolve(e.getKey()), tei(null, "Document " + e.getKey(),
          "<p><date when=\"1937-05-" + String.format("%02d", day++) + "\">May 1937</date> " + e.getKey() + "</p>")
          .replace("<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">",
              "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xml:id=\"" + e.getValue().replace("&", "&amp;")
                  .replace("\"", "&quot;").replace("<", "&lt;") + "\">"));
    }
    // file names as ids (no xml:id): spaces, other scripts, a device name, a leading dot
    for (String name : List.of("file with spaces.xml", "Опись 1.xml", "NUL.xml", ".dotfile.xml")) {
      Files.writeString(edition.resolve(name), tei(null, "Named " + name, "<p>" + name + "</p>"));
    }
    // links: a document leading out of the edition, a folder link looping back, a link inside
    Files.writeString(secrets.resolve("outside.xml"), tei("outside", Attack.FILE_SECRET, "<p>" + Attack.FILE_SECRET + "</p>"));
    Files.createSymbolicLink(edition.resolve("leads-out.xml"), secrets.resolve("outside.xml"));
    Files.createDirectories(edition.resolve("sub"));
    Files.createSymbolicLink(edition.resolve("sub/loop"), edition);
    Files.createDirectories(edition.resolve("store"));
    Files.writeString(edition.resolve("store/linked.tei"), tei("linked-inside", "Linked", "<p>Linked inside.</p>"));
    Files.createSymbolicLink(edition.resolve("sub/inside.xml"), edition.resolve("store/linked.tei"));
    Map<String, String> before = Attack.snapshot(dir);
    run = editio("build", edition.toString(), "-o", out.toString());
    assertNothingWrittenOutside(before, Attack.snapshot(dir), dir, out);
  }

  @Test
  void theLinkLeadingOutOfTheEditionIsRefusedAndNothingIsPublished() throws Exception {
    assertEquals(1, run.exit(), run.all());
    assertTrue(run.problems().stream().anyMatch(p -> p.contains("leads-out.xml:1:1: error: ")
        && p.contains("refused: outside the edition")), run.err());
    assertNoSecret(run, out);
    assertCleanMessages(run);
  }

  /** Without the link leading out, the same edition publishes, HTML and PDF, inside OUT. */
  @Test
  void everyHostileIdPublishesInsideOut() throws Exception {
    Files.delete(edition.resolve("leads-out.xml"));
    Map<String, String> before = Attack.snapshot(dir);
    Attack.Run again = editio("build", edition.toString(), "-o", out.toString());
    assertEquals(0, again.exit(), again.all());
    assertNothingWrittenOutside(before, Attack.snapshot(dir), dir, out);
    assertNoSecret(again, out);
    assertCleanMessages(again);
    assertFalse(Files.exists(dir.resolve("absolute-target.html")) || Files.exists(dir.resolve("escaped.html")));

    Set<String> pages = new HashSet<>();
    Set<String> pdfs = new HashSet<>();
    try (Stream<Path> walk = Files.walk(out)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        Path real = p.toRealPath();
        assertTrue(real.startsWith(out.toRealPath()), real.toString());
        String name = p.getFileName().toString();
        assertTrue(name.length() <= 120, name);
        assertFalse(name.startsWith(".") && !name.startsWith(".editio"), name);
        if (p.getParent().endsWith("html/documents") && name.endsWith(".html")) {
          pages.add(name);
        }
        if (p.getParent().endsWith("pdf/documents")) {
          pdfs.add(name);
        }
      }
    }
    // the hostile ids, the named files but the hidden one (a hidden file is no document since
    // aacd4c3: an import's leftover temporary file was one), the link inside
    int documents = ids.size() + 3 + 1;
    assertEquals(documents, pages.size(), pages.toString());
    assertEquals(documents, pdfs.size(), pdfs.toString());
    assertTrue(pages.contains("file-with-spaces.html") && pages.contains("Опись-1.html") && pages.contains("NUL_.html")
        && !pages.contains("dotfile.html"), "file names read as written, a hidden file left out: " + pages);
    assertTrue(pages.contains("an-id-with-spaces.html") && pages.contains("Дело-5-café.html") && pages.contains("CON_.html")
        && pages.contains("escaped.html") && pages.contains("etc-passwd.html"), pages.toString());
    assertTrue(pages.contains("a-b.html") && pages.contains("a-b-2.html") && pages.contains("Doc.html")
        && pages.contains("doc-2.html"), "collisions apart, case too: " + pages);
  }

  /**
   * Every link of every page names a file that exists (the pages and the files agree on names):
   * pages, TEI copies, PDFs, assets, and the pages the search results link to. (Before the merge
   * with the common work only the links made from ids were followed, through the stylesheets' own
   * name maps; now every path comes from the one OutputLayout, the page shell's included.)
   */
  @Test
  void everyLinkNamesAFileThatExists() throws Exception {
    Files.deleteIfExists(edition.resolve("leads-out.xml"));
    Attack.Run built = editio("build", edition.toString(), "-o", out.toString());
    assertEquals(0, built.exit(), built.all());
    Path site = out.resolve("html");
    List<String> broken = new ArrayList<>();
    int followed = 0;
    try (Stream<Path> walk = Files.walk(site)) {
      for (Path page : walk.filter(p -> p.toString().endsWith(".html")).toList()) {
        Document doc = Jsoup.parse(page.toFile(), "UTF-8");
        for (Element a : doc.select("a[href], link[href], script[src], img[src]")) {
          String href = a.hasAttr("href") ? a.attr("href") : a.attr("src");
          if (href.startsWith("#") || href.matches("^[a-z]+:.*")) {
            continue;
          }
          followed++;
          if (!Files.isRegularFile(resolve(page, href))) {
            broken.add(site.relativize(page) + " -> " + href);
          }
        }
      }
    }
    assertEquals(List.of(), broken);
    assertTrue(followed > 10 * ids.size(), "links followed: " + followed);
    // the search results link the same pages: each document's page (doc/N.js of the index names it,
    // relative to the search page, and search.js links it as it is)
    List<String> refs = new ArrayList<>();
    var xpath = new net.sf.saxon.s9api.Processor(false).newXPathCompiler();
    xpath.declareVariable(new net.sf.saxon.s9api.QName("s"));
    var selector = xpath.compile("parse-json($s)?page").load();
    try (Stream<Path> docs = Files.list(site.resolve("assets/search/doc"))) {
      for (Path doc : docs.toList()) {
        // editioSearch.doc(N,{...});  the JSON read as JSON (Saxon's parse-json)
        String script = Files.readString(doc);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^editioSearch\\.doc\\(\\d+,(.*)\\);\\n$", java.util.regex.Pattern.DOTALL)
            .matcher(script);
        assertTrue(m.matches(), script);
        selector.setVariable(new net.sf.saxon.s9api.QName("s"), new net.sf.saxon.s9api.XdmAtomicValue(m.group(1)));
        refs.add(selector.evaluateSingle().getStringValue());
      }
    }
    assertEquals(ids.size() + 3 + 1, refs.size(), refs.toString()); // the hidden file is no document
    assertEquals(refs.size(), new java.util.HashSet<>(refs).size(), "each result links a page of its own: " + refs);
    for (String ref : refs) {
      assertTrue(ref.startsWith("documents/") && Files.isRegularFile(resolve(site.resolve("search.html"), ref)), ref);
    }
    String index = Files.readString(site.resolve("documents.html"));
    assertFalse(index.contains("<script>alert(1)</script>"), "an id is text, never markup");
  }

  /** The file a relative link of {@code page} names (percent-escapes decoded, fragment dropped). */
  private static Path resolve(Path page, String href) {
    String path = URLDecoder.decode(href.replaceFirst("[#?].*", "").replace("+", "%2B"), StandardCharsets.UTF_8);
    return page.getParent().resolve(path).normalize();
  }
}
