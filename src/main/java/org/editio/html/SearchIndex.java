package org.editio.html;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.script.Invocable;
import javax.script.ScriptEngine;
import javax.script.ScriptException;
import org.editio.edition.TeiDocument;
import org.openjdk.nashorn.api.scripting.NashornScriptEngineFactory;

/**
 * Builds the lunr search index when the edition is published, by running lunr itself (from its
 * webjar) in Nashorn: the browser only loads the index, it never builds it. The same library
 * serializes and loads the index, so their formats always agree. The index is built in shards of
 * about {@value #SHARD} documents, one script each, so that no single string holds the index of a
 * large edition and a changed document is indexed again with few others; the browser searches
 * every shard and merges the results by score.
 *
 * <p>lunr runs in worker JVMs, one per shard (see {@link Worker} for why), as many at a time as
 * there are cores. A fresh build starts a worker per core when publishing begins, so that their
 * start-up overlaps the document pages; a builder that lives on (editio serve) keeps a worker per
 * core on standby, lunr loaded, for its next build.
 */
public final class SearchIndex implements AutoCloseable {

  // No term positions in the index (they would double its size): search.js finds the matched
  // words in the text itself to show a snippet.
  static final String LUNR = "META-INF/resources/webjars/lunr/2.3.9/lunr.min.js";

  /**
   * Documents per shard: small enough to build and serialize in little memory, and to index again
   * quickly when one of its documents changes.
   */
  static final int SHARD = 250;

  /** Workers started, lunr loaded, no shard indexed yet. */
  private final List<Worker> standby = new ArrayList<>();
  private boolean keepWarm;

  /**
   * Keeps a worker per core on standby between builds (editio serve), so that a rebuild does not
   * wait for a JVM to start and load lunr; {@link #close()} stops them.
   */
  public synchronized SearchIndex keepWarm(boolean keep) {
    this.keepWarm = keep;
    return this;
  }

  /** Starts a worker per core, if not on standby yet; returns at once (they load lunr meanwhile). */
  public synchronized void start() throws IOException {
    standby.removeIf(w -> !w.process.isAlive());
    int cores = Runtime.getRuntime().availableProcessors();
    while (standby.size() < cores) {
      standby.add(new Worker());
    }
  }

  /** A worker on standby, or a new one; another is started for the shards still waiting. */
  private synchronized Worker take(int waiting) throws IOException {
    standby.removeIf(w -> !w.process.isAlive());
    Worker worker = standby.isEmpty() ? new Worker() : standby.remove(0);
    if (waiting > standby.size()) {
      standby.add(new Worker());
    }
    return worker;
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
   * Writes each shard's script (the value) from its documents' JSON file (the key). Each shard
   * is indexed by a worker JVM of its own, as many at a time as there are cores.
   */
  void write(Map<Path, Path> shards) throws IOException {
    List<Map.Entry<Path, Path>> queue = new ArrayList<>(shards.entrySet());
    java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
    int threads = Math.max(1, Math.min(queue.size(), Runtime.getRuntime().availableProcessors()));
    List<CompletableFuture<Void>> running = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      running.add(CompletableFuture.runAsync(() -> {
        for (int i; (i = next.getAndIncrement()) < queue.size(); ) {
          try {
            take(queue.size() - i - 1).index(queue.get(i).getKey(), queue.get(i).getValue());
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }
      }));
    }
    try {
      CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof java.io.UncheckedIOException u ? u.getCause()
          : new IOException(String.valueOf(e.getCause().getMessage()), e.getCause());
    }
    synchronized (this) {
      if (keepWarm) {
        start();
      }
    }
  }

  /** Ends a build: stops the workers on standby, unless they are kept warm for the next one. */
  public synchronized void endBuild() {
    if (!keepWarm) {
      close();
    }
  }

  /** Stops the workers. */
  @Override
  public synchronized void close() {
    standby.forEach(Worker::stop);
    standby.clear();
  }

  /**
   * A worker JVM for one shard: "json TAB target" in, "ok" or "error: message" out, then it
   * exits. One shard per JVM, because lunr in Nashorn does not index the same documents the same
   * way twice in one JVM: from the second shard on, the order of its terms varies and, with
   * number-like terms, it fails ("Cannot read property _index"); the first shard of a JVM is
   * always the same (SearchIndexTest).
   */
  private static final class Worker {
    final Process process;
    final BufferedWriter requests;
    final BufferedReader replies;

    Worker() throws IOException {
      process = new ProcessBuilder(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), SearchIndex.class.getName())
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      requests = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
      replies = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Indexes one shard; the worker is stopped afterwards, whatever happened. */
    void index(Path json, Path target) throws IOException {
      try {
        requests.write(json + "\t" + target + "\n");
        requests.close();
        String reply = replies.readLine();
        if (reply == null) {
          throw new IOException("the search index cannot be built: its worker JVM stopped"
              + (process.isAlive() ? "" : " (exit code " + process.waitFor() + ")"));
        }
        if (!reply.equals("ok")) {
          throw new IOException("the search index cannot be built: " + reply.replaceFirst("^error: ", ""));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while building the search index");
      } finally {
        stop();
      }
    }

    void stop() {
      try {
        requests.close();
      } catch (IOException e) {
        // it is being destroyed anyway
      }
      process.destroy();
    }
  }

  // ---------------------------------------------------------------- the worker JVM

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

  private static Invocable lunr() {
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

  /** The worker JVM: loads lunr, then indexes the one shard it is asked for (see {@link Worker}). */
  public static void main(String[] args) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    Writer out = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
    Invocable engine = null;
    String loadError = null;
    try {
      engine = lunr();
    } catch (RuntimeException e) {
      loadError = e.getMessage();
    }
    String line = in.readLine();
    if (line != null) {
      String[] request = line.split("\t", 2);
      try {
        if (engine == null) {
          throw new IllegalStateException(loadError);
        }
        if (request.length != 2) {
          throw new IllegalArgumentException("bad request: " + line);
        }
        String shard = (String) engine.invokeFunction("editioBuild",
            Files.readString(Path.of(request[0]), StandardCharsets.UTF_8));
        try (Writer w = Files.newBufferedWriter(Path.of(request[1]), StandardCharsets.UTF_8)) {
          // each shard's script adds itself to the list search.js reads
          w.write("(window.EDITIO_SEARCH = window.EDITIO_SEARCH || { shards: [] }).shards.push(");
          w.write(shard);
          w.write(");\n");
        }
        out.write("ok\n");
      } catch (java.nio.file.NoSuchFileException e) {
        out.write("error: no such file: " + e.getMessage() + "\n");
      } catch (IOException | ScriptException | NoSuchMethodException | RuntimeException e) {
        out.write("error: " + String.valueOf(e.getMessage()).replaceAll("\\s+", " ") + "\n");
      }
      out.flush();
    }
  }
}
