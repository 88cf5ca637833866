package org.editio.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
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
final class SearchIndex {

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

  /**
   * One JavaScript engine with lunr loaded for one build: reused for every shard of that build,
   * never across builds (an engine reused by a second build in the same JVM was seen to write a
   * slightly different index; a fresh one keeps builds byte-identical).
   */
  private final Invocable engine = newEngine();

  SearchIndex() {}

  private static Invocable newEngine() {
    ScriptEngine engine = new NashornScriptEngineFactory()
        .getScriptEngine("--language=es5");
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

  /**
   * One shard of the search index: a JSON object {index, docs} for the given documents.
   *
   * @param documentsJson a JSON array of {id, title, date, text}
   */
  String shard(String documentsJson) throws IOException {
    try {
      return (String) engine.invokeFunction("editioBuild", documentsJson);
    } catch (ScriptException | NoSuchMethodException | IllegalStateException e) {
      throw new IOException("the search index cannot be built: " + e.getMessage(), e);
    }
  }
}
