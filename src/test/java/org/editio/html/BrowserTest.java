package org.editio.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.editio.Chromium;
import org.editio.TestFiles;
import org.editio.build.Builder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The HTML edition in a real browser (Debian's Chromium, driven by Selenium), opened from
 * file:// as a reader would: navigation, notes, registers, search, no JavaScript errors, and no
 * accessibility violations found by axe-core. Screenshots go to target/screenshots.
 */
@Tag("slow")
class BrowserTest {

  static final Path SHOTS = Path.of("target/screenshots");

  @TempDir static Path out;
  static WebDriver browser;
  static Path site;

  @BeforeAll
  static void start() throws Exception {
    Chromium.assumeInstalled();
    new Builder().build(TestFiles.EDITION, out, "html");
    site = out.resolve("html");
    browser = Chromium.start(1100, 1400);
    browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    Files.createDirectories(SHOTS);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
  }

  static void open(String page) {
    browser.get(site.resolve(page).toUri().toString());
  }

  static void screenshot(String name) throws Exception {
    byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
    Files.write(SHOTS.resolve(name + ".png"), png);
  }

  /** Console errors of the page so far (messages of level SEVERE). */
  static List<String> consoleErrors() {
    return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
  }

  static WebElement waitFor(By by) {
    return new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  @Test
  void aReaderFindsADocumentReadsANoteVisitsTheRegisterAndSearches() throws Exception {
    consoleErrors(); // start from a clean log
    open("index.html");
    screenshot("home");
    browser.findElement(By.cssSelector("a[href='documents/d1937-05-14-litvinov.html']")).click();
    assertTrue(browser.getCurrentUrl().endsWith("documents/d1937-05-14-litvinov.html"));
    screenshot("document");

    WebElement mark = browser.findElement(By.cssSelector("a.note-ref"));
    mark.click();
    WebElement popover = waitFor(By.cssSelector(".note-popover"));
    assertTrue(popover.getText().contains("a copy of the telegram was sent to the USSR embassy in Turkey"));
    assertEquals("true", mark.getAttribute("aria-expanded"));
    screenshot("document-note");
    mark.sendKeys(Keys.ESCAPE);
    assertTrue(browser.findElements(By.cssSelector(".note-popover")).isEmpty(), "Escape closes the note");

    WebElement person = browser.findElement(By.cssSelector(".tei-text a.tei-persName[href$='#inonu']"));
    String mention = person.getAttribute("id");
    person.click();
    assertTrue(browser.getCurrentUrl().endsWith("registers/persons.html#inonu"), browser.getCurrentUrl());
    screenshot("register");
    browser.findElement(By.cssSelector("#inonu a[href$='d1937-05-14-litvinov.html#" + mention + "']")).click();
    assertTrue(browser.getCurrentUrl().endsWith("d1937-05-14-litvinov.html#" + mention), "back to the passage");

    open("search.html");
    WebElement q = browser.findElement(By.id("q"));
    q.sendKeys("breakfast");
    q.sendKeys(Keys.ENTER);
    WebElement first = waitFor(By.cssSelector(".search-results li a"));
    assertEquals("documents/d1937-05-14-litvinov.html", first.getAttribute("href").replaceFirst(".*/html/", ""));
    assertTrue(browser.findElement(By.cssSelector(".search-results mark")).getText().toLowerCase().contains("breakfast"));
    assertEquals(1, browser.findElements(By.cssSelector(".search-results li")).size(), "only that document says it");
    screenshot("search");

    open("documents.html");
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("filter-country"))).selectByValue("country-iran");
    long shown = browser.findElements(By.cssSelector(".document-list > li")).stream().filter(WebElement::isDisplayed).count();
    assertTrue(shown > 0 && shown < 95, "the filter narrows the list: " + shown);
    screenshot("documents-filtered");

    assertEquals(List.of(), consoleErrors());
  }

  @Test
  void noAccessibilityViolations() throws Exception {
    consoleErrors(); // start from a clean log
    String axe;
    try (InputStream in = BrowserTest.class.getClassLoader()
        .getResourceAsStream("META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
      axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    for (String page : List.of("index.html", "documents/d1937-05-14-litvinov.html", "registers/persons.html",
        "search.html", "documents.html")) {
      open(page);
      ((JavascriptExecutor) browser).executeScript(axe);
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> violations = (List<Map<String, Object>>) ((JavascriptExecutor) browser).executeAsyncScript(
          "var done = arguments[arguments.length - 1];"
              + "axe.run(document, {resultTypes: ['violations'], preload: false}).then(function (r) {"
              + "  done(r.violations.map(function (v) { return {id: v.id, help: v.help,"
              + "    nodes: v.nodes.slice(0, 3).map(function (n) { return n.target.join(' '); })}; }));"
              + "}).catch(function (e) { done([{id: 'axe-error', help: String(e)}]); });");
      assertEquals(List.of(), violations, page);
    }
    assertEquals(List.of(), consoleErrors());
  }

  /**
   * editio serve in a real browser: an open page reloads by itself after a correction, shows the
   * error while a file is broken, and comes back once it is fixed.
   */
  @Test
  void aServedPageReloadsAfterACorrectionAndShowsErrors(@TempDir Path work) throws Exception {
    Path edition = org.editio.build.Generator.generate(TestFiles.EDITION, 3, work.resolve("edition"));
    Path document;
    try (var files = Files.list(edition.resolve("documents"))) {
      document = files.sorted().findFirst().orElseThrow();
    }
    String text = Files.readString(document);
    int body = text.indexOf("<body>");
    try (org.editio.serve.Server server = org.editio.serve.Server.start(edition, work.resolve("out"), 0,
        new java.io.PrintWriter(new java.io.StringWriter()))) {
      consoleErrors();
      browser.get(server.address().resolve("documents/" + document.getFileName().toString().replace(".xml", ".html")).toString());
      WebElement before = waitFor(By.cssSelector("main"));
      assertTrue(!before.getText().contains("Reloaded by itself."));

      Files.writeString(document, text.substring(0, body) + text.substring(body).replaceFirst("<p>", "<p>Reloaded by itself. "));
      // (the page reloads by itself: an element found just before the reload is stale, look again)
      new WebDriverWait(browser, Duration.ofSeconds(60)).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(
          d -> d.findElement(By.cssSelector("main")).getText().contains("Reloaded by itself."));

      Files.writeString(document, text.replaceFirst("<body>", "<body><broken>"));
      WebElement heading = new WebDriverWait(browser, Duration.ofSeconds(60))
          .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(
          ExpectedConditions.visibilityOfElementLocated(By.xpath("//h1[contains(., 'The edition has 1 error')]")));
      assertTrue(browser.findElement(By.cssSelector("li.error")).getText().contains(document.getFileName() + ":"),
          heading.getText());
      screenshot("serve-error");

      Files.writeString(document, text);
      new WebDriverWait(browser, Duration.ofSeconds(60)).until(
          d -> !d.findElements(By.cssSelector("article.document")).isEmpty());
      assertTrue(!browser.findElement(By.cssSelector("main")).getText().contains("Reloaded by itself."));
      assertEquals(List.of(), consoleErrors().stream().filter(m -> !m.contains("500")).toList(),
          "no script errors (the error page itself is served with status 500)");
    }
  }

  @Test
  void phoneWidthHasNoHorizontalScroll() throws Exception {
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
    try {
      open("documents/d1937-05-14-litvinov.html");
      Long overflow = (Long) ((JavascriptExecutor) browser).executeScript(
          "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
      screenshot("document-phone");
      assertTrue(overflow <= 0, "horizontal overflow: " + overflow + "px");
    } finally {
      browser.manage().window().setSize(new org.openqa.selenium.Dimension(1100, 1400));
    }
  }
}
