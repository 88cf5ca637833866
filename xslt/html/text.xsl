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

  <!--
    class, id and lang of the element in context. Its classes: tei-NAME, rend-TOKEN for each word of
    its @rend (for an edition's CSS), and r-WORD for each rendition common/text.xsl read from its
    @rend, @rendition and @style (editio's CSS sets them), except those its HTML element already
    expresses ($expressed: em is italic).
  -->
  <xsl:template name="f:attributes">
    <xsl:param name="class" as="xs:string*" select="()"/>
    <xsl:param name="renditions" as="xs:string*" select="()"/>
    <xsl:param name="expressed" as="xs:string*" select="()"/>
    <!-- the element is shown a second time (a lemma repeated in the apparatus): its id stays with the first -->
    <xsl:param name="copy" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:choose>
      <xsl:when test="namespace-uri() ne 'http://www.tei-c.org/ns/1.0'">
        <xsl:attribute name="class" select="'foreign-xml'"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:attribute name="class" select="string-join(('tei-' || local-name(), $class,
          tokenize(@rend) ! ('rend-' || replace(., '[^\p{L}\p{N}_-]', '')),
          distinct-values(($renditions, f:renditions(.)))[not(. = $expressed)] ! ('r-' || .)), ' ')"/>
        <!-- its xml:id; a mention of a register entry without one, its mention id (registers link it) -->
        <xsl:for-each select="(@xml:id, self::*[@ref] ! f:mention-anchor(.))[1][not($copy)]"><xsl:attribute name="id" select="."/></xsl:for-each>
        <xsl:for-each select="@xml:lang ! f:language-tag(.)"><xsl:attribute name="lang" select="."/></xsl:for-each>
        <xsl:for-each select="f:dir(.)"><xsl:attribute name="dir" select="."/></xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="b:block">
    <xsl:param name="content" as="node()*" select="node()"/>
    <div><xsl:call-template name="f:attributes"/><xsl:apply-templates select="$content" mode="m:text"/></div>
  </xsl:template>

  <!-- A division; $title: a heading editio prints for it (a corpus member's title, a manuscript description's parts). -->
  <xsl:template name="b:section">
    <xsl:param name="title" as="xs:string?" select="()"/>
    <xsl:param name="heading-offset" as="xs:integer" select="0" tunnel="yes"/>
    <xsl:variable name="level" select="f:section-level(.)"/>
    <section><xsl:call-template name="f:attributes"/>
      <xsl:if test="not(@xml:id) and f:in-contents(.)"><xsl:attribute name="id" select="f:division-id(.)"/></xsl:if>
      <xsl:for-each select="$title">
        <xsl:element name="h{f:heading-rank($level + $heading-offset)}">
          <xsl:attribute name="class" select="'gen'"/>
          <xsl:value-of select="."/>
        </xsl:element>
      </xsl:for-each>
      <xsl:apply-templates mode="m:text"/>
    </section>
  </xsl:template>

  <!-- A line of verse; its number (every fifth, or as the source numbers them) in the margin. -->
  <xsl:template name="b:line">
    <xsl:param name="number" as="xs:string?"/>
    <div><xsl:call-template name="f:attributes"/>
      <xsl:for-each select="$number"><span class="line-number gen" aria-hidden="true"><xsl:value-of select="."/></span></xsl:for-each>
      <xsl:apply-templates mode="m:text"/>
    </div>
  </xsl:template>

  <!--
    $heading-offset: how many levels the page's own headings take above the text (1 on the home
    page). $page-heading, the head that is the page's title (a document's own heading, which
    the metadata follows: f:metadata-anchor), is the page's h1, and only it.
  -->
  <xsl:template name="b:heading">
    <xsl:param name="level" as="xs:integer"/>
    <xsl:param name="heading-offset" as="xs:integer" select="0" tunnel="yes"/>
    <xsl:param name="page-heading" as="element()?" tunnel="yes" select="()"/>
    <xsl:element name="h{if (. is $page-heading) then 1 else f:heading-rank($level + $heading-offset)}">
      <xsl:call-template name="f:attributes"/>
      <!-- a heading of verse lines (TEI allows lg and l in head): HTML allows no block in a heading -->
      <xsl:call-template name="f:phrasing"/>
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
    <xsl:variable name="all" select="($renditions, f:renditions(.))"/>
    <xsl:variable name="phrase" select="if ($all = 'code') then 'code' else if ($all = 'superscript') then 'sup'
                        else if ($all = 'subscript') then 'sub' else if ($all = 'bold') then 'strong'
                        else if ($all = 'italic') then 'em' else 'span'"/>
    <!-- an inline holding a block (a seg of verse lines in a paragraph) is a div: HTML allows no block in a span -->
    <xsl:variable name="element" select="if (f:is-block(.)) then 'div' else $phrase"/>
    <xsl:element name="{$element}">
      <xsl:call-template name="f:attributes">
        <xsl:with-param name="renditions" select="$renditions"/>
        <xsl:with-param name="expressed" select="map{'code': 'code', 'sup': 'superscript', 'sub': 'subscript', 'strong': 'bold', 'em': 'italic'}($element)"/>
      </xsl:call-template>
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
    <del><xsl:call-template name="f:attributes"><xsl:with-param name="expressed" select="'strikethrough'"/></xsl:call-template><xsl:apply-templates mode="m:text"/></del>
  </xsl:template>

  <xsl:template name="b:break">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="n" as="xs:string?" select="()"/>
    <xsl:choose>
      <xsl:when test="$kind = 'line'"><br/></xsl:when>
      <xsl:when test="$kind = 'milestone'">
        <!-- a column break or milestone of the source: its number in the margin, if it has one -->
        <span class="{'tei-' || local-name()} milestone gen">
          <xsl:if test="@xml:id"><xsl:attribute name="id" select="@xml:id"/></xsl:if>
          <xsl:value-of select="$n"/>
        </span>
      </xsl:when>
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
    <xsl:variable name="by-source" select="f:list-numbered-by-source(.)"/>
    <!-- the browser numbers and bullets entries without a label of their own -->
    <xsl:element name="{if ($ordered) then 'ol' else 'ul'}">
      <xsl:call-template name="f:attributes">
        <xsl:with-param name="class" select="if (tei:label or f:list-numbered-by-source(.)) then 'labelled' else ()"/>
      </xsl:call-template>
      <xsl:for-each select="$entries">
        <xsl:choose>
          <xsl:when test="?prefix">
            <li class="list-prefix"><xsl:apply-templates select="?content" mode="m:text"/></li>
          </xsl:when>
          <xsl:otherwise>
            <li>
              <xsl:for-each select="?item[@xml:id]"><xsl:attribute name="id" select="@xml:id"/></xsl:for-each>
              <!-- the source's own numbers (item/@n), and editio's for the items without one, as print shows them -->
              <xsl:if test="empty(?label) and $by-source">
                <span class="list-label gen"><xsl:value-of select="?generated"/></span><xsl:text> </xsl:text>
              </xsl:if>
              <xsl:apply-templates select="?label, ?content" mode="m:text"/>
            </li>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </xsl:element>
  </xsl:template>

  <!--
    A table scrolls sideways inside the text's column when it is wider (a register of twelve
    columns on a phone), instead of widening the page: its box is a region of its own, named by
    its caption, which a keyboard can focus to scroll it (editio.css, .table-scroll).
  -->
  <xsl:template name="b:table">
    <xsl:param name="caption" as="element()*"/>
    <xsl:param name="columns" as="xs:integer"/>
    <div class="table-scroll" role="region" tabindex="0"
         aria-label="{(f:reading-text($caption)[.], f:label('table'))[1]}">
      <table>
        <xsl:call-template name="f:attributes"/>
        <xsl:if test="$caption"><caption><xsl:apply-templates select="$caption/node()" mode="m:text"/></caption></xsl:if>
        <tbody><xsl:apply-templates select="if (tei:row) then tei:row else node() except $caption" mode="m:text"/></tbody>
      </table>
    </div>
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
      <!-- what stands between the rows goes into a cell (f:between-rows): tbody holds only rows -->
      <xsl:variable name="between" select="f:between-rows(.)"/>
      <xsl:apply-templates select="$between[. &lt;&lt; current()]" mode="m:text"/>
      <xsl:apply-templates mode="m:text"/>
      <xsl:apply-templates select="$between[. >> current()]" mode="m:text"/>
    </xsl:element>
  </xsl:template>

  <!--
    Every reading stays in the page: the shown one and the source's (sic, orig, abbr) in the
    source's order, the editors' other readings ($others: a second corr) after them, together; the
    stylesheet shows the source's reading and the others on hover, focus and in print, and the
    reading switch the source's in place of the shown one (has-source: only where the choice has
    one; a choice of two unclear readings shows its first in both views).
  -->
  <xsl:template name="b:alternate">
    <xsl:param name="shown" as="element()?"/>
    <xsl:param name="alternates" as="element()*"/>
    <xsl:param name="sources" as="element()*" select="$alternates" tunnel="yes"/>
    <xsl:param name="others" as="element()*" select="()" tunnel="yes"/>
    <span class="{string-join(('tei-choice', 'has-source'[exists($sources)]), ' ')}">
      <!-- focusable for keyboard users, unless it is inside a linked name (the link takes the focus) -->
      <xsl:if test="not(ancestor::*[@ref][self::tei:persName or self::tei:placeName or self::tei:orgName or self::tei:name])">
        <xsl:attribute name="tabindex" select="0"/>
      </xsl:if>
      <xsl:apply-templates select="node() except $others" mode="m:text"/>
      <xsl:if test="exists($others)">
        <span class="alternatives" data-label="{f:label('other-reading')}">
          <xsl:apply-templates select="$others" mode="m:text"/>
        </span>
      </xsl:if>
    </span>
  </xsl:template>

  <xsl:template name="b:reading">
    <xsl:param name="shown" as="xs:boolean"/>
    <xsl:param name="reading-kind" as="xs:string" select="if ($shown) then 'shown' else 'source'" tunnel="yes"/>
    <xsl:variable name="kind" select="if ($shown) then 'shown' else $reading-kind"/>
    <span>
      <xsl:call-template name="f:attributes">
        <xsl:with-param name="class" select="map{'shown': 'reading', 'source': 'original', 'other': 'alternative'}($kind)"/>
      </xsl:call-template>
      <xsl:if test="$kind = 'source'">
        <xsl:attribute name="title" select="f:label('original-reading')"/>
        <xsl:attribute name="data-label" select="f:label(if (f:is-omitted-reading(.)) then 'source-omitted' else 'source-reading')"/>
      </xsl:if>
      <xsl:if test="$kind = 'other'"><xsl:attribute name="title" select="f:label('other-reading')"/></xsl:if>
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
    <xsl:param name="copy" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:param name="here" as="xs:string" tunnel="yes" select="$here"/>
    <xsl:variable name="page" select="$entry ! f:href($here, 'html:register:' || f:register-key(.))"/>
    <!-- a name in a head keeps its entry's title and its mention id, unlinked (f:is-linked-mention) -->
    <xsl:variable name="linked" select="exists($page) and f:is-linked-mention(.)"/>
    <xsl:element name="{if ($linked) then 'a' else 'span'}">
      <xsl:call-template name="f:attributes"><xsl:with-param name="class" select="'name'"/></xsl:call-template>
      <xsl:if test="$page">
        <xsl:if test="$linked"><xsl:attribute name="href" select="$page || '#' || $entry/@xml:id"/></xsl:if>
        <xsl:attribute name="title" select="f:standard-name($entry)"/>
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

  <!--
    An image of the edition, copied beside the pages (its path is in the layout: html:image:URI),
    with its alternative text; an image on the web is a link to it, never fetched; an image editio
    could not find shows that it is missing (the figure's description stands in the text).
  -->
  <xsl:template name="b:graphic">
    <xsl:param name="file" as="xs:string?"/>
    <xsl:param name="url" as="xs:string?"/>
    <xsl:param name="alt" as="xs:string"/>
    <xsl:param name="here" as="xs:string" tunnel="yes" select="$here"/>
    <xsl:variable name="src" select="$file ! f:href($here, 'html:image:' || .)"/>
    <xsl:choose>
      <xsl:when test="$src">
        <img src="{$src}" alt="{$alt}" loading="lazy"><xsl:call-template name="f:attributes"/></img>
      </xsl:when>
      <xsl:when test="$url">
        <a class="tei-graphic remote-image gen" href="{$url}"><xsl:value-of select="f:label('image-online')"/></a>
      </xsl:when>
      <xsl:otherwise>
        <span class="tei-graphic image-absent gen"><xsl:value-of select="'[' || f:label('image-absent') || ']'"/></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!--
    A note: its mark (a link to its text in the notes after the text, which links back); a note
    printed where it stands (a division of notes) as a numbered paragraph; an inline note in
    brackets.
  -->
  <xsl:template name="b:note">
    <xsl:param name="number" as="xs:integer"/>
    <xsl:param name="label" as="xs:string"/>
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="source-mark" as="xs:string?"/>
    <xsl:param name="place" as="xs:string"/>
    <xsl:choose>
      <xsl:when test="$place = 'block'">
        <div id="{$id}" class="{string-join(('tei-note', 'note-block', 'note-' || (@type, 'plain')[1]), ' ')}">
          <span class="note-label gen"><xsl:value-of select="$label"/></span>
          <xsl:text> </xsl:text>
          <div class="note-text"><xsl:apply-templates mode="m:text"/></div>
        </div>
      </xsl:when>
      <!-- an inline note of paragraphs (a manuscript description's note on an item) is a block where it stands -->
      <xsl:when test="$place = 'inline' and exists(*[f:is-block(.)])">
        <div><xsl:call-template name="f:attributes"/><xsl:apply-templates mode="m:text"/></div>
      </xsl:when>
      <xsl:when test="$place = 'inline'">
        <xsl:call-template name="b:inline">
          <xsl:with-param name="before" select="' ('"/>
          <xsl:with-param name="after" select="')'"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <a class="note-ref gen{if (@type = 'editorial' or @resp) then ' note-ref-editorial' else ''}" id="{$id}-ref" href="#{$id}" aria-label="{(f:note-kind-label(.), f:label('note'))[1]} {$label}"><sup><xsl:value-of select="$label"/></sup></a>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!--
    lang and dir of a part of the text printed away from it, after the text (a note, an apparatus
    entry), where the page's own words are in another language or direction: the language the
    part is in (its own or its text's, f:language-of).
  -->
  <xsl:template name="f:language-away">
    <xsl:variable name="lang" select="f:language-of(.)"/>
    <xsl:if test="$lang ne $f:labels-language"><xsl:attribute name="lang" select="$lang"/></xsl:if>
    <xsl:if test="f:direction($lang) ne f:direction($f:labels-language)"><xsl:attribute name="dir" select="f:direction($lang)"/></xsl:if>
  </xsl:template>

  <!-- The notes of a document whose text goes after it (at the foot of the page in print), in order, each linking back to its mark. -->
  <xsl:template name="f:notes">
    <xsl:param name="notes" as="element(tei:note)*"/>
    <xsl:variable name="shown" select="$notes[f:note-place(.) = ('foot', 'end')][not(parent::tei:app or parent::tei:rdgGrp or ancestor::tei:rdg)]"/>
    <xsl:if test="$shown">
      <xsl:variable name="labelled" select="f:notes-numbered-by-source(f:document($shown[1]))"/>
      <section class="notes" aria-labelledby="notes-heading">
        <h2 id="notes-heading" class="gen"><xsl:value-of select="f:label('notes')"/></h2>
        <ol>
          <xsl:if test="$labelled"><xsl:attribute name="class" select="'labelled'"/></xsl:if>
          <xsl:for-each select="$shown">
            <xsl:variable name="id" select="f:note-id(.)"/>
            <li id="{$id}" class="note note-{(@type, 'plain')[1]}" value="{f:note-number(.)}">
              <xsl:if test="$labelled"><span class="note-label gen"><xsl:value-of select="f:note-label(.)"/></span><xsl:text> </xsl:text></xsl:if>
              <xsl:for-each select="f:note-kind-label(.)"><span class="note-kind gen"><xsl:value-of select="."/></span><xsl:text> </xsl:text></xsl:for-each>
              <div class="note-text"><xsl:call-template name="f:language-away"/><xsl:apply-templates mode="m:text"/></div>
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

  <!--
    An apparatus entry: the lemma in the text with the entry's mark, linking to the entry in the
    apparatus after the text (f:apparatus), which links back. Inside another entry's reading (no
    mark), the readings follow the lemma in brackets.
  -->
  <xsl:template name="b:apparatus">
    <xsl:param name="lemma" as="element()?"/>
    <xsl:param name="lemma-witnesses" as="xs:string?"/>
    <xsl:param name="readings" as="map(xs:string, item()*)*"/>
    <xsl:param name="notes" as="element()*"/>
    <xsl:param name="label" as="xs:string?"/>
    <xsl:param name="id" as="xs:string?"/>
    <xsl:param name="location" as="xs:string?" select="()"/>
    <xsl:choose>
      <!-- an entry of a location-referenced apparatus: a line, "8 lemma] readings; notes" -->
      <xsl:when test="exists($location)">
        <div><xsl:call-template name="f:attributes"><xsl:with-param name="class" select="'app-line'"/></xsl:call-template>
          <xsl:if test="$location"><span class="app-loc gen"><xsl:value-of select="$location"/></span><xsl:text> </xsl:text></xsl:if>
          <xsl:if test="$lemma">
            <span class="lemma"><xsl:apply-templates select="$lemma/node()" mode="m:text"><xsl:with-param name="in-apparatus" select="true()" tunnel="yes"/></xsl:apply-templates></span>
            <xsl:for-each select="$lemma-witnesses"><xsl:text> </xsl:text><span class="wit gen"><xsl:value-of select="."/></span></xsl:for-each>
            <xsl:if test="exists($readings) or exists($notes)"><span class="gen">] </span></xsl:if>
          </xsl:if>
          <xsl:call-template name="f:readings">
            <xsl:with-param name="readings" select="$readings"/>
            <xsl:with-param name="notes" select="$notes"/>
          </xsl:call-template>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <!-- an entry with a mark is listed after the text under its id: the lemma here does not repeat it -->
        <span><xsl:call-template name="f:attributes"><xsl:with-param name="copy" select="exists($label)" tunnel="yes"/></xsl:call-template>
          <span class="lemma"><xsl:apply-templates select="$lemma/node()" mode="m:text"/></span>
          <xsl:choose>
            <xsl:when test="exists($label)">
              <a class="app-ref gen" id="{$id}-ref" href="#{$id}" aria-label="{f:label('apparatus-entry')} {$label}"><sup><xsl:value-of select="$label"/></sup></a>
            </xsl:when>
            <xsl:otherwise>
              <span class="app-readings gen"> [</span>
              <xsl:call-template name="f:readings">
                <xsl:with-param name="readings" select="$readings"/>
                <xsl:with-param name="notes" select="$notes"/>
              </xsl:call-template>
              <span class="gen">]</span>
            </xsl:otherwise>
          </xsl:choose>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- An entry's readings: each reading's text (or "om." when it is empty) and its witnesses, separated by semicolons; then its notes. -->
  <xsl:template name="f:readings">
    <xsl:param name="readings" as="map(xs:string, item()*)*"/>
    <xsl:param name="notes" as="element()*"/>
    <xsl:for-each select="$readings">
      <xsl:if test="position() gt 1"><span class="gen">; </span></xsl:if>
      <span class="tei-{local-name(?reading)}">
        <xsl:choose>
          <xsl:when test="normalize-space(?reading) or ?reading/*">
            <xsl:apply-templates select="?reading/node()" mode="m:text"><xsl:with-param name="in-apparatus" select="true()" tunnel="yes"/></xsl:apply-templates>
          </xsl:when>
          <xsl:otherwise><span class="gen"><xsl:value-of select="f:label('lemma-omitted')"/></span></xsl:otherwise>
        </xsl:choose>
      </span>
      <xsl:for-each select="?witnesses"><xsl:text> </xsl:text><span class="wit gen"><xsl:value-of select="."/></span></xsl:for-each>
    </xsl:for-each>
    <xsl:for-each select="$notes">
      <xsl:text> </xsl:text>
      <span class="tei-{local-name()}"><xsl:apply-templates mode="m:text"><xsl:with-param name="in-apparatus" select="true()" tunnel="yes"/></xsl:apply-templates></span>
    </xsl:for-each>
  </xsl:template>

  <!-- The apparatus of a document, after its text: its witnesses, then every entry under its mark, linking back. -->
  <xsl:template name="f:apparatus">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="entries" select="f:apparatus-entries($tei)"/>
    <xsl:if test="$entries">
      <section class="apparatus" aria-labelledby="apparatus-heading">
        <h2 id="apparatus-heading" class="gen"><xsl:value-of select="f:label('apparatus')"/></h2>
        <xsl:variable name="witnesses" select="f:witness-list($tei)"/>
        <xsl:if test="exists($witnesses)">
          <dl class="witnesses">
            <xsl:for-each select="$witnesses">
              <dt><xsl:value-of select="?siglum"/></dt>
              <dd><xsl:apply-templates select="?witness/node()" mode="m:text"/></dd>
            </xsl:for-each>
          </dl>
        </xsl:if>
        <ol class="labelled">
          <xsl:for-each select="$entries">
            <xsl:variable name="id" select="f:apparatus-id(.)"/>
            <xsl:variable name="lemma" select="f:lemma(.)"/>
            <li id="{$id}" class="app-entry"><xsl:call-template name="f:language-away"/>
              <span class="app-label gen"><xsl:value-of select="f:apparatus-label(f:apparatus-number(.))"/></span>
              <xsl:text> </xsl:text>
              <span class="lemma"><xsl:apply-templates select="$lemma/node()" mode="m:text">
                <xsl:with-param name="in-apparatus" select="true()" tunnel="yes"/>
                <xsl:with-param name="copy" select="true()" tunnel="yes"/>
              </xsl:apply-templates></span>
              <xsl:for-each select="$lemma ! f:witnesses(.)"><xsl:text> </xsl:text><span class="wit gen"><xsl:value-of select="."/></span></xsl:for-each>
              <span class="gen">] </span>
              <xsl:call-template name="f:readings">
                <xsl:with-param name="readings" select="f:readings(.)"/>
                <xsl:with-param name="notes" select="f:apparatus-notes(.)"/>
              </xsl:call-template>
              <xsl:text> </xsl:text>
              <a class="note-back gen" href="#{$id}-ref" aria-label="{f:label('back-to-text')}">↩</a>
            </li>
          </xsl:for-each>
        </ol>
      </section>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
