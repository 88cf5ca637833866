<?xml version="1.0" encoding="UTF-8"?>
<!--
  The HTML renderer of the text: what markup each behaviour of common/text.xsl becomes. What an
  element means was decided there; here is only HTML. Every element keeps its class tei-NAME (and
  rend-TOKEN for its @rend), so an edition's CSS can style any of them.
  Text that editio generates (note numbers, brackets, the metadata panel) carries class "gen", so
  that tests and readers can tell it from the TEI text.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="http://editio.org/ns/function"
    xmlns:m="http://editio.org/ns/mode"
    xmlns:b="http://editio.org/ns/behaviour"
    exclude-result-prefixes="#all">

  <!-- class, id and lang of the element in context -->
  <xsl:template name="f:attributes">
    <xsl:param name="class" as="xs:string*" select="()"/>
    <xsl:choose>
      <xsl:when test="namespace-uri() ne 'http://www.tei-c.org/ns/1.0'">
        <xsl:attribute name="class" select="'foreign-xml'"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:attribute name="class" select="string-join(('tei-' || local-name(), $class,
          tokenize(@rend) ! ('rend-' || replace(., '[^\p{L}\p{N}_-]', ''))), ' ')"/>
        <xsl:if test="@xml:id"><xsl:attribute name="id" select="@xml:id"/></xsl:if>
        <xsl:if test="@xml:lang"><xsl:attribute name="lang" select="@xml:lang"/></xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="b:block">
    <xsl:param name="content" as="node()*" select="node()"/>
    <div><xsl:call-template name="f:attributes"/><xsl:apply-templates select="$content" mode="m:text"/></div>
  </xsl:template>

  <xsl:template name="b:section">
    <section><xsl:call-template name="f:attributes"/><xsl:apply-templates mode="m:text"/></section>
  </xsl:template>

  <!-- $heading-offset: how many levels the page's own headings take above the text (1 on the home page). -->
  <xsl:template name="b:heading">
    <xsl:param name="level" as="xs:integer"/>
    <xsl:param name="heading-offset" as="xs:integer" select="0" tunnel="yes"/>
    <xsl:element name="h{min((6, $level + $heading-offset))}">
      <xsl:call-template name="f:attributes"/>
      <xsl:apply-templates mode="m:text"/>
    </xsl:element>
  </xsl:template>

  <!-- HTML allows no block inside p: a paragraph holding a list or a table is a div. -->
  <xsl:template name="b:paragraph">
    <xsl:element name="{if (exists(*[f:is-block(.)])) then 'div' else 'p'}">
      <xsl:call-template name="f:attributes"/>
      <xsl:apply-templates mode="m:text"/>
    </xsl:element>
  </xsl:template>

  <!-- The quotation marks are editio's (b:generated), not the browser's: the stylesheet sets q's quotes to none. -->
  <xsl:template name="b:quote">
    <xsl:param name="block" as="xs:boolean"/>
    <xsl:param name="before" as="xs:string?" select="()"/>
    <xsl:param name="after" as="xs:string?" select="()"/>
    <xsl:element name="{if ($block) then 'blockquote' else 'q'}">
      <xsl:call-template name="f:attributes"/>
      <xsl:for-each select="$before"><xsl:call-template name="b:generated"><xsl:with-param name="text" select="."/></xsl:call-template></xsl:for-each>
      <xsl:apply-templates mode="m:text"/>
      <xsl:for-each select="$after"><xsl:call-template name="b:generated"><xsl:with-param name="text" select="."/></xsl:call-template></xsl:for-each>
    </xsl:element>
  </xsl:template>

  <xsl:template name="b:inline">
    <xsl:param name="content" as="node()*" select="node()"/>
    <xsl:param name="renditions" as="xs:string*" select="()"/>
    <xsl:param name="before" as="xs:string?" select="()"/>
    <xsl:param name="after" as="xs:string?" select="()"/>
    <xsl:element name="{if ($renditions = 'code') then 'code' else if ($renditions = 'superscript') then 'sup'
                        else if ($renditions = 'subscript') then 'sub' else if ($renditions = 'bold') then 'strong'
                        else if ($renditions = 'italic') then 'em' else 'span'}">
      <xsl:call-template name="f:attributes"/>
      <xsl:for-each select="$before"><xsl:call-template name="b:generated"><xsl:with-param name="text" select="."/></xsl:call-template></xsl:for-each>
      <xsl:apply-templates select="$content" mode="m:text"/>
      <xsl:for-each select="$after"><xsl:call-template name="b:generated"><xsl:with-param name="text" select="."/></xsl:call-template></xsl:for-each>
    </xsl:element>
  </xsl:template>

  <!-- Text editio prints: class gen; $for is the element it stands for (a gap), which gives its class. -->
  <xsl:template name="b:generated">
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="title" as="xs:string?" select="()"/>
    <xsl:param name="for" as="element()?" select="()"/>
    <span class="{string-join(($for ! ('tei-' || local-name(.)), 'gen'), ' ')}">
      <xsl:if test="exists($title)"><xsl:attribute name="title" select="$title"/></xsl:if>
      <xsl:value-of select="$text"/>
    </span>
  </xsl:template>

  <xsl:template name="b:deletion">
    <del><xsl:call-template name="f:attributes"/><xsl:apply-templates mode="m:text"/></del>
  </xsl:template>

  <xsl:template name="b:break">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="n" as="xs:string?" select="()"/>
    <xsl:choose>
      <xsl:when test="$kind = 'line'"><br/></xsl:when>
      <xsl:otherwise>
        <!-- a marginal page reference; the stylesheet shows data-label before the number -->
        <span class="tei-pb gen" role="note" aria-label="{f:label('page')} {$n}" data-label="{f:label('page-abbreviation')}">
          <xsl:if test="@xml:id"><xsl:attribute name="id" select="@xml:id"/></xsl:if>
          <xsl:value-of select="($n, '|')[1]"/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="b:list">
    <xsl:param name="ordered" as="xs:boolean"/>
    <xsl:param name="entries" as="map(xs:string, item()*)*"/>
    <!-- the browser numbers and bullets entries without a label of their own -->
    <xsl:element name="{if ($ordered) then 'ol' else 'ul'}">
      <xsl:call-template name="f:attributes">
        <xsl:with-param name="class" select="if (tei:label) then 'labelled' else ()"/>
      </xsl:call-template>
      <xsl:for-each select="$entries">
        <xsl:choose>
          <xsl:when test="?prefix">
            <li class="list-prefix"><xsl:apply-templates select="?content" mode="m:text"/></li>
          </xsl:when>
          <xsl:otherwise>
            <li>
              <xsl:for-each select="?item[@xml:id]"><xsl:attribute name="id" select="@xml:id"/></xsl:for-each>
              <xsl:apply-templates select="?label, ?content" mode="m:text"/>
            </li>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </xsl:element>
  </xsl:template>

  <xsl:template name="b:table">
    <xsl:param name="caption" as="element()*"/>
    <xsl:param name="columns" as="xs:integer"/>
    <table>
      <xsl:call-template name="f:attributes"/>
      <xsl:if test="$caption"><caption><xsl:apply-templates select="$caption/node()" mode="m:text"/></caption></xsl:if>
      <tbody><xsl:apply-templates select="node() except $caption" mode="m:text"/></tbody>
    </table>
  </xsl:template>

  <xsl:template name="b:row">
    <xsl:param name="label" as="xs:boolean"/>
    <tr><xsl:call-template name="f:attributes"/><xsl:apply-templates select="tei:cell" mode="m:text"/></tr>
  </xsl:template>

  <xsl:template name="b:cell">
    <xsl:param name="label" as="xs:boolean"/>
    <xsl:param name="rows" as="xs:integer"/>
    <xsl:param name="cols" as="xs:integer"/>
    <xsl:element name="{if ($label) then 'th' else 'td'}">
      <xsl:call-template name="f:attributes"/>
      <xsl:if test="$cols gt 1"><xsl:attribute name="colspan" select="$cols"/></xsl:if>
      <xsl:if test="$rows gt 1"><xsl:attribute name="rowspan" select="$rows"/></xsl:if>
      <xsl:apply-templates mode="m:text"/>
    </xsl:element>
  </xsl:template>

  <!-- Both readings stay in the page, in the source's order; the stylesheet shows the alternate on hover, focus and in print. -->
  <xsl:template name="b:alternate">
    <xsl:param name="shown" as="element()?"/>
    <xsl:param name="alternates" as="element()*"/>
    <span class="tei-choice">
      <!-- focusable for keyboard users, unless it is inside a linked name (the link takes the focus) -->
      <xsl:if test="not(ancestor::*[@ref][self::tei:persName or self::tei:placeName or self::tei:orgName or self::tei:name])">
        <xsl:attribute name="tabindex" select="0"/>
      </xsl:if>
      <xsl:apply-templates mode="m:text"/>
    </span>
  </xsl:template>

  <xsl:template name="b:reading">
    <xsl:param name="shown" as="xs:boolean"/>
    <span>
      <xsl:call-template name="f:attributes"><xsl:with-param name="class" select="if ($shown) then 'reading' else 'original'"/></xsl:call-template>
      <xsl:if test="not($shown)">
        <xsl:attribute name="title" select="f:label('original-reading')"/>
        <xsl:attribute name="data-label" select="f:label('source-reading')"/>
      </xsl:if>
      <xsl:apply-templates mode="m:text"/>
    </span>
  </xsl:template>

  <xsl:template name="b:link">
    <xsl:param name="href" as="xs:string?"/>
    <xsl:param name="target" as="element()?"/>
    <xsl:param name="content" as="node()*"/>
    <xsl:choose>
      <xsl:when test="$href">
        <a href="{$href}"><xsl:call-template name="f:attributes"/><xsl:apply-templates select="$content" mode="m:text"/></a>
      </xsl:when>
      <xsl:otherwise>
        <span><xsl:call-template name="f:attributes"/><xsl:apply-templates select="$content" mode="m:text"/></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A name links to its register entry (standard name on hover); the register links back to the mention. -->
  <xsl:template name="b:name">
    <xsl:param name="entry" as="element()?"/>
    <xsl:param name="mention" as="xs:string?"/>
    <xsl:param name="here" as="xs:string" tunnel="yes" select="$here"/>
    <xsl:variable name="page" select="$entry ! f:href($here, 'html:register:' || f:register-key(.))"/>
    <!-- a heading is not a run of register links (issue 16): a name in a head keeps its entry's title and its mention id -->
    <xsl:variable name="linked" select="exists($page) and not(ancestor::tei:head)"/>
    <xsl:element name="{if ($linked) then 'a' else 'span'}">
      <xsl:call-template name="f:attributes"><xsl:with-param name="class" select="'name'"/></xsl:call-template>
      <xsl:if test="$page">
        <xsl:if test="$linked"><xsl:attribute name="href" select="$page || '#' || $entry/@xml:id"/></xsl:if>
        <xsl:attribute name="title" select="f:standard-name($entry)"/>
        <xsl:if test="not(@xml:id) and exists($mention)"><xsl:attribute name="id" select="$mention"/></xsl:if>
      </xsl:if>
      <xsl:apply-templates mode="m:text"/>
    </xsl:element>
  </xsl:template>

  <xsl:template name="b:figure">
    <xsl:param name="caption" as="element()*"/>
    <figure><xsl:call-template name="f:attributes"/>
      <xsl:apply-templates select="node() except $caption" mode="m:text"/>
      <xsl:if test="$caption"><figcaption><xsl:apply-templates select="$caption/node()" mode="m:text"/></figcaption></xsl:if>
    </figure>
  </xsl:template>

  <xsl:template name="b:graphic">
    <xsl:param name="src" as="xs:string?"/>
    <xsl:param name="alt" as="xs:string"/>
    <xsl:if test="$src"><img src="{$src}" alt="{$alt}"/></xsl:if>
  </xsl:template>

  <!-- A note's mark; its text is in the notes section at the end of the page (f:notes). -->
  <xsl:template name="b:note">
    <xsl:param name="number" as="xs:integer"/>
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="source-mark" as="xs:string?"/>
    <a class="note-ref gen{if (@type = 'editorial' or @resp) then ' note-ref-editorial' else ''}" id="{$id}-ref" href="#{$id}" aria-label="{(f:note-kind-label(.), f:label('note'))[1]} {$number}"><sup><xsl:value-of select="$number"/></sup></a>
  </xsl:template>

  <!-- The notes of a document, in order, each linking back to its mark. -->
  <xsl:template name="f:notes">
    <xsl:param name="notes" as="element(tei:note)*"/>
    <xsl:if test="$notes">
      <section class="notes" aria-labelledby="notes-heading">
        <h2 id="notes-heading" class="gen"><xsl:value-of select="f:label('notes')"/></h2>
        <ol>
          <xsl:for-each select="$notes">
            <xsl:variable name="id" select="f:note-id(.)"/>
            <li id="{$id}" class="note note-{(@type, 'plain')[1]}" value="{f:note-number(.)}">
              <xsl:for-each select="f:note-kind-label(.)"><span class="note-kind gen"><xsl:value-of select="."/></span><xsl:text> </xsl:text></xsl:for-each>
              <div class="note-text"><xsl:apply-templates mode="m:text"/></div>
              <xsl:for-each select="f:note-source-mark(.)">
                <span class="gen note-mark"> (<xsl:value-of select="f:label('source-mark')"/>: <xsl:value-of select="."/>)</span>
              </xsl:for-each>
              <xsl:text> </xsl:text>
              <a class="note-back gen" href="#{$id}-ref" aria-label="{f:label('back-to-text')}">↩</a>
            </li>
          </xsl:for-each>
        </ol>
      </section>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
