package org.editio.xml;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.transform.Source;
import javax.xml.transform.sax.SAXSource;
import javax.xml.transform.stream.StreamSource;
import net.sf.saxon.s9api.DocumentBuilder;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XsltCompiler;
import net.sf.saxon.s9api.XsltExecutable;
import net.sf.saxon.s9api.Xslt30Transformer;
import net.sf.saxon.trans.XPathException;
import org.editio.EditioException;
import org.editio.Problem;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * The shared Saxon {@link Processor}, secure parsing into Saxon trees, and the cache of compiled
 * stylesheets. One instance serves a whole run: each stylesheet is compiled once and its
 * {@link XsltExecutable} is shared by every thread that transforms documents.
 */
public final class Xml {

  /** The TEI namespace. */
  public static final String TEI_NS = "http://www.tei-c.org/ns/1.0";

  /** Stylesheets are packaged under this folder of the class path (from the project's xslt/). */
  static final String STYLESHEET_ROOT = "xslt/";

  /** The scheme of stylesheet URIs, so that relative xsl:import/xsl:include hrefs resolve. */
  static final String CLASSPATH_SCHEME = "classpath";

  private final Processor processor = new Processor(new LockedConfiguration());
  private final Map<String, XsltExecutable> stylesheets = new ConcurrentHashMap<>();
  /** Editions' own stylesheets, by folder, name and digest of their content. */
  private final Map<String, XsltExecutable> editionStylesheets = new ConcurrentHashMap<>();

  /**
   * The processor of every stylesheet and parse: its configuration is locked down for all of them
   * (see {@link LockedConfiguration}), and Saxon's own error printing is off (editio reports every
   * problem itself, located).
   */
  public Processor processor() {
    return processor;
  }

  /**
   * Parses a file securely into a Saxon tree with line numbers.
   *
   * @throws EditioException with a located problem when the file is not well-formed, unsafe or
   *     unreadable
   */
  public XdmNode parse(Path file) throws EditioException {
    if (!Files.isRegularFile(file)) {
      throw EditioException.io(file, "no such file");
    }
    InputSource input = new InputSource(file.toUri().toString());
    return build(new SAXSource(SecureXml.newReader(), input), file);
  }

  /**
   * Parses a file's bytes, already read (to digest them), securely; problems name {@code file}.
   */
  public XdmNode parse(byte[] bytes, Path file) throws EditioException {
    InputSource input = new InputSource(new java.io.ByteArrayInputStream(bytes));
    input.setSystemId(file.toUri().toString());
    return build(new SAXSource(SecureXml.newReader(), input), file);
  }

  /** Parses XML held in memory (a generated or imported document) securely. */
  public XdmNode parse(String xml, URI systemId) throws EditioException {
    InputSource input = new InputSource(new java.io.StringReader(xml));
    input.setSystemId(systemId.toString());
    return build(new SAXSource(SecureXml.newReader(), input), Path.of(systemId));
  }

  private XdmNode build(Source source, Path file) throws EditioException {
    DocumentBuilder builder = processor.newDocumentBuilder();
    builder.setLineNumbering(true);
    try {
      return builder.build(source);
    } catch (SaxonApiException e) {
      Problem p = parseProblem(file, e);
      int[] at = source instanceof SAXSource s ? SecureXml.position(s.getXMLReader()) : null;
      if (p.message().startsWith("entity expansion limit") && at != null && at[0] > 0) {
        // the parser gave no position (entity limits): where it stopped
        p = Problem.error(file, at[0], Math.max(1, at[1]), p.message());
      }
      throw new EditioException(EditioException.INPUT, p);
    }
  }

  /** Turns a parser failure into {@code file:line:col: error: message}. */
  public static Problem parseProblem(Path file, Throwable e) {
    int line = 0;
    int column = 0;
    String message = null;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SAXParseException spe) {
        line = spe.getLineNumber();
        column = spe.getColumnNumber();
        message = spe.getMessage();
        break;
      }
      if (t instanceof XPathException xpe && xpe.getLocator() != null && line == 0) {
        line = xpe.getLocator().getLineNumber();
        column = xpe.getLocator().getColumnNumber();
      }
      message = t.getMessage();
    }
    return Problem.error(file, Math.max(line, 1), Math.max(column, 1), explain(file, message));
  }

  /**
   * A failure while transforming {@code file} (publishing a page or a PDF), as a problem an editor
   * can act on: located at the element of {@code file} the stylesheet was working on when Saxon
   * knows it (else at the top of the file), the library's message cleaned of Java and XPath
   * internals, and what to do.
   *
   * @param what what could not be done, e.g. "cannot publish the HTML page"
   */
  public static Problem transformProblem(Path file, String what, Throwable e) {
    int line = 1;
    int column = 1;
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof XPathException xpe && xpe.getXPathContext() != null) {
        net.sf.saxon.om.Item item = xpe.getXPathContext().getContextItem();
        if (item instanceof net.sf.saxon.om.NodeInfo node && node.getLineNumber() > 0 && file != null
            && node.getSystemId() != null && node.getSystemId().equals(file.toUri().toString())) {
          line = node.getLineNumber();
          column = Math.max(1, node.getColumnNumber());
          break;
        }
      }
    }
    String message = org.editio.Messages.of(e);
    if (message.contains("refused")) {
      return Problem.error(file, line, column, what + ": " + message);
    }
    return Problem.error(file, line, column, what + ": " + message
        + " (editio could not render what it found here: check this element; if it is valid TEI, please report it)");
  }

  /** Parser messages, said in terms an editor can act on. */
  static String explain(Path file, String raw) {
    String m = raw == null ? "unknown parser error" : raw.replaceFirst("^(?s).*Error reported by XML parser:\\s*", "").trim();
    if (m.contains("JAXP00010004") || m.contains("JAXP00010003") || m.contains("JAXP00010002")
        || m.contains("accumulated size of entities") || m.contains("size of entity")) {
      return "entity expansion limit exceeded (the entities of this document would expand to more than "
          + SecureXml.TOTAL_ENTITY_SIZE_LIMIT + " characters: a quadratic blow-up?): the document is refused,"
          + " its entities are not expanded";
    }
    if (m.contains("JAXP00010001") || m.contains("entity expansions")) {
      return "entity expansion limit exceeded (an entity expansion bomb?): the document is refused,"
          + " its entities are not expanded";
    }
    if (m.contains("editio never reads external entities") || m.contains("editio never reads external DTDs")) {
      return m;
    }
    if (m.startsWith("Premature end of file") && isEmpty(file)) {
      return "the file is empty: a TEI document starts with <TEI xmlns=\"" + TEI_NS + "\">";
    }
    if (m.startsWith("Content is not allowed in prolog")) {
      return "not XML: the file does not start with an XML declaration or an element (" + m + ")";
    }
    if (m.startsWith("Invalid byte")) {
      return "the file is not in the encoding it declares (UTF-8 unless its XML declaration says"
          + " otherwise): " + m + "; save it as UTF-8 or declare its real encoding";
    }
    return "not well-formed XML: " + m;
  }

  private static boolean isEmpty(Path file) {
    try {
      return file != null && Files.size(file) == 0;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * The compiled stylesheet at {@code path} below xslt/ on the class path, compiled on first
   * use and shared afterwards.
   */
  public XsltExecutable stylesheet(String path) {
    return stylesheets.computeIfAbsent(path, this::compile);
  }

  private XsltExecutable compile(String path) {
    XsltCompiler compiler = processor.newXsltCompiler();
    compiler.setURIResolver(
        (href, base) -> {
          URI uri = URI.create(base).resolve(href);
          return classpathSource(uri);
        });
    try {
      return compiler.compile(classpathSource(URI.create(CLASSPATH_SCHEME + ":/" + STYLESHEET_ROOT + path)));
    } catch (SaxonApiException e) {
      // A broken stylesheet is a bug of editio itself, not of the user's input.
      throw new IllegalStateException("stylesheet " + path + " does not compile: " + e.getMessage(), e);
    }
  }

  /**
   * An edition's own stylesheet ({@code EDITION/xslt/html.xsl} and the like), compiled once for
   * each content ({@code digest}, which covers the files it may import). It is untrusted code: it
   * may import editio's stylesheets by their stable addresses ({@code editio:html.xsl}, {@code
   * editio:fo.xsl}: any module below editio's xslt/) and files inside {@code folder}, nothing else
   * ({@link Resolver#forStylesheets}); it is compiled as everything else that comes with an
   * edition ({@link #compileRestricted}), and runs as every renderer does ({@link #renderer}).
   *
   * @throws EditioException with every compile error, located in the edition's files
   */
  public XsltExecutable editionStylesheet(Path folder, String name, String digest) throws EditioException {
    Path root;
    Resolver imports;
    try {
      root = folder.toRealPath();
      imports = Resolver.forStylesheets(root);
    } catch (IOException e) {
      throw EditioException.io(folder, "cannot read: " + org.editio.Messages.of(e));
    }
    String key = root + "/" + name + "#" + digest;
    XsltExecutable known = editionStylesheets.get(key);
    if (known != null) {
      return known;
    }
    // a new version of the file replaces the compiled old one (editio serve compiles after each edit)
    editionStylesheets.keySet().removeIf(k -> k.startsWith(root + "/" + name + "#"));
    Path file = root.resolve(name);
    List<Problem> problems = new ArrayList<>();
    try {
      XsltExecutable compiled = compileRestricted(module(imports, file.toUri().toString(), null, problems), imports, problems, true);
      editionStylesheets.put(key, compiled);
      return compiled;
    } catch (SaxonApiException | javax.xml.transform.TransformerException e) {
      if (problems.isEmpty()) {
        problems.add(Problem.error(file, 1, 1, "the stylesheet does not compile: " + org.editio.Messages.of(e)));
      }
      throw new EditioException(EditioException.INPUT, problems);
    }
  }

  /**
   * Compiles XSLT that comes with an edition and is held in memory (a Schematron the edition's
   * documents declare, compiled by SchXslt), as {@link #editionStylesheet} compiles an edition's
   * stylesheet: modules only through {@code resolver}, and everything {@link #compileRestricted}
   * refuses. Run it with {@link #untrusted}.
   *
   * @throws SaxonApiException when it does not compile or is refused; the message says why
   */
  public XsltExecutable compileUntrusted(XdmNode stylesheet, Resolver resolver) throws SaxonApiException {
    List<Problem> problems = new ArrayList<>();
    try {
      refuseInstructions(stylesheet, problems);
      if (!problems.isEmpty()) {
        throw new SaxonApiException(problems.get(0).message());
      }
      return compileRestricted(stylesheet.asSource(), resolver, problems, false);
    } catch (SaxonApiException e) {
      throw problems.isEmpty() ? e : new SaxonApiException(problems.get(0).message(), e);
    }
  }

  /**
   * The one way code that comes with an edition is compiled: on the locked-down configuration
   * (no extension functions, no {@code xsl:result-document}, no {@code fn:transform()}, no
   * {@code load-xquery-module()}, no {@code xsl:evaluate}: see {@link LockedConfiguration}), with
   * every module read through {@code resolver}, parsed securely, and refused when it holds an
   * instruction that would write files or compile other code ({@link InstructionScan}).
   * Errors are added to {@code problems}, located in their module and said in editio's words.
   */
  private XsltExecutable compileRestricted(Source source, Resolver resolver, List<Problem> problems, boolean located)
      throws SaxonApiException {
    XsltCompiler compiler = processor.newXsltCompiler();
    compiler.setErrorReporter(error -> {
      if (!error.isWarning()) {
        net.sf.saxon.s9api.Location at = error.getLocation();
        // generated XSLT (a compiled Schematron): its places mean nothing to an editor
        Problem p = !located || at == null ? Problem.error(null, 1, 1, restrictedMessage(error.getMessage()))
            : compileProblem(at.getSystemId(), at.getLineNumber(), at.getColumnNumber(), error.getMessage());
        if (problems.stream().noneMatch(q -> q.message().equals(p.message()))) {
          problems.add(p);
        }
      }
    });
    compiler.setURIResolver((href, base) -> module(resolver, href, base, problems));
    XsltExecutable compiled = compiler.compile(source);
    if (!problems.isEmpty()) {
      // compiled, but holding what no stylesheet of an edition may hold (xsl:evaluate)
      throw new SaxonApiException(problems.get(0).message());
    }
    return compiled;
  }

  /**
   * A module of a stylesheet of the edition, read through {@code resolver} and parsed securely; the
   * parse notes every refused instruction in {@code problems}, where it stands ({@link
   * InstructionScan}). A refused reference says what may be imported.
   */
  private static Source module(Resolver resolver, String href, String base, List<Problem> problems)
      throws javax.xml.transform.TransformerException {
    try {
      URI uri = resolver.resolve(href, base);
      InputSource input = new InputSource(new java.io.ByteArrayInputStream(resolver.read(uri)));
      input.setSystemId(uri.toString());
      return new SAXSource(new InstructionScan(SecureXml.newReader(), problems), input);
    } catch (IOException e) {
      throw new javax.xml.transform.TransformerException(org.editio.Messages.of(e));
    }
  }

  /**
   * Instructions no stylesheet of an edition may hold: {@code xsl:result-document} (it would write
   * files; Saxon refuses it too, this configuration having no extensions), {@code xsl:evaluate} (it
   * would compile code while the stylesheet runs; disabled in the configuration too) and {@code
   * xsl:use-package} (packages come from elsewhere than the edition's xslt/ folder).
   */
  private static final Map<String, String> REFUSED_INSTRUCTIONS = Map.of(
      "result-document", "a stylesheet or schema of the edition writes no files of its own (editio writes every output file)",
      "evaluate", "a stylesheet or schema of the edition compiles no code while it runs",
      "use-package", "a stylesheet of the edition uses no packages (it may import editio's stylesheets,"
          + " editio:html.xsl, editio:fo.xsl, editio:epub.xsl and editio:cmif.xsl, and files of its own xslt/ folder)");

  /** Notes each refused instruction of a module while it is parsed for the compiler, with its place. */
  private static final class InstructionScan extends org.xml.sax.helpers.XMLFilterImpl {
    private final List<Problem> problems;
    private org.xml.sax.Locator locator;

    InstructionScan(org.xml.sax.XMLReader parent, List<Problem> problems) {
      super(parent);
      this.problems = problems;
    }

    @Override
    public void setDocumentLocator(org.xml.sax.Locator locator) {
      this.locator = locator;
      super.setDocumentLocator(locator);
    }

    @Override
    public void startElement(String ns, String local, String qName, org.xml.sax.Attributes atts)
        throws org.xml.sax.SAXException {
      if (XSLT_NS.equals(ns) && REFUSED_INSTRUCTIONS.containsKey(local)) {
        synchronized (problems) {
          problems.add(compileProblem(locator == null ? null : locator.getSystemId(), locator == null ? 0 : locator.getLineNumber(),
              locator == null ? 0 : locator.getColumnNumber(), "xsl:" + local + " refused: " + REFUSED_INSTRUCTIONS.get(local)));
        }
      }
      super.startElement(ns, local, qName, atts);
    }
  }

  /** The same check for a stylesheet held in memory (generated: its lines mean nothing to an editor). */
  private static void refuseInstructions(XdmNode stylesheet, List<Problem> problems) {
    stylesheet.select(net.sf.saxon.s9api.streams.Steps.descendant()
        .where(n -> n.getNodeKind() == net.sf.saxon.s9api.XdmNodeKind.ELEMENT
            && XSLT_NS.equals(n.getNodeName().getNamespace())
            && REFUSED_INSTRUCTIONS.containsKey(n.getNodeName().getLocalName())))
        .forEach(n -> problems.add(Problem.error(null, 1, 1,
            "xsl:" + n.getNodeName().getLocalName() + " refused: " + REFUSED_INSTRUCTIONS.get(n.getNodeName().getLocalName()))));
  }

  private static final String XSLT_NS = "http://www.w3.org/1999/XSL/Transform";

  /** Why a stylesheet that comes with an edition or renders it writes no files. */
  static final String WRITES_NOTHING = REFUSED_INSTRUCTIONS.get("result-document");

  /** Saxon's compile errors about what the locked-down configuration leaves out, in editio's words. */
  static String restrictedMessage(String raw) {
    if (raw == null) {
      return org.editio.Messages.clean(null);
    }
    java.util.regex.Matcher refused = java.util.regex.Pattern.compile(
        "Cannot find an? \\S+ function named (?:Q\\{http://www\\.w3\\.org/2005/xpath-functions\\})?(?:fn:)?("
        + String.join("|", LockedConfiguration.REFUSED_FUNCTIONS.keySet()) + ")\\(\\)").matcher(raw);
    if (refused.find()) {
      return "fn:" + refused.group(1) + "() refused: " + LockedConfiguration.REFUSED_FUNCTIONS.get(refused.group(1));
    }
    if (raw.contains("xsl:result-document is disabled")) {
      return "xsl:result-document refused: " + WRITES_NOTHING;
    }
    if (raw.contains("disabled when extension functions are disabled") || raw.contains("External function calls have been disabled")) {
      // (the call is not repeated: it names Java classes, which a message of editio's never shows)
      return "extension function or instruction refused: a stylesheet or schema of the edition calls no Java code"
          + " and no extensions of Saxon's";
    }
    return org.editio.Messages.clean(raw);
  }

  private static Problem compileProblem(String systemId, int line, int column, String raw) {
    String message = restrictedMessage(raw);
    Path file = null;
    if (systemId != null && systemId.startsWith("file:")) {
      try {
        file = Path.of(URI.create(systemId));
      } catch (IllegalArgumentException e) {
        // no file to name
      }
    } else if (systemId != null && systemId.startsWith(CLASSPATH_SCHEME + ":/" + STYLESHEET_ROOT)) {
      message = message + " (in " + Resolver.EDITIO + ":" + systemId.substring((CLASSPATH_SCHEME + ":/" + STYLESHEET_ROOT).length()) + ")";
    }
    return Problem.error(file, Math.max(line, 1), Math.max(column, 1), message);
  }

  private static StreamSource classpathSource(URI uri) {
    if (!CLASSPATH_SCHEME.equals(uri.getScheme())) {
      throw new IllegalArgumentException("stylesheets import only packaged modules, not " + uri);
    }
    String resource = uri.getPath().substring(1);
    InputStream in = Xml.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("missing packaged stylesheet " + resource);
    }
    return new StreamSource(in, uri.toString());
  }

  /**
   * A transformer of {@code stylesheet} that reports errors only through exceptions (which editio
   * turns into located problems), never by printing Saxon's own messages.
   */
  public static Xslt30Transformer transformer(XsltExecutable stylesheet) {
    Xslt30Transformer t = stylesheet.load30();
    t.setErrorReporter(error -> { });
    t.setMessageHandler(message -> { });
    return t;
  }

  /**
   * A transformer of a stylesheet that comes with an edition (its Schematron, compiled by
   * SchXslt) or renders it (editio's own, or the edition's that imports it): it reads only through
   * {@code resolver} ({@code doc()}, {@code document()}, {@code unparsed-text()}, {@code
   * json-doc()}; {@code collection()} is always refused), writes nothing but its result, and sees
   * no environment variables or system properties (the configuration's lock-down, see {@link
   * LockedConfiguration}). Its messages are dropped: only its principal result counts.
   */
  public static Xslt30Transformer untrusted(XsltExecutable stylesheet, Resolver resolver) {
    Xslt30Transformer t = transformer(stylesheet);
    t.setResourceResolver(resolver.saxon());
    t.setURIResolver(resolver.uriResolver());
    t.setUnparsedTextResolver(resolver.unparsedText());
    t.setResultDocumentHandler(uri -> {
      // the second lock: such a stylesheet does not compile (see LockedConfiguration)
      throw new net.sf.saxon.s9api.SaxonApiUncheckedException(new SaxonApiException(
          "xsl:result-document '" + uri + "' refused: " + WRITES_NOTHING));
    });
    return t;
  }

  /**
   * A transformer of a stylesheet that renders the edition (editio's {@code html.xsl} or {@code
   * fo.xsl}, or the edition's own that imports it): {@link #untrusted} with a resolver that serves
   * nothing ({@link Resolver#nothing()}). Everything a renderer needs comes as parameters, so what
   * a page is made of is what its recipe says.
   */
  public static Xslt30Transformer renderer(XsltExecutable stylesheet) {
    return untrusted(stylesheet, Resolver.nothing());
  }

  /** Reads a packaged resource (an asset, a configuration file) as bytes. */
  public static byte[] resource(String name) throws IOException {
    try (InputStream in = Xml.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("missing packaged resource " + name);
      }
      return in.readAllBytes();
    }
  }
}
