<?xml version="1.0" encoding="UTF-8"?>
<!-- The PDFs of the Briefe: editio's, with letter-spaced print set as such and an index of persons only. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:m="http://editio.org/ns/mode"
    exclude-result-prefixes="#all">
  <xsl:import href="editio:fo.xsl"/>
  <xsl:include href="labels.xsl"/>

  <!-- two letters need no index of places -->
  <xsl:param name="index-kinds" as="xs:string*" select="'persons'"/>

  <xsl:template match="tei:hi[@rend = 'spaced']" mode="m:text">
    <fo:inline letter-spacing="0.15em"><xsl:apply-templates mode="m:text"/></fo:inline>
  </xsl:template>
</xsl:stylesheet>
