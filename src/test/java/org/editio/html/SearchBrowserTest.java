package org.editio.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.stream.Collectors;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XdmItem;
import net.sf.saxon.s9api.XdmNode;
import org.editio.Chromium;
import org.editio.TestFiles;
import org.editio.build.Builder;
import org.editio.edition.Edition;
import org.editio.edition.EditionLoader;
import org.editio.edition.TeiDocument;
import org.editio.xml.Xml;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The search page of the sample edition in Chromium, opened from file:// as a reader would, with
 * the queries of issue 14; the browser's normaliser against the Java one over the whole vocabulary
 * of the sample edition, the FRUS corpus and awkward text; every word of every document found;
 * results link the pages the layout named; a German edition's search page in German.
 */
@Tag("slow")
class SearchBrowserTest {

  @TempDir static Path out;
  static WebDriver browser;
  static Path site;
  static Xml xml = new Xml();
  static Edition edition;

  @BeforeAll
  static void start() throws Exception {
    Chromium.assumeInstalled();
    new Builder().build(TestFiles.EDITION, out, "html");
    site = out.resolve("html");
    edition = new EditionLoader(xml).load(TestFiles.EDITION);
    browser = Chromium.start(1100, 1400);
    browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(300));
    Files.createDirectories(BrowserTest.SHOTS);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
  }

  static List<String> consoleErrors() {
    return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
  }

  static Object js(String script, Object... args) {
    return ((JavascriptExecutor) browser).executeScript(script, args);
  }

  /** Runs an async script whose last argument is its callback. */
  static Object jsAsync(String script, Object... args) {
    return ((JavascriptExecutor) browser).executeAsyncScript(script, args);
  }

  static void shot(String name) throws Exception {
    Files.write(BrowserTest.SHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  static void openSearch(String query) {
    String url = site.resolve("search.html").toUri() + (query == null ? "" : "?q=" + java.net.URLEncoder.encode(query,
        java.nio.charset.StandardCharsets.UTF_8));
    browser.get(url);
    jsAsync("var done = arguments[0]; editioSearch.ready.then(function () { done(true); }, function (e) { done(String(e)); });");
  }

  /** The document ids the page lists for a query typed into the box, after the results settle. */
  static List<String> typed(String query) {
    WebElement q = browser.findElement(By.id("q"));
    q.clear();
    q.sendKeys(query);
    return settled();
  }

  static List<String> settled() {
    String before = "";
    List<String> ids = List.of();
    for (int i = 0; i < 60; i++) {
      sleep(150);
      String status = browser.findElement(By.cssSelector("[data-search-status]")).getText();
      List<String> now = shownIds();
      if (!status.isEmpty() && status.equals(before) && now.equals(ids)) {
        return now;
      }
      before = status;
      ids = now;
    }
    return ids;
  }

  static List<String> shownIds() {
    return browser.findElements(By.cssSelector(".search-results li.result > a")).stream()
        .map(a -> a.getAttribute("href").replaceFirst(".*/documents/", "").replaceFirst("\\.html$", "")).toList();
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** All matching ids (not only the first page), through the page's own search function. */
  @SuppressWarnings("unchecked")
  static List<String> searched(String query) {
    return (List<String>) jsAsync("var done = arguments[arguments.length - 1];"
        + "editioSearch.search(arguments[0], {}).then(function (r) { return editioSearch.ids(r.results); }).then(done,"
        + " function (e) { done(['error: ' + e]); });", query);
  }

  // ------------------------------------------------------------------ expectations from the TEI

  static String folded(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replace('ı', 'i').toLowerCase(Locale.ROOT);
  }

  /** Documents whose TEI (text or header) contains {@code word}, accents and case aside, or points to the register entry. */
  static Set<String> documentsWith(String word, String entry) throws Exception {
    Set<String> ids = new TreeSet<>();
    for (TeiDocument d : edition.documents()) {
      String source = Files.readString(d.file());
      if (folded(source.replaceAll("<[^>]*>", "")).contains(folded(word))
          || (entry != null && source.contains("persons.xml#" + entry + "\""))) {
        ids.add(d.id());
      }
    }
    return ids;
  }

  // ------------------------------------------------------------------ the queries of issue 14

  @Test
  void readersFindWhatTheyLookFor() throws Exception {
    consoleErrors();
    openSearch(null);
    Set<String> inonu = documentsWith("İnönü", "inonu");
    inonu.addAll(documentsWith("inonu", null));
    assertTrue(inonu.size() >= 15, "İnönü is in 15 documents or more: " + inonu);
    typed("Inonu");
    shot("search-inonu");
    for (String q : List.of("Inonu", "İnönü", "inönü", "INONU", "ınönü")) {
      assertEquals(inonu, new TreeSet<>(searched(q)), q);
    }
    Set<String> saracoglu = documentsWith("Saracoğlu", "saracoglu");
    assertFalse(saracoglu.isEmpty());
    assertEquals(saracoglu, new TreeSet<>(searched("Saracoglu")));
    assertEquals(saracoglu, new TreeSet<>(searched("Saracoğlu")));
    Set<String> tengirsenk = documentsWith("Tengirşenk", "tengirsenk");
    assertFalse(tengirsenk.isEmpty());
    assertEquals(tengirsenk, new TreeSet<>(searched("Tengirsenk")));

    // the correction's source reading: Blum's passage, with Blum marked and the form "bloom" shown
    assertEquals(List.of("d1937-05-14-litvinov"), typed("bloom"));
    WebElement result = browser.findElement(By.cssSelector(".search-results li.result"));
    assertEquals(List.of("Blum"), result.findElements(By.cssSelector(".snippet mark")).stream().map(WebElement::getText).toList());
    assertTrue(result.findElement(By.cssSelector(".result-names")).getText().contains("bloom"));
    assertTrue(result.findElement(By.cssSelector(".result-meta")).getText().contains("14 May 1937"), "date shown");
    assertTrue(result.findElement(By.cssSelector(".result-meta")).getText().contains("Litvinov"), "sender shown");
    assertTrue(result.findElement(By.cssSelector(".result-meta")).getText().contains("telegram"), "type shown");
    shot("search-bloom");

    // possessives and apostrophe variants
    for (String q : List.of("Ismet's", "Ismetʹs", "Ismet’s", "Inonu’s", "peoples commissar")) {
      assertTrue(searched(q).contains("d1937-05-14-litvinov"), q);
    }
    // English stemming: "conversation" finds "conversations", "talked" finds "talk"
    assertTrue(searched("conversation").contains("d1937-05-14-litvinov"));
    assertTrue(searched("talked").contains("d1937-05-14-litvinov"));

    // a phrase in quotes: the words in that order only
    Set<String> league = new TreeSet<>();
    for (TeiDocument d : edition.documents()) {
      String text = Files.readString(d.file()).replaceAll("<[^>]*>", "").replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
      if (text.contains("league of nations")) {
        league.add(d.id());
      }
    }
    assertFalse(league.isEmpty());
    assertEquals(league, new TreeSet<>(searched("\"league of nations\"")));
    assertEquals(List.of(), searched("\"nations of league\""));
    assertFalse(searched("nations of league").isEmpty(), "without quotes the words may stand in any order");
    typed("\"league of nations\"");
    List<String> marks = browser.findElements(By.cssSelector(".search-results .snippet mark")).stream()
        .map(WebElement::getText).map(s -> s.toLowerCase(Locale.ROOT)).distinct().toList();
    assertEquals(List.of("league", "of", "nations"), marks, "the phrase is marked");

    // prefix while typing: the unfinished last word
    List<String> sarac = typed("Sarac");
    assertEquals(saracoglu, new TreeSet<>(searched("Sarac")));
    assertTrue(saracoglu.containsAll(sarac) && sarac.size() == Math.min(20, saracoglu.size()), sarac.toString());
    assertEquals(List.of("d1937-05-14-litvinov"), typed("breakf"));
    assertEquals(List.of(), typed("breakf "), "a word followed by a space is a whole word");

    // names listed as "Persons mentioned" in a calendar entry
    assertTrue(searched("Karabekir").contains("d1921-08-28-tengirsenk"));
    assertTrue(searched("Kazim").contains("d1921-08-28-tengirsenk"));

    assertEquals(List.of(), consoleErrors());
  }

  /**
   * Ranking, judged as a reader: for "Inonu", documents with İnönü in the title first, then the
   * others by how often they mention him (names pointing to his register entry, and his name in
   * the summary): the transcribed telegram of Litvinov's two conversations with him (six mentions,
   * five of them "Ismet") above the calendar entries whose summary names him once and those that
   * only list him among the persons mentioned. Before, it ranked last: only the one "Inonu" written
   * counted, its length weighed against it as if a transcription were a wordy summary, and every
   * entry got more for the number of İnönü's forms in the register than for mentioning him.
   */
  @Test
  void resultsAreRankedByHowMuchTheyAreAboutTheWords() throws Exception {
    openSearch(null);
    List<String> ranked = searched("Inonu");
    Map<String, Integer> mentions = new LinkedHashMap<>();
    Set<String> inTitle = new TreeSet<>();
    for (TeiDocument d : edition.documents()) {
      if (!ranked.contains(d.id())) {
        continue;
      }
      String source = Files.readString(d.file());
      String text = source.substring(source.indexOf("<text"));
      int n = text.split("persons.xml#inonu\"", -1).length - 1;
      java.util.regex.Matcher abs = java.util.regex.Pattern.compile("<abstract>(.*?)</abstract>", java.util.regex.Pattern.DOTALL).matcher(source);
      if (abs.find()) {
        n += folded(abs.group(1).replaceAll("<[^>]*>", "")).split("inonu", -1).length - 1;
      }
      mentions.put(d.id(), n);
      java.util.regex.Matcher title = java.util.regex.Pattern.compile("<title[^>]*>(.*?)</title>").matcher(source);
      if (title.find() && folded(title.group(1)).contains("inonu")) {
        inTitle.add(d.id());
      }
    }
    assertEquals(15, ranked.size(), ranked.toString());
    assertEquals(inTitle, new TreeSet<>(ranked.subList(0, inTitle.size())), "İnönü in the title first: " + ranked);
    List<String> rest = ranked.subList(inTitle.size(), ranked.size());
    for (int i = 0; i < rest.size(); i++) {
      for (int j = i + 1; j < rest.size(); j++) {
        assertTrue(mentions.get(rest.get(i)) >= mentions.get(rest.get(j)), rest.get(i) + " (" + mentions.get(rest.get(i))
            + " mentions) ranks above " + rest.get(j) + " (" + mentions.get(rest.get(j)) + "): " + ranked + " " + mentions);
      }
    }
    assertEquals(6, mentions.get("d1937-05-14-litvinov"));
    assertEquals("d1937-05-14-litvinov", rest.get(0));
  }

  @Test
  void theQueryAndTheFacetsAreInTheAddressAndNarrowTheResults() throws Exception {
    consoleErrors();
    openSearch("Turkey");
    assertEquals("Turkey", browser.findElement(By.id("q")).getAttribute("value"));
    assertFalse(settled().isEmpty());
    String status = browser.findElement(By.cssSelector("[data-search-status]")).getText();
    int total = Integer.parseInt(status.replaceAll("\\D.*", ""));
    assertEquals(searched("Turkey").size(), total);
    // narrow by year: every result is of that year, and the count says how many
    WebElement year = browser.findElements(By.cssSelector(".search-facets section")).get(0)
        .findElement(By.cssSelector("button"));
    String label = year.findElement(By.cssSelector(".facet-label")).getText();
    int count = Integer.parseInt(year.findElement(By.cssSelector(".count")).getText());
    year.click();
    List<String> narrowed = settled();
    assertEquals(Math.min(count, 20), narrowed.size());
    assertTrue(count < total, "a year narrows the results");
    assertEquals("true", browser.findElements(By.cssSelector(".search-facets section")).get(0)
        .findElement(By.cssSelector("button")).getAttribute("aria-pressed"));
    for (WebElement meta : browser.findElements(By.cssSelector(".search-results .result-meta .meta-date"))) {
      assertTrue(meta.getText().endsWith(label), meta.getText() + " in " + label);
    }
    // a person: every result mentions that person (the facet comes from the register entries)
    openSearch("Turkey");
    settled();
    WebElement person = browser.findElements(By.cssSelector(".search-facets section")).stream()
        .filter(s -> s.findElement(By.tagName("h2")).getText().equals("Persons")).findFirst().orElseThrow()
        .findElement(By.cssSelector("button"));
    person.click();
    settled();
    assertTrue(shownIds().size() < total);
    shot("search-facets");
    // a new search: the query typed and sent with the button is in the address
    openSearch(null);
    browser.findElement(By.id("q")).clear();
    browser.findElement(By.id("q")).sendKeys("Saracoglu");
    browser.findElement(By.cssSelector("form.search button")).click();
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains("q=Saracoglu"));
    List<String> shown = settled();
    List<String> all = searched("Saracoglu");
    assertTrue(all.size() > 20 && shown.equals(all.subList(0, 20)), shown + " of " + all);
    browser.findElement(By.cssSelector("[data-search-more]")).click();
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> shownIds().size() == all.size());
    assertEquals(all, shownIds(), "show more: the rest, in order");
    // the focus goes to the first of the new results (review 9a: it stayed on the button, Tab left them behind)
    assertEquals(browser.findElements(By.cssSelector(".search-results li.result > a")).get(20), browser.switchTo().activeElement());
    assertEquals(List.of(), consoleErrors());
  }

  /**
   * A shared address with a facet value the edition does not have (a person's id renamed, a year
   * corrected since) narrows nothing: the results are the query's, and the value leaves the address
   * (review 9a: "No document matches", nothing pressed to release, and every next query kept it).
   */
  @Test
  void aFacetValueTheEditionDoesNotHaveIsDropped() throws Exception {
    List<String> all = searched("Saracoglu");
    browser.get(site.resolve("search.html").toUri() + "?q=Saracoglu&person=no-such-person&year=1999");
    jsAsync("var done = arguments[0]; editioSearch.ready.then(function () { done(true); }, function (e) { done(String(e)); });");
    assertEquals(all.subList(0, 20), settled());
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !d.getCurrentUrl().contains("person="));
    assertFalse(browser.getCurrentUrl().contains("year="), browser.getCurrentUrl());
    assertTrue(browser.getCurrentUrl().endsWith("?q=Saracoglu"), browser.getCurrentUrl());
    assertTrue(browser.findElements(By.cssSelector(".search-facets button[aria-pressed=true]")).isEmpty());
  }

  /** axe-core finds no violation on the page with results, marks and facets, a facet pressed. */
  @Test
  void resultsAndFacetsHaveNoAccessibilityViolations() throws Exception {
    String axe;
    try (java.io.InputStream in = SearchBrowserTest.class.getClassLoader()
        .getResourceAsStream("META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
      axe = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    consoleErrors();
    openSearch("Inonu Turkey");
    settled();
    browser.findElement(By.cssSelector(".search-facets button")).click();
    settled();
    js(axe);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> violations = (List<Map<String, Object>>) jsAsync(
        "var done = arguments[arguments.length - 1];"
            + "axe.run(document, {resultTypes: ['violations'], preload: false}).then(function (r) {"
            + "  done(r.violations.map(function (v) { return {id: v.id, help: v.help,"
            + "    nodes: v.nodes.slice(0, 3).map(function (n) { return n.target.join(' '); })}; }));"
            + "}).catch(function (e) { done([{id: 'axe-error', help: String(e)}]); });");
    assertEquals(List.of(), violations);
    assertEquals(List.of(), consoleErrors());
  }

  /** Markup written as text in the TEI stays text in the results: titles, snippets, names. */
  @Test
  void markupInTheTeiStaysText(@TempDir Path work) throws Exception {
    new Builder().build(TestFiles.FIXTURES.resolve("foreign"), work, "html");
    consoleErrors();
    browser.get(work.resolve("html/search.html").toUri() + "?q=alert");
    assertEquals(List.of("hostile-markup"), settled());
    WebElement result = browser.findElement(By.cssSelector(".search-results li.result"));
    assertTrue(result.findElement(By.cssSelector(".result-title")).getText().contains("</title><script>alert(\"title\")</script>"),
        result.getText());
    assertTrue(result.findElement(By.cssSelector(".snippet")).getText().contains("<img src=x onerror=alert(1)>"), result.getText());
    assertEquals(0L, (Long) js("return document.querySelectorAll('.search-results script, .search-results img, main script:not([src])').length;"));
    assertEquals(List.of(), consoleErrors());
  }

  /**
   * A result links the document's page where the layout put it (its safe name), as the index says:
   * documents whose ids cannot be file names ("../../escaped", "a b" and "a-b", a quote and markup)
   * are found, and each result opens that document's page.
   */
  @Test
  void resultsLinkThePagesTheLayoutNamed(@TempDir Path work) throws Exception {
    Path loose = Files.createDirectories(work.resolve("loose"));
    Map<String, String> ids = new LinkedHashMap<>();
    ids.put("climb.xml", "../../escaped");
    ids.put("space.xml", "a b");
    ids.put("dash.xml", "a-b");
    ids.put("quote.xml", "x&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
    int n = 0;
    for (Map.Entry<String, String> e : ids.entrySet()) {
      Files.writeString(loose.resolve(e.getKey()), "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xml:id=\"" + e.getValue() + "\">"
          + "<teiHeader><fileDesc><titleStmt><title>Zanzibar report " + (++n) + "</title></titleStmt>"
          + "<publicationStmt><p>Test</p></publicationStmt><sourceDesc><p>Written for a test.</p></sourceDesc>"
          + "</fileDesc></teiHeader><text><body><p>A report from Zanzibar, number " + n + ".</p></body></text></TEI>\n");
    }
    new Builder().build(loose, work.resolve("out"), "html");
    Path html = work.resolve("out/html");
    consoleErrors();
    browser.get(html.resolve("search.html").toUri() + "?q=zanzibar");
    assertEquals(4, settled().size());
    List<WebElement> links = browser.findElements(By.cssSelector(".search-results li.result > a"));
    Map<String, String> pages = new LinkedHashMap<>();
    for (WebElement a : links) {
      pages.put(a.getText(), a.getAttribute("href"));
    }
    assertEquals(4, new java.util.HashSet<>(pages.values()).size(), "a page of its own for each: " + pages);
    for (Map.Entry<String, String> page : pages.entrySet()) {
      Path file = Path.of(java.net.URI.create(page.getValue()));
      assertTrue(file.startsWith(html.resolve("documents")) && Files.isRegularFile(file), page.toString());
      assertTrue(Files.readString(file).contains("<title>" + page.getKey() + " · "), "the page of " + page);
    }
    assertTrue(pages.values().stream().anyMatch(h -> h.endsWith("/documents/escaped.html")), pages.toString());
    assertTrue(pages.values().stream().anyMatch(h -> h.endsWith("/documents/a-b-2.html")), pages.toString());
    // and a click opens it
    WebElement first = links.get(0);
    String title = first.getText();
    first.click();
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.getTitle().startsWith(title));
    assertEquals(List.of(), consoleErrors());
  }

  /**
   * The search page of a German edition (src/test/resources/editions/briefe) says everything in
   * German, also what search.js writes: the count of results, the facets' names, the names that
   * matched, the calendar mark, "no results", the hints; no English label of the search is seen.
   */
  @Test
  void aGermanEditionsSearchPageSpeaksGerman(@TempDir Path work) throws Exception {
    new Builder().build(TestFiles.ROOT.resolve("src/test/resources/editions/briefe"), work, "html");
    Map<String, String> en = labels("en");
    Map<String, String> de = labels("de");
    consoleErrors();
    browser.get(work.resolve("html/search.html").toUri() + "?q=Goethe");
    assertEquals(2, settled().size());
    WebElement main = browser.findElement(By.tagName("main"));
    String status = browser.findElement(By.cssSelector("[data-search-status]")).getText();
    assertEquals(de.get("result-many").replace("{1}", "2"), status);
    List<String> facets = browser.findElements(By.cssSelector(".search-facets section h2")).stream().map(WebElement::getText).toList();
    assertTrue(facets.containsAll(List.of(de.get("year"), de.get("type"), de.get("persons"))), facets.toString());
    assertEquals(de.get("narrow"), browser.findElement(By.cssSelector(".search-facets summary")).getText());
    assertTrue(main.getText().contains(de.get("names-matched") + ": "), main.getText());
    assertTrue(main.getText().contains(de.get("calendar-short")), "the calendar entry's mark: " + main.getText());
    assertTrue(main.getText().contains(de.get("search-help")));
    shot("search-german");
    StringBuilder seen = new StringBuilder(main.getText());
    // what a reader may meet besides the text: the more button (hidden here), attributes
    seen.append('\n').append(browser.findElement(By.cssSelector("[data-search-more]")).getAttribute("textContent"));
    for (WebElement e : browser.findElements(By.cssSelector("main [aria-label], main [title]"))) {
      seen.append('\n').append(e.getAttribute("aria-label")).append('\n').append(e.getAttribute("title"));
    }
    browser.findElement(By.id("q")).clear();
    browser.findElement(By.id("q")).sendKeys("Zanzibar");
    settled();
    assertEquals(de.get("no-results"), browser.findElement(By.cssSelector("[data-search-status]")).getText());
    seen.append('\n').append(browser.findElement(By.tagName("main")).getText());
    List<String> english = new ArrayList<>();
    for (String key : List.of("no-results", "result-one", "result-many", "names-matched", "more-results", "narrow",
        "search-error", "search-help", "year", "countries", "type", "persons", "calendar-short", "search-label",
        "search-button", "search")) {
      for (String words : en.get(key).split("\\{\\d+\\}")) {
        String w = words.strip().replaceAll("[.:]$", "");
        if (w.matches(".*\\p{L}.*") && !w.equals(de.get(key)) && java.util.regex.Pattern.compile("(?<!\\p{L})"
            + java.util.regex.Pattern.quote(w) + "(?!\\p{L})").matcher(seen).find()) {
          english.add(key + ": " + w);
        }
      }
    }
    assertEquals(List.of(), english);
    assertEquals(List.of(), consoleErrors());
  }

  /** The labels of a language, as labels.xsl has them. */
  static Map<String, String> labels(String language) throws Exception {
    net.sf.saxon.s9api.XdmValue map = Xml.transformer(xml.stylesheet("common/functions.xsl")).callFunction(
        new net.sf.saxon.s9api.QName("http://editio.org/ns/function", "label-map"),
        new net.sf.saxon.s9api.XdmValue[] {new net.sf.saxon.s9api.XdmAtomicValue(language)});
    Map<String, String> labels = new LinkedHashMap<>();
    ((net.sf.saxon.s9api.XdmMap) map).entrySet().forEach(e -> labels.put(e.getKey().getStringValue(),
        e.getValue().itemAt(0).getStringValue()));
    return labels;
  }

  /** The page works under a Content-Security-Policy without inline scripts or eval. */
  @Test
  void worksUnderAStrictContentSecurityPolicy() throws Exception {
    Path page = site.resolve("search-csp.html");
    Files.writeString(page, Files.readString(site.resolve("search.html")).replace("<meta charset=\"UTF-8\">",
        "<meta charset=\"UTF-8\"><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; "
            + "script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'\">"));
    consoleErrors();
    browser.get(page.toUri() + "?q=bloom");
    assertEquals(List.of("d1937-05-14-litvinov"), settled());
    assertEquals(List.of(), consoleErrors(), "no violation reported");
  }

  /**
   * A snippet shows the text around the hit, not the title again: a calendar entry's text starts
   * with its heading, which repeats the title; where the hit is only there (and in the register's
   * names), the snippet is the summary's beginning.
   */
  @Test
  void aSnippetDoesNotRepeatTheTitle() throws Exception {
    openSearch(null);
    assertFalse(typed("Tengirsenk").isEmpty());
    List<WebElement> results = browser.findElements(By.cssSelector(".search-results li.result"));
    for (WebElement r : results) {
      String title = r.findElement(By.cssSelector(".result-title")).getText();
      String snippet = r.findElement(By.cssSelector(".snippet")).getText().replaceAll("^…|…$", "");
      assertFalse(title.contains(snippet) || snippet.contains(title), "the snippet repeats the title: " + title);
    }
    // the entry whose heading repeats the title: the hit where it is next, in its list of persons
    WebElement natsarenus = results.stream().filter(r -> r.findElement(By.cssSelector("a")).getAttribute("href")
        .endsWith("d1921-09-18-natsarenus.html")).findFirst().orElseThrow();
    assertEquals(List.of("Tengirşenk"), natsarenus.findElements(By.cssSelector(".snippet mark")).stream().map(WebElement::getText).toList());
    assertTrue(natsarenus.findElement(By.cssSelector(".snippet")).getText().startsWith("Persons mentioned:"), natsarenus.getText());
  }

  /**
   * The register's forms that matched are shown where they say what the result does not already
   * show: under a title or snippet that marks "İnönü", not "Names: İnönü, İsmet; İsmet İnönü;
   * Ismet Inonu" again (before, on every one of the 15 results); "bloom" beside a marked "Blum" is.
   */
  @Test
  void theNamesThatMatchedAreShownWhereTheyAddSomething() throws Exception {
    openSearch(null);
    assertEquals(15, typed("Inonu").size());
    int quiet = 0;
    for (WebElement r : browser.findElements(By.cssSelector(".search-results li.result"))) {
      boolean marked = r.findElements(By.cssSelector(".result-title mark, .snippet mark")).stream()
          .anyMatch(m -> folded(m.getText()).equals("inonu"));
      if (marked) {
        assertEquals(0, r.findElements(By.cssSelector(".result-names")).size(), r.getText());
        quiet++;
      }
    }
    assertTrue(quiet >= 10, "results that mark İnönü: " + quiet);
    typed("bloom");
    assertTrue(browser.findElement(By.cssSelector(".search-results .result-names")).getText().contains("bloom"));
  }

  /**
   * Without results there is nothing to narrow: no empty "Narrow the results" panel. A facet the
   * reader pressed stays, with its count 0, so that it can be released.
   */
  @Test
  void withoutResultsNoEmptyFacetPanel() throws Exception {
    openSearch(null);
    typed("zzqqx");
    assertEquals("No document matches.", browser.findElement(By.cssSelector("[data-search-status]")).getText());
    // a query with nothing searchable in it says so too (it showed nothing at all until session 8)
    for (String nothing : List.of("\"", "*", "' ʹ")) {
      typed(nothing);
      assertEquals("No document matches.", browser.findElement(By.cssSelector("[data-search-status]")).getText(), nothing);
      assertEquals(List.of(), shownIds(), nothing);
    }
    assertEquals(0, browser.findElements(By.cssSelector(".search-facets details")).size(), "an empty panel");
    browser.get(site.resolve("search.html").toUri() + "?q=zzqqx&year=1937");
    jsAsync("var done = arguments[0]; editioSearch.ready.then(function () { done(true); });");
    settled();
    List<WebElement> pressed = browser.findElements(By.cssSelector(".search-facets button[aria-pressed=true]"));
    assertEquals(1, pressed.size());
    assertTrue(pressed.get(0).getText().startsWith("1937"), pressed.get(0).getText());
    pressed.get(0).click();
    settled();
    assertEquals(0, browser.findElements(By.cssSelector(".search-facets details")).size());
  }

  /**
   * Keyboard only: Enter on a facet narrows the results and the focus stays on that facet (before,
   * the facets were drawn again and the focus fell to the page's start); Enter again releases it.
   */
  @Test
  void aFacetPressedWithTheKeyboardKeepsTheFocus() throws Exception {
    openSearch("Inonu");
    settled();
    WebElement year = browser.findElement(By.cssSelector(".search-facets section button"));
    String label = year.findElement(By.cssSelector(".facet-label")).getText();
    js("arguments[0].focus();", year);
    browser.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ENTER);
    settled();
    WebElement focused = browser.switchTo().activeElement();
    assertEquals("button", focused.getTagName());
    assertEquals(label, focused.findElement(By.cssSelector(".facet-label")).getText());
    assertEquals("true", focused.getAttribute("aria-pressed"));
    focused.sendKeys(org.openqa.selenium.Keys.ENTER);
    settled();
    focused = browser.switchTo().activeElement();
    assertEquals(label, focused.findElement(By.cssSelector(".facet-label")).getText());
    assertEquals("false", focused.getAttribute("aria-pressed"));
    assertEquals("15 documents match.", browser.findElement(By.cssSelector("[data-search-status]")).getText());
  }

  /**
   * From file:// too, the address follows the query as it is typed, so that Back from a result
   * finds the search again (before, typing left the address at search.html and Back showed an
   * empty page); a facet is a step of its own in the history: Back releases it, Forward presses
   * it again.
   */
  @Test
  void backAndForwardFindTheSearchAgain() throws Exception {
    openSearch(null);
    typed("Saracoglu");
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().endsWith("search.html?q=Saracoglu"));
    List<String> all = settled();
    String status = browser.findElement(By.cssSelector("[data-search-status]")).getText();
    browser.findElement(By.cssSelector(".search-results li.result > a")).click();
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains("/documents/"));
    browser.navigate().back();
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains("search.html"));
    jsAsync("var done = arguments[0]; editioSearch.ready.then(function () { done(true); });");
    assertEquals(all, settled());
    assertEquals("Saracoglu", browser.findElement(By.id("q")).getAttribute("value"));
    assertEquals(status, browser.findElement(By.cssSelector("[data-search-status]")).getText());
    // a facet: a step of its own
    WebElement year = browser.findElement(By.cssSelector(".search-facets section button"));
    String label = year.findElement(By.cssSelector(".facet-label")).getText();
    year.click();
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains("year=" + label));
    String narrowed = browser.findElement(By.cssSelector("[data-search-status]")).getText();
    assertFalse(narrowed.equals(status));
    browser.navigate().back();
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().endsWith("search.html?q=Saracoglu"));
    assertEquals(all, settled());
    assertEquals(status, browser.findElement(By.cssSelector("[data-search-status]")).getText());
    assertEquals(0, browser.findElements(By.cssSelector(".search-facets button[aria-pressed=true]")).size());
    browser.navigate().forward();
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains("year=" + label));
    settled();
    assertEquals(narrowed, browser.findElement(By.cssSelector("[data-search-status]")).getText());
    assertEquals(1, browser.findElements(By.cssSelector(".search-facets button[aria-pressed=true]")).size());
    assertEquals(List.of(), consoleErrors());
  }

  /**
   * The facets are reached by the keyboard where they are seen: left of the results on a wide
   * screen, above them on a phone, and first in both (on a phone they were shown above the results
   * but reached after them, until session 8).
   */
  @Test
  void theFacetsComeFirstWhereTheyAreSeen() throws Exception {
    for (int width : new int[] {1100, 390}) {
      browser.manage().window().setSize(new org.openqa.selenium.Dimension(width, 900));
      try {
        openSearch("Turkey");
        settled();
        WebElement facets = browser.findElement(By.cssSelector(".search-facets"));
        WebElement results = browser.findElement(By.cssSelector(".search-results"));
        if (width > 600) {
          assertTrue(facets.getRect().getX() + facets.getRect().getWidth() <= results.getRect().getX(), "left of the results at " + width);
        } else {
          assertTrue(facets.getRect().getY() + facets.getRect().getHeight() <= results.getRect().getY(), "above the results at " + width);
        }
        // Tab from the search button: the facets' first control, then the results' first link
        browser.findElement(By.cssSelector("form.search button")).sendKeys(org.openqa.selenium.Keys.TAB);
        WebElement first = browser.switchTo().activeElement();
        assertTrue((Boolean) js("return arguments[0].contains(arguments[1]);", facets, first),
            "the first stop after the search button is in the facets at " + width + ": " + first.getTagName() + " " + first.getText());
      } finally {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1100, 1400));
      }
    }
  }

  @Test
  void atPhoneWidthThePageFits() throws Exception {
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
    try {
      openSearch("Inonu Turkey");
      settled();
      Long overflow = (Long) js("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
      shot("search-phone");
      assertTrue(overflow <= 0, "horizontal overflow: " + overflow + "px");
    } finally {
      browser.manage().window().setSize(new org.openqa.selenium.Dimension(1100, 1400));
    }
  }

  /**
   * A larger edition (600 documents, three document chunks): a first query loads only some of the
   * index, and exactly the files SearchLoad (what editio bench reports) says it loads.
   */
  @Test
  void aFirstQueryLoadsWhatBenchSaysAndNoMore(@TempDir Path work) throws Exception {
    Path generated = org.editio.build.Generator.generate(TestFiles.EDITION, 600, work.resolve("edition"));
    new Builder().build(generated, work.resolve("out"), "html");
    Path html = work.resolve("out/html");
    SearchLoad model = new SearchLoad(html.resolve("assets/search"));
    long all;
    try (var files = Files.walk(html.resolve("assets/search"))) {
      all = files.filter(Files::isRegularFile).count();
    }
    for (String q : List.of("Inonu", "Turkey ", "conversation with Ismet")) {
      consoleErrors();
      browser.get(html.resolve("search.html").toUri() + "?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8));
      jsAsync("var done = arguments[0]; editioSearch.ready.then(function () { done(true); });");
      settled();
      @SuppressWarnings("unchecked")
      List<String> loaded = (List<String>) js("return editioSearch.loaded.map(function (n) { return 'search/' + n; });");
      SearchLoad.Load expected = model.firstQuery(q);
      assertEquals(new TreeSet<>(expected.files()), new TreeSet<>(loaded), q);
      assertTrue(loaded.size() < all / 4, q + ": " + loaded.size() + " of " + all + " files");
      assertEquals(List.of(), consoleErrors());
    }
  }

  /**
   * Real documents are long (FRUS: 39 KiB of text each on average, up to 280 KiB): a result loads
   * the part of its text that holds its first hit, not the whole text. Before, a first query for
   * "volume" loaded the 20 shown documents' whole texts, 1.6 MiB; the files loaded are still
   * exactly those SearchLoad (bench) says, and every result shows its hit.
   */
  @Test
  void onLongDocumentsAResultLoadsThePartOfItsTextWithTheHit(@TempDir Path work) throws Exception {
    Path frus = TestFiles.SHARED.resolve("corpus/frus-history/documents");
    assumeTrue(Files.isDirectory(frus), "no FRUS corpus in ../shared");
    new Builder().build(frus, work, "html");
    Path html = work.resolve("html");
    Path search = html.resolve("assets/search");
    SearchLoad model = new SearchLoad(search);
    boolean parts = false;
    for (String q : List.of("volume", "declassification", "Kissinger")) {
      consoleErrors();
      browser.get(html.resolve("search.html").toUri() + "?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8));
      jsAsync("var done = arguments[0]; editioSearch.ready.then(function () { done(true); });");
      List<String> shown = settled();
      @SuppressWarnings("unchecked")
      List<String> loaded = (List<String>) js("return editioSearch.loaded.map(function (n) { return 'search/' + n; });");
      assertEquals(new TreeSet<>(model.firstQuery(q).files()), new TreeSet<>(loaded), q);
      // what the texts of the shown documents are in all, and what was loaded of them
      long whole = 0;
      long texts = 0;
      for (String f : loaded) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("search/doc/(\\d+)(-\\d+)?\\.js").matcher(f);
        if (m.matches()) {
          texts += Files.size(html.resolve("assets").resolve(f));
          parts |= m.group(2) != null;
          try (var all = Files.list(search.resolve("doc"))) {
            if (m.group(2) == null) {
              whole += all.filter(x -> x.getFileName().toString().matches(m.group(1) + "(-\\d+)?\\.js")).mapToLong(x -> x.toFile().length()).sum();
            }
          }
        }
      }
      assertTrue(texts * 2 < whole, q + ": loaded " + texts + " bytes of the results' texts, which are " + whole);
      List<WebElement> results = browser.findElements(By.cssSelector(".search-results li.result"));
      assertEquals(shown.size(), results.size());
      for (WebElement r : results) {
        assertFalse(r.findElements(By.cssSelector(".result-title mark, .snippet mark")).isEmpty(), q + ": no hit shown in " + r.getText());
      }
      assertEquals(List.of(), consoleErrors());
    }
    assertTrue(parts, "a hit beyond a text's first part");
  }

  // ------------------------------------------------------------------ both sides alike

  /** Awkward text: digits, dates, Cyrillic, Turkish, Greek, combining marks, symbols, scripts. */
  static final List<String> AWKWARD = List.of(
      "İnönü INÖNÜ ınönü Inonu inönü Saracoğlu SARACOĞLU Tengirşenk Kâzım Karabekir Ağa Paşa ıı İİ Iı iİ",
      "Ismetʹs Inonu’s people's peoples’ don't O'Brien rock’n’roll ‘quoted’ `grave´ Oʻzbekiston Volʹsk",
      "3,000 1.5 14.05.1937 1937-05-14 12:30 №5 §12 ½ ¾ x² H₂O 10% €100 $5 #tag @user a&b C++ 1930s 2nd",
      "Москва́ Ёлка ёлка Народный комиссариат иностранных дел СССР Литвинов's Σίσυφος ΟΔΟΣ οδός",
      "cafe\u0301 café naïve ﬁnd ﬂow Æsir œuvre Straße STRASSE Łódź Øresund Đakovo þorn ĳssel ǅemal",
      "中华人民共和国 日本語のテキスト カタカナ 한국어 ไทยภาษาไทย ລາວ مرحبا بالعالم שלום",
      "😀 👍🏽 e-mail foo_bar ____ U.S.A. e.g. i.e. www.example.org mail@example.org ..." + "x".repeat(300),
      "\u0301\u0308 leading marks, zero\u200Bwidth, soft\u00ADhyphen, nbsp\u00A0here, tab\tand\nnewline");

  @Test
  void theBrowserFindsAndNormalisesWordsAsJavaDoes() throws Exception {
    openSearch(null);
    // every segment of every field, as indexed: the sample edition and the FRUS corpus
    List<String> texts = new ArrayList<>(AWKWARD);
    for (TeiDocument d : edition.documents()) {
      SearchIndex.entry(xml, edition, d).fields().forEach(texts::addAll);
    }
    Path frus = TestFiles.SHARED.resolve("corpus/frus-history");
    if (Files.isDirectory(frus)) {
      Edition corpus = new EditionLoader(xml).load(frus);
      for (TeiDocument d : corpus.documents()) {
        SearchIndex.entry(xml, corpus, d).fields().forEach(texts::addAll);
      }
    }
    Set<String> vocabulary = new TreeSet<>();
    List<String> mismatches = new ArrayList<>();
    long tokens = 0;
    int batch = 0;
    while (batch < texts.size()) {
      List<String> part = new ArrayList<>();
      int chars = 0;
      while (batch < texts.size() && chars < 400_000) {
        chars += texts.get(batch).length();
        part.add(texts.get(batch++));
      }
      List<String> expected = new ArrayList<>();
      for (String t : part) {
        List<SearchAnalyzer.Token> java = SearchAnalyzer.tokens(t);
        tokens += java.size();
        java.forEach(k -> vocabulary.add(k.word()));
        expected.add(java.stream().map(k -> k.start() + " " + k.end() + " " + k.word() + " " + k.stem())
            .collect(Collectors.joining("\n")));
      }
      @SuppressWarnings("unchecked")
      List<String> found = (List<String>) js("var expected = arguments[1]; return arguments[0].map(function (t, i) {"
          + " var s = editioSearch.tokens(t).map(function (k) { return k.start + ' ' + k.end + ' ' + k.word + ' ' + k.stem; }).join('\\n');"
          + " return s === expected[i] ? null : s; });", part, expected);
      for (int i = 0; i < part.size(); i++) {
        if (found.get(i) != null) {
          mismatches.add(difference(part.get(i), expected.get(i), found.get(i)));
        }
      }
    }
    assertEquals(List.of(), mismatches.stream().map(m -> m.replaceFirst("^«.*?» ", "")).distinct().limit(200).toList(), mismatches.size() + " segments differ");
    assertTrue(tokens > 100_000, "words compared: " + tokens);

    // the vocabulary, word by word: fold and stem
    List<String> words = new ArrayList<>(vocabulary);
    @SuppressWarnings("unchecked")
    List<String> stems = (List<String>) js("return arguments[0].map(function (w) { return editioSearch.stem(editioSearch.foldWord(w)); });", words);
    List<String> differ = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      if (!stems.get(i).equals(SearchAnalyzer.stem(SearchAnalyzer.fold(words.get(i))))) {
        differ.add(words.get(i) + ": " + stems.get(i));
      }
    }
    assertEquals(List.of(), differ);
    assertTrue(words.size() > 10_000 || !Files.isDirectory(frus), "vocabulary: " + words.size());
  }

  /** Where the browser's words for a text first differ from Java's. */
  private static String difference(String text, String java, String browser) {
    String[] a = java.split("\n");
    String[] b = browser.split("\n");
    int i = 0;
    while (i < a.length && i < b.length && a[i].equals(b[i])) {
      i++;
    }
    String at = i < a.length ? a[i] : i < b.length ? b[i] : "";
    int from = Math.max(0, Integer.parseInt(at.isEmpty() ? "0" : at.split(" ")[0]) - 30);
    return "«" + first(text.substring(Math.min(from, text.length())), 80) + "» java: " + (i < a.length ? a[i] : "(end)")
        + " | browser: " + (i < b.length ? b[i] : "(end)");
  }

  private static String first(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n) + "…";
  }

  // ------------------------------------------------------------------ every word found

  /**
   * Every word of every document's TEI (its text, notes, source readings, title and summary, read
   * here with XPath, not with search-data.xsl) finds that document in the browser.
   */
  @Test
  void everyWordOfEveryDocumentFindsIt() throws Exception {
    openSearch(null);
    XPathCompiler xpath = xml.processor().newXPathCompiler();
    xpath.declareNamespace("tei", Xml.TEI_NS);
    Map<String, Set<String>> queries = new LinkedHashMap<>();
    Map<String, Integer> numbers = new LinkedHashMap<>();
    for (TeiDocument d : edition.documents()) {
      numbers.put(d.id(), numbers.size()); // the index numbers documents in the edition's order
      List<String> parts = new ArrayList<>();
      for (String expression : List.of(
          "string-join(//tei:text//text()[not(ancestor::tei:note)][not(ancestor::tei:choice)], '')",
          "//tei:text//tei:note ! string-join(.//text()[count(ancestor::tei:note) = 1][not(ancestor::tei:choice)], '')",
          "//tei:text//tei:choice/* ! string(.)",
          "//tei:titleStmt/tei:title ! string(.)",
          "//tei:profileDesc/tei:abstract ! string(.)")) {
        for (XdmItem item : xpath.evaluate(expression, d.tree())) {
          parts.add(item.getStringValue());
        }
      }
      Set<String> words = new LinkedHashSet<>();
      String source = String.join(" ", parts);
      for (SearchAnalyzer.Token t : SearchAnalyzer.tokens(source)) {
        words.add(source.substring(t.start(), t.end()));
      }
      queries.put(d.id(), words);
    }
    long count = queries.values().stream().mapToLong(Set::size).sum();
    assertTrue(count > 5_000, "words: " + count);
    @SuppressWarnings("unchecked")
    List<String> missing = (List<String>) jsAsync("var all = arguments[0], numbers = arguments[1], done = arguments[arguments.length - 1], missing = [];"
        + "var jobs = []; Object.keys(all).forEach(function (id) { all[id].forEach(function (w) { jobs.push([id, w]); }); });"
        + "var i = 0; function next() {"
        + "  if (i >= jobs.length) { done(missing); return; }"
        + "  var job = jobs[i++];"
        + "  editioSearch.search(job[1] + ' ', {}).then(function (r) {"
        + "    if (!r.results.some(function (x) { return x.doc === numbers[job[0]]; })) { missing.push(job[0] + ': ' + job[1]); }"
        + "    next(); }, function (e) { missing.push(job[0] + ': ' + job[1] + ' (' + e + ')'); next(); }); }"
        + "next();", queries.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> List.copyOf(e.getValue()))),
        numbers);
    assertEquals(List.of(), missing.subList(0, Math.min(20, missing.size())), missing.size() + " of " + count + " words not found");
  }
}
