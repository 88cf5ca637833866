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
  static final List<String> ASSETS = List.of("editio.css", "editio.js", "search.js");

  private final Xml xml;
  private final org.editio.Progress progress;
  private Reuse reuse = Reuse.NEVER;
  private SearchIndex searchIndex;
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
   * Builds the search index with these workers, kept by the caller for its next build; without,
   * the publisher starts workers of its own and stops them when it is done.
   */
  public HtmlPublisher searchIndex(SearchIndex searchIndex) {
    this.searchIndex = searchIndex;
    return this;
  }

  /**
   * Publishes {@code edition} into {@code dir} (normally a staging folder).
   *
   * @param withPdf whether document pages link to PDFs published beside them
   */
  public void publish(Edition edition, Path dir, boolean withPdf) throws EditioException {
    SearchIndex index = searchIndex != null ? searchIndex : new SearchIndex();
    try {
      if (reuse.fresh()) {
        // every shard will be indexed: the workers start now and load lunr while the pages are
        // written (otherwise they start when a changed shard needs them, if one does)
        index.start();
      }
      publish(edition, dir, withPdf, index);
    } catch (IOException e) {
      throw EditioException.io(dir, "cannot start the search index: " + e.getMessage());
    } finally {
      if (index != searchIndex) {
        index.close();
      }
    }
  }

  private void publish(Edition edition, Path dir, boolean withPdf, SearchIndex index) throws EditioException {
    Path docs = dir.resolve("documents");
    Path assets = dir.resolve("assets");
    try {
      Files.createDirectories(docs);
      Files.createDirectories(assets);
      for (String asset : ASSETS) {
        Files.write(assets.resolve(asset), Xml.resource("org/editio/html/assets/" + asset));
      }
      Files.write(assets.resolve("lunr.min.js"), Xml.resource(SearchIndex.LUNR));
    } catch (IOException e) {
      throw EditioException.io(dir, "cannot write the HTML edition: " + e.getMessage());
    }
    Timing timing = new Timing("html");
    String context = new Digest().add("tool", Digest.tool()).add("context", edition.contextDigest())
        .add("with-pdf", withPdf).hex();
    documentPages(edition, docs, withPdf, context);
    timing.lap("document pages");
    List<List<TeiDocument>> shards = SearchIndex.shards(edition.documents());
    sitePages(edition, dir, shards.size(), context);
    timing.lap("edition pages");
    searchIndex(edition, assets, shards, index);
    timing.lap("search index");
  }

  /** A page per document (in parallel) and a copy of its TEI source. */
  private void documentPages(Edition edition, Path docs, boolean withPdf, String context) throws EditioException {
    List<TeiDocument> documents = edition.documents();
    org.editio.build.OutputNames names = edition.documentNames();
    List<Integer> positions = IntStream.range(0, documents.size()).boxed().toList();
    progress.stage("html", documents.size());
    Parallel.forEach(positions, i -> {
      TeiDocument doc = documents.get(i);
      Map<String, String> previous = i > 0 ? neighbour(documents.get(i - 1)) : null;
      Map<String, String> next = i + 1 < documents.size() ? neighbour(documents.get(i + 1)) : null;
      // ids become file names only through OutputNames (the stylesheets' links use the same map)
      Path page = docs.resolve(names.name(doc.id()) + ".html");
      Path source = docs.resolve(names.name(doc.id()) + ".xml");
      String recipe = new Digest().add("page", context).add("document", doc.digest())
          .add("previous", previous == null ? null : new java.util.TreeMap<>(previous))
          .add("next", next == null ? null : new java.util.TreeMap<>(next)).hex();
      try {
        if (!reuse.reuse(page, recipe)) {
          Params params = edition.stylesheetParams()
              .putStrings("previous", previous)
              .putStrings("next", next)
              .put("with-pdf", withPdf);
          // compiled on first use (once: the cache is shared), not at all when every page is reused
          Xslt30Transformer t = Xml.transformer(xml.stylesheet("html/document.xsl"));
          t.setStylesheetParameters(params.asMap());
          t.applyTemplates(doc.tree(), t.newSerializer(page.toFile()));
          reuse.made(page, recipe);
        }
        if (!reuse.reuse(source, doc.digest())) {
          Files.copy(doc.file(), source);
          reuse.made(source, doc.digest());
        }
        progress.step();
      } catch (SaxonApiException | IOException e) {
        throw new EditioException(EditioException.INPUT,
            Xml.transformProblem(doc.file(), "cannot publish the HTML page", e));
      }
    });
  }

  /**
   * The edition's pages (home, documents, registers, search, about), written by one transform:
   * made again when what they read from any document changed (its summary), since each lists or
   * counts every document.
   */
  private void sitePages(Edition edition, Path dir, int shards, String context)
      throws EditioException {
    XsltExecutable siteXsl = xml.stylesheet("html/site.xsl");
    Digest recipe = new Digest().add("site", context).add("search-shards", shards);
    try {
      Xslt30Transformer summary = Xml.transformer(siteXsl);
      summary.setStylesheetParameters(edition.stylesheetParams().asMap());
      Set<String> current = new java.util.HashSet<>();
      for (TeiDocument d : edition.documents()) {
        // what the pages read from each document (f:site-summary), not all of it
        String memo = d.digest() + " " + d.file();
        current.add(memo);
        String known = summaries.get(memo);
        if (known == null) {
          known = Digest.of(summary.callFunction(SITE_SUMMARY, new XdmValue[] {d.tree()}).toString()
              .getBytes(java.nio.charset.StandardCharsets.UTF_8));
          summaries.put(memo, known);
        }
        recipe.add(d.id(), known);
      }
      summaries.keySet().retainAll(current);
    } catch (SaxonApiException e) {
      throw new EditioException(EditioException.INPUT, Xml.transformProblem(edition.source(),
          "cannot write the edition's pages", e));
    }
    String key = recipe.hex();
    if (reuse.reuseGroup("site", key)) {
      return;
    }
    Params site = edition.stylesheetParams().put("documents", edition.documentTrees())
        .put("search-shards", new net.sf.saxon.s9api.XdmAtomicValue(shards));
    try {
      Set<Path> before = files(dir);
      Xslt30Transformer t = Xml.transformer(siteXsl);
      t.setStylesheetParameters(site.asMap());
      t.setBaseOutputURI(dir.toUri().toString());
      t.callTemplate(null);
      Set<Path> written = files(dir);
      written.removeAll(before);
      reuse.madeGroup("site", written, key);
    } catch (SaxonApiException e) {
      throw new EditioException(EditioException.INPUT, Xml.transformProblem(edition.source(),
          "cannot write the edition's pages", e));
    } catch (IOException e) {
      throw EditioException.io(dir, "cannot write the edition's pages: " + org.editio.Messages.of(e));
    }
  }

  private static Set<Path> files(Path dir) throws IOException {
    try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).collect(java.util.stream.Collectors.toCollection(java.util.HashSet::new));
    }
  }

  /**
   * The search index, one script per shard; only shards whose documents changed are indexed
   * again (by lunr, in worker JVMs: see {@link SearchIndex}).
   */
  private void searchIndex(Edition edition, Path assets, List<List<TeiDocument>> shards, SearchIndex index)
      throws EditioException {
    Timing timing = new Timing("html");
    Path work;
    try {
      work = Files.createTempDirectory("editio-search-");
    } catch (IOException e) {
      throw EditioException.io(assets, "cannot build the search index: " + e.getMessage());
    }
    try {
      Map<Path, Path> toIndex = new java.util.LinkedHashMap<>();
      Map<Path, String> recipes = new java.util.HashMap<>();
      for (int i = 0; i < shards.size(); i++) {
        Path target = assets.resolve(SearchIndex.fileName(i));
        Digest recipe = new Digest().add("tool", Digest.tool()).add("shard", i);
        shards.get(i).forEach(d -> recipe.add(d.id(), d.digest()));
        String key = recipe.hex();
        if (reuse.reuse(target, key)) {
          continue;
        }
        Xslt30Transformer t = Xml.transformer(xml.stylesheet("html/search-data.xsl"));
        t.setStylesheetParameters(edition.stylesheetParams()
            .put("documents", new net.sf.saxon.s9api.XdmValue(shards.get(i).stream().map(TeiDocument::tree).toList()))
            .asMap());
        Path json = work.resolve("shard-" + i + ".json");
        t.callTemplate(null, t.newSerializer(json.toFile()));
        toIndex.put(json, target);
        recipes.put(target, key);
      }
      timing.lap("search data");
      if (!toIndex.isEmpty()) {
        index.write(toIndex);
        recipes.forEach(reuse::made);
      }
    } catch (SaxonApiException | IOException e) {
      throw EditioException.io(assets, "cannot build the search index: " + org.editio.Messages.of(e));
    } finally {
      try {
        org.editio.Folders.delete(work);
      } catch (IOException e) {
        // a temporary file left behind is harmless
      }
    }
  }

  private static Map<String, String> neighbour(TeiDocument doc) {
    return Map.of("id", doc.id(), "title", doc.title());
  }
}
