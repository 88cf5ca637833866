package org.editio.xml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.xml.transform.Source;
import javax.xml.transform.URIResolver;
import javax.xml.transform.sax.SAXSource;
import net.sf.saxon.lib.CollectionFinder;
import net.sf.saxon.lib.ResourceRequest;
import net.sf.saxon.lib.ResourceResolver;
import net.sf.saxon.lib.UnparsedTextURIResolver;
import net.sf.saxon.trans.XPathException;
import org.xml.sax.InputSource;

/**
 * The one gate through which editio reads anything that a document, a schema or a stylesheet
 * refers to: XSLT's {@code doc()}, {@code document()}, {@code unparsed-text()}, {@code
 * collection()}, {@code json-doc()}, RELAX NG {@code include}/{@code externalRef} (Jing),
 * Schematron includes (SchXslt), {@code xml-model} declarations, and FOP's images and fonts.
 *
 * <p>Every file of an edition is untrusted input: whoever sends an editor a file must not be able
 * to make editio read the editor's other files or reach the network. So a reference is first
 * mapped through the XML catalog ({@link Catalog}: editio's bundled TEI schemas, the edition's
 * own {@code catalog.xml}, the user's {@code --catalog} files), then served only when it lies
 * <ul>
 *   <li>in editio's bundled resources ({@code classpath:} URIs),
 *   <li>in the edition's folder, after symbolic links are followed (a link leading out of the
 *       edition is refused like the file it leads to),
 *   <li>or in a folder the user named on the command line ({@code --schema}, {@code --catalog}).
 * </ul>
 * Everything else, other local files and every network URL, is refused at once with an
 * {@link Refused} exception whose message ends in "refused: outside the edition". Nothing is
 * ever fetched: no code path can wait on the network.
 *
 * <p>Instances are immutable and thread-safe; the adapters ({@link #saxon()}, {@link #jing()}...)
 * plug the same policy into each library.
 */
public final class Resolver {

  /** The scheme of editio's bundled resources. */
  public static final String CLASSPATH = "classpath";

  /**
   * The scheme of the stable addresses of editio's stylesheets, for the stylesheets of editions:
   * {@code editio:html.xsl} is {@code classpath:/xslt/html.xsl}.
   */
  public static final String EDITIO = "editio";

  /** Where editio's stylesheets are among its bundled resources. */
  static final String STYLESHEETS = "xslt/";

  /** What a resolver serves besides the folders it was given. */
  private enum Scope {
    /** every bundled resource (schemas, stylesheets) and what the catalogs map */
    EDITION,
    /** editio's stylesheets only ({@code xslt/**.xsl}): what an edition's stylesheet may import */
    STYLESHEETS,
    /** nothing at all: what a stylesheet that renders the edition may read while it runs */
    NOTHING
  }

  /** Why a stylesheet that renders the edition reads nothing (see {@link #nothing()}). */
  static final String READS_NOTHING = "a stylesheet that renders the edition reads no files"
      + " (everything it needs comes to it as parameters)";

  /** A reference editio will not follow; the message says which and why. */
  public static final class Refused extends IOException {
    private static final long serialVersionUID = 1L;
    private final String uri;
    private Path file;
    private int line;
    private int column;

    Refused(String uri, String why) {
      super("'" + uri + "' " + why);
      this.uri = uri;
    }

    /** The reference as it was resolved (never the content of anything). */
    public String uri() {
      return uri;
    }

    /** Where the reference stands, when known: the file, else null. */
    public Path file() {
      return file;
    }

    public int line() {
      return line;
    }

    public int column() {
      return column;
    }

    Refused at(Path file, int line, int column) {
      this.file = file;
      this.line = line;
      this.column = column;
      return this;
    }
  }

  /** Files bigger than this are not read through the resolver (a schema, an image, a text). */
  static final long MAX_BYTES = 64L << 20;

  private final List<Path> roots;
  private final Catalog catalog;
  private final Scope scope;
  /** Local files a catalog named by the user mapped to: readable wherever they lie. */
  private final java.util.Set<URI> trustedTargets = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private Resolver(List<Path> roots, Catalog catalog) {
    this(roots, catalog, Scope.EDITION);
  }

  private Resolver(List<Path> roots, Catalog catalog, Scope scope) {
    this.roots = List.copyOf(roots);
    this.catalog = catalog;
    this.scope = scope;
  }

  /** Serves editio's bundled resources and the bundled catalog only. */
  public static Resolver bundledOnly() {
    return new Resolver(List.of(), Catalog.bundled());
  }

  private static final Resolver NOTHING = new Resolver(List.of(), Catalog.bundled(), Scope.NOTHING);

  /**
   * Serves nothing: what a stylesheet that renders the edition (editio's own, or the edition's
   * that imports it) may read while it runs. Everything a renderer needs comes as parameters, so
   * a page's recipe covers all it is made of; {@code doc()}, {@code unparsed-text()} and the like
   * are refused, also for editio's own files.
   */
  public static Resolver nothing() {
    return NOTHING;
  }

  /**
   * What an edition's own stylesheet ({@code EDITION/xslt/html.xsl}) may import: files inside
   * {@code folder} ({@code EDITION/xslt/}, real paths: a link leading out of it is out of it) and
   * editio's stylesheets by their stable addresses ({@code editio:html.xsl}, {@code editio:fo.xsl},
   * any module below editio's {@code xslt/}); nothing else, none of editio's other resources.
   */
  public static Resolver forStylesheets(Path folder) throws IOException {
    return new Resolver(List.of(realFolder(folder)), Catalog.bundled(), Scope.STYLESHEETS);
  }

  /**
   * Serves the edition folder {@code root} (its real path: links inside it that lead out are
   * refused), editio's bundled resources, and the catalogs: the bundled one, the edition's own
   * {@code catalog.xml} and {@code userCatalogs}.
   *
   * @throws Refused when a catalog itself refers outside what it may (a nextCatalog over http)
   * @throws IOException when a user catalog cannot be read
   */
  public static Resolver forEdition(Path root, List<Path> userCatalogs) throws IOException {
    return forEdition(root, userCatalogs, true);
  }

  /** As {@link #forEdition(Path, List)}; without the edition's catalog.xml when {@code editionCatalog} is false. */
  public static Resolver forEdition(Path root, List<Path> userCatalogs, boolean editionCatalog) throws IOException {
    Path real = realFolder(root);
    List<Path> trusted = new ArrayList<>();
    trusted.add(real);
    Resolver bare = new Resolver(trusted, Catalog.bundled());
    Catalog catalog = Catalog.of(bare, real, userCatalogs, editionCatalog);
    for (Path c : userCatalogs) {
      // a catalog the user named may map into its own folder (where its copies lie)
      Path parent = c.toAbsolutePath().normalize().getParent();
      if (parent != null) {
        trusted.add(realFolder(parent));
      }
    }
    return new Resolver(trusted, catalog);
  }

  /** The folder an edition path stands for: itself, or the folder of a single file. */
  public static Path editionFolder(Path editionPath) {
    Path p = editionPath.toAbsolutePath().normalize();
    return Files.isDirectory(p) || p.getParent() == null ? p : p.getParent();
  }

  /** This resolver, also serving {@code folder} (one the user named: --schema's folder). */
  public Resolver trusting(Path folder) throws IOException {
    List<Path> more = new ArrayList<>(roots);
    more.add(realFolder(folder));
    return new Resolver(more, catalog, scope);
  }

  private static Path realFolder(Path folder) throws IOException {
    Path abs = folder.toAbsolutePath().normalize();
    return Files.exists(abs) ? abs.toRealPath() : abs;
  }

  /** The folders served (real paths), for messages and tests. */
  public List<Path> roots() {
    return roots;
  }

  /**
   * The URI to read for {@code href} written in a file at {@code base}: resolved, mapped by the
   * catalog, and allowed by the policy.
   *
   * @throws Refused when the reference leads outside the edition (a local file elsewhere, any
   *     network URL, a link leading out), or is not a URI
   */
  public URI resolve(String href, String base) throws Refused {
    String absolute = absolute(href, base);
    Optional<Catalog.Match> mapped = catalog.lookup(absolute);
    if (mapped.isPresent()) {
      URI uri = mapped.get().target();
      check(uri, absolute, mapped.get().trusted());
      if (mapped.get().trusted()) {
        trustedTargets.add(uri);
      }
      return uri;
    }
    try {
      URI uri = new URI(absolute);
      check(uri, null, false);
      return uri;
    } catch (URISyntaxException e) {
      throw new Refused(href, "is not a valid URI");
    }
  }

  /** {@code href} against {@code base}, as a string (relative references stay relative without a base). */
  static String absolute(String href, String base) throws Refused {
    String h = href == null ? "" : href.trim();
    try {
      URI ref = new URI(escape(h));
      if (EDITIO.equalsIgnoreCase(ref.getScheme())) {
        // editio:html.xsl, the stable address of one of editio's stylesheets
        return CLASSPATH + ":/" + STYLESHEETS + ref.getSchemeSpecificPart().replaceFirst("^/+", "");
      }
      if (ref.isAbsolute() || base == null || base.isEmpty()) {
        return ref.toString();
      }
      URI b = new URI(escape(base));
      if (b.isOpaque()) {
        throw new Refused(h, "cannot be resolved against " + base);
      }
      return b.resolve(ref).toString();
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new Refused(h, "is not a valid URI");
    }
  }

  /** Spaces and backslashes as people write them in file references. */
  private static String escape(String s) {
    return s.replace(" ", "%20").replace("\\", "/");
  }

  /** Whether the policy allows reading {@code uri}; throws what to say when it does not. */
  private void check(URI uri, String mappedFrom, boolean trustedMapping) throws Refused {
    String shown = mappedFrom == null ? uri.toString() : mappedFrom + " (mapped by the catalog to " + uri + ")";
    if (scope == Scope.NOTHING) {
      throw new Refused(shown, "refused: " + READS_NOTHING);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (scope == Scope.STYLESHEETS && !scheme.equals(CLASSPATH) && !scheme.equals("file")) {
      throw new Refused(shown, "refused: " + importsOnly());
    }
    switch (scheme) {
      case CLASSPATH -> {
        String path = classpathPath(uri);
        if (scope == Scope.STYLESHEETS && (!path.startsWith(STYLESHEETS) || !path.endsWith(".xsl") || path.contains(".."))) {
          throw new Refused(shown, "refused: " + importsOnly());
        }
        if (path.contains("..") || Resolver.class.getClassLoader().getResource(path) == null) {
          throw new Refused(shown, scope == Scope.STYLESHEETS
              ? "refused: editio has no stylesheet " + EDITIO + ":" + path.substring(STYLESHEETS.length())
                  + " (its stylesheets for editions are editio:html.xsl, editio:fo.xsl, editio:epub.xsl and editio:cmif.xsl)"
              : "is not a resource of editio");
        }
      }
      case "file" -> {
        if (uri.getAuthority() != null && !uri.getAuthority().isEmpty()) {
          throw new Refused(shown, "refused: outside the edition (a file on another host)");
        }
        Path file;
        try {
          file = Path.of(uri).toAbsolutePath().normalize();
        } catch (IllegalArgumentException e) {
          throw new Refused(shown, "is not a valid file URI");
        }
        if (scope == Scope.STYLESHEETS && !inside(file)) {
          throw new Refused(shown, "refused: " + importsOnly());
        }
        if (!trustedMapping && !inside(file)) {
          throw new Refused(shown, "refused: outside the edition (editio reads only the edition's own folder"
              + " and its bundled resources; to use a file from elsewhere, copy it into the edition or map it"
              + " with --catalog)");
        }
      }
      case "" -> throw new Refused(shown, "cannot be resolved: no base URI");
      default -> throw new Refused(shown, "refused: outside the edition (editio never reads from the network;"
          + " a schema or file it needs must be in the edition, bundled, or mapped by a catalog to a local copy)");
    }
  }

  /** Why a stylesheet of the edition cannot import something. */
  private String importsOnly() {
    return "an edition's stylesheet may import only editio's stylesheets (editio:html.xsl, editio:fo.xsl,"
        + " editio:epub.xsl, editio:cmif.xsl)"
        + " and files inside " + org.editio.Problem.displayPath(roots.get(0));
  }

  /** Whether a file, after following links, lies inside a served folder. */
  private boolean inside(Path file) {
    Path real;
    try {
      real = Files.exists(file) ? file.toRealPath() : realParent(file);
    } catch (IOException e) {
      return false;
    }
    for (Path root : roots) {
      if (real.startsWith(root)) {
        return true;
      }
    }
    return false;
  }

  /** A file that does not exist: its nearest existing ancestor's real path plus the rest. */
  private static Path realParent(Path file) throws IOException {
    Path existing = file;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return file;
    }
    return existing.toRealPath().resolve(existing.relativize(file)).normalize();
  }

  static String classpathPath(URI uri) {
    String ssp = uri.getSchemeSpecificPart();
    return ssp.replaceFirst("^/+", "");
  }

  /**
   * Opens a URI {@link #resolve} returned (checked again: the file may have become a link since).
   * Files larger than 64 MiB are refused: nothing editio reads this way is that large.
   */
  public InputStream open(URI uri) throws IOException {
    if (!trustedTargets.contains(uri)) {
      check(uri, null, false);
    }
    if (CLASSPATH.equals(uri.getScheme())) {
      InputStream in = Resolver.class.getClassLoader().getResourceAsStream(classpathPath(uri));
      if (in == null) {
        throw new Refused(uri.toString(), "is not a resource of editio");
      }
      return in;
    }
    Path file = Path.of(uri);
    if (!Files.isRegularFile(file)) {
      throw new java.nio.file.NoSuchFileException(file.toString(), null, "no such file");
    }
    if (Files.size(file) > MAX_BYTES) {
      throw new IOException(file + " is larger than " + (MAX_BYTES >> 20) + " MiB");
    }
    return Files.newInputStream(file);
  }

  /** Reads a resolved URI whole. */
  public byte[] read(URI uri) throws IOException {
    try (InputStream in = open(uri)) {
      return in.readAllBytes();
    }
  }

  /** A source for an XML document at a resolved URI, parsed by {@link SecureXml}. */
  public Source xmlSource(URI uri) throws IOException {
    InputSource input = new InputSource(new ByteArrayInputStream(read(uri)));
    input.setSystemId(uri.toString());
    return new SAXSource(SecureXml.newReader(), input);
  }

  /**
   * Adds to a refusal where the reference stands: the first element of the file at {@code base}
   * whose {@code href} (or {@code schemaLocation}) is {@code href}. Libraries that resolve
   * references (Jing, SchXslt) do not say where the reference was written.
   */
  Refused locate(Refused refused, String base, String href) {
    if (base == null || !base.startsWith("file:")) {
      return refused;
    }
    try {
      URI uri = new URI(base);
      Path file = Path.of(uri);
      if (!inside(file.toAbsolutePath().normalize()) && !trustedTargets.contains(uri)) {
        return refused;
      }
      int[] found = new int[2];
      org.xml.sax.XMLReader reader = SecureXml.newReader();
      reader.setContentHandler(new org.xml.sax.helpers.DefaultHandler() {
        private org.xml.sax.Locator locator;

        @Override
        public void setDocumentLocator(org.xml.sax.Locator locator) {
          this.locator = locator;
        }

        @Override
        public void startElement(String ns, String local, String q, org.xml.sax.Attributes atts) {
          if (found[0] == 0 && locator != null
              && (href.equals(atts.getValue("href")) || href.equals(atts.getValue("schemaLocation")))) {
            found[0] = locator.getLineNumber();
            found[1] = locator.getColumnNumber();
          }
        }
      });
      InputSource input = new InputSource(new ByteArrayInputStream(Files.readAllBytes(file)));
      input.setSystemId(base);
      reader.parse(input);
      if (found[0] > 0) {
        return refused.at(file, found[0], found[1]);
      }
    } catch (Exception e) {
      // the reference is still refused, only without its place
    }
    return refused;
  }

  // --- adapters: the same policy for each library ---

  /** For Saxon: {@code doc()}, {@code document()}, {@code json-doc()}, xsl:include and friends. */
  public ResourceResolver saxon() {
    return (ResourceRequest request) -> {
      try {
        URI uri = resolve(request.relativeUri != null ? request.relativeUri : request.uri,
            request.relativeUri != null ? request.baseUri : null);
        if (ResourceRequest.TEXT_NATURE.equals(request.nature) || ResourceRequest.BINARY_NATURE.equals(request.nature)) {
          javax.xml.transform.stream.StreamSource s = new javax.xml.transform.stream.StreamSource(open(uri), uri.toString());
          return s;
        }
        return xmlSource(uri);
      } catch (IOException e) {
        throw xpathError(e);
      }
    };
  }

  /** The same, as a JAXP URIResolver (SchXslt's pipeline, xsl:import of editio's modules). */
  public URIResolver uriResolver() {
    return (href, base) -> {
      try {
        return xmlSource(resolve(href, base));
      } catch (IOException e) {
        throw new javax.xml.transform.TransformerException(e.getMessage(), e);
      }
    };
  }

  /** For Saxon's {@code unparsed-text()} family. */
  public UnparsedTextURIResolver unparsedText() {
    return (URI absoluteURI, String encoding, net.sf.saxon.Configuration config) -> {
      try {
        URI uri = resolve(absoluteURI.toString(), null);
        Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        return (Reader) new InputStreamReader(open(uri), charset);
      } catch (IOException | IllegalArgumentException e) {
        throw xpathError(e);
      }
    };
  }

  /** For Saxon's {@code collection()} and {@code uri-collection()}: always refused. */
  public static CollectionFinder noCollections() {
    return (context, collectionURI) -> {
      throw new XPathException("collection '" + collectionURI + "' refused: outside the edition"
          + " (editio offers no collections to stylesheets or schemas)", "FODC0002");
    };
  }

  private static XPathException xpathError(Exception e) {
    XPathException x = new XPathException(e.getMessage() == null ? e.toString() : e.getMessage(), "FODC0002");
    x.initCause(e);
    return x;
  }

  /** For Jing: RELAX NG {@code include}, {@code externalRef}, and the schema itself. */
  public com.thaiopensource.resolver.Resolver jing() {
    return new com.thaiopensource.resolver.Resolver() {
      @Override
      public void resolve(com.thaiopensource.resolver.Identifier id, com.thaiopensource.resolver.Input input)
          throws IOException, com.thaiopensource.resolver.ResolverException {
        if (input.isResolved()) {
          return;
        }
        try {
          input.setUri(Resolver.this.resolve(id.getUriReference(), id.getBase()).toString());
        } catch (Refused e) {
          throw locate(e, id.getBase(), id.getUriReference());
        }
      }

      @Override
      public void open(com.thaiopensource.resolver.Input input)
          throws IOException, com.thaiopensource.resolver.ResolverException {
        if (input.isOpen()) {
          return;
        }
        URI uri = Resolver.this.resolve(input.getUri(), null);
        input.setByteStream(new ByteArrayInputStream(read(uri)));
      }
    };
  }
}
