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
import java.util.Set;
import java.util.TreeSet;
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
    // a button opens with Space too, and the page does not scroll (review 9a: Space scrolled the page)
    Object scrolled = js("return window.scrollY;");
    mark.sendKeys(Keys.SPACE);
    WebElement opened = waitFor(By.cssSelector(".note-popover"));
    assertTrue(opened.getText().contains("a copy of the telegram"), "Space opens the note");
    assertEquals(scrolled, js("return window.scrollY;"));
    // the note as written, its name linked as in the list of notes, and no id twice in the page (review 9a: plain text)
    assertEquals("../registers/organizations.html#ussr-embassy-turkey",
        opened.findElement(By.cssSelector("a.name")).getDomAttribute("href"));
    assertEquals(0L, js("return arguments[0].querySelectorAll('[id]').length;", opened));
    // a click elsewhere closes it
    browser.findElement(By.cssSelector("h1")).click();
    assertTrue(browser.findElements(By.cssSelector(".note-popover")).isEmpty(), "a click elsewhere closes the note");

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
    // to a document and back: the list is filtered as the lists say (review 9a: all 95 under "Iran")
    String counted = browser.findElement(By.cssSelector(".filter-count")).getText();
    browser.findElements(By.cssSelector(".document-list > li a")).stream().filter(WebElement::isDisplayed).findFirst()
        .orElseThrow().click();
    assertTrue(browser.getCurrentUrl().contains("/documents/"), browser.getCurrentUrl());
    browser.navigate().back();
    waitFor(By.id("filter-country"));
    assertEquals("country-iran", browser.findElement(By.id("filter-country")).getAttribute("value"));
    assertEquals(shown, browser.findElements(By.cssSelector(".document-list > li")).stream().filter(WebElement::isDisplayed).count());
    assertEquals(counted, browser.findElement(By.cssSelector(".filter-count")).getText());

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
      // every page of the site (review 9a: the about page's licence address widened it by 15 px)
      for (String page : List.of("index.html", "documents.html", "about.html", "search.html", "registers/persons.html",
          "registers/places.html", "registers/organizations.html", "documents/d1920-06-17-chicherin.html")) {
        open(page);
        Long wider = (Long) js("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertTrue(wider <= 0, page + ": horizontal overflow " + wider + "px");
      }
    } finally {
      browser.manage().window().setSize(new org.openqa.selenium.Dimension(1100, 1400));
    }
  }

  // ---------------------------------------------------------------- layout (review of session 6)

  static Object js(String script, Object... args) {
    return ((JavascriptExecutor) browser).executeScript(script, args);
  }

  /** Runs {@code check} with the window {@code width} CSS pixels wide, then gives the window its usual size back. */
  static void atWidth(int width, ThrowingRunnable check) throws Exception {
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(width, 900));
    try {
      check.run();
    } finally {
      browser.manage().window().setSize(new org.openqa.selenium.Dimension(1100, 1400));
    }
  }

  interface ThrowingRunnable {
    void run() throws Exception;
  }

  static Path frusSite;

  /** The FRUS documents (../shared/corpus/frus-history, an edition without edition.xml or countries) as HTML, built once. */
  static Path frus() throws Exception {
    Path documents = TestFiles.SHARED.resolve("corpus/frus-history/documents");
    assumeTrue(Files.isDirectory(documents), "../shared/corpus/frus-history is absent");
    if (frusSite == null) {
      new Builder().build(documents, out.resolve("frus"), "html");
      frusSite = out.resolve("frus/html");
    }
    return frusSite;
  }

  static void openFrus(String page) throws Exception {
    browser.get(frus().resolve(page).toUri().toString());
  }

  @Test
  void theAbbreviationsFitAPhoneAndTheirTermsTakeANarrowColumn() throws Exception {
    atWidth(390, () -> {
      open("about.html");
      screenshot("about-phone");
      @SuppressWarnings("unchecked")
      List<String> outside = (List<String>) js(
          "var w = document.documentElement.clientWidth, out = [];"
              + "document.querySelectorAll('dl.abbreviations, dl.abbreviations *').forEach(function (e) {"
              + "  var r = e.getBoundingClientRect(); if (r.left < 0 || r.right > w + 0.5) out.push(e.tagName + ' ' + e.textContent.trim().slice(0, 30) + ': ' + r.left + '–' + r.right); });"
              + "return out;");
      assertEquals(List.of(), outside, "past the viewport's edge at 390 px");
    });
    open("about.html");
    // on a desktop the definitions start within the first third of the list, not after its longest term
    double share = ((Number) js("var dl = document.querySelector('dl.abbreviations').getBoundingClientRect();"
        + "var dd = document.querySelector('dl.abbreviations dd').getBoundingClientRect();"
        + "return (dd.left - dl.left) / dl.width;")).doubleValue();
    assertTrue(share < 0.3, "the terms' column takes " + share + " of the width");
  }

  /** Where the document number's box and the box of what follows it (the title, or FRUS's source paragraph) overlap. */
  static List<String> numberOverlaps(String page) {
    @SuppressWarnings("unchecked")
    Map<String, Object> boxes = (Map<String, Object>) js(
        "var n = document.querySelector('.document-number'), next = n.nextElementSibling;"
            + "while (next && next.getBoundingClientRect().height === 0) { next = next.nextElementSibling; }"
            + "var first = next; while (first.firstElementChild) { first = first.firstElementChild; }"
            + "return {bottom: n.getBoundingClientRect().bottom, next: next.getBoundingClientRect().top,"
            + "  first: first.getBoundingClientRect().top, what: next.tagName + '.' + next.className};");
    double bottom = ((Number) boxes.get("bottom")).doubleValue();
    return bottom <= ((Number) boxes.get("next")).doubleValue() && bottom <= ((Number) boxes.get("first")).doubleValue()
        ? List.of() : List.of(page + ": the number runs into " + boxes);
  }

  @Test
  void theDocumentNumberStandsClearOfWhatFollows() throws Exception {
    List<String> overlaps = new java.util.ArrayList<>();
    for (int width : new int[] {1100, 390}) {
      atWidth(width, () -> {
        open("documents/d1937-05-14-litvinov.html");
        overlaps.addAll(numberOverlaps("seed at " + width));
        for (String page : List.of("1958-11-07-hac-meeting-minutes.html", "1957-03-21-kennan-to-leopold.html",
            "1972-09-22-kogan-to-franklin.html")) {
          openFrus("documents/" + page);
          overlaps.addAll(numberOverlaps(page + " at " + width));
        }
      });
    }
    assertEquals(List.of(), overlaps);
  }

  @Test
  void eachHeadingLevelIsSmallerThanTheOneAbove() throws Exception {
    open("documents/d1937-05-14-litvinov.html");
    double title = ((Number) js("return parseFloat(getComputedStyle(document.querySelector('main h1')).fontSize);")).doubleValue();
    double head = ((Number) js("return parseFloat(getComputedStyle(document.querySelector('.tei-text h2.tei-head')).fontSize);")).doubleValue();
    assertTrue(head < title, "the text's head " + head + "px, the page's title " + title + "px");
    List<String> wrong = new java.util.ArrayList<>();
    for (String page : List.of("index.html", "documents.html", "about.html", "registers/persons.html",
        "documents/d1937-05-14-litvinov.html")) {
      open(page);
      // the first h1, h2, h3 of the page's content (0 where it has none); the notes' and citation's small headings aside
      @SuppressWarnings("unchecked")
      List<Number> sizes = (List<Number>) js("return ['h1', 'h2', 'h3'].map(function (h) {"
          + "  var e = document.querySelector('main ' + h + ':not(.notes h2):not(.cite h2):not(.abstract h2)');"
          + "  return e ? parseFloat(getComputedStyle(e).fontSize) : 0; });");
      for (int i = 1; i < sizes.size(); i++) {
        if (sizes.get(i).doubleValue() >= sizes.get(i - 1).doubleValue()) {
          wrong.add(page + ": h1, h2, h3 " + sizes);
          break;
        }
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void everySansTextHasTheSameFontStack() throws Exception {
    Set<String> stacks = new TreeSet<>();
    for (String page : List.of("index.html", "documents.html", "about.html", "registers/persons.html", "search.html",
        "documents/d1937-05-14-litvinov.html", "documents/d1939-04-16-nikitnikov.html")) {
      open(page);
      @SuppressWarnings("unchecked")
      List<String> families = (List<String>) js("var seen = {};"
          + "document.querySelectorAll('body, body *').forEach(function (e) { seen[getComputedStyle(e).fontFamily] = true; });"
          + "return Object.keys(seen);");
      families.stream().filter(f -> f.contains("sans-serif")).forEach(stacks::add);
    }
    assertEquals(1, stacks.size(), "sans stacks: " + stacks);
  }

  @Test
  void headerMainAndFooterShareTheLeftEdge() throws Exception {
    for (int width : new int[] {1100, 390}) {
      atWidth(width, () -> {
        for (String page : List.of("documents.html", "documents/d1937-05-14-litvinov.html", "search.html")) {
          open(page);
          @SuppressWarnings("unchecked")
          List<Number> edges = (List<Number>) js("function content(e) { var s = getComputedStyle(e);"
              + "  return e.getBoundingClientRect().left + parseFloat(s.paddingLeft) + parseFloat(s.borderLeftWidth); }"
              + "return [document.querySelector('.site-title').getBoundingClientRect().left, content(document.querySelector('main')),"
              + "  document.querySelector('main h1').getBoundingClientRect().left, content(document.querySelector('.site-footer'))];");
          for (Number edge : edges) {
            assertEquals(edges.get(0).doubleValue(), edge.doubleValue(), 0.5, page + " at " + width + ": header, main, h1, footer " + edges);
          }
        }
      });
    }
  }

  @Test
  void aFilterKeepsItsLabelOnItsLineAndABadgeStartsItsLine() throws Exception {
    atWidth(390, () -> {
      open("documents.html");
      screenshot("documents-phone");
      @SuppressWarnings("unchecked")
      List<String> apart = (List<String>) js("var out = [];"
          + "document.querySelectorAll('.filters label').forEach(function (l) {"
          + "  var s = document.getElementById(l.htmlFor).getBoundingClientRect(), r = l.getBoundingClientRect(), mid = (r.top + r.bottom) / 2;"
          + "  if (mid < s.top || mid > s.bottom || r.right > s.left) out.push(l.textContent + ' ' + JSON.stringify(r) + ' ' + JSON.stringify(s)); });"
          + "return out;");
      assertEquals(List.of(), apart, "a label not on its list's line");
    });
    open("documents.html");
    Number indent = (Number) js("var li = document.querySelector('.document-list li:has(.parties + .badge)');"
        + "return li.querySelector('.badge').getBoundingClientRect().left - li.getBoundingClientRect().left;");
    assertEquals(0, indent.doubleValue(), 0.5, "the badge under the parties is indented");
  }

  /** Year labels of the chart: rendered at least 11 px high, in the sans face, inside the chart, none over another. */
  static void assertYearLabelsReadable(String page) {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> labels = (List<Map<String, Object>>) js(
        "var svg = document.querySelector('.timeline-chart').getBoundingClientRect();"
            + "return Array.prototype.map.call(document.querySelectorAll('.timeline-chart text'), function (t) {"
            + "  var r = t.getBoundingClientRect(); return {text: t.textContent, left: r.left - svg.left, right: r.right - svg.left,"
            + "    height: r.height, width: svg.width, font: getComputedStyle(t).fontFamily}; });");
    assertTrue(labels.size() >= 2, page + ": year labels " + labels);
    double previousRight = -1;
    for (Map<String, Object> label : labels) {
      double left = ((Number) label.get("left")).doubleValue();
      double right = ((Number) label.get("right")).doubleValue();
      assertTrue(((Number) label.get("height")).doubleValue() >= 11, page + ": too small " + label);
      assertTrue(((String) label.get("font")).startsWith("\"DejaVu Sans\""), page + ": " + label);
      assertTrue(left >= 0 && right <= ((Number) label.get("width")).doubleValue() + 0.5, page + ": outside the chart " + label);
      assertTrue(left > previousRight, page + ": over the label before it " + label);
      previousRight = right;
    }
  }

  @Test
  void theChartsBarsAreAsTallAsTheirYearsDocuments() throws Exception {
    open("documents.html");
    // per year: the documents in the list, the bar's height, and each segment's title with what the filter finds for it
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> years = (List<Map<String, Object>>) js(
        "var values = {}; document.querySelectorAll('#filter-country option').forEach(function (o) { values[o.textContent] = o.value; });"
            + "return Array.prototype.map.call(document.querySelectorAll('.timeline-chart a'), function (a) {"
            + "  var year = a.getAttribute('href').slice(6), items = document.querySelectorAll('.document-list li[data-year=\"' + year + '\"]');"
            + "  var height = 0, segments = [];"
            + "  a.querySelectorAll('rect').forEach(function (r) {"
            + "    height += parseFloat(r.getAttribute('height'));"
            + "    var title = r.querySelector('title').textContent, m = /^(\\d+), (.+): (\\d+) documents?$/.exec(title);"
            + "    var value = m && (m[2] === 'not stated' ? '' : values[m[2]]), found = 0;"
            + "    items.forEach(function (li) { var c = li.getAttribute('data-country');"
            + "      if (value === '' ? c === '' : (' ' + c + ' ').indexOf(' ' + value + ' ') >= 0) { found++; } });"
            + "    segments.push({title: title, said: m ? +m[3] : -1, found: found}); });"
            + "  return {year: year, documents: items.length, height: height, segments: segments}; });");
    assertEquals(9, years.size(), "one bar for each year with documents: " + years);
    double perDocument = ((Number) years.get(0).get("height")).doubleValue() / ((Number) years.get(0).get("documents")).doubleValue();
    for (Map<String, Object> year : years) {
      double documents = ((Number) year.get("documents")).doubleValue();
      assertEquals(documents * perDocument, ((Number) year.get("height")).doubleValue(), 0.05, "bar height of " + year);
    }
    for (Map<String, Object> year : years) {
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> segments = (List<Map<String, Object>>) year.get("segments");
      for (Map<String, Object> segment : segments) {
        assertEquals(((Number) segment.get("found")).intValue(), ((Number) segment.get("said")).intValue(),
            "a segment's title counts what the filter finds: " + segment);
      }
    }
    atWidth(390, () -> {
      open("documents.html");
      assertYearLabelsReadable("documents.html at 390 px");
    });
  }

  @Test
  void anEditionWithoutCountriesHasNoCountryLegendOrEmptyFilters() throws Exception {
    atWidth(390, () -> {
      openFrus("documents.html");
      screenshot("frus-documents-phone");
      assertTrue(browser.findElements(By.cssSelector(".legend")).isEmpty(), "a legend of only \"not stated\"");
      assertEquals("Documents per year", browser.findElement(By.id("timeline-caption")).getText(), "no \"by country\"");
      List<WebElement> selects = browser.findElements(By.cssSelector(".filters select"));
      assertEquals(List.of("filter-year"), selects.stream().map(e -> e.getAttribute("id")).toList());
      for (WebElement select : selects) {
        assertTrue(select.findElements(By.tagName("option")).size() > 1, select.getAttribute("id") + " offers only All");
      }
      new org.openqa.selenium.support.ui.Select(selects.get(0)).selectByValue("1958");
      long shown = browser.findElements(By.cssSelector(".document-list > li")).stream().filter(WebElement::isDisplayed).count();
      assertEquals(browser.findElements(By.cssSelector(".document-list > li[data-year='1958']")).size(), shown,
          "the year filter works without the others");
      assertTrue(shown > 0 && shown < 63, "1958: " + shown);
      assertYearLabelsReadable("FRUS documents.html at 390 px");
      assertEquals(List.of(), consoleErrors());
    });
  }

  @Test
  void theSourceAddressIsWrittenOutOnlyInPrintAndBreaksAfterSlashes() throws Exception {
    atWidth(600, () -> {
      open("documents/d1937-05-14-litvinov.html");
      WebElement note = browser.findElement(By.cssSelector(".source-note"));
      String href = note.findElement(By.cssSelector("a.tei-ref")).getAttribute("href");
      assertTrue(href.startsWith("https://marxistleninists.org/"), href);
      assertTrue(!note.getText().contains("https://"), "on screen the link carries the address: " + note.getText());
      ChromeDriver chrome = (ChromeDriver) browser;
      chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
      try {
        // the reading switch and the key of the marks are for the screen: print shows the source's reading in brackets
        assertTrue(!browser.findElement(By.cssSelector(".reading-tools")).isDisplayed(), "reading tools printed");
        assertTrue(browser.findElement(By.cssSelector(".tei-choice > .original")).isDisplayed(), "the source's reading printed");
        assertTrue(note.getText().replace("\n", "").contains(href), "printed: " + note.getText());
        // where the printed address breaks into lines: after a slash, never inside a word
        @SuppressWarnings("unchecked")
        List<String> breaks = (List<String>) js("var a = arguments[0], text = '', tops = [];"
            + "var walk = document.createTreeWalker(a, NodeFilter.SHOW_TEXT), node;"
            + "while ((node = walk.nextNode())) { for (var i = 0; i < node.length; i++) {"
            + "  var r = document.createRange(); r.setStart(node, i); r.setEnd(node, i + 1);"
            + "  var rect = r.getClientRects()[0]; if (rect) { text += node.data[i]; tops.push(rect.top); } } }"
            + "var out = []; for (var j = 1; j < tops.length; j++) { if (tops[j] > tops[j - 1] + 2) { out.push(text.slice(0, j)); } }"
            + "return out;", note.findElement(By.cssSelector(".address")));
        assertTrue(!breaks.isEmpty(), "at 600 px the address needs more than one line");
        for (String before : breaks) {
          assertTrue(before.endsWith("/"), "a line of the address ends inside a word: " + before);
        }
      } finally {
        chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
      }
    });
  }
}
