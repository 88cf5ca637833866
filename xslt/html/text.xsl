<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI text to HTML, mode m:html. Every element keeps its text and children: the last template
  renders elements without a rule of their own as span/div with a tei-NAME class.
  Text that editio generates (note numbers, brackets for gaps) carries class "gen", so that tests
  and readers can tell it from the TEI text.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="http://editio.org/ns/function"
    xmlns:m="http://editio.org/ns/mode"
    exclude-result-prefixes="#all">

  <!-- Elements whose HTML form is a block: an element that contains one is rendered as a block too. -->
  <xsl:variable name="f:block-names" as="xs:string*" select="
    ('div', 'p', 'ab', 'head', 'opener', 'closer', 'dateline', 'salute', 'signed', 'postscript',
     'list', 'item', 'table', 'row', 'cell', 'lg', 'l', 'figure', 'quote', 'sp', 'speaker', 'stage',
     'castList', 'listBibl', 'bibl', 'byline', 'docTitle', 'titlePage', 'argument', 'epigraph',
     'trailer', 'floatingText', 'body', 'front', 'back', 'group', 'text', 'listPerson', 'listPlace',
     'label', 'fw', 'cit', 'address', 'spGrp')"/>

  <xsl:function name="f:is-block" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists(($e, $e//*[not(ancestor::tei:note)])[local-name() = $f:block-names]
                                  [not(self::tei:quote and not(tei:p | tei:lg | tei:l))]
                                  [not(self::tei:bibl and ancestor::tei:p)])"/>
  </xsl:function>

  <!-- Only URLs that cannot run script: http(s), mailto, relative paths and fragments. -->
  <xsl:function name="f:safe-url" as="xs:string?">
    <xsl:param name="url" as="xs:string?"/>
    <xsl:variable name="u" select="normalize-space($url)"/>
    <xsl:sequence select="
      if (not($u)) then ()
      else if (matches($u, '^(https?:|mailto:|#|[^:/?#]*([/?#]|$))', 'i')) then $u
      else ()"/>
  </xsl:function>

  <xsl:template match="tei:*" mode="m:html" priority="-1">
    <xsl:element name="{if (f:is-block(.)) then 'div' else 'span'}">
      <xsl:call-template name="f:attributes"/>
      <xsl:apply-templates mode="m:html"/>
    </xsl:element>
  </xsl:template>

  <!-- Elements of other namespaces (rare in TEI text): keep their text. -->
  <xsl:template match="*" mode="m:html" priority="-2">
    <span class="foreign-xml"><xsl:apply-templates mode="m:html"/></span>
  </xsl:template>

  <xsl:template name="f:attributes">
    <xsl:param name="class" as="xs:string*" select="()"/>
    <xsl:attribute name="class" select="string-join(('tei-' || local-name(), $class,
      tokenize(@rend) ! ('rend-' || replace(., '[^\p{L}\p{N}_-]', ''))), ' ')"/>
    <xsl:if test="@xml:id"><xsl:attribute name="id" select="@xml:id"/></xsl:if>
    <xsl:if test="@xml:lang"><xsl:attribute name="lang" select="@xml:lang"/></xsl:if>
  </xsl:template>

  <xsl:template match="tei:div" mode="m:html">
    <section>
      <xsl:call-template name="f:attributes"/>
      <xsl:apply-templates mode="m:html"/>
    </section>
  </xsl:template>

  <!-- The head of the outermost division is the page's h1; deeper heads step down. -->
  <xsl:template match="tei:head" mode="m:html">
    <xsl:param name="heading-offset" as="xs:integer" select="0" tunnel="yes"/>
    <xsl:variable name="level" select="min((count(ancestor::tei:div | ancestor::tei:div1 | ancestor::tei:div2 | ancestor::tei:div3
                                              | ancestor::tei:lg | ancestor::tei:list | ancestor::tei:table | ancestor::tei:figure), 6))"/>
    <xsl:element name="h{min((6, max((1, $level)) + $heading-offset))}">
      <xsl:call-template name="f:attributes"/>
      <xsl:apply-templates mode="m:html"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:p | tei:ab" mode="m:html">
    <xsl:element name="{if (exists(*[f:is-block(.)])) then 'div' else 'p'}">
      <xsl:call-template name="f:attributes"/>
      <xsl:apply-templates mode="m:html"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:dateline | tei:salute | tei:signed | tei:byline | tei:trailer" mode="m:html">
    <xsl:element name="{if (exists(*[f:is-block(.)])) then 'div' else 'p'}">
      <xsl:call-template name="f:attributes"/>
      <xsl:apply-templates mode="m:html"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:list" mode="m:html">
    <xsl:apply-templates select="tei:head" mode="m:html"/>
    <xsl:element name="{if (@type = ('ordered', 'numbered') or @rend = ('numbered', 'ordered')) then 'ol' else 'ul'}">
      <xsl:call-template name="f:attributes">
        <xsl:with-param name="class" select="if (tei:label) then 'labelled' else ()"/>
      </xsl:call-template>
      <!-- an item with the label before it (label/item pairs) is one list entry -->
      <xsl:for-each-group select="node() except tei:head"
          group-starting-with="tei:label | tei:item[not(preceding-sibling::*[1][self::tei:label])]">
        <xsl:choose>
          <xsl:when test="self::tei:item or self::tei:label">
            <li>
              <xsl:for-each select="current-group()[self::tei:item][@xml:id]"><xsl:attribute name="id" select="@xml:id"/></xsl:for-each>
              <xsl:apply-templates select="current-group() ! (if (self::tei:item) then node() else .)" mode="m:html"/>
            </li>
          </xsl:when>
          <xsl:when test="current-group()[self::* or normalize-space()]">
            <li class="list-prefix"><xsl:apply-templates select="current-group()" mode="m:html"/></li>
          </xsl:when>
        </xsl:choose>
      </xsl:for-each-group>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:table" mode="m:html">
    <table>
      <xsl:call-template name="f:attributes"/>
      <xsl:if test="tei:head"><caption><xsl:apply-templates select="tei:head/node()" mode="m:html"/></caption></xsl:if>
      <tbody><xsl:apply-templates select="node() except tei:head" mode="m:html"/></tbody>
    </table>
  </xsl:template>
  <xsl:template match="tei:row" mode="m:html">
    <tr><xsl:call-template name="f:attributes"/><xsl:apply-templates select="tei:cell" mode="m:html"/></tr>
  </xsl:template>
  <xsl:template match="tei:cell" mode="m:html">
    <xsl:element name="{if (@role = 'label' or parent::tei:row/@role = 'label') then 'th' else 'td'}">
      <xsl:call-template name="f:attributes"/>
      <xsl:if test="@cols"><xsl:attribute name="colspan" select="@cols"/></xsl:if>
      <xsl:if test="@rows"><xsl:attribute name="rowspan" select="@rows"/></xsl:if>
      <xsl:apply-templates mode="m:html"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:lg" mode="m:html">
    <div><xsl:call-template name="f:attributes"/><xsl:apply-templates mode="m:html"/></div>
  </xsl:template>
  <xsl:template match="tei:l" mode="m:html">
    <div><xsl:call-template name="f:attributes"/><xsl:apply-templates mode="m:html"/></div>
  </xsl:template>

  <xsl:template match="tei:quote" mode="m:html">
    <xsl:element name="{if (f:is-block(.)) then 'blockquote' else 'q'}">
      <xsl:call-template name="f:attributes"/>
      <xsl:apply-templates mode="m:html"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:hi" mode="m:html">
    <xsl:variable name="r" select="string(@rend)"/>
    <xsl:element name="{if (matches($r, 'sup')) then 'sup' else if (matches($r, 'sub')) then 'sub'
                        else if (matches($r, 'bold|strong')) then 'strong' else if (matches($r, 'italic')) then 'em' else 'span'}">
      <xsl:call-template name="f:attributes"/>
      <xsl:apply-templates mode="m:html"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:emph | tei:foreign | tei:title[ancestor::tei:text] | tei:term" mode="m:html">
    <em><xsl:call-template name="f:attributes"/><xsl:apply-templates mode="m:html"/></em>
  </xsl:template>

  <xsl:template match="tei:lb" mode="m:html"><br/></xsl:template>

  <!-- A page break of the source: a marginal page reference, never a line of text. -->
  <xsl:template match="tei:pb" mode="m:html">
    <span class="tei-pb gen" role="note" aria-label="page {@n}">
      <xsl:if test="@xml:id"><xsl:attribute name="id" select="@xml:id"/></xsl:if>
      <xsl:value-of select="if (@n) then @n else '|'"/>
    </span>
  </xsl:template>

  <xsl:template match="tei:ref[@target] | tei:ptr[@target]" mode="m:html">
    <xsl:variable name="href" select="f:safe-url(tokenize(@target)[1])"/>
    <xsl:choose>
      <xsl:when test="$href">
        <a href="{$href}"><xsl:call-template name="f:attributes"/>
          <xsl:apply-templates mode="m:html"/>
          <xsl:if test="self::tei:ptr"><xsl:value-of select="$href"/></xsl:if>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <span><xsl:call-template name="f:attributes"/><xsl:apply-templates mode="m:html"/></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:figure" mode="m:html">
    <figure><xsl:call-template name="f:attributes"/>
      <xsl:apply-templates select="node() except tei:head" mode="m:html"/>
      <xsl:if test="tei:head"><figcaption><xsl:apply-templates select="tei:head/node()" mode="m:html"/></figcaption></xsl:if>
    </figure>
  </xsl:template>
  <xsl:template match="tei:graphic[@url]" mode="m:html">
    <xsl:variable name="src" select="f:safe-url(@url)"/>
    <xsl:if test="$src">
      <img src="{$src}" alt="{normalize-space(../tei:figDesc)}"/>
    </xsl:if>
  </xsl:template>

  <!-- Editorial interventions: the corrected reading shows, the original stays in the page (on hover, focus and in print). -->
  <xsl:template match="tei:choice" mode="m:html">
    <span class="tei-choice">
      <!-- focusable for keyboard users, unless it is inside a linked name (the link takes the focus) -->
      <xsl:if test="not(ancestor::*[@ref][self::tei:persName or self::tei:placeName or self::tei:orgName or self::tei:name])">
        <xsl:attribute name="tabindex" select="0"/>
      </xsl:if>
      <xsl:apply-templates mode="m:html"/>
    </span>
  </xsl:template>
  <xsl:template match="tei:sic | tei:orig | tei:abbr" mode="m:html">
    <span>
      <xsl:call-template name="f:attributes"><xsl:with-param name="class" select="'original'"/></xsl:call-template>
      <xsl:if test="parent::tei:choice"><xsl:attribute name="title" select="f:label('original-reading')"/></xsl:if>
      <xsl:apply-templates mode="m:html"/>
    </span>
  </xsl:template>
  <xsl:template match="tei:corr | tei:reg | tei:expan" mode="m:html">
    <span>
      <xsl:call-template name="f:attributes"><xsl:with-param name="class" select="'reading'"/></xsl:call-template>
      <xsl:apply-templates mode="m:html"/>
    </span>
  </xsl:template>

  <xsl:template match="tei:gap" mode="m:html">
    <span class="tei-gap gen" title="{string-join((@reason, @extent, @quantity ! (. || ' ' || ../@unit)), ', ')}">
      <xsl:value-of select="f:label('gap')"/>
    </span>
  </xsl:template>
  <xsl:template match="tei:supplied" mode="m:html">
    <span><xsl:call-template name="f:attributes"/><span class="gen">[</span><xsl:apply-templates mode="m:html"/><span class="gen">]</span></span>
  </xsl:template>

  <!-- Names link to their register entry (standard name on hover); the register links back here. -->
  <xsl:template match="tei:persName | tei:placeName | tei:orgName | tei:name" mode="m:html">
    <xsl:param name="root" as="xs:string" select="'../'" tunnel="yes"/>
    <xsl:variable name="entry" select="tokenize(@ref)[1] ! f:resolve(., current())"/>
    <xsl:element name="{if ($entry) then 'a' else 'span'}">
      <xsl:call-template name="f:attributes"><xsl:with-param name="class" select="'name'"/></xsl:call-template>
      <xsl:if test="$entry">
        <xsl:attribute name="href" select="$root || f:register-href($entry)"/>
        <xsl:attribute name="title" select="f:standard-name($entry)"/>
        <xsl:if test="not(@xml:id) and ancestor::tei:text"><xsl:attribute name="id" select="f:mention-id(.)"/></xsl:if>
      </xsl:if>
      <xsl:apply-templates mode="m:html"/>
    </xsl:element>
  </xsl:template>

  <!-- A note leaves its mark where it stands; its text goes to the notes section. -->
  <xsl:template match="tei:note" mode="m:html">
    <xsl:variable name="id" select="f:note-id(.)"/>
    <a class="note-ref gen" id="{$id}-ref" href="#{$id}" aria-label="{f:label('note')} {f:note-number(.)}"><sup><xsl:value-of select="f:note-number(.)"/></sup></a>
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
              <div class="note-text"><xsl:apply-templates mode="m:html"/></div>
              <xsl:if test="@n and string(@n) ne string(f:note-number(.))">
                <span class="gen note-mark"> (<xsl:value-of select="f:label('source-mark')"/>: <xsl:value-of select="@n"/>)</span>
              </xsl:if>
              <xsl:text> </xsl:text>
              <a class="note-back gen" href="#{$id}-ref" aria-label="{f:label('back-to-text')}">↩</a>
            </li>
          </xsl:for-each>
        </ol>
      </section>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
