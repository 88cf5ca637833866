<?xml version="1.0" encoding="UTF-8"?>
<!-- A document page: metadata panel, the text, the notes, how to cite it, its neighbours. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="http://editio.org/ns/function"
    xmlns:m="http://editio.org/ns/mode"
    xmlns:b="http://editio.org/ns/behaviour"
    exclude-result-prefixes="#all">

  <!-- Neighbours in the edition's order: maps with 'id' and 'title', or empty. -->
  <xsl:param name="previous" as="map(xs:string, xs:string)?" select="()"/>
  <xsl:param name="next" as="map(xs:string, xs:string)?" select="()"/>

  <!--
    The page of one document. What differs from page to page (the page's path, its neighbours)
    may also come as tunnel parameters of this template, as the edition's pages get $here: the
    Java side renders many documents with one transformer (its stylesheet parameters, the same for
    every page, are set once), giving each page these three.
  -->
  <xsl:template match="/">
    <xsl:param name="here" as="xs:string" tunnel="yes" select="$here"/>
    <xsl:param name="previous" as="map(xs:string, xs:string)?" tunnel="yes" select="$previous"/>
    <xsl:param name="next" as="map(xs:string, xs:string)?" tunnel="yes" select="$next"/>
    <xsl:variable name="tei" select="(tei:TEI | tei:teiCorpus)[1]"/>
    <xsl:variable name="anchor" select="f:metadata-anchor($tei)"/>
    <!-- the text's language: its own, else the edition's (pages are in the labels' language) -->
    <xsl:variable name="text-lang" select="(($tei/tei:text/@xml:lang, $tei/@xml:lang)[1] ! f:language-tag(.), $language)[1]"/>
    <xsl:call-template name="f:page">
      <xsl:with-param name="title" select="f:title($tei)"/>
      <xsl:with-param name="here" select="$here"/>
      <xsl:with-param name="content">
        <article class="document">
          <xsl:for-each select="f:doc-number-label($tei)">
            <p class="document-number gen"><xsl:value-of select="."/></p>
          </xsl:for-each>
          <xsl:if test="f:needs-title($tei)">
            <h1 class="gen"><xsl:value-of select="f:title($tei)"/></h1>
          </xsl:if>
          <xsl:if test="not($anchor)">
            <xsl:call-template name="b:metadata">
              <xsl:with-param name="tei" select="$tei"/>
              <xsl:with-param name="fields" select="f:metadata-fields($tei)"/>
              <xsl:with-param name="here" select="$here" tunnel="yes"/>
            </xsl:call-template>
          </xsl:if>
          <xsl:if test="$tei/self::tei:teiCorpus">
            <xsl:call-template name="f:contents-here"><xsl:with-param name="tei" select="$tei"/></xsl:call-template>
          </xsl:if>
          <div class="tei-text">
            <xsl:if test="$text-lang ne $f:labels-language"><xsl:attribute name="lang" select="$text-lang"/></xsl:if>
            <xsl:if test="f:direction($text-lang) ne f:direction($f:labels-language)"><xsl:attribute name="dir" select="f:direction($text-lang)"/></xsl:if>
            <xsl:apply-templates select="f:printed-parts($tei)" mode="m:text">
              <xsl:with-param name="metadata-after" select="$anchor" tunnel="yes"/>
              <xsl:with-param name="here" select="$here" tunnel="yes"/>
              <xsl:with-param name="heading-offset" select="f:title-offset($tei)" tunnel="yes"/>
              <xsl:with-param name="page-heading" select="$anchor" tunnel="yes"/>
            </xsl:apply-templates>
          </div>
          <xsl:call-template name="f:notes">
            <xsl:with-param name="notes" select="key('f:text-notes', 'all', root($tei))"/>
          </xsl:call-template>
          <xsl:call-template name="f:apparatus"><xsl:with-param name="tei" select="$tei"/></xsl:call-template>
          <xsl:call-template name="m:cite"><xsl:with-param name="tei" select="$tei"/></xsl:call-template>
          <nav class="document-nav" aria-label="{f:label('documents')}">
            <xsl:for-each select="$previous[exists(f:path('html:document:' || ?id))]">
              <a rel="prev" href="{f:href($here, 'html:document:' || ?id)}"><span class="nav-label"><xsl:value-of select="f:label('previous')"/></span>
                <span class="nav-title"><xsl:value-of select="?title"/></span></a>
            </xsl:for-each>
            <xsl:for-each select="$next[exists(f:path('html:document:' || ?id))]">
              <a rel="next" href="{f:href($here, 'html:document:' || ?id)}"><span class="nav-label"><xsl:value-of select="f:label('next')"/></span>
                <span class="nav-title"><xsl:value-of select="?title"/></span></a>
            </xsl:for-each>
          </nav>
        </article>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The contents of a long document (f:contents): its divisions, linked, indented by level. -->
  <xsl:template name="b:contents">
    <xsl:param name="divisions" as="element()+"/>
    <nav class="contents gen" aria-labelledby="contents-heading">
      <h2 id="contents-heading"><xsl:value-of select="f:label('contents')"/></h2>
      <ol>
        <xsl:for-each select="$divisions">
          <li class="level-{f:division-level(.)}"><a href="#{f:division-id(.)}"><xsl:value-of select="f:division-title(.)"/></a></li>
        </xsl:for-each>
      </ol>
    </nav>
  </xsl:template>

  <!-- The metadata panel: the document's fields (common/document.xsl) but those its source note says, then its downloads. -->
  <xsl:template name="b:metadata">
    <xsl:param name="tei" as="element()"/>
    <xsl:param name="fields" as="map(xs:string, item()*)*"/>
    <xsl:param name="here" as="xs:string" tunnel="yes" select="$here"/>
    <xsl:variable name="id" select="f:doc-id($tei)"/>
    <dl class="metadata gen">
      <xsl:for-each select="$fields[?group = 'line'], f:sources-beyond-note($tei, $fields)">
        <dt><xsl:value-of select="?label"/></dt>
        <dd>
          <xsl:choose>
            <xsl:when test="?key = 'date' and exists(f:html-datetime(?datetime))"><time datetime="{?datetime}"><xsl:value-of select="?value"/></time></xsl:when>
            <xsl:when test="?key = 'source'">
              <xsl:choose>
                <xsl:when test="?href"><a href="{?href}"><xsl:value-of select="?value"/></a></xsl:when>
                <xsl:otherwise><xsl:value-of select="?text"/></xsl:otherwise>
              </xsl:choose>
            </xsl:when>
            <xsl:otherwise><xsl:value-of select="?value"/></xsl:otherwise>
          </xsl:choose>
        </dd>
      </xsl:for-each>
      <xsl:variable name="downloads" as="element()*">
        <xsl:for-each select="f:href($here, 'html:tei:' || $id)">
          <a href="{.}" download=""><xsl:value-of select="f:label('download-tei')"/></a>
        </xsl:for-each>
        <xsl:for-each select="f:href($here, 'pdf:document:' || $id)">
          <a href="{.}"><xsl:value-of select="f:label('download-pdf')"/></a>
        </xsl:for-each>
      </xsl:variable>
      <xsl:if test="exists($downloads)">
        <dt><xsl:value-of select="f:label('downloads')"/></dt>
        <dd>
          <xsl:for-each select="$downloads">
            <xsl:if test="position() gt 1"><xsl:text> · </xsl:text></xsl:if>
            <xsl:sequence select="."/>
          </xsl:for-each>
        </dd>
      </xsl:if>
    </dl>
    <xsl:for-each select="$fields[?key = 'calendar']">
      <p class="calendar-mark gen"><xsl:value-of select="?value"/></p>
    </xsl:for-each>
    <xsl:call-template name="m:source-note"><xsl:with-param name="tei" select="$tei"/></xsl:call-template>
    <xsl:call-template name="m:reading-tools"><xsl:with-param name="tei" select="$tei"/></xsl:call-template>
    <xsl:for-each select="$fields[?key = 'summary'][empty(f:summary-anchor($tei))]">
      <section class="abstract gen" aria-label="{?label}">
        <h2><xsl:value-of select="?label"/></h2>
        <xsl:apply-templates select="?content" mode="m:text"/>
      </section>
    </xsl:for-each>
  </xsl:template>

  <!-- A calendar entry's summary follows its dateline (common/document.xsl, f:summary-anchor). -->
  <xsl:template match="tei:opener" mode="m:text" priority="2">
    <xsl:next-match/>
    <xsl:variable name="tei" select="ancestor::tei:TEI[last()]"/>
    <xsl:if test=". is f:summary-anchor($tei)">
      <section class="abstract gen" aria-label="{f:label('summary')}">
        <h2><xsl:value-of select="f:label('summary')"/></h2>
        <xsl:apply-templates select="$tei/tei:teiHeader/tei:profileDesc/tei:abstract/node()" mode="m:text"/>
      </section>
    </xsl:if>
  </xsl:template>

  <!--
    The source note, as FRUS prints it at the head of a document: what the text is and where it
    was read (the source description), the page's address, the archival citation or the lack of
    one; and, when the edition's text is a machine translation, the flag saying so on every page.
  -->
  <xsl:template name="m:source-note">
    <xsl:param name="tei" as="element()"/>
    <xsl:if test="$f:machine-translation and not(f:is-calendar($tei))">
      <p class="machine-translation gen"><strong><xsl:value-of select="f:label('machine-translation-short')"/></strong>
        <xsl:text> </xsl:text>
        <xsl:value-of select="substring-after(f:label('machine-translation'), '. ')"/></p>
    </xsl:if>
    <xsl:for-each select="f:source-note($tei)">
      <aside class="source-note gen" aria-label="{f:label('source-note')}">
        <!-- a description with blocks of its own (a nested bibl, availability) is not held in a paragraph -->
        <xsl:element name="{if (exists(?bibl/*[f:is-block(.)])) then 'div' else 'p'}">
          <span class="note-kind"><xsl:value-of select="f:label('source-note')"/></span><xsl:text> </xsl:text>
          <xsl:apply-templates select="?bibl/node()" mode="m:text"/>
          <!-- the address written out for print (editio.css hides it on screen, where the link carries it), breakable after its slashes -->
          <xsl:for-each select="?href">
            <xsl:text> </xsl:text>
            <span class="address">
              <xsl:analyze-string select="." regex="/+">
                <xsl:matching-substring><xsl:value-of select="."/><xsl:if test=". = '/'"><wbr/></xsl:if></xsl:matching-substring>
                <xsl:non-matching-substring><xsl:value-of select="."/></xsl:non-matching-substring>
              </xsl:analyze-string>
            </span>
          </xsl:for-each>
          <xsl:for-each select="?archive"><xsl:text> </xsl:text><xsl:value-of select="."/></xsl:for-each></xsl:element>
      </aside>
    </xsl:for-each>
  </xsl:template>

  <!--
    The reading switch and the key of the marks, on pages whose text has editorial corrections:
    the switch (editio.js: no inline script, the page's CSP) shows the whole text in the edited or
    the source's reading; without JavaScript it stays hidden and the source's reading shows on
    hover and focus.
  -->
  <xsl:template name="m:reading-tools">
    <xsl:param name="tei" as="element()"/>
    <xsl:if test="$tei/tei:text//tei:choice">
      <div class="reading-tools gen">
        <div class="reading-switch" role="group" aria-label="{f:label('reading-switch')}" hidden="">
          <span class="reading-switch-label"><xsl:value-of select="f:label('reading-switch')"/>:</span>
          <xsl:text> </xsl:text>
          <button type="button" value="edited" aria-pressed="true"><xsl:value-of select="f:label('reading-edited')"/></button>
          <xsl:text> </xsl:text>
          <button type="button" value="source" aria-pressed="false"><xsl:value-of select="f:label('reading-source')"/></button>
        </div>
        <details class="marks-key">
          <summary><xsl:value-of select="f:label('marks-key')"/></summary>
          <ul>
            <li><span class="key-name"><xsl:value-of select="f:label('mark-name')"/></span></li>
            <li><span class="key-correction"><xsl:value-of select="f:label('mark-correction')"/></span></li>
            <li><xsl:value-of select="f:label('mark-note')"/></li>
          </ul>
        </details>
      </div>
    </xsl:if>
  </xsl:template>

  <!--
    How to cite the document: Chicago (editors, title, number, edition, version, publisher, year,
    stable address, access date), and BibTeX and CSL-JSON to copy. The access date printed is the
    edition's publication date; editio.js puts the reader's today in its place.
  -->
  <xsl:template name="m:cite">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="address" select="f:document-address($tei)"/>
    <xsl:variable name="accessed" select="string(($edition//tei:publicationStmt/tei:date/@when)[1])[. castable as xs:date]"/>
    <section class="cite gen" aria-labelledby="cite-heading">
      <h2 id="cite-heading"><xsl:value-of select="f:label('cite')"/></h2>
      <p class="citation" data-accessed="{$accessed}" data-accessed-label="{f:label('accessed', '{1}')}">
        <xsl:variable name="text" select="f:citation-chicago($tei, $accessed)"/>
        <xsl:choose>
          <xsl:when test="exists($f:base-url) and f:safe-url($address) and contains($text, $address)">
            <xsl:value-of select="substring-before($text, $address)"/>
            <a href="{f:safe-url($address)}"><xsl:value-of select="$address"/></a>
            <span class="accessed"><xsl:value-of select="substring-after($text, $address)"/></span>
          </xsl:when>
          <xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
        </xsl:choose>
      </p>
      <details class="cite-formats">
        <summary><xsl:value-of select="f:label('cite-bibtex')"/></summary>
        <pre><code class="bibtex"><xsl:value-of select="f:citation-bibtex($tei, $accessed)"/></code></pre>
      </details>
      <details class="cite-formats">
        <summary><xsl:value-of select="f:label('cite-csl')"/></summary>
        <pre><code class="csl-json"><xsl:value-of select="f:citation-csl($tei, $accessed)"/></code></pre>
      </details>
    </section>
  </xsl:template>
</xsl:stylesheet>
