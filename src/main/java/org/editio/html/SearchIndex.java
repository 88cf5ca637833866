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
import java.nio.charset.StandardCharsets;
import javax.script.Invocable;
import javax.script.ScriptEngine;
import javax.script.ScriptException;
import org.openjdk.nashorn.api.scripting.NashornScriptEngineFactory;

/**
 * Builds the lunr search index when the edition is published, by running lunr itself (from its
 * webjar) in the JVM's JavaScript engine: the browser only loads the index, it never builds it.
 * The same library serializes and loads the index, so their formats always agree. The index is
 * built in shards of {@value #SHARD} documents, so that no single string holds the index of a
 * large edition; the browser searches every shard and merges the results by score.
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

  /** Documents per shard: small enough to build and serialize in little memory, in parallel. */
  static final int SHARD = 500;

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
   * Writes {@code search-index.js} from the shards' documents (JSON files, in order), building
   * the index in a JVM of its own. Nashorn inside a JVM that has already run much other code was
   * seen to compute wrong weights and, once, to fail ("Cannot read property _index"); a fresh JVM
   * computes the same index every time.
   */
  static void write(List<Path> shards, Path target) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), SearchIndex.class.getName(),
        target.toString()));
    shards.forEach(s -> command.add(s.toString()));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (p.waitFor() != 0) {
        throw new IOException("the search index cannot be built: " + output.strip());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while building the search index");
    }
  }

  /** The child JVM: {@code SearchIndex TARGET SHARD.json...}. */
  public static void main(String[] args) {
    try (Writer w = Files.newBufferedWriter(Path.of(args[0]), StandardCharsets.UTF_8)) {
      SearchIndex index = new SearchIndex();
      w.write("window.EDITIO_SEARCH = { shards: [\n");
      for (int i = 1; i < args.length; i++) {
        w.write(index.shard(Files.readString(Path.of(args[i]), StandardCharsets.UTF_8)));
        w.write(i + 1 < args.length ? ",\n" : "\n");
      }
      w.write("] };\n");
    } catch (IOException | ScriptException | NoSuchMethodException | RuntimeException e) {
      System.err.println(e.getMessage());
      System.exit(1);
    }
  }
}
