package org.editio.xml;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
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

  private final Processor processor = quietProcessor();
  private final Map<String, XsltExecutable> stylesheets = new ConcurrentHashMap<>();

  /**
   * The processor of stylesheets that come with an edition (compiled Schematron, customisation
   * stylesheets): a configuration of its own, compatible with {@link #processor} (same name pool
   * and document numbers, so trees pass between them), with extension functions off. Saxon then
   * also refuses {@code xsl:result-document} at compile time and returns nothing for Java system
   * properties in {@code system-property()} (only the {@code xsl:} properties remain).
   */
  private final Processor restricted = restrictedProcessor(processor);

  /**
   * Saxon's own error printing is off: editio reports every problem itself, located. And the
   * configuration is locked down for every stylesheet, editio's own included: no environment
   * variables, no collections, and nothing read but editio's bundled resources unless a
   * transformation is given a {@link Resolver} for an edition (see {@link #untrusted}).
   */
  private static Processor quietProcessor() {
    Processor p = new Processor(false);
    net.sf.saxon.Configuration config = p.getUnderlyingConfiguration();
    config.setErrorReporterFactory(c -> error -> { });
    lockDown(config);
    return p;
  }

  private static Processor restrictedProcessor(Processor main) {
    net.sf.saxon.Configuration base = main.getUnderlyingConfiguration();
    net.sf.saxon.Configuration config = new net.sf.saxon.Configuration();
    config.setNamePool(base.getNamePool());
    config.setDocumentNumberAllocator(base.getDocumentNumberAllocator());
    config.setErrorReporterFactory(c -> error -> { });
    lockDown(config);
    config.setConfigurationProperty(net.sf.saxon.lib.Feature.ALLOW_EXTERNAL_FUNCTIONS, false);
    return new Processor(config);
  }

  static void lockDown(net.sf.saxon.Configuration config) {
    config.setConfigurationProperty(net.sf.saxon.lib.Feature.ALLOWED_PROTOCOLS, "file,classpath");
    Resolver bundled = Resolver.bundledOnly();
    config.setResourceResolver(bundled.saxon());
    config.setUnparsedTextURIResolver(bundled.unparsedText());
    config.setCollectionFinder(Resolver.noCollections());
    config.setConfigurationProperty(net.sf.saxon.lib.Feature.ENVIRONMENT_VARIABLE_RESOLVER,
        new net.sf.saxon.lib.EnvironmentVariableResolver() {
      @Override
      public java.util.Set<String> getAvailableEnvironmentVariables() {
        return java.util.Set.of();
      }

      @Override
      public String getEnvironmentVariable(String name) {
        return null;
      }
    });
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
   * Compiles a stylesheet that comes with an edition (a Schematron compiled by SchXslt, an
   * edition's customisation {@code EDITION/xslt/html.xsl}): its modules are read only through
   * {@code resolver} (the edition's folder and editio's bundled stylesheets), and a stylesheet
   * that writes other result documents is refused before it runs. Run it with {@link #untrusted}.
   *
   * @throws SaxonApiException when it does not compile or is refused (the message says which)
   */
  public XsltExecutable compileUntrusted(XdmNode stylesheet, Resolver resolver) throws SaxonApiException {
    refuseResultDocuments(stylesheet);
    XsltCompiler compiler = restricted.newXsltCompiler();
    compiler.setResourceResolver(resolver.saxon());
    compiler.setURIResolver(resolver.uriResolver());
    compiler.setErrorReporter(error -> { });
    return compiler.compile(stylesheet.asSource());
  }

  /** As {@link #compileUntrusted(XdmNode, Resolver)}, for a stylesheet file of the edition. */
  public XsltExecutable compileUntrusted(URI stylesheet, Resolver resolver) throws SaxonApiException {
    try {
      XdmNode tree = processor.newDocumentBuilder().build(resolver.xmlSource(resolver.resolve(stylesheet.toString(), null)));
      return compileUntrusted(tree, resolver);
    } catch (IOException e) {
      throw new SaxonApiException(e.getMessage(), e);
    }
  }

  private void refuseResultDocuments(XdmNode stylesheet) throws SaxonApiException {
    net.sf.saxon.s9api.XPathCompiler xp = processor.newXPathCompiler();
    xp.declareNamespace("xsl", "http://www.w3.org/1999/XSL/Transform");
    net.sf.saxon.s9api.XdmValue found = xp.evaluate("(//xsl:result-document)[1]", stylesheet);
    if (!found.isEmpty()) {
      XdmNode at = (XdmNode) found.itemAt(0);
      throw new SaxonApiException("xsl:result-document (line " + at.getLineNumber()
          + ") refused: a stylesheet or schema of the edition may not write files");
    }
  }

  /**
   * A transformer of a stylesheet that came with an edition: it reads only through {@code
   * resolver} ({@code doc()}, {@code document()}, {@code unparsed-text()}, {@code json-doc()};
   * {@code collection()} is always refused), cannot write result documents, and sees no
   * environment variables or system properties (the configuration's lock-down, see
   * {@link #quietProcessor}). Its messages are dropped: only its principal result counts.
   */
  public static Xslt30Transformer untrusted(XsltExecutable stylesheet, Resolver resolver) {
    Xslt30Transformer t = transformer(stylesheet);
    t.setResourceResolver(resolver.saxon());
    t.setURIResolver(resolver.uriResolver());
    t.setUnparsedTextResolver(resolver.unparsedText());
    t.setResultDocumentHandler(uri -> {
      throw new net.sf.saxon.s9api.SaxonApiUncheckedException(new SaxonApiException(
          "xsl:result-document '" + uri + "' refused: a stylesheet or schema of the edition may not write files"));
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
