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
 * The same library serializes and loads the index, so their formats always agree.
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
      "  return 'window.EDITIO_SEARCH = ' + JSON.stringify({ index: idx, docs: byId }) + ';\\n';",
      "}");

  private SearchIndex() {}

  /**
   * The contents of {@code search-index.js} for the given documents.
   *
   * @param documentsJson a JSON array of {id, title, date, text}
   */
  static String build(String documentsJson) throws IOException {
    ScriptEngine engine = new NashornScriptEngineFactory().getScriptEngine("--language=es5", "--optimistic-types=false", "--lazy-compilation=false");
    try (InputStream in = SearchIndex.class.getClassLoader().getResourceAsStream(LUNR)) {
      if (in == null) {
        throw new IOException("lunr is missing from the class path (" + LUNR + ")");
      }
      try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        engine.eval(reader);
      }
      engine.eval(BUILD);
      return (String) ((Invocable) engine).invokeFunction("editioBuild", documentsJson);
    } catch (ScriptException | NoSuchMethodException e) {
      throw new IOException("the search index cannot be built: " + e.getMessage(), e);
    }
  }
}
