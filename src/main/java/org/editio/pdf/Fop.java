package org.editio.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.transform.sax.SAXResult;
import net.sf.saxon.s9api.SaxonApiException;
import org.apache.fop.render.intermediate.IFContext;
import org.apache.fop.render.intermediate.IFSerializer;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;
import org.apache.fop.apps.FOPException;
import org.apache.fop.apps.FOUserAgent;
import org.apache.fop.apps.FopConfParser;
import org.apache.fop.apps.FopFactory;
import org.apache.fop.apps.MimeConstants;
import org.apache.fop.events.Event;
import org.apache.fop.events.EventFormatter;
import org.apache.fop.events.model.EventSeverity;
import org.apache.xmlgraphics.io.Resource;
import org.apache.xmlgraphics.io.ResourceResolver;
import org.xml.sax.SAXException;

/**
 * The FOP factory of a run, created once: fonts are read from the class path (the
 * jasperreports-fonts artifact) through a resolver of our own, so a PDF never depends on the
 * fonts of the machine that made it. Each PDF gets a user agent that listens for FOP's events: a
 * glyph missing from the fonts or a font substituted fails the PDF instead of printing "#".
 */
public final class Fop {

  private static final String CLASSPATH = "classpath";

  private final FopFactory factory;
  private final Date creationDate;
  private final org.editio.xml.Resolver edition;

  /**
   * @param creationDate the date written into every PDF, so that two builds are byte-identical
   */
  public Fop(Date creationDate) {
    this(creationDate, org.editio.xml.Resolver.bundledOnly());
  }

  /**
   * @param creationDate the date written into every PDF, so that two builds are byte-identical
   * @param edition what the PDFs may read besides the bundled fonts (images of the edition): every
   *     image and font goes through this policy, nothing comes from the network
   */
  public Fop(Date creationDate, org.editio.xml.Resolver edition) {
    this.creationDate = creationDate;
    this.edition = edition;
    ResourceResolver resolver = new ClasspathResolver(edition);
    try (InputStream conf = Fop.class.getResourceAsStream("fop.xconf")) {
      FopConfParser parser = new FopConfParser(conf, URI.create(CLASSPATH + ":/"), resolver);
      this.factory = parser.getFopFactoryBuilder().build();
    } catch (IOException | SAXException e) {
      throw new IllegalStateException("FOP configuration cannot be read: " + e.getMessage(), e);
    }
  }

  /** Why the policy refuses to read {@code uri} (for an image FOP could not load), or null when it does not. */
  private String refusal(String uri) {
    try {
      edition.resolve(uri, null);
      return null;
    } catch (org.editio.xml.Resolver.Refused e) {
      return e.getMessage().contains(" refused") ? e.getMessage() : null;
    }
  }

  /** A PDF being written: a SAX handler for XSL-FO, and the font problems FOP reported. */
  public final class Job {
    private final org.apache.fop.apps.Fop fop;
    private final org.xml.sax.ContentHandler handler;
    private final List<String> fontProblems = Collections.synchronizedList(new ArrayList<>());

    private Job(OutputStream out, Metadata metadata) throws FOPException {
      FOUserAgent agent = newAgent(metadata);
      agent.getEventBroadcaster().addEventListener(this::onEvent);
      // FOP reads its configuration (a DOM, not safe for concurrent reads) while it sets up the
      // renderer; the set-up is serialized, the layout of the documents runs in parallel.
      synchronized (factory) {
        this.fop = factory.newFop(MimeConstants.MIME_PDF, agent, out);
        this.handler = fop.getDefaultHandler();
      }
    }

    private void onEvent(Event event) {
      String id = event.getEventID();
      if (id.contains("ResourceEventProducer.image") || id.contains("ResourceEventProducer.uriError")) {
        // an image that is missing or was refused (outside the edition): said, not silently left out;
        // FOP keeps only "not found", so a refusal is asked of the policy again to say why
        String refusal = event.getParam("uri") instanceof String uri ? refusal(uri) : null;
        fontProblems.add(refusal != null ? "image " + refusal : EventFormatter.format(event));
      } else if (id.endsWith("glyphNotAvailable") || id.endsWith("fontSubstituted")
          || id.endsWith("fontLoadingErrorAtAutoDetection") || id.endsWith("fontDirectoryNotFound")) {
        fontProblems.add(EventFormatter.format(event));
      } else if (event.getSeverity() == EventSeverity.FATAL) {
        fontProblems.add(EventFormatter.format(event));
      }
    }

    /** Where Saxon sends the FO events. */
    public org.xml.sax.ContentHandler handler() {
      return handler;
    }

    /** Font problems reported while the PDF was laid out (missing glyphs, substituted fonts). */
    public List<String> fontProblems() {
      return List.copyOf(fontProblems);
    }

    /** The number of pages laid out. */
    public int pageCount() {
      return fop.getResults() == null ? 0 : fop.getResults().getPageCount();
    }
  }

  /** What a PDF says about itself (document information and XMP, written by FOP). */
  public record Metadata(String title, String author, String subject, String keywords) {}

  /**
   * A user agent for an archival PDF: PDF/A-2b, tagged (accessibility), with the document's
   * metadata and the run's fixed creation date.
   */
  private FOUserAgent newAgent(Metadata metadata) {
    FOUserAgent agent = factory.newFOUserAgent();
    agent.setCreationDate(creationDate);
    agent.setProducer("editio");
    agent.setCreator("editio");
    // title, creators and description come as XMP from the stylesheets (f:declarations); FOP
    // fills the document information dictionary from them
    if (!metadata.keywords().isBlank()) {
      agent.setKeywords(metadata.keywords());
    }
    agent.getRendererOptions().put("pdf-a-mode", "PDF/A-2b");
    agent.setAccessibility(true);
    return agent;
  }

  /** Starts a PDF written to {@code out}. */
  public Job newJob(OutputStream out, Metadata metadata) throws FOPException {
    return new Job(out, metadata);
  }

  /**
   * Lays out XSL-FO without making a PDF and reports on which page (its printed number) each
   * FO id landed: the first pass of a volume whose index needs page numbers. FOP writes its
   * intermediate format as SAX events straight into a listener, so nothing is kept but the map.
   */
  public Map<String, String> pagesOfIds(FoSource fo) throws FOPException, SaxonApiException {
    FOUserAgent agent = newAgent(new Metadata("first pass", "", "", ""));
    Map<String, String> pages = new HashMap<>();
    IFSerializer serializer = new IFSerializer(new IFContext(agent));
    // the same fonts and metrics as the PDF, so that the pages are the PDF's pages
    serializer.mimicDocumentHandler(agent.getRendererFactory().createDocumentHandler(agent, MimeConstants.MIME_PDF));
    try {
      serializer.setResult(new SAXResult(new DefaultHandler() {
      private String page = "";

      @Override
      public void startElement(String uri, String localName, String qName, Attributes atts) {
        if (localName.equals("page")) {
          page = atts.getValue("name");
        } else if (localName.equals("id")) {
          String id = atts.getValue("name");
          if (id != null && !id.isEmpty()) {
            pages.putIfAbsent(id, page);
          }
        }
      }
    }));
    } catch (org.apache.fop.render.intermediate.IFException e) {
      throw new FOPException(e);
    }
    agent.setDocumentHandlerOverride(serializer);
    org.apache.fop.apps.Fop fop;
    synchronized (factory) {
      fop = factory.newFop(MimeConstants.MIME_FOP_IF, agent);
      fop.getDefaultHandler();
    }
    fo.writeTo(fop.getDefaultHandler());
    return pages;
  }

  /** Something that writes XSL-FO as SAX events (a transformation). */
  @FunctionalInterface
  public interface FoSource {
    void writeTo(org.xml.sax.ContentHandler handler) throws SaxonApiException;
  }

  /**
   * Resolves {@code classpath:} URIs (fonts, hyphenation) from memory, and everything else
   * (images) through the edition's {@link org.editio.xml.Resolver}: files of the edition only,
   * nothing from the network.
   */
  private static final class ClasspathResolver implements ResourceResolver {
    private final org.editio.xml.Resolver edition;

    ClasspathResolver(org.editio.xml.Resolver edition) {
      this.edition = edition;
    }

    /**
     * Packaged resources (the fonts) by path, read once: FOP loads every font it uses again for
     * each PDF, and inflating a font from its jar each time cost more than laying out a page.
     */
    private final Map<String, byte[]> packaged = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public Resource getResource(URI uri) throws IOException {
      if (CLASSPATH.equals(uri.getScheme())) {
        String path = uri.getSchemeSpecificPart().replaceFirst("^/+", "");
        byte[] bytes = packaged.get(path);
        if (bytes == null) {
          try (InputStream in = Fop.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
              throw new IOException("missing packaged resource " + path);
            }
            bytes = in.readAllBytes();
          }
          packaged.put(path, bytes);
        }
        return new Resource(new java.io.ByteArrayInputStream(bytes));
      }
      return new Resource(edition.open(edition.resolve(uri.toString(), null)));
    }

    @Override
    public OutputStream getOutputStream(URI uri) throws IOException {
      throw new IOException("'" + uri + "' refused: editio's PDFs write nothing but the PDF itself");
    }
  }
}
