package org.editio.xml;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
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
import net.sf.saxon.lib.EnvironmentVariableResolver;
import net.sf.saxon.lib.Feature;
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

  private final Processor processor = quietProcessor();
  private final Map<String, XsltExecutable> stylesheets = new ConcurrentHashMap<>();
  /** Editions' own stylesheets, by folder, name and digest of their content. */
  private final Map<String, XsltExecutable> editionStylesheets = new ConcurrentHashMap<>();

  /**
   * Saxon's own error printing is off: editio reports every problem itself, located. No
   * stylesheet (an edition's own among them, which is untrusted code) reaches outside its
   * transform: no extension functions or instructions, no Java system properties through
   * system-property(), no xsl:result-document (Saxon refuses to compile it), no environment
   * variables, no collection().
   */
  private static Processor quietProcessor() {
    Processor p = new Processor(false);
    net.sf.saxon.Configuration config = p.getUnderlyingConfiguration();
    config.setErrorReporterFactory(c -> error -> { });
    p.setConfigurationProperty(Feature.ALLOW_EXTERNAL_FUNCTIONS, false);
    p.setConfigurationProperty(Feature.ENVIRONMENT_VARIABLE_RESOLVER, new EnvironmentVariableResolver() {
      @Override
      public java.util.Set<String> getAvailableEnvironmentVariables() {
        return java.util.Set.of();
      }

      @Override
      public String getEnvironmentVariable(String name) {
        return null;
      }
    });
    config.setCollectionFinder((context, uri) -> {
      throw new XPathException("collection() is not available to editio's stylesheets (" + uri + ")");
    });
    return p;
  }

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
      throw new EditioException(EditioException.INPUT, parseProblem(file, e));
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

  /** Parser messages, said in terms an editor can act on. */
  static String explain(Path file, String raw) {
    String m = raw == null ? "unknown parser error" : raw.replaceFirst("^(?s).*Error reported by XML parser:\\s*", "").trim();
    if (m.contains("JAXP00010001") || m.contains("entity expansions")) {
      return "entity expansion limit exceeded (an entity expansion bomb?): the document is refused,"
          + " its entities are not expanded";
    }
    if (m.contains("editio never reads external entities")) {
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
   * each content ({@code digest}, which covers the files it may import). It may import editio's
   * stylesheets by their stable addresses ({@code editio:html.xsl}, {@code editio:fo.xsl}: any
   * module below editio's xslt/) and files inside {@code folder}, nothing else. Its transforms run
   * as every renderer does ({@link #renderer}): it reads nothing and writes only where editio lets it.
   *
   * @throws EditioException with every compile error, located in the edition's files
   */
  public XsltExecutable editionStylesheet(Path folder, String name, String digest) throws EditioException {
    Path root;
    try {
      root = folder.toRealPath();
    } catch (IOException e) {
      throw EditioException.io(folder, "cannot read: " + e.getMessage());
    }
    String key = root + "/" + name + "#" + digest;
    XsltExecutable known = editionStylesheets.get(key);
    if (known != null) {
      return known;
    }
    // a new version of the file replaces the compiled old one (editio serve compiles after each edit)
    editionStylesheets.keySet().removeIf(k -> k.startsWith(root + "/" + name + "#"));
    List<Problem> problems = new java.util.ArrayList<>();
    XsltCompiler compiler = processor.newXsltCompiler();
    compiler.setErrorReporter(error -> {
      if (!error.isWarning()) {
        problems.add(compileProblem(root, error.getLocation() == null ? null : error.getLocation().getSystemId(),
            error.getLocation() == null ? 0 : error.getLocation().getLineNumber(),
            error.getLocation() == null ? 0 : error.getLocation().getColumnNumber(), error.getMessage()));
      }
    });
    compiler.setURIResolver((href, base) -> editionSource(root, href, base));
    Path file = root.resolve(name);
    try {
      XsltExecutable compiled = compiler.compile(new StreamSource(file.toFile()));
      editionStylesheets.put(key, compiled);
      return compiled;
    } catch (SaxonApiException e) {
      if (problems.isEmpty()) {
        problems.add(Problem.error(file, 1, 1, "the stylesheet does not compile: " + e.getMessage()));
      }
      throw new EditioException(EditioException.INPUT, problems);
    }
  }

  /** The scheme of the stable addresses of editio's stylesheets for editions: editio:html.xsl. */
  public static final String EDITIO_SCHEME = "editio";

  /**
   * What an edition's stylesheet may import: editio's packaged stylesheets and the files of its
   * own xslt/ folder (symbolic links that lead out of it are out of it).
   */
  private static Source editionSource(Path root, String href, String base) throws javax.xml.transform.TransformerException {
    URI uri;
    try {
      uri = base == null || base.isEmpty() ? new URI(href) : new URI(base).resolve(new URI(href));
    } catch (java.net.URISyntaxException | IllegalArgumentException e) {
      throw new javax.xml.transform.TransformerException("not a valid address: " + href);
    }
    if (EDITIO_SCHEME.equals(uri.getScheme())) {
      String path = uri.getSchemeSpecificPart().replaceFirst("^/+", "");
      uri = URI.create(CLASSPATH_SCHEME + ":/" + STYLESHEET_ROOT + path);
    }
    if (CLASSPATH_SCHEME.equals(uri.getScheme())) {
      String path = uri.normalize().getPath();
      if (path != null && path.startsWith("/" + STYLESHEET_ROOT) && !path.contains("..") && path.endsWith(".xsl")) {
        try {
          return classpathSource(uri.normalize());
        } catch (IllegalStateException e) {
          throw new javax.xml.transform.TransformerException("editio has no stylesheet " + href
              + " (its stylesheets for editions are editio:html.xsl, editio:fo.xsl, editio:epub.xsl and editio:cmif.xsl)");
        }
      }
    } else if ("file".equals(uri.getScheme())) {
      try {
        Path target = Path.of(uri).toRealPath();
        if (target.startsWith(root) && Files.isRegularFile(target)) {
          return new StreamSource(target.toFile());
        }
      } catch (IOException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
        // not a readable file inside the folder: refused below
      }
    }
    throw new javax.xml.transform.TransformerException("an edition's stylesheet may import only editio's stylesheets"
        + " (editio:html.xsl, editio:fo.xsl, editio:epub.xsl, editio:cmif.xsl) and files inside " + Problem.displayPath(root) + "; not " + href);
  }

  private static Problem compileProblem(Path root, String systemId, int line, int column, String raw) {
    String message = raw != null && raw.contains("disabled when extension functions are disabled")
        ? "an edition's stylesheet writes no files of its own and calls no extension functions: " + raw
        : raw;
    Path file = root;
    if (systemId != null && systemId.startsWith("file:")) {
      try {
        file = Path.of(URI.create(systemId));
      } catch (IllegalArgumentException e) {
        // keep the folder
      }
    } else if (systemId != null) {
      return Problem.error(root, Math.max(line, 1), Math.max(column, 1), message + " (in " + systemId + ")");
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
   * A transformer of a stylesheet that renders the edition (editio's own, or the edition's that
   * imports it): it reads nothing at run time (doc(), document(), unparsed-text() and the like are
   * refused: everything a renderer needs comes as parameters) and writes nothing but its result
   * (xsl:result-document is refused when such a stylesheet is compiled; this is the second lock).
   */
  public Xslt30Transformer renderer(XsltExecutable stylesheet) {
    Xslt30Transformer t = transformer(stylesheet);
    t.setResourceResolver(request -> {
      throw new XPathException("a stylesheet that renders the edition reads no files (" + request.uri + ")");
    });
    t.setUnparsedTextResolver((uri, encoding, config) -> {
      throw new XPathException("a stylesheet that renders the edition reads no files (" + uri + ")");
    });
    t.setResultDocumentHandler(uri -> {
      throw new net.sf.saxon.trans.UncheckedXPathException(new XPathException(
          "a stylesheet that renders the edition writes no files of its own (" + uri + ")"));
    });
    return t;
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
