package org.editio.html;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.SaxonApiUncheckedException;
import net.sf.saxon.s9api.XdmAtomicValue;
import net.sf.saxon.s9api.XdmValue;
import net.sf.saxon.s9api.Xslt30Transformer;
import org.editio.Digest;
import org.editio.EditioException;
import org.editio.Problem;
import org.editio.edition.Edition;
import org.editio.edition.EditionFonts;
import org.editio.edition.TeiDocument;
import org.editio.output.OutputLayout;
import org.editio.output.Publisher;
import org.editio.output.Run;
import org.editio.output.Run.Target;
import org.editio.xml.Params;
import org.editio.xml.Xml;

/**
 * The HTML edition: a folder of static pages that works from {@code file://}, from any web
 * server and offline. Which files exist and what each is made from is decided here; what pages
 * look like, in {@code xslt/html.xsl} (or the edition's own {@code xslt/html.xsl}): a page per
 * document with a copy of its TEI, the edition's pages (home, documents, registers, search,
 * about), editio's and the edition's assets, and the search index ({@link SearchIndex}).
 *
 * <p>Everything goes through the build's {@link Run}: each file is a target with a recipe, made
 * in parallel or put in place from the previous build. What the edition's pages and the search
 * index need from each document (its summary, its search record analysed) is computed in the
 * same parallel task as the document's page, and kept between builds by the document's digest
 * (editio serve: a correction analyses one document).
 */
public final class HtmlPublisher implements Publisher {

  /** editio's static files, copied into {@code assets/}. */
  static final List<String> ASSETS = List.of("editio.css", "editio.js", "search.js", "snowball-english.js");

  private static final String STYLESHEET = "html.xsl";
  private static final QName SITE_SUMMARY = new QName("http://editio.org/ns/function", "site-summary");
  private static final QName SITE_PAGE = new QName("http://editio.org/ns/mode", "site-page");

  /** What the edition's pages read from each document, by recipe and document: kept between builds (serve). */
  private final Map<String, String> summaries = new ConcurrentHashMap<>();
  /** Each document's part of the search index, by what it is made from: kept between builds (serve). */
  private final Map<String, SearchIndex.Entry> searchEntries = new ConcurrentHashMap<>();
  /** How many documents the last build analysed for the search index. */
  private final AtomicInteger indexed = new AtomicInteger();

  @Override
  public String name() {
    return "html";
  }

  @Override
  public String part() {
    return OutputLayout.HTML;
  }

  @Override
  public String stylesheet() {
    return STYLESHEET;
  }

  @Override
  public String entry(OutputLayout layout) {
    return layout.home();
  }

  /** How many documents the last {@link #publish} analysed for the search index (the others' analyses were kept). */
  public int indexed() {
    return indexed.get();
  }

  @Override
  public void publish(Run run) throws EditioException {
    indexed.set(0);
    assets(run);
    if (run.fresh()) {
      // nothing to reuse: the edition's pages are written whatever the documents' summaries say,
      // so their one transform runs beside the documents' pages, not after them
      Run.GroupAhead site = run.startGroup(SITE, written -> writeSitePages(run, written));
      SearchIndex.Entry[] entries;
      try {
        entries = documentPages(run);
      } finally {
        site.await();
      }
      site.finish(siteRecipe(run));
      searchIndex(run, entries);
    } else {
      SearchIndex.Entry[] entries = documentPages(run);
      run.renderGroup(SITE, siteRecipe(run), written -> writeSitePages(run, written));
      searchIndex(run, entries);
    }
  }

  /** editio's assets and the edition's own (EDITION/assets/), each copied again only when it changed. */
  private void assets(Run run) throws EditioException {
    OutputLayout layout = run.layout();
    List<Target> targets = new ArrayList<>();
    for (String name : ASSETS) {
      byte[] bytes;
      try {
        bytes = Xml.resource("org/editio/html/assets/" + name);
      } catch (IOException e) {
        throw EditioException.io(null, e.getMessage());
      }
      targets.add(new Target(layout.asset(name), Digest.of(bytes), file -> write(file, bytes)));
    }
    // the images the documents show, beside their pages
    var images = run.edition().images();
    images.files().forEach((key, path) -> targets.add(new Target(layout.image(key), images.digests().get(key),
        file -> copy(path, file))));
    // the edition's fonts (EDITION/fonts/) as web fonts: the files, and the CSS that declares them
    EditionFonts fonts = run.fonts();
    if (!fonts.isEmpty()) {
      for (EditionFonts.Face face : fonts.faces()) {
        targets.add(new Target(layout.font(face.webName()), face.digest(), file -> write(file, face.bytes())));
      }
      byte[] css = fonts.fontFaces(OutputLayout.FONTS + "/").getBytes(StandardCharsets.UTF_8);
      targets.add(new Target(layout.fontFaces(), Digest.of(css), file -> write(file, css)));
    }
    var customisation = run.edition().customisation();
    customisation.assetFiles().forEach((relative, digest) -> targets.add(new Target(layout.editionAsset(relative), digest,
        file -> copy(customisation.assets().resolve(relative), file))));
    run.render("html assets", targets);
  }

  /**
   * A page per document (in parallel) and a copy of its TEI source; alongside each page, made or
   * reused, what the edition's pages read from the document ({@code f:site-summary}) and its entry
   * in the search index, each computed only when the document (or what it is read with) changed.
   *
   * <p>One transformer per thread renders that thread's share of the pages: its stylesheet
   * parameters are the same for every page (the edition, and the layout's paths of the whole site,
   * as the edition's pages get them), and what differs (the page's path, its neighbours) are
   * tunnel parameters of the page template. A page's recipe names the links it shows (its own
   * files, its neighbours', the site's pages), so it is made again exactly when one of them moves.
   *
   * @return the documents' search-index entries, in the edition's order
   */
  private SearchIndex.Entry[] documentPages(Run run) throws EditioException {
    Edition edition = run.edition();
    OutputLayout layout = run.layout();
    List<TeiDocument> documents = edition.documents();
    String context = run.recipe(STYLESHEET).add("stylesheets", layout.stylesheets(run.fonts())).hex();
    String summaryContext = run.recipe(STYLESHEET).hex();
    // a record is editio's stylesheet (the tool) over the document, the edition's context (registers, language) and its page
    String searchContext = new Digest().add("tool", Digest.tool()).add("context", edition.contextDigest()).hex();
    Map<String, String> links = layout.siteLinks();
    String searchPage = layout.page("search");
    Map<Thread, Xslt30Transformer> pageTransformers = new ConcurrentHashMap<>();
    Map<Thread, Xslt30Transformer> recordTransformers = new ConcurrentHashMap<>();
    SearchIndex.Entry[] entries = new SearchIndex.Entry[documents.size()];
    List<Target> pages = new ArrayList<>();
    List<Target> sources = new ArrayList<>();
    for (int i = 0; i < documents.size(); i++) {
      TeiDocument doc = documents.get(i);
      Map<String, String> previous = i > 0 ? neighbour(documents.get(i - 1)) : null;
      Map<String, String> next = i + 1 < documents.size() ? neighbour(documents.get(i + 1)) : null;
      String here = layout.documentPage(doc.id());
      Map<String, String> shown = layout.documentLinks(doc.id(), previous == null ? null : previous.get("id"),
          next == null ? null : next.get("id"));
      String recipe = new Digest().add("page", context).add("document", doc.digest())
          .add("previous", previous == null ? null : new TreeMap<>(previous))
          .add("next", next == null ? null : new TreeMap<>(next))
          .add("links", new TreeMap<>(shown)).hex();
      pages.add(new Target(here, recipe, file -> {
        try {
          Xslt30Transformer t = pageTransformer(run, pageTransformers, links);
          t.setInitialTemplateParameters(new Params().put("here", here).putStrings("previous", previous)
              .putStrings("next", next).asMap(), true);
          t.applyTemplates(doc.tree(), t.newSerializer(file.toFile()));
        } catch (SaxonApiException | SaxonApiUncheckedException e) {
          throw new EditioException(EditioException.INPUT, Xml.transformProblem(doc.file(), "cannot publish the HTML page", e));
        }
      }));
      sources.add(new Target(layout.documentSource(doc.id()), doc.digest(), file -> copy(doc.file(), file)));
    }
    Set<String> summaryKeys = ConcurrentHashMap.newKeySet();
    Set<String> searchKeys = ConcurrentHashMap.newKeySet();
    run.render("html", pages, i -> {
      TeiDocument doc = documents.get(i);
      // what the edition's pages read from this document (for sitePages' recipe)
      String memo = summaryContext + " " + doc.digest() + " " + doc.file();
      summaryKeys.add(memo);
      if (!summaries.containsKey(memo)) {
        try {
          XdmValue summary = pageTransformer(run, pageTransformers, links).callFunction(SITE_SUMMARY, new XdmValue[] {doc.tree()});
          summaries.put(memo, Digest.of(summary.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (SaxonApiException | SaxonApiUncheckedException e) {
          throw new EditioException(EditioException.INPUT, Xml.transformProblem(doc.file(), "cannot write the edition's pages", e));
        }
      }
      // its entry in the search index (its page's path is part of it: a result links the page)
      String key = searchContext + " " + doc.digest() + " " + doc.file() + " " + layout.documentPage(doc.id());
      searchKeys.add(key);
      SearchIndex.Entry entry = searchEntries.get(key);
      if (entry == null) {
        try {
          Xslt30Transformer records = recordTransformers.get(Thread.currentThread());
          if (records == null) {
            records = SearchIndex.records(run.packagedStylesheet(SearchIndex.STYLESHEET), run.params(), links, searchPage);
            recordTransformers.put(Thread.currentThread(), records);
          }
          entry = SearchIndex.entry(records, doc);
        } catch (SaxonApiException | SaxonApiUncheckedException e) {
          throw new EditioException(EditioException.INPUT, Xml.transformProblem(doc.file(), "cannot index the document for search", e));
        } catch (RuntimeException e) {
          throw new EditioException(EditioException.INPUT,
              Problem.error(doc.file(), "cannot index the document for search: " + org.editio.Messages.of(e)));
        }
        searchEntries.put(key, entry);
        indexed.incrementAndGet();
      }
      entries[i] = entry;
    });
    // forget documents that are gone or changed, and what was read with another stylesheet or registers
    summaries.keySet().retainAll(summaryKeys);
    searchEntries.keySet().retainAll(searchKeys);
    run.render("html sources", sources);
    return entries;
  }

  /**
   * This thread's transformer of the HTML stylesheet (the edition's own when it has one), made on
   * first use: not at all when every page is reused and every summary known.
   */
  private static Xslt30Transformer pageTransformer(Run run, Map<Thread, Xslt30Transformer> transformers,
      Map<String, String> links) throws EditioException {
    Xslt30Transformer t = transformers.get(Thread.currentThread());
    if (t == null) {
      t = run.transformer(STYLESHEET);
      try {
        t.setStylesheetParameters(run.params().putStrings("layout", links)
            .putSequence("stylesheets", run.layout().stylesheets(run.fonts())).asMap());
      } catch (SaxonApiException e) {
        throw new EditioException(EditioException.INPUT,
            Xml.transformProblem(run.edition().source(), "cannot publish the HTML pages", e));
      }
      transformers.put(Thread.currentThread(), t);
    }
    // a page is rendered as if by a transformer of its own: Saxon remembers a document that
    // could not be read (a refused doc()) and would say "marked not available" to the next page
    t.getUnderlyingController().clearDocumentPool();
    return t;
  }

  /** The group of the edition's pages in the build's manifest. */
  private static final String SITE = "site";

  /**
   * What the edition's pages (home, documents, registers, search, about) are made from: editio,
   * the edition's context and stylesheet, the layout's links, and what they read from every
   * document (its summary, computed with its page). Each page lists or counts every document, so
   * they are one group, made again when any of it changed.
   */
  private String siteRecipe(Run run) throws EditioException {
    OutputLayout layout = run.layout();
    String context = run.recipe(STYLESHEET).hex();
    Digest recipe = new Digest().add("site", context).add("stylesheets", layout.stylesheets(run.fonts()))
        .add("links", new TreeMap<>(layout.siteLinks()));
    for (TeiDocument d : run.edition().documents()) {
      recipe.add(d.id(), summaries.get(context + " " + d.digest() + " " + d.file()));
    }
    return recipe.hex();
  }

  /** The edition's pages, written by one transform: the mentions of every entry are gathered once. */
  private static void writeSitePages(Run run, java.util.function.Consumer<Path> written) throws EditioException {
    Edition edition = run.edition();
    OutputLayout layout = run.layout();
    Map<String, String> links = layout.siteLinks();
    List<String> pages = new ArrayList<>(List.of("html:home", "html:documents", "html:search", "html:about"));
    edition.registers().keySet().stream().sorted().forEach(key -> pages.add("html:register:" + key));
    Params params = run.params().put("documents", edition.documentTrees())
        .putStrings("layout", links)
        .putSequence("stylesheets", layout.stylesheets(run.fonts()));
    try {
      Xslt30Transformer t = run.transformer(STYLESHEET);
      t.setStylesheetParameters(params.asMap());
      org.editio.Timing timing = new org.editio.Timing(SITE);
      for (String page : pages) {
        Path file = run.file(links.get(page));
        Files.createDirectories(file.getParent());
        t.setInitialTemplateParameters(Map.of(new QName("page"), new XdmAtomicValue(page)), false);
        t.callTemplate(SITE_PAGE, t.newSerializer(file.toFile()));
        written.accept(file);
        timing.lap(page);
      }
    } catch (SaxonApiException | SaxonApiUncheckedException e) {
      throw new EditioException(EditioException.INPUT, Xml.transformProblem(edition.source(), "cannot write the edition's pages", e));
    } catch (IOException e) {
      throw EditioException.io(run.file(OutputLayout.HTML), "cannot write the edition's pages: " + org.editio.Messages.of(e));
    }
  }

  /**
   * The search index from the documents' entries, in the edition's order ({@link SearchIndex}
   * lays out its files). Each file is a target whose recipe is its content: the index is made of
   * every document, and a correction changes a few of its files (the chunks holding the changed
   * words, the document's own), so the others are put in place from the previous build.
   */
  private void searchIndex(Run run, SearchIndex.Entry[] entries) throws EditioException {
    org.editio.Timing timing = new org.editio.Timing("html");
    Map<String, byte[]> files;
    try {
      files = SearchIndex.files(List.of(entries));
    } catch (RuntimeException e) {
      throw EditioException.io(run.file(run.layout().searchIndex("")), "cannot build the search index: " + org.editio.Messages.of(e));
    }
    timing.lap("search index laid out");
    List<Target> targets = new ArrayList<>();
    files.forEach((name, bytes) -> targets.add(new Target(run.layout().searchIndex(name),
        new Digest().add("search-file", Digest.of(bytes)).hex(), file -> write(file, bytes))));
    run.render("html search index", targets);
  }

  private static Map<String, String> neighbour(TeiDocument doc) {
    return Map.of("id", doc.id(), "title", doc.title());
  }

  private static void write(Path file, byte[] bytes) throws EditioException {
    try {
      Files.write(file, bytes);
    } catch (IOException e) {
      throw EditioException.io(file, "cannot write: " + org.editio.Messages.io(e));
    }
  }

  private static void copy(Path source, Path file) throws EditioException {
    try {
      Files.copy(source, file);
    } catch (IOException e) {
      throw EditioException.io(file, "cannot copy " + source + ": " + org.editio.Messages.io(e));
    }
  }
}
