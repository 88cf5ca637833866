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
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmAtomicValue;
import net.sf.saxon.s9api.XdmValue;
import net.sf.saxon.s9api.Xslt30Transformer;
import org.editio.Digest;
import org.editio.EditioException;
import org.editio.Problem;
import org.editio.edition.Edition;
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
 * document (in parallel) with a copy of its TEI, the edition's pages (home, documents, registers,
 * search, about) in one transform, editio's and the edition's assets, and the search index.
 */
public final class HtmlPublisher implements Publisher {

  /** editio's static files, copied into {@code assets/}. */
  static final List<String> ASSETS = List.of("editio.css", "editio.js", "search.js");

  private static final String STYLESHEET = "html.xsl";
  private static final QName SITE_SUMMARY = new QName("http://editio.org/ns/function", "site-summary");
  private static final QName SITE_PAGE = new QName("http://editio.org/ns/mode", "site-page");

  private final SearchIndex searchIndex = new SearchIndex();
  /** What the edition's pages read from each document, by document and stylesheet: kept between builds (serve). */
  private final Map<String, String> summaries = new ConcurrentHashMap<>();

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

  @Override
  public void keepWarm(boolean keep) {
    searchIndex.keepWarm(keep);
  }

  @Override
  public void close() {
    searchIndex.close();
  }

  @Override
  public void publish(Run run) throws EditioException {
    try {
      if (run.fresh()) {
        // every shard will be indexed: the workers start now and load lunr while the pages are
        // written (otherwise they start when a changed shard needs them, if one does)
        searchIndex.start();
      }
      List<List<TeiDocument>> shards = SearchIndex.shards(run.edition().documents());
      assets(run);
      documentPages(run);
      sitePages(run, shards.size());
      searchIndex(run, shards);
    } catch (IOException e) {
      throw EditioException.io(run.file(OutputLayout.HTML), "cannot start the search index: " + e.getMessage());
    } finally {
      searchIndex.endBuild();
    }
  }

  /** editio's assets and the edition's own (EDITION/assets/), each copied again only when it changed. */
  private void assets(Run run) throws EditioException {
    OutputLayout layout = run.layout();
    List<Target> targets = new ArrayList<>();
    List<String> own = new ArrayList<>(ASSETS);
    own.add("lunr.min.js");
    for (String name : own) {
      byte[] bytes;
      try {
        bytes = Xml.resource(name.equals("lunr.min.js") ? SearchIndex.LUNR : "org/editio/html/assets/" + name);
      } catch (IOException e) {
        throw EditioException.io(null, e.getMessage());
      }
      targets.add(new Target(layout.asset(name), Digest.of(bytes), file -> write(file, bytes)));
    }
    var customisation = run.edition().customisation();
    customisation.assetFiles().forEach((relative, digest) -> targets.add(new Target(layout.editionAsset(relative), digest,
        file -> copy(customisation.assets().resolve(relative), file))));
    run.render("html assets", targets);
  }

  /** A page per document (in parallel) and a copy of its TEI source. */
  private void documentPages(Run run) throws EditioException {
    Edition edition = run.edition();
    OutputLayout layout = run.layout();
    List<TeiDocument> documents = edition.documents();
    String context = run.recipe(STYLESHEET).add("stylesheets", layout.stylesheets()).hex();
    List<Target> pages = new ArrayList<>();
    List<Target> sources = new ArrayList<>();
    for (int i = 0; i < documents.size(); i++) {
      TeiDocument doc = documents.get(i);
      Map<String, String> previous = i > 0 ? neighbour(documents.get(i - 1)) : null;
      Map<String, String> next = i + 1 < documents.size() ? neighbour(documents.get(i + 1)) : null;
      String here = layout.documentPage(doc.id());
      Map<String, String> links = layout.documentLinks(doc.id(), previous == null ? null : previous.get("id"),
          next == null ? null : next.get("id"));
      String recipe = new Digest().add("page", context).add("document", doc.digest())
          .add("previous", previous == null ? null : new TreeMap<>(previous))
          .add("next", next == null ? null : new TreeMap<>(next))
          .add("links", new TreeMap<>(links)).hex();
      pages.add(new Target(here, recipe, file -> {
        Params params = run.params()
            .putStrings("previous", previous)
            .putStrings("next", next)
            .put("here", here)
            .putStrings("layout", links)
            .putSequence("stylesheets", layout.stylesheets());
        try {
          Xslt30Transformer t = run.transformer(STYLESHEET);
          t.setStylesheetParameters(params.asMap());
          t.applyTemplates(doc.tree(), t.newSerializer(file.toFile()));
        } catch (SaxonApiException | net.sf.saxon.s9api.SaxonApiUncheckedException e) {
          throw new EditioException(EditioException.INPUT, Xml.transformProblem(doc.file(), "cannot publish the HTML page", e));
        }
      }));
      sources.add(new Target(layout.documentSource(doc.id()), doc.digest(), file -> copy(doc.file(), file)));
    }
    run.render("html", pages);
    run.render("html sources", sources);
  }

  /**
   * The edition's pages (home, documents, registers, search, about), written by one transform:
   * made again when what they read from any document changed (its summary), since each lists or
   * counts every document.
   */
  private void sitePages(Run run, int shards) throws EditioException {
    Edition edition = run.edition();
    OutputLayout layout = run.layout();
    Map<String, String> links = layout.siteLinks();
    for (int i = 0; i < shards; i++) {
      links.put("html:asset:" + SearchIndex.fileName(i), layout.asset(SearchIndex.fileName(i)));
    }
    String context = run.recipe(STYLESHEET).hex();
    Digest recipe = new Digest().add("site", context).add("search-shards", shards)
        .add("stylesheets", layout.stylesheets()).add("links", new TreeMap<>(links));
    try {
      Xslt30Transformer summary = run.transformer(STYLESHEET);
      summary.setStylesheetParameters(run.params().asMap());
      Set<String> current = new HashSet<>();
      for (TeiDocument d : edition.documents()) {
        // what the pages read from each document (f:site-summary), not all of it
        String memo = context + " " + d.digest() + " " + d.file();
        current.add(memo);
        String known = summaries.get(memo);
        if (known == null) {
          known = Digest.of(summary.callFunction(SITE_SUMMARY, new XdmValue[] {d.tree()}).toString()
              .getBytes(StandardCharsets.UTF_8));
          summaries.put(memo, known);
        }
        recipe.add(d.id(), known);
      }
      summaries.keySet().retainAll(current);
    } catch (SaxonApiException | net.sf.saxon.s9api.SaxonApiUncheckedException e) {
      throw new EditioException(EditioException.INPUT, Xml.transformProblem(edition.source(), "cannot write the edition's pages", e));
    }
    List<String> pages = new ArrayList<>(List.of("html:home", "html:documents", "html:search", "html:about"));
    edition.registers().keySet().stream().sorted().forEach(key -> pages.add("html:register:" + key));
    run.renderGroup("site", recipe.hex(), written -> {
      Params params = run.params().put("documents", edition.documentTrees())
          .put("search-shards", new XdmAtomicValue(shards))
          .putStrings("layout", links)
          .putSequence("stylesheets", layout.stylesheets());
      try {
        // one transformer for all pages: the mentions of every entry are gathered once
        Xslt30Transformer t = run.transformer(STYLESHEET);
        t.setStylesheetParameters(params.asMap());
        for (String page : pages) {
          Path file = run.file(links.get(page));
          Files.createDirectories(file.getParent());
          t.setInitialTemplateParameters(Map.of(new QName("page"), new XdmAtomicValue(page)), false);
          t.callTemplate(SITE_PAGE, t.newSerializer(file.toFile()));
          written.accept(file);
        }
      } catch (SaxonApiException | net.sf.saxon.s9api.SaxonApiUncheckedException e) {
        throw new EditioException(EditioException.INPUT, Xml.transformProblem(edition.source(), "cannot write the edition's pages", e));
      } catch (IOException e) {
        throw EditioException.io(run.file(OutputLayout.HTML), "cannot write the edition's pages: " + org.editio.Messages.of(e));
      }
    });
  }

  /**
   * The search index, one script per shard; only shards whose documents changed are indexed
   * again (by lunr, in worker JVMs: see {@link SearchIndex}).
   */
  private void searchIndex(Run run, List<List<TeiDocument>> shards) throws EditioException {
    org.editio.Timing timing = new org.editio.Timing("html");
    List<Target> targets = new ArrayList<>();
    for (int i = 0; i < shards.size(); i++) {
      Digest recipe = new Digest().add("tool", Digest.tool()).add("language", run.edition().language()).add("shard", i);
      // each document's text, and where its page is (a result links it)
      shards.get(i).forEach(d -> recipe.add(d.id(), d.digest()).add("page " + d.id(), run.layout().documentPage(d.id())));
      targets.add(new Target(run.layout().asset(SearchIndex.fileName(i)), recipe.hex(), null));
    }
    List<Target> todo = run.stale(targets);
    if (todo.isEmpty()) {
      return;
    }
    Path work;
    try {
      work = Files.createTempDirectory("editio-search-");
    } catch (IOException e) {
      throw EditioException.io(null, "cannot build the search index: " + e.getMessage());
    }
    try {
      Map<Path, Path> toIndex = new java.util.LinkedHashMap<>();
      for (Target target : todo) {
        int i = targets.indexOf(target);
        Xslt30Transformer t = Xml.transformer(run.packagedStylesheet("html/search-data.xsl"));
        // a result links the document's page where the layout put it (its safe name), from the search page
        Map<String, String> pages = new java.util.LinkedHashMap<>();
        shards.get(i).forEach(d -> pages.put("html:document:" + d.id(), run.layout().documentPage(d.id())));
        t.setStylesheetParameters(run.params()
            .put("documents", new XdmValue(shards.get(i).stream().map(TeiDocument::tree).toList()))
            .putStrings("layout", pages)
            .put("here", run.layout().page("search"))
            .asMap());
        Path json = work.resolve("shard-" + i + ".json");
        t.callTemplate(null, t.newSerializer(json.toFile()));
        Path script = run.file(target.path());
        Files.createDirectories(script.getParent());
        toIndex.put(json, script);
      }
      timing.lap("search data");
      searchIndex.write(toIndex);
      todo.forEach(run::made);
      timing.lap("search index");
    } catch (SaxonApiException | IOException e) {
      throw EditioException.io(run.file(run.layout().asset("")), "cannot build the search index: " + org.editio.Messages.of(e));
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

  private static void write(Path file, byte[] bytes) throws EditioException {
    try {
      Files.write(file, bytes);
    } catch (IOException e) {
      throw EditioException.io(file, "cannot write: " + e.getMessage());
    }
  }

  private static void copy(Path source, Path file) throws EditioException {
    try {
      Files.copy(source, file);
    } catch (IOException e) {
      throw EditioException.io(file, "cannot copy " + source + ": " + e.getMessage());
    }
  }
}
