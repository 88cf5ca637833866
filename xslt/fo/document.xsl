<?xml version="1.0" encoding="UTF-8"?>
<!-- The PDF of one document: the same typography as the volume, with a title block and its notes. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="http://editio.org/ns/function"
    xmlns:m="http://editio.org/ns/mode"
    exclude-result-prefixes="#all">

  <xsl:template match="/">
    <xsl:variable name="tei" select="(tei:TEI | tei:teiCorpus)[1]"/>
    <fo:root xml:lang="{($tei/@xml:lang, $language)[1]}">
      <xsl:call-template name="f:layout-master-set"/>
      <xsl:call-template name="f:declarations">
        <xsl:with-param name="title" select="f:title($tei)"/>
        <xsl:with-param name="description" select="$edition-title"/>
        <xsl:with-param name="creators" select="$f:edition-editors"/>
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
          <xsl:call-template name="f:fo-document">
            <xsl:with-param name="tei" select="$tei"/>
            <xsl:with-param name="number" select="f:doc-number-label($tei)"/>
          </xsl:call-template>
          <!--
            the edition, the document's number and how to cite it: a PDF travels alone. It stays
            with the end of the document (its source note and the text's last lines): never a page
            of its own.
          -->
          <fo:block font-family="{$f:heading-font}" font-size="8pt" line-height="1.35" space-before="12pt" border-top="0.5pt solid #999"
              padding-top="4pt" keep-together.within-page="always" keep-with-previous.within-page="always" hyphenate="false" text-align="start">
            <fo:inline font-weight="bold"><xsl:value-of select="f:label('cite')"/>: </fo:inline>
            <!--
              a PDF travels alone: without a base URL the page's path in the site ("documents/x.html")
              leads nowhere from it, and the citation names no address
            -->
            <xsl:variable name="citation" select="f:citation-chicago($tei, ())"/>
            <xsl:variable name="address" select="f:document-address($tei)"/>
            <xsl:value-of select="if (empty($f:base-url) and $address and ends-with($citation, ' ' || $address || '.'))
                then substring($citation, 1, string-length($citation) - string-length($address) - 2) else $citation"/>
          </fo:block>
        </fo:flow>
      </fo:page-sequence>
    </fo:root>
  </xsl:template>

  <!-- A calendar entry's summary follows its dateline (common/document.xsl, f:summary-anchor). -->
  <xsl:template match="tei:opener" mode="m:text" priority="2">
    <xsl:next-match/>
    <xsl:if test=". is f:summary-anchor(ancestor::tei:TEI[last()])">
      <fo:block space-after="6pt" font-style="italic" keep-with-previous.within-page="always">
        <xsl:apply-templates select="ancestor::tei:TEI[last()]/tei:teiHeader/tei:profileDesc/tei:abstract/node()" mode="m:text"/>
      </fo:block>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
