<?xml version="1.0" encoding="UTF-8"?>
<!-- The HTML edition of the Briefe: editio's, with letter-spaced print of the sources as a class its CSS sets. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:m="http://editio.org/ns/mode"
    exclude-result-prefixes="#all">
  <xsl:import href="editio:html.xsl"/>
  <xsl:include href="labels.xsl"/>

  <!-- gesperrt: the source's letter-spaced print (assets/briefe.css sets it) -->
  <xsl:template match="tei:hi[@rend = 'spaced']" mode="m:text">
    <span class="gesperrt"><xsl:apply-templates mode="m:text"/></span>
  </xsl:template>
</xsl:stylesheet>
