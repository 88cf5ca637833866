<?xml version="1.0" encoding="UTF-8"?>
<!-- The PDF of one document: the same typography as the volume, with a title block and its notes. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="http://editio.org/ns/function"
    exclude-result-prefixes="#all">

  <xsl:template match="/">
    <xsl:variable name="tei" select="(tei:TEI | tei:teiCorpus)[1]"/>
    <fo:root xml:lang="{($tei/@xml:lang, $language)[1]}">
      <xsl:call-template name="f:layout-master-set"/>
      <xsl:call-template name="f:declarations">
        <xsl:with-param name="title" select="f:title($tei)"/>
        <xsl:with-param name="description" select="$edition-title"/>
        <xsl:with-param name="creators" select="$edition//tei:titleStmt/tei:respStmt/tei:name ! normalize-space(.)"/>
      </xsl:call-template>
      <fo:bookmark-tree>
        <fo:bookmark internal-destination="{f:doc-id($tei)}">
          <fo:bookmark-title><xsl:value-of select="f:title($tei)"/></fo:bookmark-title>
        </fo:bookmark>
      </fo:bookmark-tree>
      <fo:page-sequence master-reference="chapter" xsl:use-attribute-sets="f:text">
        <xsl:call-template name="f:static-content">
          <xsl:with-param name="verso" select="$edition-title"/>
          <!-- a book's pages name the chapter they are in -->
          <xsl:with-param name="recto" select="if (f:is-book($tei)) then '#division' else f:title($tei)"/>
        </xsl:call-template>
        <fo:flow flow-name="xsl-region-body">
          <xsl:call-template name="f:fo-document"><xsl:with-param name="tei" select="$tei"/></xsl:call-template>
        </fo:flow>
      </fo:page-sequence>
    </fo:root>
  </xsl:template>
</xsl:stylesheet>
