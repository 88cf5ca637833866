package org.editio.validate;

import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.Schema;
import com.thaiopensource.validate.ValidateProperty;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XdmAtomicValue;
import net.sf.saxon.s9api.XdmDestination;
import net.sf.saxon.s9api.XdmEmptySequence;
import net.sf.saxon.s9api.XdmItem;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmValue;
import net.sf.saxon.s9api.Xslt30Transformer;
import net.sf.saxon.s9api.XsltExecutable;
import org.editio.EditioException;
import org.editio.Messages;
import org.editio.Problem;
import org.editio.Problem.Severity;
import org.editio.edition.Edition;
import org.editio.edition.EditionLoader;
import org.editio.edition.TeiDocument;
import org.editio.xml.Resolver;
import org.editio.xml.Sandbox;
import org.editio.xml.SecureXml;
import org.editio.xml.Xml;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Checks editions and TEI files in layers, all reported in one run:
 *
 * <ol>
 *   <li>well-formedness and safety (parsing, see {@link SecureXml});
 *   <li>the schemas each file declares in {@code <?xml-model?>} (RELAX NG, compact syntax,
 *       Schematron, Schematron embedded in RELAX NG), or the one given with {@code --schema};
 *   <li>editio's editorial rules ({@code xslt/validate/editorial-rules.sch}) on documents;
 *   <li>corpus checks that need every file at once ({@link CorpusChecks}), once per edition.
 * </ol>
 *
 * Each schema is compiled once per run; files are checked in parallel.
 */
public final class Validator {

  /**
   * What one validation run found.
   *
   * @param links for an edition validated as a whole ({@link #validate(Edition, Memo)}): the
   *     other documents each document points to, by id (what its page's links depend on); empty otherwise
   */
  public record Report(int files, List<Problem> problems, Map<String, java.util.Set<String>> links, int undeclared) {
    public Report {
      problems = List.copyOf(problems);
      links = Map.copyOf(links);
    }

    public Report(int files, List<Problem> problems, Map<String, java.util.Set<String>> links) {
      this(files, problems, links, 0);
    }

    public Report(int files, List<Problem> problems) {
      this(files, problems, Map.of());
    }

    /**
     * What a reader of "0 errors" should know when some files declare no schema: they were checked
     * for well-formedness and editio's rules, not against a schema (a file that is not TEI-conformant
     * passes); empty when every file declares one, or a schema was given.
     */
    public String note() {
      if (undeclared == 0) {
        return "";
      }
      return "note: " + (undeclared == files ? (files == 1 ? "the file declares" : "the files declare")
          : plural(undeclared, "file") + (undeclared == 1 ? " declares" : " declare"))
          + " no schema (<?xml-model?>): checked for well-formedness and editio's rules, not against a schema;"
          + " editio validate --schema " + TEI_ALL + " checks " + (undeclared == 1 ? "it" : "them") + " against TEI P5 (bundled)";
    }

    public long errors() {
      return problems.stream().filter(Problem::isError).count();
    }

    public long warnings() {
      return problems.size() - errors();
    }

    /** {@code N files, E errors, W warnings}. */
    public String summary() {
      return plural(files, "file") + ", " + plural(errors(), "error") + ", " + plural(warnings(), "warning");
    }

    private static String plural(long n, String word) {
      return n + " " + word + (n == 1 ? "" : "s");
    }
  }

  private static final String SVRL_NS = "http://purl.oclc.org/dsdl/svrl";

  /** The name {@code --schema} takes for TEI P5's tei_all (bundled), and the address its catalog maps. */
  public static final String TEI_ALL = "tei_all";
  private static final String TEI_ALL_URL = "http://www.tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng";

  /** The files of the last {@link #validate(List, Optional)} that declare no schema, by absolute path. */
  private final java.util.Set<Path> undeclared = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private final Xml xml;
  private final Schemas schemas;
  private List<Path> catalogs = List.of();
  private Sandbox.Limits limits = Sandbox.Limits.DEFAULT;
  /** One resolver per edition folder (editio serve validates the same edition again and again). */
  private final Map<Path, Resolved> resolvers = new java.util.concurrent.ConcurrentHashMap<>();
  /** Schemas stopped at a bound once: not run again on the next files of the run. */
  private final Map<String, String> stopped = new java.util.concurrent.ConcurrentHashMap<>();

  /** An edition's resolver, and the problem its catalogs had (then it serves the bundled catalog only). */
  private record Resolved(Resolver resolver, Problem problem) {}
  /** Documents checked from memory ({@link #checkUnwritten}): their bytes by path. */
  private volatile Map<Path, byte[]> unwritten;
  /** Checking before publishing (build, html, pdf, serve) rather than for editio validate: see {@link #publishing}. */
  private boolean publishing;
  /** Warnings count as errors ({@code --strict}). */
  private boolean strict;

  public Validator(Xml xml) {
    this.xml = xml;
    this.schemas = new Schemas(xml);
  }

  /** Catalogs the user named ({@code --catalog}), consulted before the edition's and the bundled one. */
  public Validator catalogs(List<Path> catalogs) {
    this.catalogs = List.copyOf(catalogs);
    resolvers.clear();
    return this;
  }

  /**
   * Checks before publishing rather than for {@code editio validate}. What does not stop a
   * document from being rendered is then a warning: a declared schema that cannot be had (one
   * warning per schema, however many files declare it) or that could not finish; and for TEI
   * without edition.xml (loose TEI) a declared schema's violations, one warning per file and schema
   * (the first violation, located, and how many more: {@code editio validate} lists them all).
   * An edition (with edition.xml) keeps its declared schemas' violations as errors.
   */
  public Validator publishing(boolean publishing) {
    this.publishing = publishing;
    return this;
  }

  /** Every warning is an error ({@code --strict}: for an edition's continuous integration). */
  public Validator strict(boolean strict) {
    this.strict = strict;
    return this;
  }

  /** The time and memory a file's declared schemas may take (tests make them small). */
  public Validator limits(Sandbox.Limits limits) {
    this.limits = limits;
    return this;
  }

  /** What the files of the edition at {@code source} may read: see {@link Resolver}. */
  private Resolved resolver(Path source) {
    Path root = EditionLoader.folder(source);
    return resolvers.computeIfAbsent(root, r -> {
      try {
        return new Resolved(Resolver.forEdition(r, catalogs), null);
      } catch (IOException e) {
        Path own = r.resolve("catalog.xml");
        Path culprit = catalogs.stream().filter(c -> e.getMessage() != null && e.getMessage().contains(c.getFileName().toString()))
            .findFirst().orElse(java.nio.file.Files.isRegularFile(own) ? own : null);
        Problem problem = Problem.error(culprit, 1, 1, "the catalog cannot be used: " + Messages.of(e)
            + "; only the bundled catalog is consulted");
        try {
          return new Resolved(Resolver.forEdition(r, List.of(), false), problem);
        } catch (IOException again) {
          return new Resolved(Resolver.bundledOnly(), problem);
        }
      }
    });
  }

  /**
   * Validates each path (an edition directory, a directory of TEI files, or a file). With a
   * schema, files are checked against it alone (plus well-formedness and safety).
   *
   * @throws EditioException for a path that does not exist (a usage error, exit code 2)
   */
  public Report validate(List<Path> paths, Optional<Path> schema) throws EditioException {
    List<Problem> problems = new ArrayList<>();
    int files = 0;
    undeclared.clear();
    java.util.Set<Path> reported = new java.util.HashSet<>();
    if (schema.isPresent()) {
      Path s = schema.get().toAbsolutePath().normalize();
      SchemaDeclaration declaration;
      Resolver resolver;
      if (schema.get().toString().equals(TEI_ALL) && !java.nio.file.Files.exists(s)) {
        // TEI P5's tei_all by name: editio's bundled copy, through its catalog
        resolver = Resolver.bundledOnly();
        try {
          declaration = new SchemaDeclaration(TEI_ALL_URL, resolver.resolve(TEI_ALL_URL, null), SchemaDeclaration.Kind.RELAX_NG, 0, 0);
        } catch (Resolver.Refused e) {
          throw EditioException.io(schema.get(), e.getMessage());
        }
      } else {
        if (!java.nio.file.Files.isRegularFile(s)) {
          throw EditioException.io(schema.get(), "no such schema file (" + TEI_ALL + " names TEI P5's, bundled)");
        }
        declaration = new SchemaDeclaration(s.toString(), s.toUri(), SchemaDeclaration.kindOf(s.toString()), 0, 0);
        // the user named this schema: what lies beside it (its includes) may be read
        resolver = resolver(s).resolver();
      }
      try {
        compile(declaration, resolver);
      } catch (Schemas.Unavailable e) {
        if (e.location() != null) {
          throw new EditioException(EditioException.USAGE_OR_IO, e.location());
        }
        throw EditioException.io(schema.get(), e.getMessage());
      }
      for (Path path : paths) {
        List<Path> list = EditionLoader.files(path);
        files += list.size();
        List<Problem> found = Collections.synchronizedList(new ArrayList<>());
        list.parallelStream().forEach(file -> found.addAll(againstSchema(file, declaration, resolver)));
        problems.addAll(found);
      }
    } else {
      EditionLoader loader = new EditionLoader(xml);
      // Files and folders inside an edition (documents/, registers/, edition.xml) are checked with
      // their edition (registers, edition.xml, the other documents' ids), and only their own
      // problems are reported; each such edition is read once, however many of its paths are given.
      Map<Path, List<Path>> scopes = new java.util.LinkedHashMap<>();
      for (Path path : paths) {
        Optional<Path> enclosing = EditionLoader.enclosingEdition(path);
        if (enclosing.isPresent()) {
          scopes.computeIfAbsent(enclosing.get(), e -> new ArrayList<>()).add(path.toAbsolutePath().normalize());
          continue;
        }
        EditionLoader.Loaded loaded = loader.read(path);
        files += loaded.files();
        problems.addAll(loaded.problems());
        problems.addAll(readable(loaded, check(loaded.edition(), Memo.NONE)));
        reported.addAll(undeclared);
      }
      for (Map.Entry<Path, List<Path>> scope : scopes.entrySet()) {
        EditionLoader.Loaded loaded = loader.read(scope.getKey());
        java.util.function.Predicate<Path> inScope = f -> f != null
            && scope.getValue().stream().anyMatch(s -> f.toAbsolutePath().normalize().startsWith(s));
        files += (int) EditionLoader.files(scope.getKey()).stream().filter(inScope).count();
        List<Problem> all = new ArrayList<>(loaded.problems());
        all.addAll(readable(loaded, check(loaded.edition(), Memo.NONE)));
        undeclared.stream().filter(inScope).forEach(reported::add);
        // their own problems, and those of files that are not the edition's (a schema they declare)
        java.util.Set<Path> editionFiles = new java.util.HashSet<>();
        EditionLoader.files(scope.getKey()).forEach(o -> editionFiles.add(o.toAbsolutePath().normalize()));
        all.stream().filter(p -> inScope.test(p.file())
                || p.file() != null && !editionFiles.contains(p.file().toAbsolutePath().normalize()))
            .forEach(problems::add);
      }
    }
    problems = new ArrayList<>(new java.util.LinkedHashSet<>(strict(problems)));
    problems.sort(Problem.ORDER);
    return new Report(files, problems, Map.of(), reported.size());
  }

  /**
   * The edition's checks as far as they hold for what was read: when a file of the edition could
   * not be read (not well-formed, not TEI), the register entries only it mentions would be called
   * unused, and the editor told to remove good entries; those warnings wait until every file reads.
   */
  private static List<Problem> readable(EditionLoader.Loaded loaded, List<Problem> checked) {
    return loaded.hasErrors() ? checked.stream().filter(p -> !"register-unused".equals(p.rule())).toList() : checked;
  }

  /** With {@code --strict}, every warning as an error. */
  private List<Problem> strict(List<Problem> problems) {
    if (!strict) {
      return problems;
    }
    return problems.stream().map(p -> p.isError() ? p
        : new Problem(p.file(), p.line(), p.column(), Severity.ERROR, p.message(), p.rule())).toList();
  }

  /**
   * Checks documents that are not written yet as if they stood at their paths inside the edition
   * at {@code edition}: their declared schemas, the edition's editorial rules and the corpus
   * checks (pointers into edition.xml and the registers, ids). The importer asks this before it
   * writes, so that every document it writes is valid in the edition it is written into.
   *
   * @param documents the documents' text by the path each would be written to
   * @return the problems of those documents (none of the edition's own files)
   */
  public List<Problem> checkUnwritten(Path edition, Map<Path, String> documents) throws EditioException {
    Map<Path, byte[]> bytes = new java.util.HashMap<>();
    documents.forEach((p, t) -> bytes.put(p.toAbsolutePath().normalize(), t.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    unwritten = bytes;
    try {
      EditionLoader.Loaded loaded = new EditionLoader(xml).readUnwritten(edition, bytes);
      List<Problem> all = new ArrayList<>(loaded.problems());
      all.addAll(check(loaded.edition(), Memo.NONE));
      List<Problem> own = new ArrayList<>(all.stream()
          .filter(p -> p.file() != null && bytes.containsKey(p.file().toAbsolutePath().normalize())).toList());
      own.sort(Problem.ORDER);
      return own;
    } finally {
      unwritten = null;
    }
  }

  /**
   * Remembers, between builds, which files were found valid and from what: a file whose recipe
   * (its bytes, edition.xml, its schemas, editio itself) is unchanged is not checked again.
   * Corpus checks (ids, pointers) always run, since they depend on every file.
   */
  public interface Memo {
    /** Whether {@code file} was found without any problem from the same recipe. */
    boolean known(Path file, String recipe);

    /** Records that {@code file} has no problem of its own. */
    void valid(Path file, String recipe);

    Memo NONE = new Memo() {
      @Override
      public boolean known(Path file, String recipe) {
        return false;
      }

      @Override
      public void valid(Path file, String recipe) {}
    };
  }

  /** Validates an edition already loaded, skipping the per-file checks {@code memo} knows passed. */
  public Report validate(Edition edition, Memo memo) {
    // one reader of pointers for the checks and the links between documents (both read the same memo)
    Map<String, String> documentFiles = edition.documentFiles();
    java.util.function.Function<XdmNode, List<CorpusChecks.Pointer>> pointers = pointerReader(edition, documentFiles);
    List<Problem> problems = new ArrayList<>(new java.util.LinkedHashSet<>(strict(check(edition, memo, pointers))));
    problems.sort(Problem.ORDER);
    int files = edition.documents().size() + edition.registers().size() + (edition.editionFile().isPresent() ? 1 : 0);
    return new Report(files, problems, links(edition, documentFiles, pointers));
  }

  /**
   * The other documents each document points to, by id: a file pointer ({@code f:pointer}) into
   * a document of the edition. The pointers are the ones the checks just read (memoized).
   */
  private static Map<String, java.util.Set<String>> links(Edition edition, Map<String, String> documentFiles,
      java.util.function.Function<XdmNode, List<CorpusChecks.Pointer>> pointers) {
    Map<String, java.util.Set<String>> links = new java.util.HashMap<>();
    for (TeiDocument doc : edition.documents()) {
      java.util.Set<String> targets = new java.util.TreeSet<>();
      for (CorpusChecks.Pointer p : pointers.apply(doc.tree())) {
        String target = "file".equals(p.kind()) && p.file() != null ? documentFiles.get(p.file()) : null;
        if (target != null && !target.equals(doc.id())) {
          targets.add(target);
        }
      }
      if (!targets.isEmpty()) {
        links.put(doc.id(), targets);
      }
    }
    return links;
  }

  private List<Problem> check(Edition edition, Memo memo) {
    return check(edition, memo, pointerReader(edition, edition.documentFiles()));
  }

  private List<Problem> check(Edition edition, Memo memo,
      java.util.function.Function<XdmNode, List<CorpusChecks.Pointer>> pointers) {
    List<CorpusChecks.File> files = new ArrayList<>();
    for (TeiDocument doc : edition.documents()) {
      files.add(new CorpusChecks.File(doc.file(), doc.tree(), true, false));
    }
    edition.registers().forEach((uri, tree) -> files.add(new CorpusChecks.File(Path.of(URI.create(uri)), tree, false, true)));
    edition.editionFile().ifPresent(tree -> files.add(new CorpusChecks.File(pathOf(tree), tree, false, false)));

    // Editorial rules are the conventions of an edition (one with edition.xml); TEI from elsewhere
    // is checked for well-formedness, its declared schemas, unique ids and the pointers it can reach.
    boolean editorial = edition.editionFile().isPresent();
    XdmNode editionTree = edition.editionFile().orElse(null);
    List<Problem> problems = Collections.synchronizedList(new ArrayList<>());
    Resolved resolved = resolver(edition.source());
    if (resolved.problem() != null) {
      problems.add(resolved.problem());
    }
    Resolver resolver = resolved.resolver();
    Map<String, String> schemaDigests = new java.util.concurrent.ConcurrentHashMap<>();
    String editionDigest = editionTree == null ? null : edition.digestOf(editionTree);
    files.parallelStream().forEach(f -> {
      Path path = f.path().toAbsolutePath().normalize();
      String recipe = recipe(f, edition.digestOf(f.tree()), editionDigest, editorial, schemaDigests, resolver);
      if (recipe != null && memo.known(path, recipe)) {
        return;
      }
      if (SchemaDeclaration.declaredIn(f.tree(), new ArrayList<>()).isEmpty()) {
        undeclared.add(path);
      }
      List<Problem> own = new ArrayList<>(declaredSchemas(f.path(), f.tree(), resolver, editorial));
      own.addAll(CorpusChecks.fileChecks(f));
      if (editorial) {
        own.addAll(editorialRules(f, editionTree));
      }
      if (own.isEmpty() && recipe != null) {
        memo.valid(path, recipe);
      }
      problems.addAll(own);
    });
    List<Problem> all = new ArrayList<>(publishing ? oncePerSchema(problems) : problems);
    all.addAll(CorpusChecks.run(files, editorial, pointers, EditionLoader.folder(edition.source())));
    return all;
  }

  /** Each file's pointers as {@code f:pointers} reads them in this edition (edition.xml's prefixes, its documents). */
  private java.util.function.Function<XdmNode, List<CorpusChecks.Pointer>> pointerReader(Edition edition,
      Map<String, String> documentFiles) {
    XdmNode editionTree = edition.editionFile().orElse(null);
    Xslt30Transformer pointers = Xml.transformer(xml.stylesheet("common/functions.xsl"));
    try {
      pointers.setStylesheetParameters(new org.editio.xml.Params().put("edition", editionTree)
          .putStrings("document-files", documentFiles).asMap());
    } catch (SaxonApiException e) {
      throw new IllegalStateException("common/functions.xsl has no parameter 'edition' or 'document-files'", e);
    }
    return pointersOf(pointers, editionTree, documentFiles);
  }

  /**
   * Each file's pointers ({@code f:pointers}) by its tree, kept between runs of this validator:
   * they depend on the tree and edition.xml's tree only, and editio serve hands the same tree
   * for a file whose bytes did not change, so a correction reads the pointers of one file, not
   * of every file (at 1,000 documents that reading was two thirds of a correction's rebuild).
   * Another edition.xml tree, or another set of documents (a pointer without extension names a
   * document only when there is one: {@code f:pointer}), forgets them all; a tree no longer used
   * is forgotten with it.
   */
  private final Map<XdmNode, List<CorpusChecks.Pointer>> pointerMemo = new java.util.WeakHashMap<>();
  private XdmNode pointerMemoEdition;
  private Map<String, String> pointerMemoDocuments = Map.of();

  private java.util.function.Function<XdmNode, List<CorpusChecks.Pointer>> pointersOf(Xslt30Transformer pointers,
      XdmNode editionTree, Map<String, String> documentFiles) {
    synchronized (pointerMemo) {
      if (pointerMemoEdition != editionTree || !pointerMemoDocuments.equals(documentFiles)) {
        pointerMemo.clear();
        pointerMemoEdition = editionTree;
        pointerMemoDocuments = documentFiles;
      }
    }
    return tree -> {
      synchronized (pointerMemo) {
        List<CorpusChecks.Pointer> known = pointerMemo.get(tree);
        if (known != null) {
          return known;
        }
      }
      List<CorpusChecks.Pointer> read = List.copyOf(CorpusChecks.pointers(pointers, tree));
      synchronized (pointerMemo) {
        pointerMemo.put(tree, read);
      }
      return read;
    };
  }

  /** Rules of problems that mean a declared schema could not be used, rather than that a file breaks it. */
  private static final java.util.Set<String> SCHEMA_UNUSABLE = java.util.Set.of("schema-unavailable", "schema-limits");

  /**
   * Publishing: a schema that cannot be had (or was stopped) is one warning, at the first file
   * that declares it, saying how many more do; not one per file.
   */
  private static List<Problem> oncePerSchema(List<Problem> problems) {
    Map<String, List<Problem>> bySchema = new java.util.LinkedHashMap<>();
    List<Problem> rest = new ArrayList<>();
    List<Problem> sorted = new ArrayList<>(problems);
    sorted.sort(Problem.ORDER);
    for (Problem p : sorted) {
      if (SCHEMA_UNUSABLE.contains(p.rule()) && p.severity() == Severity.WARNING) {
        bySchema.computeIfAbsent(p.rule() + " " + p.message(), k -> new ArrayList<>()).add(p);
      } else {
        rest.add(p);
      }
    }
    bySchema.values().forEach(list -> {
      Problem first = list.get(0);
      long files = list.stream().map(Problem::file).distinct().count();
      rest.add(new Problem(first.file(), first.line(), first.column(), Severity.WARNING, first.message()
          + (files > 1 ? " (declared by " + (files - 1) + " more file" + (files > 2 ? "s" : "") + ")" : "")
          + "; published without it: editio validate reports it as an error", first.rule()));
    });
    return rest;
  }

  /**
   * What a file's own checks depend on; null when it cannot be known (a tree not read from a
   * file, a schema that is not a local file), and the file is then always checked.
   */
  private String recipe(CorpusChecks.File f, String fileDigest, String editionDigest, boolean editorial,
      Map<String, String> schemaDigests, Resolver resolver) {
    if (fileDigest == null) {
      return null;
    }
    org.editio.Digest d = new org.editio.Digest().add("tool", org.editio.Digest.tool())
        .add("file", f.path().toAbsolutePath().normalize()).add("bytes", fileDigest)
        .add("editorial", editorial).add("edition", editionDigest)
        .add("kind", f.document() ? "document" : f.register() ? "register" : "edition");
    for (SchemaDeclaration s : SchemaDeclaration.declaredIn(f.tree(), new ArrayList<>())) {
      URI uri;
      try {
        uri = resolver.resolve(s.href(), f.tree().getBaseURI() == null ? null : f.tree().getBaseURI().toString());
      } catch (Resolver.Refused e) {
        return null;
      }
      String digest = schemaDigests.computeIfAbsent(uri.toString(), u -> schemaDigest(uri));
      if (digest.isEmpty()) {
        return null;
      }
      schemas.refresh(uri, digest);
      d.add("schema " + s.kind() + " " + uri, digest);
    }
    return d.hex();
  }

  /**
   * The digest of a local schema and of the files beside it (which it may include); empty for a
   * schema that is not a readable local file.
   */
  private static String schemaDigest(java.net.URI uri) {
    if (Resolver.CLASSPATH.equals(uri.getScheme())) {
      return "bundled"; // part of editio, whose own digest is in the recipe
    }
    if (!"file".equals(uri.getScheme())) {
      return "";
    }
    Path file = Path.of(uri);
    if (!java.nio.file.Files.isRegularFile(file)) {
      return "";
    }
    org.editio.Digest d = new org.editio.Digest();
    try (java.util.stream.Stream<Path> siblings = java.nio.file.Files.list(file.getParent())) {
      for (Path p : siblings.filter(java.nio.file.Files::isRegularFile).sorted().toList()) {
        d.add(p.getFileName().toString(), org.editio.Digest.of(java.nio.file.Files.readAllBytes(p)));
      }
    } catch (IOException e) {
      return "";
    }
    return d.hex();
  }

  private static Path pathOf(XdmNode tree) {
    return Path.of(URI.create(tree.getBaseURI().toString()));
  }

  /**
   * The schemas a file declares: each resolved through the catalog and the edition's policy, then
   * compiled (once per run) and run on the file within the sandbox's bounds.
   */
  private List<Problem> declaredSchemas(Path file, XdmNode tree, Resolver resolver, boolean edition) {
    List<Problem> problems = new ArrayList<>();
    List<String> unsupported = new ArrayList<>();
    for (SchemaDeclaration d : SchemaDeclaration.declaredIn(tree, unsupported)) {
      List<Problem> found = declaredSchema(file, tree, resolver, d);
      if (!publishing) {
        problems.addAll(found);
        continue;
      }
      // publishing: a schema that cannot be used does not stop rendering; nor, for TEI from
      // elsewhere, does breaking it (one warning per file and schema: the first violation, and a count)
      List<Problem> unusable = found.stream().filter(p -> SCHEMA_UNUSABLE.contains(p.rule())).toList();
      unusable.forEach(p -> problems.add(warning(p, p.message())));
      List<Problem> violations = found.stream().filter(p -> !SCHEMA_UNUSABLE.contains(p.rule())).sorted(Problem.ORDER).toList();
      if (edition || violations.isEmpty()) {
        problems.addAll(violations);
      } else {
        Problem first = violations.get(0);
        problems.add(warning(first, "not valid against " + d.href() + ": " + first.message()
            + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more problem" + (violations.size() > 2 ? "s" : "")
                + " with it: editio validate lists " + (violations.size() > 2 ? "them" : "it") + ")" : "")
));
      }
    }
    for (String u : unsupported) {
      problems.add(new Problem(file, 1, 1, Severity.WARNING, u, "schema-unsupported"));
    }
    return problems;
  }

  private static Problem warning(Problem p, String message) {
    return new Problem(p.file(), p.line(), p.column(), Severity.WARNING, message, p.rule());
  }

  /** One declared schema: resolved through the catalog and the edition's policy, compiled (once per run), run within bounds. */
  private List<Problem> declaredSchema(Path file, XdmNode tree, Resolver resolver, SchemaDeclaration d) {
    List<Problem> problems = new ArrayList<>();
    String base = tree.getBaseURI() == null ? file.toUri().toString() : tree.getBaseURI().toString();
    {
      URI uri;
      try {
        uri = resolver.resolve(d.href(), base);
      } catch (Resolver.Refused e) {
        problems.add(new Problem(file, d.line(), d.column(), Severity.ERROR, "xml-model: schema " + e.getMessage(),
            "schema-unavailable"));
        return problems;
      }
      // a catalog may map a compact-syntax declaration to the same schema in XML syntax
      boolean xmlSyntax = uri.getPath() != null && uri.getPath().endsWith(".rng");
      String key = d.kind() + " " + uri;
      String earlier = stopped.get(key);
      if (earlier != null) {
        problems.add(new Problem(file, d.line(), d.column(), Severity.ERROR, earlier, "schema-limits"));
        return problems;
      }
      try {
        problems.addAll(Sandbox.run(() -> switch (d.kind()) {
          case RELAX_NG, RELAX_NG_COMPACT -> relaxNg(file, schemas.relaxNg(uri,
              d.kind() == SchemaDeclaration.Kind.RELAX_NG_COMPACT && !xmlSyntax, resolver));
          case SCHEMATRON, SCHEMATRON_IN_RELAX_NG -> schematron(file, tree,
              schemas.schematron(uri, d.kind() == SchemaDeclaration.Kind.SCHEMATRON_IN_RELAX_NG, resolver),
              null, "schematron", resolver, d);
        }, limits));
      } catch (Schemas.Unavailable e) {
        problems.add(e.location() != null ? e.location()
            : new Problem(file, d.line(), d.column(), Severity.ERROR, e.getMessage(), "schema-unavailable"));
      } catch (Sandbox.Exceeded e) {
        String message = "schema " + d.href() + " was stopped: checking this file " + e.getMessage()
            + " (the bound is " + limits.describe() + " per file); simplify the schema's rules or split the file";
        stopped.put(key, "schema " + d.href() + " is not run: it was stopped on an earlier file (" + e.getMessage() + ")");
        problems.add(new Problem(file, d.line(), d.column(), Severity.ERROR, message, "schema-limits"));
      } catch (Exception e) {
        problems.add(new Problem(file, d.line(), d.column(), Severity.ERROR,
            "schema " + d.href() + " cannot be run on this file: " + Messages.of(e), "schema-unavailable"));
      }
    }
    return problems;
  }

  private void compile(SchemaDeclaration d, Resolver resolver) throws Schemas.Unavailable {
    switch (d.kind()) {
      case RELAX_NG, RELAX_NG_COMPACT -> schemas.relaxNg(d.uri(), d.kind() == SchemaDeclaration.Kind.RELAX_NG_COMPACT, resolver);
      default -> schemas.schematron(d.uri(), d.kind() == SchemaDeclaration.Kind.SCHEMATRON_IN_RELAX_NG, resolver);
    }
  }

  /** --schema: one file against one schema, with well-formedness and safety. */
  private List<Problem> againstSchema(Path file, SchemaDeclaration d, Resolver resolver) {
    try {
      return Sandbox.run(() -> {
        if (d.kind() == SchemaDeclaration.Kind.RELAX_NG || d.kind() == SchemaDeclaration.Kind.RELAX_NG_COMPACT) {
          return relaxNg(file, schemas.relaxNg(d.uri(), d.kind() == SchemaDeclaration.Kind.RELAX_NG_COMPACT, resolver));
        }
        XdmNode tree = xml.parse(file);
        return schematron(file, tree, schemas.schematron(d.uri(), false, resolver), null, "schematron", resolver, null);
      }, limits);
    } catch (EditioException e) {
      return e.problems();
    } catch (Schemas.Unavailable e) {
      return List.of(Problem.error(file, e.getMessage()));
    } catch (Sandbox.Exceeded e) {
      return List.of(Problem.error(file, 1, 1, "schema " + d.href() + " was stopped: checking this file "
          + e.getMessage() + " (the bound is " + limits.describe() + " per file)"));
    } catch (Exception e) {
      return List.of(Problem.error(file, 1, 1, "schema " + d.href() + " cannot be run on this file: " + Messages.of(e)));
    }
  }

  /** Jing on a fresh secure parse of the file (so errors carry the file's own lines and columns). */
  private List<Problem> relaxNg(Path file, Schema schema) {
    List<Problem> problems = new ArrayList<>();
    DefaultHandler handler = new DefaultHandler() {
      @Override
      public void error(SAXParseException e) {
        problems.add(new Problem(file, e.getLineNumber(), e.getColumnNumber(), Severity.ERROR, Messages.clean(e.getMessage()), "schema"));
      }

      @Override
      public void fatalError(SAXParseException e) throws SAXException {
        throw e;
      }
    };
    PropertyMapBuilder props = new PropertyMapBuilder();
    props.put(ValidateProperty.ERROR_HANDLER, handler);
    com.thaiopensource.validate.Validator validator = schema.createValidator(props.toPropertyMap());
    XMLReader reader = SecureXml.newReader();
    reader.setContentHandler(validator.getContentHandler());
    reader.setDTDHandler(validator.getDTDHandler());
    reader.setErrorHandler(handler);
    try {
      InputSource input = new InputSource(file.toUri().toString());
      Map<Path, byte[]> memory = unwritten;
      byte[] bytes = memory == null ? null : memory.get(file.toAbsolutePath().normalize());
      if (bytes != null) {
        input.setByteStream(new java.io.ByteArrayInputStream(bytes));
      }
      reader.parse(input);
    } catch (SAXException | IOException e) {
      problems.add(Xml.parseProblem(file, e));
    }
    return problems;
  }

  private List<Problem> editorialRules(CorpusChecks.File f, XdmNode editionTree) {
    try {
      String kind = f.document() ? "document" : f.register() ? "register" : "edition";
      return schematron(f.path(), f.tree(), schemas.editorialRules(), editionTree, kind, null, null);
    } catch (Schemas.Unavailable e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /**
   * Runs a compiled Schematron on a tree and turns its SVRL into problems, located by evaluating
   * each SVRL location (an XPath) on the line-numbered tree.
   *
   * @param edition edition.xml for editio's own rules, or null
   * @param kind for editio's own rules, what the file is; for other schemas, the rule-id fallback
   */
  private List<Problem> schematron(Path file, XdmNode tree, XsltExecutable compiled, XdmNode edition, String kind,
      Resolver resolver, SchemaDeclaration declaration) {
    List<Problem> problems = new ArrayList<>();
    try {
      // a schema the edition declares runs restricted; editio's own rules do not need to read anything
      Xslt30Transformer t = resolver == null ? Xml.transformer(compiled) : Xml.untrusted(compiled, resolver);
      if (edition != null || !"schematron".equals(kind)) {
        java.util.Map<QName, XdmValue> params = new java.util.HashMap<>();
        params.put(new QName("edition"), edition == null ? XdmEmptySequence.getInstance() : edition);
        params.put(new QName("kind"), new XdmAtomicValue(kind));
        t.setStylesheetParameters(params);
      }
      XdmDestination svrl = new XdmDestination();
      t.applyTemplates(tree, svrl);
      XPathCompiler xp = xml.processor().newXPathCompiler();
      xp.declareNamespace("svrl", SVRL_NS);
      for (XdmItem item : xp.evaluate("//svrl:failed-assert | //svrl:successful-report", svrl.getXdmNode())) {
        XdmNode result = (XdmNode) item;
        String role = String.valueOf(result.getAttributeValue(new QName("role"))).toLowerCase(java.util.Locale.ROOT);
        Severity severity = role.matches("warn(ing)?|info|information|nonfatal") ? Severity.WARNING : Severity.ERROR;
        String id = result.getAttributeValue(new QName("id"));
        String message = xp.evaluateSingle("normalize-space(svrl:text)", result).getStringValue();
        XdmNode at = locate(xp, tree, result.getAttributeValue(new QName("location")));
        problems.add(new Problem(file, at == null ? 1 : at.getLineNumber(), at == null ? 1 : at.getColumnNumber(),
            severity, message, id == null ? "schematron" : id));
      }
    } catch (SaxonApiException | net.sf.saxon.s9api.SaxonApiUncheckedException e) {
      problems.add(new Problem(file, declaration == null ? 1 : declaration.line(), declaration == null ? 1 : declaration.column(),
          Severity.ERROR, (declaration == null ? "Schematron" : "schema " + declaration.href())
          + " could not be run on this file: " + Messages.of(e), "schematron"));
    }
    return problems;
  }

  private static XdmNode locate(XPathCompiler xp, XdmNode tree, String location) {
    if (location == null) {
      return null;
    }
    try {
      XdmItem node = xp.evaluateSingle(location, tree);
      if (node instanceof XdmNode n) {
        return n.getNodeKind() == net.sf.saxon.s9api.XdmNodeKind.ATTRIBUTE ? n.getParent() : n;
      }
    } catch (SaxonApiException e) {
      // an unusual location path: the problem is still reported, at the top of the file
    }
    return null;
  }
}
