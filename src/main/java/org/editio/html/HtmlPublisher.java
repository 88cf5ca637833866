package org.editio.html;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.Xslt30Transformer;
import net.sf.saxon.s9api.XsltExecutable;
import org.editio.EditioException;
import org.editio.Parallel;
import org.editio.Problem;
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

  public HtmlPublisher(Xml xml) {
    this(xml, org.editio.Progress.SILENT);
  }

  public HtmlPublisher(Xml xml, org.editio.Progress progress) {
    this.xml = xml;
    this.progress = progress;
  }

  /**
   * Publishes {@code edition} into {@code dir} (normally a staging folder).
   *
   * @param withPdf whether document pages link to PDFs published beside them
   */
  public void publish(Edition edition, Path dir, boolean withPdf) throws EditioException {
    XsltExecutable documentPage = xml.stylesheet("html/document.xsl");
    XsltExecutable sitePages = xml.stylesheet("html/site.xsl");
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
    List<TeiDocument> documents = edition.documents();
    List<Integer> positions = IntStream.range(0, documents.size()).boxed().toList();
    progress.stage("html", documents.size());
    Parallel.forEach(positions, i -> {
      TeiDocument doc = documents.get(i);
      Params params = edition.stylesheetParams()
          .putStrings("previous", i > 0 ? neighbour(documents.get(i - 1)) : null)
          .putStrings("next", i + 1 < documents.size() ? neighbour(documents.get(i + 1)) : null)
          .put("with-pdf", withPdf);
      Path page = docs.resolve(doc.id() + ".html");
      try {
        Xslt30Transformer t = Xml.transformer(documentPage);
        t.setStylesheetParameters(params.asMap());
        t.applyTemplates(doc.tree(), t.newSerializer(page.toFile()));
        Files.copy(doc.file(), docs.resolve(doc.id() + ".xml"));
        progress.step();
      } catch (SaxonApiException | IOException e) {
        throw new EditioException(EditioException.INPUT,
            Problem.error(doc.file(), "cannot publish the HTML page: " + e.getMessage()));
      }
    });

    timing.lap("document pages");
    Params site = edition.stylesheetParams().put("documents", edition.documentTrees());
    try {
      Xslt30Transformer t = Xml.transformer(sitePages);
      t.setStylesheetParameters(site.asMap());
      t.setBaseOutputURI(dir.toUri().toString());
      t.callTemplate(null);
    } catch (SaxonApiException e) {
      throw EditioException.io(dir, "cannot write the edition's pages: " + e.getMessage());
    }

    timing.lap("edition pages");
    XsltExecutable searchData = xml.stylesheet("html/search-data.xsl");
    List<List<TeiDocument>> shards = new java.util.ArrayList<>();
    for (int from = 0; from < documents.size(); from += SearchIndex.SHARD) {
      shards.add(documents.subList(from, Math.min(documents.size(), from + SearchIndex.SHARD)));
    }
    Path work;
    try {
      work = Files.createTempDirectory("editio-search-");
    } catch (IOException e) {
      throw EditioException.io(dir, "cannot build the search index: " + e.getMessage());
    }
    try {
      List<Path> shardFiles = new java.util.ArrayList<>();
      for (int i = 0; i < shards.size(); i++) {
        Xslt30Transformer t = Xml.transformer(searchData);
        t.setStylesheetParameters(edition.stylesheetParams()
            .put("documents", new net.sf.saxon.s9api.XdmValue(shards.get(i).stream().map(TeiDocument::tree).toList()))
            .asMap());
        Path file = work.resolve("shard-" + i + ".json");
        t.callTemplate(null, t.newSerializer(file.toFile()));
        shardFiles.add(file);
      }
      SearchIndex.write(shardFiles, assets.resolve("search-index.js"));
    } catch (SaxonApiException | IOException e) {
      throw EditioException.io(dir, "cannot build the search index: " + e.getMessage());
    } finally {
      try (java.util.stream.Stream<Path> s = Files.list(work)) {
        for (Path p : s.toList()) {
          Files.deleteIfExists(p);
        }
        Files.deleteIfExists(work);
      } catch (IOException e) {
        // a temporary file left behind is harmless
      }
    }
    timing.lap("search index");
  }

  private static Map<String, String> neighbour(TeiDocument doc) {
    return Map.of("id", doc.id(), "title", doc.title());
  }
}
