package org.editio.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.editio.edition.TeiDocument;
import java.nio.charset.StandardCharsets;
import javax.script.Invocable;
import javax.script.ScriptEngine;
import javax.script.ScriptException;
import org.openjdk.nashorn.api.scripting.NashornScriptEngineFactory;

/**
 * Builds the lunr search index when the edition is published, by running lunr itself (from its
 * webjar) in the JVM's JavaScript engine: the browser only loads the index, it never builds it.
 * The same library serializes and loads the index, so their formats always agree. The index is
 * built in shards of about {@value #SHARD} documents, one script each, so that no single string
 * holds the index of a large edition and a changed document is indexed again with few others;
 * the browser searches every shard and merges the results by score.
 */
public final class SearchIndex {

  // No term positions in the index (they would double its size): search.js finds the matched
  // words in the text itself to show a snippet.
  static final String LUNR = "META-INF/resources/webjars/lunr/2.3.9/lunr.min.js";

  private static final String BUILD = String.join("\n",
      "function editioBuild(json) {",
      "  var docs = JSON.parse(json);",
      "  var idx = lunr(function () {",
      "    this.ref('id');",
      "    this.field('title', { boost: 5 });",
      "    this.field('text');",
      "    for (var i = 0; i < docs.length; i++) { this.add(docs[i]); }",
      "  });",
      "  var byId = {};",
      "  for (var j = 0; j < docs.length; j++) {",
      "    byId[docs[j].id] = { title: docs[j].title, date: docs[j].date, text: docs[j].text };",
      "  }",
      "  return JSON.stringify({ index: idx, docs: byId });",
      "}");

  /**
   * Documents per shard: small enough to build and serialize in little memory, and to index again
   * quickly when one of its documents changes.
   */
  static final int SHARD = 200;

  private final Invocable engine = newEngine();

  private SearchIndex() {}

  private static Invocable newEngine() {
    ScriptEngine engine = new NashornScriptEngineFactory().getScriptEngine("--language=es5");
    try (InputStream in = SearchIndex.class.getClassLoader().getResourceAsStream(LUNR)) {
      if (in == null) {
        throw new IllegalStateException("lunr is missing from the class path (" + LUNR + ")");
      }
      try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        engine.eval(reader);
      }
      engine.eval(BUILD);
      return (Invocable) engine;
    } catch (ScriptException | IOException e) {
      throw new IllegalStateException("lunr cannot be loaded: " + e.getMessage(), e);
    }
  }

  private String shard(String documentsJson) throws ScriptException, NoSuchMethodException {
    return (String) engine.invokeFunction("editioBuild", documentsJson);
  }

  /**
   * The documents in shards: about {@value #SHARD} each, a document's shard chosen by its id, so
   * that adding or removing a document changes one shard, not every shard after it.
   */
  static List<List<TeiDocument>> shards(List<TeiDocument> documents) {
    int count = Math.max(1, (documents.size() + SHARD - 1) / SHARD);
    List<List<TeiDocument>> shards = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      shards.add(new ArrayList<>());
    }
    for (TeiDocument d : documents) {
      shards.get(Math.floorMod(d.id().hashCode(), count)).add(d);
    }
    return shards;
  }

  /** The script of shard {@code i} (from 0) in {@code assets/}; site.xsl names the same files. */
  static String fileName(int i) {
    return "search-index-" + (i + 1) + ".js";
  }

  /**
   * Writes each shard's script from its documents (JSON files, by target), building the index in
   * JVMs of their own, as many as there are cores. Nashorn inside a JVM that has already run much other code was seen to
   * compute wrong weights and, once, to fail ("Cannot read property _index"); a fresh JVM
   * computes the same index every time.
   */
  static void write(Map<Path, Path> shards) throws IOException {
    // one JVM per core, each with its share of the shards: a JVM indexes on one thread
    int jvms = Math.max(1, Math.min(shards.size(), Runtime.getRuntime().availableProcessors()));
    List<List<String>> commands = new ArrayList<>();
    for (int i = 0; i < jvms; i++) {
      commands.add(new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), SearchIndex.class.getName())));
    }
    int next = 0;
    for (Map.Entry<Path, Path> shard : shards.entrySet()) {
      List<String> command = commands.get(next++ % jvms);
      command.add(shard.getKey().toString());
      command.add(shard.getValue().toString());
    }
    List<Process> processes = new ArrayList<>();
    try {
      for (List<String> command : commands) {
        processes.add(new ProcessBuilder(command).redirectErrorStream(true).start());
      }
      for (Process p : processes) {
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
          throw new IOException("the search index cannot be built: " + output.strip());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while building the search index");
    } finally {
      processes.forEach(Process::destroy);
    }
  }

  /** The child JVM: {@code SearchIndex (SHARD.json TARGET.js)...}. */
  public static void main(String[] args) {
    try {
      SearchIndex index = new SearchIndex();
      for (int i = 0; i + 1 < args.length; i += 2) {
        String shard = index.shard(Files.readString(Path.of(args[i]), StandardCharsets.UTF_8));
        try (Writer w = Files.newBufferedWriter(Path.of(args[i + 1]), StandardCharsets.UTF_8)) {
          // each shard's script adds itself to the list search.js reads
          w.write("(window.EDITIO_SEARCH = window.EDITIO_SEARCH || { shards: [] }).shards.push(");
          w.write(shard);
          w.write(");\n");
        }
      }
    } catch (IOException | ScriptException | NoSuchMethodException | RuntimeException e) {
      System.err.println(e.getMessage());
      System.exit(1);
    }
  }
}
