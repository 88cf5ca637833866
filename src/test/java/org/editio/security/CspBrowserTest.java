package org.editio.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.editio.Chromium;
import org.editio.TestFiles;
import org.editio.build.Builder;
import org.editio.build.Generator;
import org.editio.html.Csp;
import org.editio.serve.Server;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The Content-Security-Policy in a real browser: every page of the sample edition, opened from
 * {@code file://} and through {@code editio serve}, loads and runs without a single violation
 * (Chromium's {@code securitypolicyviolation} events and console errors are both watched), and a
 * page with inline script or style does violate it, so the check can fail.
 */
class CspBrowserTest {


  /** Records violations from the first moment of every page. */
  static final String LISTENER = "window.__violations = [];"
      + "document.addEventListener('securitypolicyviolation', function (e) {"
      + " window.__violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber); });";

  @TempDir static Path out;
  static WebDriver browser;
  static Path site;

  @BeforeAll
  static void start() throws Exception {
    Chromium.assumeInstalled();
    new Builder().build(TestFiles.EDITION, out, "html");
    site = out.resolve("html");
    ChromeDriver chrome = Chromium.start(1100, 1400);
    chrome.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", LISTENER));
    browser = chrome;
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
  }

  @org.junit.jupiter.api.BeforeEach
  void cleanLog() {
    browser.get("about:blank");
    browser.manage().logs().get(LogType.BROWSER).getAll();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
  }

  /** Opens a page and returns what the policy blocked on it, from its events and the console. */
  static List<String> violations(String url) throws InterruptedException {
    browser.get(url);
    // let deferred scripts run (the search page loads its index)
    Thread.sleep(150);
    List<String> found = new ArrayList<>();
    Object events = ((JavascriptExecutor) browser).executeScript("return window.__violations || ['no listener'];");
    if (events instanceof List<?> list) {
      list.forEach(e -> found.add(String.valueOf(e)));
    }
    for (LogEntry e : browser.manage().logs().get(LogType.BROWSER).getAll()) {
      if (e.getLevel().intValue() >= Level.SEVERE.intValue() || e.getMessage().contains("Content Security Policy")) {
        found.add("console: " + e.getMessage());
      }
    }
    return found;
  }

  static List<Path> pages() throws Exception {
    try (Stream<Path> walk = Files.walk(site)) {
      return walk.filter(p -> p.toString().endsWith(".html")).sorted().toList();
    }
  }

  @Test
  void everyPageCarriesThePolicyInAMetaElement() throws Exception {
    for (Path page : pages()) {
      Document doc = Jsoup.parse(page.toFile(), "UTF-8");
      assertEquals(Csp.POLICY, doc.select("head > meta[http-equiv=Content-Security-Policy]").attr("content"), page.toString());
      assertTrue(doc.select("script:not([src])").isEmpty(), "inline script in " + page);
      assertTrue(doc.select("[style]").isEmpty(), "inline style attribute in " + page + ": " + doc.select("[style]"));
      assertTrue(doc.select("style").isEmpty(), "style element in " + page);
      assertTrue(doc.getAllElements().stream().flatMap(e -> e.attributes().asList().stream())
          .noneMatch(a -> a.getKey().toLowerCase().startsWith("on")), "event handler attribute in " + page);
    }
    assertFalse(Csp.POLICY.contains("unsafe"), "no unsafe-inline, no unsafe-eval");
  }

  @Test
  void theRealSiteFromFileHasNoViolation() throws Exception {
    List<String> all = new ArrayList<>();
    for (Path page : pages()) {
      for (String v : violations(page.toUri().toString())) {
        all.add(site.relativize(page) + ": " + v);
      }
    }
    assertEquals(List.of(), all);
  }

  /**
   * A search runs under the policy: search.js loads the index's files (the root, stem, word and
   * document chunks, the results' texts) as scripts of the site and builds the results without
   * inline script or style, from {@code file://} and served.
   */
  @Test
  void aSearchRunsUnderThePolicy(@TempDir Path dir) throws Exception {
    List<String> all = new ArrayList<>();
    all.addAll(searchViolations(site.resolve("search.html").toUri() + "?q=bloom"));
    try (Server server = Server.start(TestFiles.EDITION, dir.resolve("out"), 0, new PrintWriter(new StringWriter()))) {
      all.addAll(searchViolations(server.address().resolve("search.html?q=bloom").toString()));
      browser.get("about:blank"); // the reload script's connection ends here, not when the server stops
    }
    assertEquals(List.of(), all);
  }

  /** Runs the page's query and returns what the policy blocked, after checking the query ran. */
  @SuppressWarnings("unchecked")
  private static List<String> searchViolations(String url) throws InterruptedException {
    browser.get(url);
    new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(30)).until(
        d -> !d.findElements(org.openqa.selenium.By.cssSelector(".search-results li.result")).isEmpty());
    List<String> loaded = (List<String>) ((JavascriptExecutor) browser).executeScript("return editioSearch.loaded;");
    assertTrue(loaded.stream().anyMatch(f -> f.startsWith("t-")) && loaded.stream().anyMatch(f -> f.startsWith("d-"))
        && loaded.stream().anyMatch(f -> f.startsWith("doc/")), url + " loaded " + loaded);
    List<String> found = new ArrayList<>();
    Object events = ((JavascriptExecutor) browser).executeScript("return window.__violations || ['no listener'];");
    if (events instanceof List<?> list) {
      list.forEach(e -> found.add(url + ": " + e));
    }
    for (LogEntry e : browser.manage().logs().get(LogType.BROWSER).getAll()) {
      if (e.getLevel().intValue() >= Level.SEVERE.intValue() || e.getMessage().contains("Content Security Policy")) {
        found.add(url + ": console: " + e.getMessage());
      }
    }
    return found;
  }

  @Test
  void aPageWithInlineScriptOrStyleViolatesThePolicy() throws Exception {
    Path page = site.resolve("csp-probe.html");
    String html = Files.readString(site.resolve("about.html"));
    Files.writeString(page, html.replace("</main>", "<p style=\"color:red\">styled</p><script>document.title='x'</script></main>"));
    try {
      List<String> found = violations(page.toUri().toString());
      assertTrue(found.stream().anyMatch(v -> v.startsWith("script-src")), found.toString());
      assertTrue(found.stream().anyMatch(v -> v.startsWith("style-src")), found.toString());
    } finally {
      Files.delete(page);
    }
  }

  @Test
  void servedPagesCarryThePolicyHeaderAndHaveNoViolation(@TempDir Path dir) throws Exception {
    Path edition = Generator.generate(TestFiles.EDITION, 3, dir.resolve("edition"));
    try (Server server = Server.start(edition, dir.resolve("out"), 0, new PrintWriter(new StringWriter()))) {
      URI base = server.address();
      java.net.http.HttpResponse<String> home = java.net.http.HttpClient.newHttpClient().send(
          java.net.http.HttpRequest.newBuilder(base).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
      assertEquals(Csp.POLICY + "; frame-ancestors 'none'", home.headers().firstValue("Content-Security-Policy").orElse(""));
      List<String> all = new ArrayList<>();
      for (String page : List.of("", "documents.html", "search.html", "about.html", "registers/persons.html")) {
        violations(base.resolve(page).toString()).forEach(v -> all.add(page + ": " + v));
      }
      browser.get("about:blank"); // the reload script's connection ends here, not when the server stops
      assertEquals(List.of(), all);
    }
  }
}
