package org.editio.html;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.Xslt30Transformer;
import net.sf.saxon.s9api.XdmValue;
import net.sf.saxon.s9api.XsltExecutable;
import org.editio.Digest;
import org.editio.EditioException;
import org.editio.Parallel;
import org.editio.Problem;
import org.editio.Reuse;
import org.editio.Timing;
import org.editio.edition.Edition;
import org.editio.edition.TeiDocument;
import org.editio.xml.Params;
import org.editio.xml.Xml;

/**
 * Writes the HTML edition: a folder of static pages that works from {@code file://}, from any
 * web server and offline. Which pages exist is decided here; what they look like, in
 * {@code xslt/html/}: document pages (in parallel), then the edition's pages (home, documents,
 * registers, search, about) in one transform, then the search index and the assets.
 */
public final class HtmlPublisher {

  /** Static files of editio copied into {@code assets/}. */
  static final List<String> ASSETS = List.of("editio.css", "editio.js", "search.js", "snowball-english.js");

  private final Xml xml;
  private final org.editio.Progress progress;
  private Reuse reuse = Reuse.NEVER;
  private Map<String, SearchIndex.Entry> searchEntries = new java.util.concurrent.ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicInteger indexed = new java.util.concurrent.atomic.AtomicInteger();
  private Map<String, String> summaries = new java.util.concurrent.ConcurrentHashMap<>();

  private static final net.sf.saxon.s9api.QName SITE_SUMMARY =
      new net.sf.saxon.s9api.QName("http://editio.org/ns/function", "site-summary");

  public HtmlPublisher(Xml xml) {
    this(xml, org.editio.Progress.SILENT);
  }

  public HtmlPublisher(Xml xml, org.editio.Progress progress) {
    this.xml = xml;
    this.progress = progress;
  }

  /** Carries unchanged outputs over from the previous build instead of rendering them. */
  public HtmlPublisher reuse(Reuse reuse) {
    this.reuse = reuse;
    return this;
  }

  /**
   * Remembers documents' summaries (what the edition's pages read from them) between builds, by
   * the digest of each document: editio serve then computes one summary per changed document.
   */
  public HtmlPublisher summaries(Map<String, String> summaries) {
    this.summaries = summaries;
    return this;
  }

  /**
   * Remembers documents' parts of the search index between builds, by the digest of each document
   * and of what else they are made from: editio serve then analyses one document per correction.
   */
  public HtmlPublisher searchEntries(Map<String, SearchIndex.Entry> entries) {
    this.searchEntries = entries;
    return this;
  }

  /** How many documents the last {@link #publish} analysed for the search index. */
  public int indexed() {
    return indexed.get();
  }

  /**
   * Publishes {@code edition} into {@code dir} (normally a staging folder).
   *
   * @param withPdf whether document pages link to PDFs published beside them
   */
  public void publish(Edition edition, Path dir, boolean withPdf) throws EditioException {
    Path docs = dir.resolve("documents");
    Path assets = dir.resolve("assets");
    try {
      Files.createDirectories(docs);
      Files.createDirectories(assets);
      for (String asset : ASSETS) {
        Files.write(assets.resolve(asset), Xml.resource("org/editio/html/assets/" + asset));
      }
    } catch (IOException e) {
      throw EditioException.io(dir, "cannot write the HTML edition: " + e.getMessage());
    }
    Timing timing = new Timing("html");
    // the stylesheets this build will surely need, compiled side by side instead of one after
    // another while the documents wait (each is compiled once per Xml, on first use)
    List<String> needed = new java.util.ArrayList<>();
    if (reuse.fresh()) {
      needed.add("html/document.xsl");
    }
    if (searchEntries.isEmpty()) {
      needed.add("html/search-data.xsl");
    }
    if (summaries.isEmpty()) {
      needed.add("html/site.xsl");
    }
    needed.parallelStream().forEach(xml::stylesheet);
    timing.lap("stylesheets");
    String context = new Digest().add("tool", Digest.tool()).add("context", edition.contextDigest())
        .add("with-pdf", withPdf).hex();
    String searchContext = new Digest().add("tool", Digest.tool()).add("context", edition.contextDigest()).hex();
    Map<String, SearchIndex.Entry> entries = new java.util.concurrent.ConcurrentHashMap<>();
    documentPages(edition, docs, withPdf, context, searchContext, entries);
    timing.lap("document pages and search entries");
    sitePages(edition, dir, context);
    timing.lap("edition pages");
    searchIndex(edition, assets.resolve("search"), entries, searchContext);
    timing.lap("search index");
  }

  /**
   * A page per document (in parallel), a copy of its TEI source, and its part of the search index
   * (analysed again only when the document or what it is read with changed).
   */
  private void documentPages(Edition edition, Path docs, boolean withPdf, String context, String searchContext,
      Map<String, SearchIndex.Entry> entries) throws EditioException {
    List<TeiDocument> documents = edition.documents();
    List<Integer> positions = IntStream.range(0, documents.size()).boxed().toList();
    Map<Thread, Xslt30Transformer> pages = new java.util.concurrent.ConcurrentHashMap<>();
    Map<Thread, Xslt30Transformer> records = new java.util.concurrent.ConcurrentHashMap<>();
    Map<Thread, Xslt30Transformer> sites = new java.util.concurrent.ConcurrentHashMap<>();
    progress.stage("html", documents.size());
    Parallel.forEach(positions, i -> {
      TeiDocument doc = documents.get(i);
      Map<String, String> previous = i > 0 ? neighbour(documents.get(i - 1)) : null;
      Map<String, String> next = i + 1 < documents.size() ? neighbour(documents.get(i + 1)) : null;
      Path page = docs.resolve(doc.id() + ".html");
      Path source = docs.resolve(doc.id() + ".xml");
      String recipe = new Digest().add("page", context).add("document", doc.digest())
          .add("previous", previous == null ? null : new java.util.TreeMap<>(previous))
          .add("next", next == null ? null : new java.util.TreeMap<>(next)).hex();
      try {
        if (!reuse.reuse(page, recipe)) {
          // compiled on first use (once: the cache is shared), not at all when every page is reused;
          // one transformer per thread renders its documents (its global variables are computed once)
          Xslt30Transformer t = pages.computeIfAbsent(Thread.currentThread(), th -> transformer("html/document.xsl",
              edition.stylesheetParams().put("with-pdf", withPdf)));
          t.setInitialTemplateParameters(new Params().putStrings("previous", previous).putStrings("next", next).asMap(), false);
          t.applyTemplates(doc.tree(), t.newSerializer(page.toFile()));
          reuse.made(page, recipe);
        }
        if (!reuse.reuse(source, doc.digest())) {
          Files.copy(doc.file(), source);
          reuse.made(source, doc.digest());
        }
        String key = searchContext + " " + doc.digest() + " " + doc.file();
        SearchIndex.Entry entry = searchEntries.get(key);
        if (entry == null) {
          try {
            entry = SearchIndex.entry(records.computeIfAbsent(Thread.currentThread(),
                th -> transformer("html/search-data.xsl", edition.stylesheetParams())), doc);
            indexed.incrementAndGet();
          } catch (RuntimeException e) {
            throw new EditioException(EditioException.INPUT,
                Problem.error(doc.file(), "cannot index the document for search: " + e.getMessage()));
          }
          searchEntries.put(key, entry);
        }
        entries.put(doc.id(), entry);
        // what the edition's pages read from this document (f:site-summary), for sitePages
        String memo = doc.digest() + " " + doc.file();
        if (!summaries.containsKey(memo)) {
          Xslt30Transformer site = sites.computeIfAbsent(Thread.currentThread(),
              th -> transformer("html/site.xsl", edition.stylesheetParams()));
          summaries.put(memo, Digest.of(site.callFunction(SITE_SUMMARY, new XdmValue[] {doc.tree()}).toString()
              .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        progress.step();
      } catch (SaxonApiException | IOException e) {
        throw new EditioException(EditioException.INPUT,
            Problem.error(doc.file(), "cannot publish the HTML page: " + e.getMessage()));
      }
    });
  }

  /**
   * The edition's pages (home, documents, registers, search, about), written by one transform:
   * made again when what they read from any document changed (its summary), since each lists or
   * counts every document.
   */
  private void sitePages(Edition edition, Path dir, String context) throws EditioException {
    XsltExecutable siteXsl = xml.stylesheet("html/site.xsl");
    Digest recipe = new Digest().add("site", context);
    Set<String> current = new java.util.HashSet<>();
    for (TeiDocument d : edition.documents()) {
      // what the pages read from each document (f:site-summary, computed with its page), not all of it
      String memo = d.digest() + " " + d.file();
      current.add(memo);
      recipe.add(d.id(), summaries.get(memo));
    }
    summaries.keySet().retainAll(current);
    String key = recipe.hex();
    if (reuse.reuseGroup("site", key)) {
      return;
    }
    Params site = edition.stylesheetParams().put("documents", edition.documentTrees());
    try {
      Set<Path> before = files(dir);
      Xslt30Transformer t = Xml.transformer(siteXsl);
      t.setStylesheetParameters(site.asMap());
      t.setBaseOutputURI(dir.toUri().toString());
      t.callTemplate(null);
      Set<Path> written = files(dir);
      written.removeAll(before);
      reuse.madeGroup("site", written, key);
    } catch (SaxonApiException | IOException e) {
      throw EditioException.io(dir, "cannot write the edition's pages: " + e.getMessage());
    }
  }

  private static Set<Path> files(Path dir) throws IOException {
    try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).collect(java.util.stream.Collectors.toCollection(java.util.HashSet::new));
    }
  }

  /**
   * The search index ({@link SearchIndex}) from the documents' entries, in the edition's order;
   * files whose bytes did not change are carried over from the previous build.
   */
  private void searchIndex(Edition edition, Path dir, Map<String, SearchIndex.Entry> entries, String context)
      throws EditioException {
    List<SearchIndex.Entry> ordered = edition.documents().stream().map(d -> entries.get(d.id())).toList();
    Set<String> current = new java.util.HashSet<>();
    for (TeiDocument d : edition.documents()) {
      current.add(context + " " + d.digest() + " " + d.file());
    }
    // forget documents that are gone or changed, and what was read with other registers
    searchEntries.keySet().retainAll(current);
    try {
      SearchIndex.write(ordered, dir, reuse);
    } catch (IOException | java.io.UncheckedIOException e) {
      throw EditioException.io(dir, "cannot write the search index: " + e.getMessage());
    }
  }

  /** A transformer of a packaged stylesheet with these parameters (compiled once per Xml). */
  private Xslt30Transformer transformer(String stylesheet, Params params) {
    try {
      Xslt30Transformer t = Xml.transformer(xml.stylesheet(stylesheet));
      t.setStylesheetParameters(params.asMap());
      return t;
    } catch (SaxonApiException e) {
      throw new IllegalStateException("cannot load " + stylesheet + ": " + e.getMessage(), e);
    }
  }

  private static Map<String, String> neighbour(TeiDocument doc) {
    return Map.of("id", doc.id(), "title", doc.title());
  }
}
