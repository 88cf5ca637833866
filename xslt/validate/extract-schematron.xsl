<?xml version="1.0" encoding="UTF-8"?>
<!--
  Takes the Schematron rules embedded in a RELAX NG schema (as TEI's ODD-generated schemas carry
  them) into a Schematron schema of their own, so that SchXslt can compile them.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:sch="http://purl.oclc.org/dsdl/schematron"
    xmlns:rng="http://relaxng.org/ns/structure/1.0"
    exclude-result-prefixes="#all">

  <xsl:template match="/">
    <sch:schema queryBinding="xslt2">
      <xsl:for-each-group select="//sch:ns" group-by="@prefix">
        <xsl:copy-of select="current-group()[1]"/>
      </xsl:for-each-group>
      <xsl:if test="not(//sch:ns[@prefix = 'tei'])">
        <sch:ns prefix="tei" uri="http://www.tei-c.org/ns/1.0"/>
      </xsl:if>
      <xsl:copy-of select="//sch:pattern"/>
      <!-- Bare rules (not inside a pattern) are gathered into one pattern. -->
      <xsl:if test="//sch:rule[not(ancestor::sch:pattern)]">
        <sch:pattern id="embedded-rules">
          <xsl:copy-of select="//sch:rule[not(ancestor::sch:pattern)]"/>
        </sch:pattern>
      </xsl:if>
    </sch:schema>
  </xsl:template>
</xsl:stylesheet>
