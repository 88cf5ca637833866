package org.editio.edition;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmItem;
import net.sf.saxon.s9api.XdmMap;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmNodeKind;
import net.sf.saxon.s9api.XdmValue;
import net.sf.saxon.s9api.Xslt30Transformer;
import org.editio.Digest;
import org.editio.EditioException;
import org.editio.Folders;
import org.editio.Problem;
import org.editio.xml.Xml;

/**
 * Reads an edition from disk: an edition directory (with {@code edition.xml}, {@code documents/}
 * and {@code registers/}), any directory of TEI files, or a single TEI file.
 *
 * <p>Files are parsed in parallel; every file that cannot be read is reported, not just the
 * first. The metadata that orders documents (id, title, date) is computed by the stylesheet
 * function {@code f:metadata} in {@code xslt/common/}, so Java and the stylesheets share one
 * definition of what a document's date and title are.
 */
public final class EditionLoader {

  /** The name of the edition file in an edition directory. */
  public static final String EDITION_FILE = "edition.xml";

  private static final String F_NS = "http://editio.org/ns/function";

  private final Xml xml;
  private Map<Path, Parsed> cache;
  /** Documents read from memory instead of disk ({@link #readUnwritten}). */
  private Map<Path, byte[]> unwritten;

  /**
   * Keeps parsed trees in {@code cache} between runs of this loader (for editio serve, which
   * builds again on every change): only files whose bytes changed are parsed again.
   */
  public EditionLoader cache(Map<Path, Parsed> cache) {
    this.cache = cache;
    return this;
  }

  public EditionLoader(Xml xml) {
    this.xml = xml;
  }

  /** Which files of a path are the edition file, documents and registers. */
  private record Layout(Path editionFile, List<Path> documents, List<Path> registers) {
    int size() {
      return documents.size() + registers.size() + (editionFile == null ? 0 : 1);
    }
  }

  private static Layout layout(Path path) throws EditioException {
    if (!Files.exists(path)) {
      throw EditioException.io(path, "no such file or directory");
    }
    Path source = path.toAbsolutePath().normalize();
    if (!Files.isDirectory(source)) {
      return new Layout(null, List.of(source), List.of());
    }
    Path editionFile = source.resolve(EDITION_FILE);
    if (!Files.isRegularFile(editionFile)) {
      return new Layout(null, xmlFiles(source), List.of());
    }
    Path docs = source.resolve("documents");
    Path regs = source.resolve("registers");
    return new Layout(editionFile,
        Files.isDirectory(docs) ? xmlFiles(docs) : List.of(),
        Files.isDirectory(regs) ? xmlFiles(regs) : List.of());
  }

  /**
   * The edition directory a file or folder belongs to: for {@code edition.xml}, its folder; for a
   * file or folder below {@code documents/} or {@code registers/} of a folder that holds an
   * edition.xml, that folder. An edition directory itself belongs to none (it is the edition).
   */
  public static Optional<Path> enclosingEdition(Path path) {
    Path target = path.toAbsolutePath().normalize();
    if (!Files.exists(target) || target.getParent() == null) {
      return Optional.empty();
    }
    if (Files.isRegularFile(target) && target.getFileName().toString().equals(EDITION_FILE)) {
      return Optional.of(target.getParent());
    }
    for (Path dir = target.getParent(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve(EDITION_FILE))
          && (target.startsWith(dir.resolve("documents")) || target.startsWith(dir.resolve("registers")))) {
        return Optional.of(dir);
      }
    }
    return Optional.empty();
  }

  /**
   * The folder that is "the edition" for what its files may read ({@link org.editio.xml.Resolver}):
   * an edition or a folder of TEI files itself; for a single file, the edition it belongs to,
   * else the folder it lies in.
   */
  public static Path folder(Path path) {
    return enclosingEdition(path).orElse(org.editio.xml.Resolver.editionFolder(path));
  }

  /**
   * The folders {@link #load} looks for documents and registers in, every file below them (for a
   * single file, none): an output folder must not be one of them, or its copies of the documents
   * would be read as documents (an output folder below them is skipped, see {@link #xmlFiles}).
   */
  public static List<Path> sourceFolders(Path path) {
    Path source = path.toAbsolutePath().normalize();
    if (!Files.isDirectory(source)) {
      return List.of();
    }
    if (!Files.isRegularFile(source.resolve(EDITION_FILE))) {
      return List.of(source);
    }
    return List.of(source.resolve("documents"), source.resolve("registers"));
  }

  /** Every file {@link #load} reads for {@code path}: edition file, documents, registers. */
  public static List<Path> files(Path path) throws EditioException {
    Layout layout = layout(path);
    List<Path> all = new ArrayList<>();
    if (layout.editionFile() != null) {
      all.add(layout.editionFile());
    }
    all.addAll(layout.documents());
    all.addAll(layout.registers());
    return all;
  }

  /**
   * What {@link #read} found: the edition as far as it could be read (documents that did not
   * parse are left out), every problem met, and how many files were read.
   */
  public record Loaded(Edition edition, List<Problem> problems, int files) {
    public boolean hasErrors() {
      return problems.stream().anyMatch(Problem::isError);
    }
  }

  /** Loads the edition at {@code path}, or fails with every problem found. */
  public Edition load(Path path) throws EditioException {
    Loaded loaded = read(path);
    if (loaded.hasErrors()) {
      throw new EditioException(EditioException.INPUT, loaded.problems());
    }
    return loaded.edition();
  }

  /**
   * Reads the edition at {@code path} as far as possible, collecting problems instead of stopping
   * at the first: what validation needs.
   *
   * @throws EditioException only when the path cannot be read at all (exit code 2)
   */
  public Loaded read(Path path) throws EditioException {
    return read(path, layout(path));
  }

  /**
   * Reads the edition at {@code edition} with {@code documents} in place of its documents, as if
   * they were written at their paths: what the importer checks before it writes. The edition's
   * other documents are not read (an imported document depends on edition.xml and the
   * registers, not on them).
   *
   * @param documents the documents' bytes by the absolute path they would have
   */
  public Loaded readUnwritten(Path edition, Map<Path, byte[]> documents) throws EditioException {
    Layout full = layout(edition);
    unwritten = new HashMap<>();
    documents.forEach((p, b) -> unwritten.put(p.toAbsolutePath().normalize(), b));
    return read(edition, new Layout(full.editionFile(), unwritten.keySet().stream().sorted().toList(), full.registers()));
  }

  private Loaded read(Path path, Layout layout) throws EditioException {
    Path source = path.toAbsolutePath().normalize();
    List<Path> documentFiles = layout.documents();
    List<Path> registerFiles = layout.registers();
    Path editionPath = layout.editionFile();
    if (documentFiles.isEmpty()) {
      throw EditioException.io(path, "no TEI documents found (expected *.xml files)");
    }

    List<Problem> problems = Collections.synchronizedList(new ArrayList<>());
    if (Files.isDirectory(source)) {
      // a file of the edition that is a link leading out of it is not read (it could be any file)
      Path root = realPath(source);
      documentFiles = inside(documentFiles, root, problems);
      registerFiles = inside(registerFiles, root, problems);
      if (editionPath != null && inside(List.of(editionPath), root, problems).isEmpty()) {
        editionPath = null;
      }
    }
    Map<Path, String> digests = new java.util.concurrent.ConcurrentHashMap<>();
    Map<Path, XdmNode> parsed = parseAll(documentFiles, problems, digests);
    Map<Path, XdmNode> registers = parseAll(registerFiles, problems, digests);
    XdmNode editionFile = null;
    if (editionPath != null) {
      editionFile = parseAll(List.of(editionPath), problems, digests).get(editionPath);
    }
    if (cache != null) {
      // files deleted or renamed since the last run leave the cache
      java.util.Set<Path> present = new java.util.HashSet<>(documentFiles);
      present.addAll(registerFiles);
      if (editionPath != null) {
        present.add(editionPath);
      }
      cache.keySet().retainAll(present);
    }

    if (editionFile != null && !isTei(editionFile)) {
      problems.add(notTei(editionPath, editionFile));
      editionFile = null;
    }
    // a register is a TEI file too (its entries in listPerson, listPlace, listOrg): other XML in
    // registers/ is the error a document gets, not a file every output would stumble on
    for (Map.Entry<Path, XdmNode> register : List.copyOf(registers.entrySet())) {
      if (!isTei(register.getValue())) {
        problems.add(notTei(register.getKey(), register.getValue()));
        registers.remove(register.getKey());
      }
    }
    String language = language(editionFile, documentFiles.stream().map(parsed::get)
        .filter(t -> t != null && isTei(t)).toList());
    Xslt30Transformer metadata = Xml.transformer(xml.stylesheet("common/functions.xsl"));
    try {
      metadata.setStylesheetParameters(Map.of(new QName("language"), new net.sf.saxon.s9api.XdmAtomicValue(language)));
    } catch (SaxonApiException e) {
      throw new IllegalStateException("common/functions.xsl has no parameter 'language'", e);
    }
    List<TeiDocument> documents = new ArrayList<>();
    Map<String, Path> seen = new HashMap<>();
    // loose TEI: a folder may hold XML that is not a TEI document (an XInclude target, a schema's
    // example): it is left out with a warning; in an edition, documents/ holds documents only
    boolean loose = editionPath == null && Files.isDirectory(source);
    List<XdmNode> described = new ArrayList<>();
    List<Path> describedFiles = new ArrayList<>();
    for (Path file : documentFiles) {
      XdmNode tree = parsed.get(file);
      if (tree == null) {
        continue;
      }
      if (!isTei(tree)) {
        Problem p = notTei(file, tree);
        problems.add(loose ? new Problem(p.file(), p.line(), p.column(), Problem.Severity.WARNING,
            p.message() + ": left out (not published)", "not-tei") : p);
        continue;
      }
      described.add(tree);
      describedFiles.add(file);
    }
    // loose TEI: two files with the same id (or without one, named alike in two folders) are both
    // published, the second under its file's name (or that name numbered): said as a warning
    Map<String, String> renamed = new LinkedHashMap<>();
    for (int i = 0; i < described.size(); i++) {
      Path file = describedFiles.get(i);
      XdmNode tree = described.get(i);
      TeiDocument doc = describe(metadata, file, tree, digests.get(file.toAbsolutePath().normalize()));
      Path earlier = seen.get(doc.id());
      if (earlier != null && editionPath == null) {
        String stem = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        String id = stem;
        for (int n = 2; seen.containsKey(id) || id.isBlank(); n++) {
          id = (stem.isBlank() ? "document" : stem) + "-" + n;
        }
        problems.add(new Problem(file, 1, 1, Problem.Severity.WARNING, "document id '" + doc.id() + "' is already used by "
            + Problem.displayPath(earlier) + ": this document is published as '" + id + "'", "document-id"));
        renamed.put(uriKey(tree), id);
        doc = new TeiDocument(id, doc.file(), doc.tree(), doc.title(), doc.sortDate(), doc.date(), doc.digest());
      } else if (earlier != null) {
        problems.add(Problem.error(file, 1, 1, "document id '" + doc.id() + "' is already used by "
            + Problem.displayPath(earlier) + ": every document needs its own TEI/@xml:id"));
        continue;
      }
      seen.put(doc.id(), file);
      documents.add(doc);
    }
    if (loose && documents.isEmpty() && problems.stream().noneMatch(Problem::isError)) {
      throw EditioException.io(path, "no TEI documents found: none of its XML files is a TEI document (<TEI> or <teiCorpus>)");
    }
    problems.sort(Problem.ORDER);
    documents.sort(Comparator.comparing(TeiDocument::sortDate, EditionLoader::undatedLast)
        .thenComparing(TeiDocument::id));

    Map<String, XdmNode> registersByUri = new LinkedHashMap<>();
    registers.forEach((file, tree) -> registersByUri.put(file.toUri().toString(), tree));
    String id = editionId(source, editionFile);
    String title = editionTitle(metadata, editionFile, documents, source);
    XdmMap editionMetadata = editionFile == null ? null : callMetadata(metadata, editionFile);
    String published = editionMetadata == null ? "" : get(editionMetadata, "published");
    String editors = editionMetadata == null ? "" : get(editionMetadata, "editors");
    Customisation customisation = editionPath == null ? Customisation.NONE : Customisation.of(source);
    Images images = Images.find(documents, realPath(source.toFile().isDirectory() ? source : source.getParent()), problems);
    problems.sort(Problem.ORDER);
    Edition edition = new Edition(path, id, title, Optional.ofNullable(editionFile), documents, registersByUri,
        published, editors, digests, language, customisation, renamed, images);
    return new Loaded(edition, List.copyOf(problems), layout.size());
  }

  private static Path realPath(Path p) throws EditioException {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      throw EditioException.io(p, "cannot read: " + org.editio.Messages.of(e));
    }
  }

  /**
   * The real path of a file; of a document not written yet (the importer checks it from memory,
   * maybe in a folder not made yet), its nearest existing folder's real path and the rest.
   */
  private static Path realPathOf(Path f) throws IOException {
    if (Files.exists(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return f.toRealPath();
    }
    Path existing = f.toAbsolutePath().normalize();
    while (existing.getParent() != null && !Files.exists(existing, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      existing = existing.getParent();
    }
    return existing.toRealPath().resolve(existing.relativize(f.toAbsolutePath().normalize())).normalize();
  }

  /** The files whose real path (links followed) lies inside {@code root}; the others are refused. */
  private static List<Path> inside(List<Path> files, Path root, List<Problem> problems) {
    List<Path> kept = new ArrayList<>();
    for (Path f : files) {
      try {
        Path real = realPathOf(f);
        if (real.startsWith(root)) {
          kept.add(f);
        } else {
          problems.add(Problem.error(f, 1, 1, "this file is a link to " + real + ": refused: outside the edition"
              + " (editio reads only the edition's own folder; copy the file into the edition instead)"));
        }
      } catch (IOException e) {
        problems.add(Problem.error(f, 1, 1, "cannot read: " + org.editio.Messages.of(e)
            + " (a link to a file that does not exist?)"));
      }
    }
    return kept;
  }

  /** A language tag editio accepts from a file: BCP 47's shape (en, de, de-AT, sr-Latn). */
  private static final java.util.regex.Pattern LANGUAGE = java.util.regex.Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");

  /**
   * The language everything editio prints is in: edition.xml's {@code TEI/@xml:lang}, else the
   * one most documents declare (the first of them on a tie), else English.
   */
  static String language(XdmNode editionFile, List<XdmNode> documents) {
    QName lang = new QName("http://www.w3.org/XML/1998/namespace", "lang");
    if (editionFile != null) {
      String declared = rootElement(editionFile).getAttributeValue(lang);
      if (declared != null && LANGUAGE.matcher(declared.strip()).matches()) {
        return declared.strip();
      }
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (XdmNode doc : documents) {
      String declared = rootElement(doc).getAttributeValue(lang);
      if (declared != null && LANGUAGE.matcher(declared.strip()).matches()) {
        counts.merge(declared.strip(), 1, Integer::sum);
      }
    }
    return counts.entrySet().stream().reduce((a, b) -> b.getValue() > a.getValue() ? b : a)
        .map(Map.Entry::getKey).orElse("en");
  }

  private static int undatedLast(String a, String b) {
    if (a.isEmpty() != b.isEmpty()) {
      return a.isEmpty() ? 1 : -1;
    }
    return a.compareTo(b);
  }

  /** A parsed file and the digest of the bytes it was parsed from. */
  public record Parsed(XdmNode tree, String digest) {}

  private Map<Path, XdmNode> parseAll(List<Path> files, List<Problem> problems, Map<Path, String> digests) {
    Map<Path, XdmNode> result = Collections.synchronizedMap(new HashMap<>());
    files.parallelStream().forEach(file -> {
      try {
        Parsed p = parse(file);
        result.put(file, p.tree());
        digests.put(file.toAbsolutePath().normalize(), p.digest());
      } catch (EditioException e) {
        problems.addAll(e.problems());
      }
    });
    return result;
  }

  /**
   * Reads and parses one file; with a cache (editio serve), a file whose bytes have not changed
   * since the last build keeps its tree instead of being parsed again.
   */
  private Parsed parse(Path file) throws EditioException {
    byte[] bytes = unwritten == null ? null : unwritten.get(file.toAbsolutePath().normalize());
    try {
      bytes = bytes != null ? bytes : Files.readAllBytes(file);
    } catch (IOException e) {
      throw EditioException.io(file, "cannot read: " + org.editio.Messages.io(e));
    }
    String digest = Digest.of(bytes);
    if (cache != null) {
      Parsed known = cache.get(file);
      if (known != null && known.digest().equals(digest)) {
        return known;
      }
    }
    Parsed parsed = new Parsed(xml.parse(bytes, file), digest);
    if (cache != null) {
      cache.put(file, parsed);
    }
    return parsed;
  }

  /** A TEI document: its root is {@code TEI}, or {@code teiCorpus} (published as one document, its TEIs its parts). */
  static boolean isTei(XdmNode document) {
    XdmNode root = rootElement(document);
    return root != null && (new QName(Xml.TEI_NS, "TEI").equals(root.getNodeName())
        || new QName(Xml.TEI_NS, "teiCorpus").equals(root.getNodeName()));
  }

  /** The key a document's id is given by when it is not its own ({@code f:doc-id}): its URI, as the stylesheets spell file URIs. */
  static String uriKey(XdmNode tree) {
    return String.valueOf(tree.getDocumentURI()).replaceFirst("^file:/+", "file:///");
  }

  private static Problem notTei(Path file, XdmNode document) {
    XdmNode root = rootElement(document);
    QName name = root == null ? null : root.getNodeName();
    String found = name == null ? "nothing"
        : "<" + name.getLocalName() + ">" + (name.getNamespace().isEmpty() ? " in no namespace"
            : " in namespace " + name.getNamespace());
    return Problem.error(file, root == null ? 1 : root.getLineNumber(), root == null ? 1 : root.getColumnNumber(),
        "not a TEI document: the root element is " + found + "; expected <TEI xmlns=\"" + Xml.TEI_NS + "\"> (or <teiCorpus>)");
  }

  static XdmNode rootElement(XdmNode document) {
    for (XdmNode child : document.children()) {
      if (child.getNodeKind() == XdmNodeKind.ELEMENT) {
        return child;
      }
    }
    return null;
  }

  private static TeiDocument describe(Xslt30Transformer metadata, Path file, XdmNode tree, String digest) {
    XdmMap map = callMetadata(metadata, tree);
    return new TeiDocument(get(map, "id"), file, tree, get(map, "title"), get(map, "sort-date"), get(map, "date"),
        digest);
  }

  private static XdmMap callMetadata(Xslt30Transformer metadata, XdmNode tree) {
    try {
      XdmValue value = metadata.callFunction(new QName(F_NS, "metadata"), new XdmValue[] {tree});
      return (XdmMap) value;
    } catch (SaxonApiException e) {
      throw new IllegalStateException("f:metadata failed: " + e.getMessage(), e);
    }
  }

  private static String get(XdmMap map, String key) {
    XdmValue v = map.get(key);
    return v == null || v.isEmpty() ? "" : v.itemAt(0).getStringValue();
  }

  private static String editionId(Path source, XdmNode editionFile) {
    if (editionFile != null) {
      XdmNode root = rootElement(editionFile);
      String id = root == null ? null : root.getAttributeValue(new QName("http://www.w3.org/XML/1998/namespace", "id"));
      if (id != null && !id.isBlank()) {
        return id;
      }
    }
    String name = source.getFileName() == null ? "edition" : source.getFileName().toString();
    return name.replaceFirst("\\.[^.]*$", "");
  }

  private static String editionTitle(Xslt30Transformer metadata, XdmNode editionFile,
      List<TeiDocument> documents, Path source) {
    if (editionFile != null) {
      // its main title, never a sub-title (the site prints that under the title): without one
      // (rule edition-title), the folder's name
      String title = get(callMetadata(metadata, editionFile), "main-title");
      if (!title.isBlank()) {
        return title;
      }
      return source.getFileName() == null ? "Edition" : source.getFileName().toString();
    }
    if (documents.size() == 1) {
      return documents.get(0).title();
    }
    return source.getFileName() == null ? "Edition" : source.getFileName().toString();
  }

  /**
   * Every *.xml (any case) below {@code dir}, in a stable order, but no hidden file and none below a hidden folder ({@code .git},
   * editio's staging folders) or an output folder of editio ({@link Folders#isOutput}): with
   * {@code cd letters && editio html .} the output lands in {@code letters/output}, and its copies
   * of the documents must not come back as documents of the next build.
   */
  static List<Path> xmlFiles(Path dir) throws EditioException {
    List<Path> found = new ArrayList<>();
    // a folder that is itself an output folder (written there before this check existed, or as
    // the folder of a single file): its output's parts are not documents
    boolean output = Folders.isOutput(dir);
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
          boolean skipped = !d.equals(dir) && (d.getFileName().toString().startsWith(".") || Folders.isOutput(d)
              || output && dir.equals(d.getParent()) && Folders.OUTPUT_PARTS.contains(d.getFileName().toString()));
          return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          String name = file.getFileName().toString();
          // a link to a file is listed, as before walkFileTree (one leading out of the edition is
          // refused, located: inside()); a link to a folder is not followed (a loop back into it)
          boolean regular = attrs.isRegularFile() || attrs.isSymbolicLink() && Files.isRegularFile(file);
          // a hidden file is no document either (an import's temporary file, an editor's lock file);
          // ".XML" is (cameras and old Windows tools write upper case): it was skipped without a word
          boolean part = output && dir.equals(file.getParent()) && Folders.OUTPUT_PARTS.contains(name);
          if (regular && !part && name.toLowerCase(java.util.Locale.ROOT).endsWith(".xml") && !name.startsWith(".")) {
            found.add(file);
          }
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw EditioException.io(dir, "cannot list the directory: " + org.editio.Messages.io(e));
    }
    Collections.sort(found);
    return found;
  }

}
