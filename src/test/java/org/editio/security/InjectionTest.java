package org.editio.security;

import static org.editio.security.Attack.editio;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.editio.Chromium;
import org.editio.TestFiles;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Script injection into every place a TEI string reaches a page: titles, ids, attributes
 * ({@code @rend}, {@code @style}, {@code @xml:lang}), {@code @target} and other URLs, notes, register
 * entries, the search index and {@code edition.xml}. Every payload arrives as text (nothing is
 * lost), none as markup: no script but editio's own files, no event handler, no {@code javascript:}
 * URL, no style attribute; and in Chromium no payload runs, on any page or in search results.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InjectionTest {

  /** Each payload, when it runs, sets {@code window.__pwned}. */
  static final String SCRIPT = "<script>window.__pwned='script'</script>";
  static final String IMG = "<img src=x onerror=\"window.__pwned='img'\">";
  static final String JS_BREAK = "\"]});window.__pwned='index';//</script><script>window.__pwned='break'</script>\u2028";
  static final List<String> URLS = List.of("javascript:window.__pwned='url'", " JaVaScRiPt:window.__pwned='url2'",
      "data:text/html,<script>window.__pwned='data'</script>", "vbscript:msgbox(1)");
  /** URLs that editio's pointer check would read as two pointers or a file: on graphic/@url instead. */
  static final List<String> IMAGE_URLS = List.of("java\tscript:window.__pwned='url3'", "&#106;avascript:window.__pwned='ent'",
      "javascript:window.__pwned='img2'");

  Path dir;
  Path site;
  Path loose;
  Path edition;

  static String x(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  @BeforeAll
  void publish(@TempDir Path temp) throws Exception {
    dir = temp;
    // a loose folder of TEI: every attribute and element a payload can ride on
    loose = Files.createDirectories(dir.resolve("loose"));
    StringBuilder links = new StringBuilder();
    for (String url : URLS) {
      links.append("<ref target=\"").append(x(url)).append("\">link ").append(x(url)).append("</ref> ");
    }
    String body = "<div xml:id=\"" + x("d\" onclick=\"window.__pwned='id'") + "\">"
        + "<head>" + x(SCRIPT) + "</head>"
        + "<p rend=\"" + x("x\" onmouseover=\"window.__pwned='rend'") + "\" style=\"" + x("background:url(javascript:alert(1))")
        + "\" xml:lang=\"" + x("en\" onfocus=\"window.__pwned='lang'") + "\">Injected " + x(IMG) + " injectedword "
        + x(JS_BREAK) + "<hi rend=\"" + x("italic\"><script>window.__pwned='hi'</script>") + "\">hi</hi>"
        + "<note place=\"foot\" n=\"" + x("1\"><script>") + "\">" + x(SCRIPT) + " a note</note></p>"
        + "<p>" + links + IMAGE_URLS.stream().map(u -> "<graphic url=\"" + x(u) + "\"/>").collect(java.util.stream.Collectors.joining())
        + "</p></div>";
    String title = x(SCRIPT + IMG + " Title");
    Files.writeString(loose.resolve("inject.xml"), Attack.tei("inject", title, body));
    Attack.Run one = editio("html", loose.toString(), "-o", dir.resolve("loose-out").toString());
    assertEquals(0, one.exit(), one.all());
    // a copy of the sample edition: edition.xml, a register entry and a document carry payloads as text
    edition = dir.resolve("edition");
    TestFiles.copyTree(TestFiles.EDITION, edition);
    replace(edition.resolve("edition.xml"), "Soviet Diplomacy in Turkey, the Balkans and Iran, 1919–1941",
        "Soviet Diplomacy " + x(SCRIPT) + " 1919–1941");
    replace(edition.resolve("edition.xml"), "https://creativecommons.org/licenses/by/4.0/", x("javascript:window.__pwned='licence'"));
    replace(edition.resolve("registers/persons.xml"), "Lavrishchev, A. A.</persName>", "Lavrishchev, A. A. " + x(IMG) + "</persName>");
    Path seed = edition.resolve("documents/d1937-05-14-litvinov.xml");
    String text = Files.readString(seed);
    int p = text.indexOf("<p>", text.indexOf("<body>"));
    Files.writeString(seed, text.substring(0, p + 3) + x(JS_BREAK) + " injectedword " + text.substring(p + 3));
    Attack.Run two = editio("html", edition.toString(), "-o", dir.resolve("edition-out").toString());
    assertEquals(0, two.exit(), two.all());
    site = dir.resolve("edition-out/html");
  }

  static void replace(Path file, String what, String with) throws Exception {
    String s = Files.readString(file);
    assertTrue(s.contains(what), file + " has " + what);
    Files.writeString(file, s.replace(what, with));
  }

  static List<Path> pages(Path root) throws Exception {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.toString().endsWith(".html")).sorted().toList();
    }
  }

  /** What in a page could run: scripts not of editio, handlers, script URLs, style attributes. */
  static List<String> dangers(Path page) throws Exception {
    Document doc = Jsoup.parse(page.toFile(), "UTF-8");
    List<String> found = new ArrayList<>();
    Set<String> ownScripts = Set.of("editio.js", "search.js", "snowball-english.js");
    for (Element s : doc.select("script")) {
      String src = s.attr("src");
      String file = src.substring(src.lastIndexOf('/') + 1);
      if (src.isEmpty() || !ownScripts.contains(file)) {
        found.add("script " + s.outerHtml());
      }
    }
    for (Element e : doc.getAllElements()) {
      for (Attribute a : e.attributes()) {
        String key = a.getKey().toLowerCase(Locale.ROOT);
        String value = a.getValue().replaceAll("[\\s\\x00-\\x1f]", "").toLowerCase(Locale.ROOT);
        if (key.startsWith("on") || key.equals("style") || key.equals("srcdoc") || key.equals("formaction")) {
          found.add(key + " on <" + e.tagName() + ">");
        }
        if ((key.equals("href") || key.equals("src") || key.equals("action") || key.equals("xlink:href"))
            && value.matches("^(javascript|vbscript|data):.*")) {
          found.add(key + "=" + a.getValue());
        }
      }
      if (Set.of("iframe", "object", "embed", "base", "form", "style").contains(e.tagName())
          && !(e.tagName().equals("form") && page.getFileName().toString().matches("search.html|documents.html"))) {
        found.add("<" + e.tagName() + ">");
      }
    }
    return found;
  }

  @Test
  void noPayloadBecomesMarkupOnAnyPage() throws Exception {
    List<String> all = new ArrayList<>();
    for (Path root : List.of(dir.resolve("loose-out/html"), site)) {
      for (Path page : pages(root)) {
        dangers(page).forEach(d -> all.add(root.relativize(page) + ": " + d));
      }
    }
    assertEquals(List.of(), all);
  }

  @Test
  void everyPayloadArrivesAsText() throws Exception {
    Document page = Jsoup.parse(dir.resolve("loose-out/html/documents/inject.html").toFile(), "UTF-8");
    String text = page.text();
    assertTrue(text.contains(SCRIPT + IMG + " Title"), "the title as text");
    assertTrue(text.contains("Injected " + IMG + " injectedword"), "the body as text");
    assertTrue(text.contains("window.__pwned='index';//</script>"), "the search-breaking text as text");
    for (String url : URLS) {
      assertTrue(text.contains("link " + url.replace("\t", " ").trim()) || text.contains("link " + url.trim()),
          "the link text survives without the link: " + url);
    }
    assertTrue(page.select("a[href^=javascript], a[href^=data], img[src^=javascript]").isEmpty());
    Document home = Jsoup.parse(site.resolve("index.html").toFile(), "UTF-8");
    assertTrue(home.title().contains("Soviet Diplomacy " + SCRIPT), home.title());
    Document register = Jsoup.parse(site.resolve("registers/persons.html").toFile(), "UTF-8");
    assertTrue(register.text().contains("Lavrishchev, A. A. " + IMG), "the register entry as text");
    assertTrue(home.select("footer a[rel=license]").attr("href").isEmpty(), "a javascript: licence is not a link");
  }

  @Test
  void noPayloadRunsInChromiumOnAnyPageOrInSearch() throws Exception {
    ChromeDriver browser = Chromium.start(1100, 1400);
    try {
      browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", CspBrowserTest.LISTENER));
      List<String> ran = new ArrayList<>();
      for (Path root : List.of(dir.resolve("loose-out/html"), site)) {
        for (Path page : pages(root)) {
          if (page.getParent().endsWith("documents") && !page.getFileName().toString().matches("inject.html|d1937-05-14-litvinov.html")) {
            continue; // the documents without payloads
          }
          browser.get(page.toUri().toString());
          browser.findElements(By.cssSelector("a, button, [tabindex]")).stream().limit(40).forEach(e -> {
            try {
              new org.openqa.selenium.interactions.Actions(browser).moveToElement(e).perform();
            } catch (RuntimeException ignored) {
              // an element out of view: hovering is only a probe
            }
          });
          Object pwned = ((JavascriptExecutor) browser).executeScript("return window.__pwned || null;");
          if (pwned != null) {
            ran.add(root.relativize(page) + ": " + pwned);
          }
        }
        // the search: results for the payload's document are rendered as text
        browser.get(root.resolve("search.html").toUri().toString());
        var input = browser.findElement(By.cssSelector("input[type=search]"));
        input.sendKeys("injectedword", Keys.ENTER);
        Thread.sleep(Duration.ofSeconds(2).toMillis());
        assertTrue(browser.findElement(By.tagName("main")).getText().toLowerCase(Locale.ROOT).contains("injectedword")
            || !browser.findElements(By.cssSelector("main li a")).isEmpty(), "the search finds the injected document");
        Object pwned = ((JavascriptExecutor) browser).executeScript("return window.__pwned || null;");
        if (pwned != null) {
          ran.add(root.relativize(root.resolve("search.html")) + ": " + pwned);
        }
      }
      assertEquals(List.of(), ran);
    } finally {
      browser.quit();
    }
  }
}
