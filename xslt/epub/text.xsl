<?xml version="1.0" encoding="UTF-8"?>
<!--
  The EPUB renderer of the text: what XHTML each behaviour of common/text.xsl becomes in the
  e-book. What an element means was decided there; here is only the markup of EPUB 3's content
  documents (XHTML 5 in the XHTML namespace, EPUB's structural semantics in the epub: namespace,
  ARIA's doc- roles). Every element keeps its class tei-NAME (and rend-TOKEN), text editio
  generates carries class "gen", as in the HTML edition: the same CSS ideas and the same text tests.

  What differs from the web: no scripts and no focus handling (reading systems do that); notes
  are EPUB footnotes, the mark an epub:type="noteref" link, the text an aside epub:type="footnote"
  at the end of its document linking back (reading systems that know them show the note in a
  pop-up); names link to the book's own registers; the metadata block has no downloads.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns="http://www.w3.org/1999/xhtml"
    xmlns:epub="http://www.idpf.org/2007/ops"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="http://editio.org/ns/function"
    xmlns:m="http://editio.org/ns/mode"
    xmlns:b="http://editio.org/ns/behaviour"
    exclude-result-prefixes="#all">

  <!--
    class, id and lang of the element in context (XHTML: both lang and xml:lang); r-WORD classes for
    the renditions common/text.xsl read from @rend, @rendition and @style (as in the HTML edition),
    except those the XHTML element already expresses ($expressed).
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
        <xsl:for-each select="@xml:lang ! f:language-tag(.)">
          <xsl:attribute name="lang" select="."/>
          <xsl:attribute name="xml:lang" select="."/>
        </xsl:for-each>
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

  <!-- A line of verse; its number (every fifth, or as the source numbers them) before it. -->
  <xsl:template name="b:line">
    <xsl:param name="number" as="xs:string?"/>
    <div><xsl:call-template name="f:attributes"/>
      <xsl:for-each select="$number"><span class="line-number gen"><xsl:value-of select="."/></span></xsl:for-each>
      <xsl:apply-templates mode="m:text"/>
    </div>
  </xsl:template>

  <!-- A document's contents: links to its divisions in this chapter. -->
  <xsl:template name="b:contents">
    <xsl:param name="divisions" as="element()+"/>
    <nav class="contents gen" epub:type="toc">
      <h2><xsl:value-of select="f:label('contents')"/></h2>
      <ol>
        <xsl:for-each select="$divisions">
          <li class="level-{f:division-level(.)}"><a href="#{(@xml:id, f:division-id(.))[1]}"><xsl:value-of select="f:division-title(.)"/></a></li>
        </xsl:for-each>
      </ol>
    </nav>
  </xsl:template>

  <!--
    A document's own heads come below the chapter's heading ($heading-offset, f:title-offset);
    $page-heading, the head that is the chapter's title (a document's own heading, which the
    metadata follows: f:metadata-anchor), is the chapter's h1, and only it.
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

  <!-- XHTML allows no block inside p: a paragraph holding a list or a table is a div. -->
  <xsl:template name="b:paragraph">
    <xsl:element name="{if (exists(*[f:is-block(.)])) then 'div' else 'p'}">
      <xsl:call-template name="f:attributes"/>
      <xsl:apply-templates mode="m:text"/>
    </xsl:element>
  </xsl:template>

  <!-- Quotation marks are editio's (b:generated): reading systems differ in what they put around q. -->
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
      <!-- what the element does not say by itself (small capitals, underline ...) the stylesheet sets by class -->
      <xsl:call-template name="f:attributes">
        <xsl:with-param name="class" select="$renditions[not(. = ('code', 'superscript', 'subscript', 'bold', 'italic'))]"/>
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
      <xsl:if test="exists($title) and $title ne ''"><xsl:attribute name="title" select="$title"/></xsl:if>
      <xsl:value-of select="$text"/>
    </span>
  </xsl:template>

  <xsl:template name="b:deletion">
    <del><xsl:call-template name="f:attributes"/><xsl:apply-templates mode="m:text"/></del>
  </xsl:template>

  <!-- A line break; a page break of the source is a marked page reference (EPUB's pagebreak semantics). -->
  <xsl:template name="b:break">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="n" as="xs:string?" select="()"/>
    <!-- shown a second time (in a lemma repeated in the apparatus): the id stays with the first -->
    <xsl:param name="copy" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:choose>
      <xsl:when test="$kind = 'line'"><br/></xsl:when>
      <xsl:when test="$kind = 'milestone'">
        <!-- a column break or milestone of the source: its number, if it has one -->
        <span class="{'tei-' || local-name()} milestone gen">
          <xsl:if test="@xml:id"><xsl:attribute name="id" select="@xml:id"/></xsl:if>
          <xsl:value-of select="$n"/>
        </span>
      </xsl:when>
      <xsl:otherwise>
        <span class="tei-pb gen" epub:type="pagebreak" role="doc-pagebreak" aria-label="{f:label('page')} {$n}">
          <xsl:if test="not($copy)"><xsl:attribute name="id" select="(@xml:id, f:id(.))[1]"/></xsl:if>
          <xsl:value-of select="if ($n) then '[' || f:label('page-abbreviation') || ' ' || $n || ']' else '|'"/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Lists: the reading system numbers and bullets entries without a label of their own. -->
  <xsl:template name="b:list">
    <xsl:param name="ordered" as="xs:boolean"/>
    <xsl:param name="entries" as="map(xs:string, item()*)*"/>
    <xsl:variable name="by-source" select="f:list-numbered-by-source(.)"/>
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

  <xsl:template name="b:table">
    <xsl:param name="caption" as="element()*"/>
    <xsl:param name="columns" as="xs:integer"/>
    <table>
      <xsl:call-template name="f:attributes"/>
      <xsl:if test="$caption"><caption><xsl:apply-templates select="$caption/node()" mode="m:text"/></caption></xsl:if>
      <tbody><xsl:apply-templates select="if (tei:row) then tei:row else node() except $caption" mode="m:text"/></tbody>
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
      <!-- what stands between the rows goes into a cell (f:between-rows): tbody holds only rows -->
      <xsl:variable name="between" select="f:between-rows(.)"/>
      <xsl:apply-templates select="$between[. &lt;&lt; current()]" mode="m:text"/>
      <xsl:apply-templates mode="m:text"/>
      <xsl:apply-templates select="$between[. >> current()]" mode="m:text"/>
    </xsl:element>
  </xsl:template>

  <!--
    A choice: the edited reading in the text, the others after it in brackets, marked as the
    source's (an e-book has no hover: the alternate is printed, as in the PDF).
  -->
  <!-- The shown reading, then the source's readings and the editors' other readings, each in brackets under its label. -->
  <xsl:template name="b:alternate">
    <xsl:param name="shown" as="element()?"/>
    <xsl:param name="alternates" as="element()*"/>
    <xsl:param name="sources" as="element()*" select="$alternates" tunnel="yes"/>
    <xsl:param name="others" as="element()*" select="()" tunnel="yes"/>
    <span class="tei-choice">
      <xsl:apply-templates select="$shown" mode="m:text"/>
      <xsl:apply-templates select="$sources, $others" mode="m:text"/>
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
      <xsl:if test="not($shown)">
        <xsl:attribute name="title" select="f:label(if ($kind = 'source') then 'original-reading' else 'other-reading')"/>
        <xsl:call-template name="b:generated">
          <xsl:with-param name="text" select="if (f:is-omitted-reading(.)) then ' [' || f:label('source-omitted')
                                              else ' [' || f:label(if ($kind = 'source') then 'source-reading' else 'other-reading') || ': '"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:apply-templates mode="m:text"/>
      <xsl:if test="not($shown)"><xsl:call-template name="b:generated"><xsl:with-param name="text" select="']'"/></xsl:call-template></xsl:if>
    </span>
  </xsl:template>

  <!--
    A link: to an element of the same document that the chapter prints (its id there), to another
    document of the book (its chapter, at the element named when printed), or to the web (safe
    absolute URLs only). A relative reference the TEI's authors wrote for their own site
    ('../chapter-7#fn81', 'api.html') leads nowhere in a book: its text stays, unlinked.
  -->
  <xsl:template name="b:link">
    <xsl:param name="href" as="xs:string?"/>
    <xsl:param name="target" as="element()?"/>
    <xsl:param name="content" as="node()*"/>
    <xsl:param name="here" as="xs:string" tunnel="yes" select="$here"/>
    <xsl:choose>
      <xsl:when test="$target[f:is-printed(.)] and root($target) is root(.)">
        <a href="#{if ($target/self::tei:note) then f:note-id($target) else f:id($target)}"><xsl:call-template name="f:attributes"/><xsl:apply-templates select="$content" mode="m:text"/></a>
      </xsl:when>
      <xsl:when test="$target and not(root($target) is root(.))">
        <!-- another document of the book (f:link names its element when printed, else the document): its chapter -->
        <xsl:variable name="chapter" select="f:href($here, 'epub:document:' || f:doc-id($target))"/>
        <a href="{$chapter}{if ($target is root($target)/*) then '' else '#' || (if ($target/self::tei:note) then f:note-id($target) else f:id($target))}">
          <xsl:call-template name="f:attributes"/><xsl:apply-templates select="$content" mode="m:text"/>
        </a>
      </xsl:when>
      <xsl:when test="$href and matches($href, '^[a-zA-Z][a-zA-Z0-9+.-]*:')">
        <a href="{$href}"><xsl:call-template name="f:attributes"/><xsl:apply-templates select="$content" mode="m:text"/></a>
      </xsl:when>
      <xsl:otherwise>
        <span><xsl:call-template name="f:attributes"/><xsl:apply-templates select="$content" mode="m:text"/></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A name links to its entry in the book's register; the register links back to the mention (its id). -->
  <xsl:template name="b:name">
    <xsl:param name="entry" as="element()?"/>
    <xsl:param name="mention" as="xs:string?"/>
    <xsl:param name="copy" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:param name="here" as="xs:string" tunnel="yes" select="$here"/>
    <xsl:variable name="register" select="$entry ! f:href($here, 'epub:register:' || f:register-key(.))"/>
    <!-- a name in a head keeps its mention id, unlinked, as on the web pages (f:is-linked-mention) -->
    <xsl:variable name="linked" select="exists($register) and f:is-linked-mention(.)"/>
    <xsl:element name="{if ($linked) then 'a' else 'span'}">
      <xsl:call-template name="f:attributes"><xsl:with-param name="class" select="'name'"/></xsl:call-template>
      <xsl:if test="$linked"><xsl:attribute name="href" select="$register || '#' || $entry/@xml:id"/></xsl:if>
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
    An image: an image of the edition is packed into the book (epub:image:KEY in the layout) and
    shown with its alternative text; EPUB reading systems load no remote images, so a web image is
    a link to it; an image editio could not find is named by its description, which (figDesc) is
    in the text already.
  -->
  <xsl:template name="b:graphic">
    <xsl:param name="file" as="xs:string?"/>
    <xsl:param name="url" as="xs:string?"/>
    <xsl:param name="alt" as="xs:string"/>
    <xsl:param name="here" as="xs:string" tunnel="yes" select="$here"/>
    <xsl:variable name="src" select="$file ! f:href($here, 'epub:image:' || .)"/>
    <xsl:choose>
      <xsl:when test="$src">
        <img class="tei-graphic" src="{$src}" alt="{$alt}"/>
      </xsl:when>
      <xsl:when test="matches(string($url), '^https?://', 'i')">
        <a class="tei-graphic gen" href="{$url}"><xsl:value-of select="'[' || f:label('image') || ']'"/></a>
      </xsl:when>
      <xsl:otherwise>
        <span class="tei-graphic image-absent gen"><xsl:value-of select="'[' || f:label('image') || ']'"/></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!--
    lang (and xml:lang) and dir of a note printed away from its text, where the book's own words
    are in another language or direction (as on the web page).
  -->
  <xsl:template name="f:language-away">
    <xsl:variable name="lang" select="f:language-of(.)"/>
    <xsl:if test="$lang ne $f:labels-language">
      <xsl:attribute name="lang" select="$lang"/>
      <xsl:attribute name="xml:lang" select="$lang"/>
    </xsl:if>
    <xsl:if test="f:direction($lang) ne f:direction($f:labels-language)"><xsl:attribute name="dir" select="f:direction($lang)"/></xsl:if>
  </xsl:template>

  <!-- A note's mark: an EPUB note reference to the note's aside (f:notes), which links back. -->
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
        <a class="note-ref gen" id="{$id}-ref" href="#{$id}" epub:type="noteref" role="doc-noteref"><sup><xsl:value-of select="$label"/></sup></a>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The notes of a document, in order, each an EPUB footnote linking back to its mark. -->
  <xsl:template name="f:notes">
    <xsl:param name="notes" as="element(tei:note)*"/>
    <xsl:variable name="shown" select="$notes[f:note-place(.) = ('foot', 'end')][not(parent::tei:app or parent::tei:rdgGrp or ancestor::tei:rdg)]"/>
    <xsl:if test="$shown">
      <section class="notes" epub:type="footnotes">
        <h2 class="gen"><xsl:value-of select="f:label('notes')"/></h2>
        <xsl:for-each select="$shown">
          <xsl:variable name="id" select="f:note-id(.)"/>
          <aside id="{$id}" class="note note-{(@type, 'plain')[1]}" epub:type="footnote" role="doc-footnote">
            <a class="note-back gen" href="#{$id}-ref" role="doc-backlink"><xsl:value-of select="f:note-label(.)"/></a>
            <xsl:text> </xsl:text>
            <!-- whose note it is, as the page and the PDF say it (review9b: the e-book left it out) -->
            <xsl:for-each select="f:note-kind-label(.)"><span class="note-kind gen"><xsl:value-of select="."/></span><xsl:text> </xsl:text></xsl:for-each>
            <div class="note-text"><xsl:call-template name="f:language-away"/><xsl:apply-templates mode="m:text"/></div>
            <xsl:for-each select="f:note-source-mark(.)">
              <p class="gen note-mark">(<xsl:value-of select="f:label('source-mark')"/>: <xsl:value-of select="."/>)</p>
            </xsl:for-each>
          </aside>
        </xsl:for-each>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- The metadata block: the document's fields (common/document.xsl) as a definition list, the summary after it. -->
  <xsl:template name="b:metadata">
    <xsl:param name="tei" as="element()"/>
    <xsl:param name="fields" as="map(xs:string, item()*)*"/>
    <!-- what the document is, and where it comes from but what its source note says -->
    <xsl:variable name="listed" select="$fields[?group = 'line'], f:sources-beyond-note($tei, $fields)"/>
    <xsl:if test="exists($listed)">
    <dl class="metadata gen">
      <xsl:for-each select="$listed">
        <dt><xsl:value-of select="?label"/></dt>
        <dd>
          <xsl:choose>
            <xsl:when test="?key = 'date' and exists(f:html-datetime(?datetime))"><time datetime="{?datetime}"><xsl:value-of select="?value"/></time></xsl:when>
            <xsl:when test="?key = 'source' and ?href"><a href="{?href}"><xsl:value-of select="?value"/></a></xsl:when>
            <xsl:when test="?key = 'source'"><xsl:value-of select="?text"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="?value"/></xsl:otherwise>
          </xsl:choose>
        </dd>
      </xsl:for-each>
    </dl>
    </xsl:if>
    <xsl:for-each select="$fields[?key = 'calendar']">
      <p class="calendar-mark gen"><xsl:value-of select="?value"/></p>
    </xsl:for-each>
    <xsl:call-template name="m:epub-source-note"><xsl:with-param name="tei" select="$tei"/></xsl:call-template>
    <xsl:for-each select="$fields[?key = 'summary'][empty(f:summary-anchor($tei))]">
      <section class="abstract gen">
        <h2><xsl:value-of select="?label"/></h2>
        <xsl:apply-templates select="?content" mode="m:text"/>
      </section>
    </xsl:for-each>
  </xsl:template>

  <!-- A calendar entry's summary follows its dateline, as in the site and the PDFs (common/document.xsl, f:summary-anchor). -->
  <xsl:template match="tei:opener" mode="m:text" priority="2">
    <xsl:next-match/>
    <xsl:variable name="tei" select="ancestor::tei:TEI[last()]"/>
    <xsl:if test=". is f:summary-anchor($tei)">
      <section class="abstract gen">
        <h2><xsl:value-of select="f:label('summary')"/></h2>
        <xsl:apply-templates select="$tei/tei:teiHeader/tei:profileDesc/tei:abstract/node()" mode="m:text"/>
      </section>
    </xsl:if>
  </xsl:template>

  <!--
    The source note at the head of the document, as in the HTML edition (common/citation.xsl:
    what the text is, where and when it was read, the archival citation or the lack of one), and,
    when the edition's text is a machine translation, the flag saying so on every transcribed
    document (a calendar entry's summary is the editors' own text: it has no flag). Both are an
    aside without epub:type, so reading systems show them in the text, not as a pop-up note.
  -->
  <xsl:template name="m:epub-source-note">
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
          <xsl:for-each select="?href">
            <!-- breakable after its slashes (the HTML edition's source note does the same), not inside a word -->
            <xsl:text> </xsl:text>
            <a class="address" href="{.}">
              <xsl:analyze-string select="." regex="/+">
                <xsl:matching-substring><xsl:value-of select="."/><xsl:if test=". = '/'"><wbr/></xsl:if></xsl:matching-substring>
                <xsl:non-matching-substring><xsl:value-of select="."/></xsl:non-matching-substring>
              </xsl:analyze-string>
            </a>
          </xsl:for-each>
          <xsl:for-each select="?archive"><xsl:text> </xsl:text><xsl:value-of select="."/></xsl:for-each></xsl:element>
      </aside>
    </xsl:for-each>
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
              <a class="app-ref gen" id="{$id}-ref" href="#{$id}" epub:type="noteref" role="doc-noteref"><sup><xsl:value-of select="$label"/></sup></a>
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
      <section class="apparatus">
        <h2 class="gen"><xsl:value-of select="f:label('apparatus')"/></h2>
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
            <li id="{$id}" class="app-entry">
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
              <a class="note-back gen" href="#{$id}-ref" role="doc-backlink">↩</a>
            </li>
          </xsl:for-each>
        </ol>
      </section>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
