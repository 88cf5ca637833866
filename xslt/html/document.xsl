<?xml version="1.0" encoding="UTF-8"?>
<!-- A document page: metadata panel, the text, the notes, neighbours and downloads. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="http://editio.org/ns/function"
    xmlns:m="http://editio.org/ns/mode"
    exclude-result-prefixes="#all">

  <xsl:import href="../common/functions.xsl"/>
  <xsl:import href="page.xsl"/>
  <xsl:import href="text.xsl"/>

  <!-- Whether the PDF of this document is published beside the HTML. -->
  <xsl:param name="with-pdf" as="xs:boolean" select="false()"/>

  <xsl:mode name="m:html" on-no-match="text-only-copy"/>

  <xsl:template match="/">
    <!-- Neighbours in the edition's order: maps with 'id' and 'title', or empty. Parameters of this
         template, not of the stylesheet, so that one transformer renders many documents. -->
    <xsl:param name="previous" as="map(xs:string, xs:string)?" select="()"/>
    <xsl:param name="next" as="map(xs:string, xs:string)?" select="()"/>
    <xsl:variable name="tei" select="tei:TEI"/>
    <xsl:variable name="id" select="f:doc-id($tei)"/>
    <xsl:call-template name="f:page">
      <xsl:with-param name="title" select="f:title($tei)"/>
      <xsl:with-param name="root" select="'../'"/>
      <xsl:with-param name="lang" select="($tei/@xml:lang, $tei/tei:text/@xml:lang, 'en')[1]"/>
      <xsl:with-param name="content">
        <article class="document">
          <xsl:if test="not($tei/tei:text//tei:head)">
            <h1 class="gen"><xsl:value-of select="f:title($tei)"/></h1>
          </xsl:if>
          <xsl:variable name="first-head" select="($tei/tei:text/tei:body//tei:head)[1]"/>
          <xsl:if test="not($first-head)">
            <xsl:call-template name="m:metadata"><xsl:with-param name="tei" select="$tei"/></xsl:call-template>
          </xsl:if>
          <div class="tei-text">
            <xsl:if test="$tei/tei:text/@xml:lang"><xsl:attribute name="lang" select="$tei/tei:text/@xml:lang"/></xsl:if>
            <xsl:apply-templates select="$tei/tei:text" mode="m:html">
              <xsl:with-param name="metadata-after" select="$first-head" tunnel="yes"/>
            </xsl:apply-templates>
          </div>
          <xsl:call-template name="f:notes">
            <xsl:with-param name="notes" select="$tei/tei:text//tei:note"/>
          </xsl:call-template>
          <xsl:call-template name="m:cite"><xsl:with-param name="tei" select="$tei"/></xsl:call-template>
          <nav class="document-nav" aria-label="{f:label('documents')}">
            <xsl:if test="exists($previous)">
              <a rel="prev" href="{$previous?id}.html"><span class="nav-label"><xsl:value-of select="f:label('previous')"/></span>
                <span class="nav-title"><xsl:value-of select="$previous?title"/></span></a>
            </xsl:if>
            <xsl:if test="exists($next)">
              <a rel="next" href="{$next?id}.html"><span class="nav-label"><xsl:value-of select="f:label('next')"/></span>
                <span class="nav-title"><xsl:value-of select="$next?title"/></span></a>
            </xsl:if>
          </nav>
        </article>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The metadata panel, from the header. -->
  <xsl:template name="m:metadata">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:variable name="id" select="f:doc-id($tei)"/>
    <xsl:variable name="date" select="f:document-date($tei)"/>
    <dl class="metadata gen">
      <xsl:if test="$date">
        <dt><xsl:value-of select="f:label('date')"/></dt>
        <dd><time datetime="{f:date-sort-key($date)}"><xsl:value-of select="f:format-date($date)"/></time></dd>
      </xsl:if>
      <xsl:for-each select="f:place($tei)">
        <dt><xsl:value-of select="f:label('place')"/></dt><dd><xsl:value-of select="."/></dd>
      </xsl:for-each>
      <xsl:for-each select="f:party($tei, 'sender')">
        <dt><xsl:value-of select="f:label('sender')"/></dt><dd><xsl:value-of select="."/></dd>
      </xsl:for-each>
      <xsl:for-each select="f:party($tei, 'addressee')">
        <dt><xsl:value-of select="f:label('addressee')"/></dt><dd><xsl:value-of select="."/></dd>
      </xsl:for-each>
      <xsl:for-each select="string-join(f:categories($tei, 'document-types') ! f:category-label(.), ', ')[.]">
        <dt><xsl:value-of select="f:label('type')"/></dt><dd><xsl:value-of select="."/></dd>
      </xsl:for-each>
      <xsl:for-each select="string-join(f:categories($tei, 'classifications') ! f:category-label(.), ', ')[.]">
        <dt><xsl:value-of select="f:label('classification')"/></dt><dd><xsl:value-of select="."/></dd>
      </xsl:for-each>
      <xsl:for-each select="string-join(f:categories($tei, 'countries') ! f:category-label(.), ', ')[.]">
        <dt><xsl:value-of select="f:label('countries')"/></dt><dd><xsl:value-of select="."/></dd>
      </xsl:for-each>
      <xsl:for-each select="f:citation($tei)">
        <dt><xsl:value-of select="f:label('archive')"/></dt><dd><xsl:value-of select="."/></dd>
      </xsl:for-each>
      <xsl:for-each select="$tei/tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:bibl[tei:ref/@target][1]">
        <dt><xsl:value-of select="f:label('source')"/></dt>
        <dd>
          <xsl:variable name="href" select="f:safe-url(tei:ref[1]/@target)"/>
          <xsl:choose>
            <xsl:when test="$href"><a href="{$href}"><xsl:value-of select="normalize-space(tei:ref[1])"/></a></xsl:when>
            <xsl:otherwise><xsl:value-of select="normalize-space(.)"/></xsl:otherwise>
          </xsl:choose>
        </dd>
      </xsl:for-each>
      <dt><xsl:value-of select="f:label('downloads')"/></dt>
      <dd>
        <a href="{$id}.xml" download=""><xsl:value-of select="f:label('download-tei')"/></a>
        <xsl:if test="$with-pdf">
          <xsl:text> · </xsl:text>
          <a href="../../pdf/documents/{$id}.pdf"><xsl:value-of select="f:label('download-pdf')"/></a>
        </xsl:if>
      </dd>
    </dl>
    <xsl:if test="f:is-calendar($tei)">
      <p class="calendar-mark gen"><xsl:value-of select="f:label('calendar')"/></p>
    </xsl:if>
    <xsl:for-each select="$tei/tei:teiHeader/tei:profileDesc/tei:abstract">
      <section class="abstract gen" aria-label="{f:label('summary')}">
        <h2><xsl:value-of select="f:label('summary')"/></h2>
        <xsl:apply-templates mode="m:html"/>
      </section>
    </xsl:for-each>
  </xsl:template>

  <!-- How to cite the document: editors, title, edition, version, date, stable address. -->
  <xsl:template name="m:cite">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:variable name="base" select="string(($edition//tei:publicationStmt/tei:idno[@type = 'URL'])[1])"/>
    <xsl:variable name="address" select="(if ($base) then replace($base, '/?$', '/') else '') || 'documents/' || f:doc-id($tei) || '.html'"/>
    <section class="cite gen" aria-labelledby="cite-heading">
      <h2 id="cite-heading"><xsl:value-of select="f:label('cite')"/></h2>
      <p class="citation">
        <xsl:value-of select="string-join((
          string-join($edition//tei:titleStmt/tei:respStmt/tei:name ! normalize-space(.), ', ')[.] ! (. || ' (eds.)'),
          '“' || f:title($tei) || '”',
          'in ' || $edition-title,
          normalize-space($edition//tei:editionStmt/tei:edition)[.],
          normalize-space($edition//tei:publicationStmt/tei:date)[.]), ', ')"/>
        <xsl:text>. </xsl:text>
        <xsl:choose>
          <xsl:when test="$base"><a href="{$address}"><xsl:value-of select="$address"/></a></xsl:when>
          <xsl:otherwise><code><xsl:value-of select="$address"/></code></xsl:otherwise>
        </xsl:choose>
      </p>
    </section>
  </xsl:template>

  <!-- The document's first head is its title on the page: the metadata panel follows it. -->
  <xsl:template match="tei:head" mode="m:html" priority="1">
    <xsl:param name="metadata-after" as="element()?" tunnel="yes" select="()"/>
    <xsl:next-match/>
    <xsl:if test=". is $metadata-after">
      <xsl:call-template name="m:metadata"><xsl:with-param name="tei" select="ancestor::tei:TEI[last()]"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- The header is metadata, shown in the panel, not text. -->
  <xsl:template match="tei:teiHeader" mode="m:html"/>
  <xsl:template match="tei:text" mode="m:html">
    <xsl:apply-templates mode="m:html"/>
  </xsl:template>
</xsl:stylesheet>
