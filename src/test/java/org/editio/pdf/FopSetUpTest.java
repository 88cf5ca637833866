package org.editio.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Date;
import javax.xml.transform.TransformerFactory;
import org.junit.jupiter.api.Test;

/** What the FOP set-up changes in the JVM, and only that. */
class FopSetUpTest {

  /**
   * FOP asks JAXP for a transformer factory for every PDF's XMP metadata: it gets Saxon's, as
   * without editio, but without a scan of the class path and on one Saxon configuration.
   */
  @Test
  void xmpIsSerializedBySaxonOnOneConfiguration() throws Exception {
    new Fop(new Date(0));
    TransformerFactory first = TransformerFactory.newInstance();
    TransformerFactory second = TransformerFactory.newInstance();
    assertEquals(Fop.SaxonOnOneConfiguration.class, first.getClass());
    assertSame(((net.sf.saxon.TransformerFactoryImpl) first).getConfiguration(),
        ((net.sf.saxon.TransformerFactoryImpl) second).getConfiguration());
  }
}
