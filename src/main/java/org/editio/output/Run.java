package org.editio.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import net.sf.saxon.s9api.Xslt30Transformer;
import net.sf.saxon.s9api.XsltExecutable;
import org.editio.Digest;
import org.editio.EditioException;
import org.editio.Parallel;
import org.editio.Progress;
import org.editio.Reuse;
import org.editio.Timing;
import org.editio.edition.Edition;
import org.editio.edition.EditionFonts;
import org.editio.xml.Params;
import org.editio.xml.Resolver;
import org.editio.xml.Xml;

/**
 * One build as a publisher sees it: the edition, where its files go ({@link OutputLayout}), the
 * stylesheets, the options, and the loop every output shares. A publisher describes each file it
 * makes as a {@link Target} (its path, its recipe, how to write it); {@link #render} puts the
 * previous build's file in place when the recipe is the same and writes the others, in parallel,
 * reporting progress and timing. Written once here, so that outputs differ only in what they make.
 */
public final class Run {

  /** What the command line chose, for the outputs that read it. */
  public record Options(String pageSize, boolean print, Date created) {}

  /** One file of an output: its path in the layout, the digest of what it is made from, how to write it. */
  public record Target(String path, String recipe, Render render) {}

  /** Writes one file (into the staging folder; its folder exists). */
  @FunctionalInterface
  public interface Render {
    void write(Path file) throws EditioException;
  }

  /**
   * Work done for the target at {@code index} whether it is made or put in place: what other files
   * need from the same input (see {@link #render(String, List, Alongside)}).
   */
  @FunctionalInterface
  public interface Alongside {
    void run(int index) throws EditioException;
  }

  /** Writes the files of a group (one transform that writes many files), reporting each. */
  @FunctionalInterface
  public interface Group {
    void write(Consumer<Path> written) throws EditioException;
  }

  private final Xml xml;
  private final Edition edition;
  private final OutputLayout layout;
  private final Path root;
  private final Reuse reuse;
  private final Progress progress;
  private final Options options;
  private final Collection<String> stylesheetNames;
  private final Resolver resolver;
  private final Map<String, XsltExecutable> compiled = new ConcurrentHashMap<>();
  private final Map<String, EditioException> failures = new ConcurrentHashMap<>();
  private final List<org.editio.Problem> warnings = java.util.Collections.synchronizedList(new ArrayList<>());
  private EditionFonts fonts;
  private EditioException fontsFailure;

  /**
   * @param root the folder the layout's paths are relative to (the staging folder of a build)
   * @param stylesheetNames the stylesheets every output of editio has ({@code html.xsl}, {@code fo.xsl}):
   *     an edition's file of that name belongs to that output alone
   * @param resolver what the outputs may read on the edition's behalf (a PDF's images): see {@link #resolver()}
   */
  public Run(Xml xml, Edition edition, OutputLayout layout, Path root, Reuse reuse, Progress progress,
      Options options, Collection<String> stylesheetNames, Resolver resolver) {
    this.xml = xml;
    this.edition = edition;
    this.layout = layout;
    this.root = root;
    this.reuse = reuse;
    this.progress = progress;
    this.options = options;
    this.stylesheetNames = List.copyOf(stylesheetNames);
    this.resolver = resolver;
  }

  public Edition edition() {
    return edition;
  }

  public OutputLayout layout() {
    return layout;
  }

  public Options options() {
    return options;
  }

  /**
   * What an output may read on the edition's behalf besides what it is given: the edition's folder
   * and editio's bundled resources, through the one gate of {@link Resolver} (FOP reads a PDF's
   * images through it). Stylesheets read nothing while they render ({@link #transformer}).
   */
  public Resolver resolver() {
    return resolver;
  }

  /**
   * The edition's own fonts ({@link EditionFonts}: {@code EDITION/fonts/}), read and checked once
   * per run, whichever output asks first (the PDFs print with them, the HTML edition and the
   * e-book carry them as web fonts); a font that cannot be used fails every output that asks, with
   * the same located errors.
   *
   * @throws EditioException (input) for a file of the fonts folder that is not a font editio can embed
   */
  public synchronized EditionFonts fonts() throws EditioException {
    if (fonts == null && fontsFailure == null) {
      try {
        fonts = EditionFonts.read(EditionFonts.folder(edition), resolver);
      } catch (EditioException e) {
        fontsFailure = e;
      }
    }
    if (fontsFailure != null) {
      throw fontsFailure;
    }
    return fonts;
  }

  /** Whether nothing of an earlier build can be reused (a first or clean build). */
  public boolean fresh() {
    return reuse.fresh();
  }

  /**
   * Reports something a reader of the output should know but that does not stop the build (an
   * output made without what it would need to be complete); printed with the build's warnings.
   */
  public void warn(org.editio.Problem warning) {
    warnings.add(warning);
  }

  /** What the publishers warned about, in order. */
  public List<org.editio.Problem> warnings() {
    return List.copyOf(warnings);
  }

  /** The file at a path of the layout, in the folder this run writes. */
  public Path file(String path) {
    return root.resolve(path);
  }

  /**
   * The parameters every stylesheet gets: edition.xml, title, registers, documents, language. Made
   * once per run (the documents' map has an entry per document, and a run makes a transformer per
   * document's PDF or chapter); each call returns a copy to add to.
   */
  public Params params() {
    Params made = params;
    if (made == null) {
      synchronized (this) {
        if (params == null) {
          params = edition.stylesheetParams();
        }
        made = params;
      }
    }
    return made.copy();
  }

  private volatile Params params;

  /**
   * The edition's documents by the URI of their file, as a stylesheet parameter value made once:
   * what the outputs that print the documents together (the volume, the e-book) give as
   * {@code document-trees}, so that a link into another document names its element there.
   */
  public net.sf.saxon.s9api.XdmMap documentTrees() {
    net.sf.saxon.s9api.XdmMap made = documentTrees;
    if (made == null) {
      synchronized (this) {
        if (documentTrees == null) {
          documentTrees = Params.nodes(edition.documentsByFile());
        }
        made = documentTrees;
      }
    }
    return made;
  }

  private volatile net.sf.saxon.s9api.XdmMap documentTrees;

  /**
   * The compiled stylesheet {@code name} ({@code html.xsl}): the edition's own version when it
   * has one ({@code EDITION/xslt/html.xsl}), else editio's. Compiled once per run and content.
   *
   * @throws EditioException when the edition's stylesheet does not compile (located errors)
   */
  public XsltExecutable stylesheet(String name) throws EditioException {
    XsltExecutable known = compiled.get(name);
    if (known != null) {
      return known;
    }
    synchronized (compiled) {
      // once, however many documents ask at the same time; a stylesheet that fails, fails once
      EditioException failed = failures.get(name);
      if (failed != null) {
        throw failed;
      }
      known = compiled.get(name);
      if (known != null) {
        return known;
      }
      Path own = edition.customisation().stylesheet(name);
      try {
        XsltExecutable x = own == null ? xml.stylesheet(name)
            : xml.editionStylesheet(edition.customisation().xslt(), name, customisation(name));
        compiled.put(name, x);
        return x;
      } catch (EditioException e) {
        failures.put(name, e);
        throw e;
      }
    }
  }

  /** One of editio's own stylesheets that an edition does not replace (below xslt/, e.g. html/search-data.xsl). */
  public XsltExecutable packagedStylesheet(String path) {
    return xml.stylesheet(path);
  }

  /**
   * A transformer of the stylesheet {@code name}, run as every renderer is ({@link Xml#renderer}):
   * it reads no files, writes nothing but its result, sees no environment, and the edition's own
   * version of it was compiled as untrusted code ({@link Xml#editionStylesheet}).
   */
  public Xslt30Transformer transformer(String name) throws EditioException {
    return Xml.renderer(stylesheet(name));
  }

  private String customisation(String name) {
    return edition.customisation().digest(name, stylesheetNames.stream().filter(n -> !n.equals(name)).toList());
  }

  /**
   * The start of the recipe of every file made with the stylesheet {@code name} (null: none):
   * editio itself, what every page depends on ({@link Edition#contextDigest()}), and the
   * edition's own version of the stylesheet. Publishers add what is particular to a file.
   */
  public Digest recipe(String name) {
    return new Digest().add("tool", Digest.tool()).add("context", edition.contextDigest())
        .add("customisation", name == null ? null : customisation(name));
  }

  /**
   * Makes every target whose recipe changed, in parallel, and puts the previous build's file in
   * place for the others; one progress stage and one timing lap.
   *
   * @throws EditioException with the problems of every target that failed
   */
  public void render(String stage, List<Target> targets) throws EditioException {
    render(stage, targets, null);
  }

  /**
   * As {@link #render(String, List)}, and for every target, made or put in place, {@code alongside}
   * in the same parallel task: what other files of the output need from the same input (a
   * document's summary for the edition's pages, its entry in the search index) is computed while
   * the pages are, not in a pass of its own.
   */
  public void render(String stage, List<Target> targets, Alongside alongside) throws EditioException {
    progress.stage(stage, targets.size());
    Timing timing = new Timing(stage);
    Parallel.forEach(java.util.stream.IntStream.range(0, targets.size()).boxed().toList(), i -> {
      Target t = targets.get(i);
      if (!reuse(t)) {
        write(t);
      }
      if (alongside != null) {
        alongside.run(i);
      }
      progress.step();
    });
    timing.lap(stage);
  }

  /** Puts the previous build's file of {@code target} in place if it was made from the same recipe. */
  public boolean reuse(Target target) {
    return reuse.reuse(file(target.path()), target.recipe());
  }

  /** Writes a target, now. */
  private void write(Target t) throws EditioException {
    Path file = file(t.path());
    try {
      Files.createDirectories(file.getParent());
    } catch (IOException e) {
      throw EditioException.io(file.getParent(), "cannot create the folder: " + org.editio.Messages.io(e));
    }
    t.render().write(file);
    reuse.made(file, t.recipe());
  }

  /**
   * What the previous build recorded with the file at {@code path} (see {@link #record}); empty
   * when it recorded nothing. A hint only: a publisher must not trust it without checking.
   */
  public Map<String, String> recorded(String path) {
    return reuse.recorded(file(path));
  }

  /**
   * Keeps {@code values} with the file at {@code path} in the build's record (beside the
   * manifest, committed with it), for the next build to read with {@link #recorded}.
   */
  public void record(String path, Map<String, String> values) {
    reuse.record(file(path), values);
  }

  /**
   * A group of files being made on a thread of its own while the caller renders other files (see
   * {@link #startGroup}); {@link #finish} waits for it and records it with its recipe.
   */
  public final class GroupAhead {
    private final String group;
    private final List<Path> written = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Thread thread;
    private volatile EditioException failed;
    /** Anything else the group's thread threw (a bug, or an Error such as running out of memory): rethrown as it was. */
    private volatile Throwable crashed;

    private GroupAhead(String group, Group write) {
      this.group = group;
      this.thread = new Thread(() -> {
        Timing timing = new Timing(group);
        try {
          write.write(written::add);
        } catch (EditioException e) {
          failed = e;
        } catch (RuntimeException | Error e) {
          crashed = e;
        }
        timing.lap(group);
      }, "editio-" + group);
      thread.setDaemon(true);
    }

    /**
     * Waits until the group is written; records it as made from {@code recipe} (known only now:
     * it names what the other files' rendering read).
     *
     * @throws EditioException as the group's writing threw it
     */
    public void finish(String recipe) throws EditioException {
      await();
      if (failed != null) {
        throw failed;
      }
      if (crashed instanceof Error e) {
        throw e;
      }
      if (crashed != null) {
        throw (RuntimeException) crashed;
      }
      reuse.madeGroup(group, written, recipe);
    }

    /** Waits until the group's thread ends (also when the build fails: nothing may write into the staging folder after). */
    public void await() {
      boolean interrupted = false;
      while (thread.isAlive()) {
        try {
          thread.join();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Starts writing a group that is rendered whatever its recipe turns out to be (a {@link #fresh}
   * build has nothing to reuse), on a thread of its own, so that one transform that writes many
   * files (the edition's pages) overlaps the parallel rendering of the others instead of following
   * it on one core. The caller must {@link GroupAhead#finish} or {@link GroupAhead#await} it.
   */
  public GroupAhead startGroup(String group, Group write) {
    GroupAhead ahead = new GroupAhead(group, write);
    ahead.thread.start();
    return ahead;
  }

  /**
   * A group of files made by one transform (the edition's pages): all put in place if the group
   * was made from {@code recipe}, else all written again.
   */
  public void renderGroup(String group, String recipe, Group write) throws EditioException {
    if (reuse.reuseGroup(group, recipe)) {
      return;
    }
    Timing timing = new Timing(group);
    List<Path> written = java.util.Collections.synchronizedList(new ArrayList<>());
    write.write(written::add);
    reuse.madeGroup(group, written, recipe);
    timing.lap(group);
  }
}
