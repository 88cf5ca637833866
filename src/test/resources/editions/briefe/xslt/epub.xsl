<?xml version="1.0" encoding="UTF-8"?>
<!-- The e-book of the Briefe: editio's, with the source's letter-spaced print set as in the PDF. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://www.w3.org/1999/xhtml"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:m="http://editio.org/ns/mode"
    exclude-result-prefixes="#all">
  <xsl:import href="editio:epub.xsl"/>
  <xsl:include href="labels.xsl"/>

  <!-- gesperrt: the book has editio's stylesheet only, so the spacing is the element's own -->
  <xsl:template match="tei:hi[@rend = 'spaced']" mode="m:text">
    <span class="gesperrt" style="letter-spacing: 0.15em"><xsl:apply-templates mode="m:text"/></span>
  </xsl:template>
</xsl:stylesheet>
