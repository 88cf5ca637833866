<?xml version="1.0" encoding="UTF-8"?>
<!--
  The edition-level pages of the HTML edition: home, the documents (list, filters, timeline), the
  registers, search and about, one call of m:site-page each. Document pages are
  html/document.xsl, run per document in parallel.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="http://editio.org/ns/function"
    xmlns:m="http://editio.org/ns/mode"
    exclude-result-prefixes="#all">

  <!-- The edition's documents, in the order they are published. -->
  <xsl:param name="documents" as="document-node()*" select="()"/>

  <xsl:variable name="docs" select="$documents ! (tei:TEI | tei:teiCorpus)"/>

  <!-- Every mention of a register entry, by the entry's key (file URI # id), in the order of the documents. -->
  <xsl:variable name="mentions" as="map(xs:string, element()*)" select="f:mentions($docs)"/>

  <!--
    Everything the edition's pages read from one document, as one string. A build compares these
    instead of whole documents: a correction that changes none of it (a word of the text, a note)
    leaves home, lists and registers as they were, and they are not written again. Whatever a
    template of this module comes to read from documents must be added here.
  -->
  <xsl:function name="f:site-summary" as="xs:string" visibility="public">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:variable name="tei" select="$doc/(tei:TEI | tei:teiCorpus)"/>
    <xsl:variable name="date" select="$tei ! f:document-date(.)"/>
    <xsl:sequence select="string-join((
        string(base-uri($doc)),
        $tei ! f:doc-id(.), $tei ! f:title(.),
        $date ! f:date-sort-key(.), $date ! f:format-date(.), $tei ! f:year(.),
        '|types', $tei ! f:categories(., 'document-types'), '|countries', $tei ! f:categories(., 'countries'),
        '|parties', $tei ! f:party(., 'sender'), '|', $tei ! f:party(., 'addressee'),
        '|calendar', $tei ! string(f:is-calendar(.)),
        '|mentions',
        (: a mention's id is its place among the text's mentions (f:mention-id), which this order gives :)
        $tei/tei:text//*[@ref] ! string-join((@ref, @xml:id), ' '),
        '|header',
        f:mentions-of($tei)[not(ancestor::tei:text)] ! string-join(((@ref, @corresp)[1], @xml:id), ' ')
      ), '&#10;')"/>
  </xsl:function>

  <!--
    One page of the edition, by its key in the layout (html:home, html:documents, html:search,
    html:about, html:register:KEY): the Java side asks for each page and writes it where the layout
    puts it. (Stylesheets that render an edition write no files themselves.)
  -->
  <xsl:template name="m:site-page">
    <xsl:param name="page" as="xs:string"/>
    <xsl:variable name="here" select="f:path($page)"/>
    <xsl:choose>
      <xsl:when test="$page = 'html:home'"><xsl:call-template name="m:home"><xsl:with-param name="here" select="$here" tunnel="yes"/></xsl:call-template></xsl:when>
      <xsl:when test="$page = 'html:documents'"><xsl:call-template name="m:documents"><xsl:with-param name="here" select="$here" tunnel="yes"/></xsl:call-template></xsl:when>
      <xsl:when test="$page = 'html:search'"><xsl:call-template name="m:search"><xsl:with-param name="here" select="$here" tunnel="yes"/></xsl:call-template></xsl:when>
      <xsl:when test="$page = 'html:about'"><xsl:call-template name="m:about"><xsl:with-param name="here" select="$here" tunnel="yes"/></xsl:call-template></xsl:when>
      <xsl:when test="starts-with($page, 'html:register:')">
        <xsl:call-template name="m:register">
          <xsl:with-param name="register" select="$registers(substring-after($page, 'html:register:'))"/>
          <xsl:with-param name="here" select="$here" tunnel="yes"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:message terminate="yes">no page <xsl:value-of select="$page"/></xsl:message>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A link from the page being written to a document's page. -->
  <xsl:function name="f:document-href" as="xs:string">
    <xsl:param name="here" as="xs:string"/>
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="string(f:href($here, 'html:document:' || f:doc-id($tei)))"/>
  </xsl:function>

  <!-- ================================================================ home -->
  <xsl:template name="m:home">
    <xsl:param name="here" as="xs:string" tunnel="yes"/>
    <xsl:variable name="years" select="sort(distinct-values($docs ! f:year(.)), (), xs:integer#1)"/>
    <xsl:call-template name="f:page">
      <xsl:with-param name="title" select="f:label('home')"/>
      <xsl:with-param name="here" select="$here"/>
      <xsl:with-param name="content">
        <h1><xsl:value-of select="$edition-title"/></h1>
        <xsl:for-each select="$edition//tei:titleStmt/tei:title[@type = 'sub']">
          <p class="subtitle"><xsl:value-of select="."/></p>
        </xsl:for-each>
        <xsl:for-each select="$edition//tei:titleStmt/tei:respStmt">
          <p class="editors"><xsl:value-of select="normalize-space(tei:resp) || ' ' || string-join(tei:name ! normalize-space(.), ', ')"/></p>
        </xsl:for-each>
        <section class="holdings" aria-labelledby="holdings-heading">
          <h2 id="holdings-heading"><xsl:value-of select="f:label('holds')"/></h2>
          <ul class="counts">
            <li><a href="{f:href($here, 'html:documents')}"><strong><xsl:value-of select="count($docs)"/></strong>
              <xsl:text> </xsl:text><xsl:value-of select="f:label(if (count($docs) eq 1) then 'document-noun' else 'documents-noun')"/></a>
              <xsl:if test="exists($years)"><xsl:value-of select="' ' || f:label('years-span', ($years[1], $years[last()]) ! f:year-label(.))"/></xsl:if>
              <!-- transcribed and calendared, when the edition has calendar entries (else every document is transcribed) -->
              <xsl:variable name="calendar" select="count($docs[f:is-calendar(.)])"/>
              <xsl:if test="$calendar gt 0"><xsl:value-of select="': ' || f:label('holdings-detail', (count($docs) - $calendar, $calendar))"/></xsl:if></li>
            <xsl:for-each select="f:register-keys()">
              <xsl:variable name="kind" select="f:register-kind($registers(current()))"/>
              <li><a href="{f:href($here, 'html:register:' || .)}"><strong><xsl:value-of select="count($registers(current())//(tei:person | tei:place | tei:org))"/></strong>
                <xsl:text> </xsl:text><xsl:value-of select="if ($kind = 'other') then f:register-label(.) else f:label($kind || '-noun')"/></a>
                <xsl:value-of select="' ' || f:label('in-registers')"/></li>
            </xsl:for-each>
          </ul>
          <p class="entry-points"><a href="{f:href($here, 'html:search')}"><xsl:value-of select="f:label('search-label')"/></a> ·
            <a href="{f:href($here, 'html:about')}"><xsl:value-of select="f:label(if ($edition//tei:editorialDecl) then 'editorial-principles' else 'about')"/></a></p>
          <!-- the whole edition as a book and as an e-book, when this run publishes them (the site carries copies: html/downloads/) -->
          <xsl:variable name="books" as="element()*">
            <xsl:for-each select="f:href($here, 'pdf:volume')"><a href="{.}" type="application/pdf"><xsl:value-of select="f:label('edition-pdf')"/></a></xsl:for-each>
            <xsl:for-each select="f:href($here, 'epub:book')"><a href="{.}" type="application/epub+zip"><xsl:value-of select="f:label('edition-epub')"/></a></xsl:for-each>
          </xsl:variable>
          <xsl:if test="exists($books)">
            <p class="entry-points downloads"><span class="label"><xsl:value-of select="f:label('downloads')"/>: </span>
              <xsl:for-each select="$books"><xsl:if test="position() gt 1"> · </xsl:if><xsl:sequence select="."/></xsl:for-each></p>
          </xsl:if>
        </section>
        <xsl:apply-templates select="$edition/tei:TEI/tei:text/tei:body/tei:div[@type = 'introduction']" mode="m:text">
          <xsl:with-param name="heading-offset" select="1" tunnel="yes"/>
        </xsl:apply-templates>
        <xsl:if test="$docs[not(f:is-calendar(.))]">
          <section aria-labelledby="transcribed-heading">
            <h2 id="transcribed-heading"><xsl:value-of select="f:label('documents-transcribed')"/></h2>
            <ul>
              <xsl:for-each select="$docs[not(f:is-calendar(.))]">
                <li><a href="{f:document-href($here, .)}"><xsl:value-of select="f:title(.)"/></a></li>
              </xsl:for-each>
            </ul>
          </section>
        </xsl:if>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- ================================================================ documents -->
  <xsl:template name="m:documents">
    <xsl:param name="here" as="xs:string" tunnel="yes"/>
    <xsl:variable name="types" select="distinct-values($docs ! f:categories(., 'document-types'))"/>
    <xsl:variable name="countries" select="distinct-values($docs ! f:categories(., 'countries'))"/>
    <xsl:variable name="years" select="sort(distinct-values($docs ! f:year(.)), (), xs:integer#1)"/>
    <xsl:call-template name="f:page">
      <xsl:with-param name="title" select="f:label('documents')"/>
      <xsl:with-param name="here" select="$here"/>
      <xsl:with-param name="content">
        <h1><xsl:value-of select="f:label('documents')"/> (<xsl:value-of select="count($docs)"/>)</h1>
        <xsl:call-template name="m:timeline"><xsl:with-param name="years" select="$years"/></xsl:call-template>
        <!-- a filter only where there is something to choose (an edition without countries has no country filter); each label kept with its list -->
        <xsl:variable name="filters" select="(['country', 'countries', $countries], ['type', 'type', $types], ['year', 'year', $years])[exists(?3)]"/>
        <xsl:if test="exists($filters)">
          <form class="filters" aria-label="{f:label('filter')}" data-filter-form="" hidden="">
            <xsl:for-each select="$filters">
              <xsl:variable name="field" select="?1"/>
              <span class="filter">
                <label for="filter-{$field}"><xsl:value-of select="f:label(?2)"/></label>
                <select id="filter-{$field}" name="{$field}">
                  <option value=""><xsl:value-of select="f:label('all')"/></option>
                  <xsl:for-each select="?3">
                    <xsl:sort select="if ($field = 'year') then () else f:category-label(.)" collation="{$f:collation}"/>
                    <option value="{.}"><xsl:value-of select="if ($field = 'year') then f:year-label(.) else f:category-label(.)"/></option>
                  </xsl:for-each>
                </select>
              </span>
            </xsl:for-each>
            <output class="filter-count" aria-live="polite" data-label="{f:label('filter-count')}"></output>
          </form>
        </xsl:if>
        <xsl:for-each-group select="$docs" group-by="(f:year(.), 'undated')[1]">
          <section class="year" id="year-{current-grouping-key()}" aria-labelledby="year-{current-grouping-key()}-h">
            <h2 id="year-{current-grouping-key()}-h"><xsl:value-of select="if (current-grouping-key() = 'undated') then f:label('undated-group') else f:year-label(current-grouping-key())"/></h2>
            <ol class="document-list">
              <xsl:for-each select="current-group()">
                <xsl:call-template name="m:document-item"/>
              </xsl:for-each>
            </ol>
          </section>
        </xsl:for-each-group>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="m:document-item">
    <xsl:param name="here" as="xs:string" tunnel="yes"/>
    <xsl:variable name="date" select="f:document-date(.)"/>
    <li data-year="{f:year(.)}" data-type="{string-join(f:categories(., 'document-types'), ' ')}"
        data-country="{string-join(f:categories(., 'countries'), ' ')}">
      <xsl:if test="$date">
        <xsl:variable name="datetime" select="f:html-datetime(f:date-sort-key($date))"/>
        <xsl:choose>
          <xsl:when test="exists($datetime)"><time datetime="{$datetime}"><xsl:value-of select="f:format-date($date)"/></time></xsl:when>
          <xsl:otherwise><span class="date"><xsl:value-of select="f:format-date($date)"/></span></xsl:otherwise>
        </xsl:choose>
        <xsl:text> </xsl:text>
      </xsl:if>
      <xsl:for-each select="f:doc-number-label(.)"><span class="doc-no"><xsl:value-of select="."/></span><xsl:text> </xsl:text></xsl:for-each>
      <a href="{f:document-href($here, .)}"><xsl:value-of select="f:title(.)"/></a>
      <xsl:variable name="parties" select="string-join((f:party(., 'sender'), f:party(., 'addressee')), ' → ')"/>
      <xsl:if test="$parties"><span class="parties"><xsl:value-of select="$parties"/></span></xsl:if>
      <xsl:if test="f:is-calendar(.)"><span class="badge"><xsl:value-of select="f:label('calendar-short')"/></span></xsl:if>
    </li>
  </xsl:template>

  <!--
    A bar chart drawn at publish time: documents per year, stacked by country. A bar is as tall as
    its year has documents; a document that concerns several countries gives each of them an equal
    share (1/n), so the segments add up to the documents; a segment's title counts the documents
    that concern its country (what the country filter finds). The bars are drawn in their own
    coordinates, stretched to the width of the page; the year labels stand outside that scaling, in
    CSS pixels, so they keep their size on a phone; a label every 1, 2, 5, 10, ... years, as many
    as fit on a narrow screen.
  -->
  <xsl:template name="m:timeline">
    <xsl:param name="years" as="xs:string*"/>
    <xsl:if test="count($years) ge 1">
      <xsl:variable name="first" select="xs:integer($years[1])"/>
      <xsl:variable name="last" select="xs:integer($years[last()])"/>
      <xsl:variable name="countries" select="distinct-values($docs ! f:chart-countries(.))"/>
      <!-- distinct hues (Tableau 10 and ColorBrewer Dark2), none of them a second shade of another -->
      <xsl:variable name="palette" select="('#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#1b9e77', '#7570b3', '#d95f02', '#666666', '#bab0ac')"/>
      <!-- the documents of each year, grouped once (not filtered again for every year) -->
      <xsl:variable name="by-year" as="map(xs:string, element()*)">
        <xsl:map>
          <xsl:for-each-group select="$docs" group-by="f:year(.)">
            <xsl:map-entry key="current-grouping-key()" select="current-group()"/>
          </xsl:for-each-group>
        </xsl:map>
      </xsl:variable>
      <xsl:variable name="max" select="max(for $y in $years return count($by-year($y)))"/>
      <xsl:variable name="bar" select="24"/>
      <xsl:variable name="height" select="160"/>
      <xsl:variable name="span" select="$last - $first + 1"/>
      <!-- room for a dozen years at least: the bars of a short span are not stretched across the page -->
      <xsl:variable name="width" select="max(($span, 12)) * $bar + 10"/>
      <!-- at most about eight labels between the first year and the last -->
      <xsl:variable name="step" select="((1, 2, 5, 10, 20, 50, 100, 200, 500)[$span div . le 8], 1000)[1]"/>
      <figure class="timeline">
        <!-- "by country" only where the documents state countries (as the legend) -->
        <figcaption id="timeline-caption"><xsl:value-of select="f:label(if ($countries != 'none') then 'timeline' else 'timeline-years')"/></figcaption>
        <svg xmlns="http://www.w3.org/2000/svg" aria-labelledby="timeline-caption" class="timeline-chart"
             width="100%" height="{$height + 24}">
          <svg width="100%" height="{$height}" viewBox="0 0 {$width} {$height}" preserveAspectRatio="none">
            <xsl:for-each select="$first to $last">
              <xsl:variable name="y" select="string(.)"/>
              <xsl:variable name="x" select="(. - $first) * $bar + 5"/>
              <xsl:variable name="in-year" select="$by-year($y)"/>
              <xsl:if test="exists($in-year)">
                <a href="#year-{$y}" aria-label="{if (count($in-year) eq 1) then f:label('year-count-one', f:year-label($y)) else f:label('year-count', (f:year-label($y), count($in-year)))}">
                  <xsl:iterate select="$countries">
                    <xsl:param name="base" select="$height"/>
                    <xsl:variable name="country" select="."/>
                    <xsl:variable name="concerned" select="$in-year[f:chart-countries(.) = $country]"/>
                    <xsl:variable name="share" select="sum($concerned ! (1 div count(f:chart-countries(.))))"/>
                    <xsl:variable name="h" select="$share * $height div $max"/>
                    <xsl:if test="exists($concerned)">
                      <xsl:variable name="what" select="f:year-label($y) || ', ' || f:category-label($country)"/>
                      <rect x="{$x}" y="{format-number($base - $h, '0.###')}" width="{$bar - 4}" height="{format-number($h, '0.###')}"
                            fill="{f:colour($palette, index-of($countries, $country))}">
                        <title><xsl:value-of select="if (count($concerned) eq 1) then f:label('year-count-one', $what) else f:label('year-count', ($what, count($concerned)))"/></title>
                      </rect>
                    </xsl:if>
                    <xsl:next-iteration><xsl:with-param name="base" select="$base - $h"/></xsl:next-iteration>
                  </xsl:iterate>
                </a>
              </xsl:if>
            </xsl:for-each>
          </svg>
          <!-- the labels: the first year's starts at its bar, the last year's ends at its bar, the others centred on theirs -->
          <xsl:variable name="gap" select="xs:integer(ceiling($step * .7))"/>
          <xsl:for-each select="$first to $last">
            <xsl:variable name="x" select="(. - $first) * $bar + 5"/>
            <xsl:variable name="anchor" select="if ($first eq $last) then 'middle' else if (. eq $first) then 'start' else if (. eq $last) then 'end' else 'middle'"/>
            <!-- no label "0": TEI numbers years without a year zero (1 BC is followed by AD 1) -->
            <xsl:if test=". ne 0 and (. = ($first, $last) or (. mod $step = 0 and . - $first ge $gap and $last - . ge $gap))">
              <text x="{format-number(100 * (if ($anchor = 'start') then $x else if ($anchor = 'end') then $x + $bar - 4 else $x + ($bar - 4) div 2) div $width, '0.###')}%"
                    y="{$height + 17}" text-anchor="{$anchor}" font-size="12"><xsl:value-of select="f:year-text(.)"/></text>
            </xsl:if>
          </xsl:for-each>
        </svg>
        <!-- a legend where the documents state countries (not one of "not stated" alone) -->
        <xsl:if test="$countries != 'none'">
          <ul class="legend">
            <xsl:for-each select="$countries">
              <li><svg class="swatch" width="12" height="12" aria-hidden="true"><rect width="12" height="12" fill="{f:colour($palette, position())}"/></svg>
                <xsl:value-of select="f:category-label(.)"/></li>
            </xsl:for-each>
          </ul>
        </xsl:if>
      </figure>
    </xsl:if>
  </xsl:template>

  <!-- The countries a document concerns, as the chart counts them: 'none' when it states none. -->
  <xsl:function name="f:chart-countries" as="xs:string+">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="c" select="distinct-values(f:categories($tei, 'countries'))"/>
    <xsl:sequence select="if (exists($c)) then $c else 'none'"/>
  </xsl:function>

  <xsl:function name="f:colour" as="xs:string">
    <xsl:param name="palette" as="xs:string+"/>
    <xsl:param name="i" as="xs:integer"/>
    <xsl:sequence select="$palette[($i - 1) mod count($palette) + 1]"/>
  </xsl:function>

  <!-- ================================================================ registers -->
  <xsl:template name="m:register">
    <xsl:param name="register" as="document-node()"/>
    <xsl:param name="here" as="xs:string" tunnel="yes"/>
    <xsl:variable name="title" select="f:title($register/tei:TEI)"/>
    <xsl:call-template name="f:page">
      <xsl:with-param name="title" select="$title"/>
      <xsl:with-param name="here" select="$here"/>
      <xsl:with-param name="content">
        <h1><xsl:value-of select="$title"/></h1>
        <p class="passages-key gen"><xsl:value-of select="f:label('sections-mark')"/></p>
        <nav class="letters" aria-label="{f:label('letter-index')}">
          <xsl:for-each-group select="$register//(tei:person | tei:place | tei:org)" group-by="f:index-letter(f:standard-name(.))">
            <xsl:sort select="current-grouping-key()" collation="{$f:collation}"/>
            <a href="#letter-{string-to-codepoints(current-grouping-key())[1]}"><xsl:value-of select="current-grouping-key()"/></a>
          </xsl:for-each-group>
        </nav>
        <xsl:for-each-group select="$register//(tei:person | tei:place | tei:org)" group-by="f:index-letter(f:standard-name(.))">
          <xsl:sort select="current-grouping-key()" collation="{$f:collation}"/>
          <section aria-labelledby="letter-{string-to-codepoints(current-grouping-key())[1]}">
            <h2 id="letter-{string-to-codepoints(current-grouping-key())[1]}"><xsl:value-of select="current-grouping-key()"/></h2>
            <xsl:for-each select="current-group()">
              <xsl:sort select="f:standard-name(.)" collation="{$f:collation}"/>
              <xsl:call-template name="m:entry"/>
            </xsl:for-each>
          </section>
        </xsl:for-each-group>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="m:entry">
    <xsl:param name="here" as="xs:string" tunnel="yes"/>
    <xsl:variable name="key" select="f:uri-key(string(base-uri(.))) || '#' || @xml:id"/>
    <xsl:variable name="found" select="$mentions($key)"/>
    <article class="entry" id="{@xml:id}">
      <h3><xsl:value-of select="f:standard-name(.)"/></h3>
      <xsl:if test="tei:birth or tei:death">
        <p class="life"><xsl:value-of select="string-join((tei:birth/@when, tei:death/@when) ! string(.), '–')"/></p>
      </xsl:if>
      <xsl:for-each select="tei:occupation | tei:note">
        <p class="identification"><xsl:apply-templates mode="m:text"/></p>
      </xsl:for-each>
      <xsl:variable name="forms" select="(tei:persName | tei:placeName | tei:orgName)[@type = 'variant']"/>
      <xsl:if test="$forms">
        <p class="forms"><span class="label"><xsl:value-of select="f:label('forms')"/>: </span>
          <xsl:value-of select="string-join($forms ! normalize-space(.), '; ')"/></p>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="$found">
          <details open="">
            <!-- by document: a document is one tree (cheaper to tell apart than by f:doc-id, which it equals) -->
            <xsl:variable name="n" select="count(distinct-values($found ! generate-id(root(.))))"/>
            <summary><xsl:value-of select="if ($n eq 1) then f:label('mentioned-in-one') else f:label('mentioned-in', $n)"/></summary>
            <ul class="mentions">
              <xsl:for-each-group select="$found" group-by="generate-id(root(.))">
                <xsl:sort select="(f:document-date(root(.)/*) ! f:chronological-key(.), '9999')[1]"/>
                <xsl:variable name="doc" select="root(.)/*"/>
                <li>
                  <xsl:variable name="page" select="f:document-href($here, $doc)"/>
                  <a href="{$page}"><xsl:value-of select="f:title($doc)"/></a>
                  <xsl:variable name="in-text" select="current-group()[ancestor::tei:text]"/>
                  <xsl:if test="$in-text">
                    <span class="passages">
                      <!-- "§ 1" as the key writes it; the first stays on the line of the title it follows -->
                      <xsl:for-each select="$in-text">
                        <xsl:value-of select="if (position() eq 1) then '&#160;' else ' '"/>
                        <a href="{$page}#{f:mention-anchor(.)}"
                           aria-label="{f:label('passage', position())}">§&#160;<xsl:value-of select="position()"/></a>
                      </xsl:for-each>
                    </span>
                  </xsl:if>
                </li>
              </xsl:for-each-group>
            </ul>
          </details>
        </xsl:when>
        <xsl:otherwise><p class="none"><xsl:value-of select="f:label('not-mentioned')"/></p></xsl:otherwise>
      </xsl:choose>
    </article>
  </xsl:template>

  <!-- ================================================================ search -->
  <!--
    The search page: the form works without JavaScript as far as it can (it carries q in the
    address, search.html?q=...); search.js runs the query in the browser against the index in
    assets/search/ (SearchIndex.java) and fills the results and the facets. The words search.js
    shows come from here (data-label-*), so they follow the edition's labels.
  -->
  <xsl:template name="m:search">
    <xsl:param name="here" as="xs:string" tunnel="yes"/>
    <xsl:call-template name="f:page">
      <xsl:with-param name="title" select="f:label('search')"/>
      <xsl:with-param name="here" select="$here"/>
      <xsl:with-param name="content">
        <!-- the index's root (assets/search/index.js): search.js loads the other files of the index from its folder -->
        <div class="search-page" data-search-index="{f:href($here, 'html:search-index')}"
             data-label-none="{f:label('no-results')}" data-label-one="{f:label('result-one')}"
             data-label-many="{f:label('result-many')}" data-label-names="{f:label('names-matched')}"
             data-label-calendar="{f:label('calendar-short')}" data-label-year="{f:label('year')}"
             data-label-country="{f:label('countries')}" data-label-type="{f:label('type')}"
             data-label-person="{f:label('persons')}" data-label-error="{f:label('search-error')}"
             data-label-narrow="{f:label('narrow')}">
          <h1><xsl:value-of select="f:label('search')"/></h1>
          <form class="search" role="search" data-search-form="" action="{f:href($here, 'html:search')}">
            <label for="q"><xsl:value-of select="f:label('search-label')"/></label>
            <input type="search" id="q" name="q" autocomplete="off" spellcheck="false" aria-describedby="search-help"/>
            <button type="submit"><xsl:value-of select="f:label('search-button')"/></button>
          </form>
          <p id="search-help" class="search-help"><xsl:value-of select="f:label('search-help')"/></p>
          <!-- the facets first, as library catalogues set them: where they are seen (left, or above the
               results on a phone) is where the keyboard reaches them -->
          <div class="search-layout">
            <aside class="search-facets" aria-label="{f:label('narrow')}" data-search-facets=""></aside>
            <div class="search-main">
              <p class="search-status" aria-live="polite" data-search-status=""></p>
              <!-- shown by search.js when the index cannot be loaded: a way on that needs no index -->
              <p class="search-way" hidden="" data-search-way="">
                <xsl:analyze-string select="f:label('search-error-way')" regex="\{{1\}}">
                  <xsl:matching-substring><a href="{f:href($here, 'html:documents')}"><xsl:value-of select="f:label('document-list')"/></a></xsl:matching-substring>
                  <xsl:non-matching-substring><xsl:value-of select="."/></xsl:non-matching-substring>
                </xsl:analyze-string>
              </p>
              <ol class="search-results" data-search-results=""></ol>
              <button type="button" class="search-more" data-search-more="" hidden=""><xsl:value-of select="f:label('more-results')"/></button>
            </div>
          </div>
          <noscript><p>
            <xsl:analyze-string select="f:label('search-needs-script')" regex="\{{1\}}">
              <xsl:matching-substring><a href="{f:href($here, 'html:documents')}"><xsl:value-of select="f:label('document-list')"/></a></xsl:matching-substring>
              <xsl:non-matching-substring><xsl:value-of select="."/></xsl:non-matching-substring>
            </xsl:analyze-string>
          </p></noscript>
        </div>
        <xsl:for-each select="('snowball-english.js', 'search.js')">
          <script src="{f:href($here, 'html:asset:' || .)}" defer=""></script>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- ================================================================ about -->
  <xsl:template name="m:about">
    <xsl:param name="here" as="xs:string" tunnel="yes"/>
    <xsl:call-template name="f:page">
      <xsl:with-param name="title" select="f:label('about')"/>
      <xsl:with-param name="here" select="$here"/>
      <xsl:with-param name="content">
        <h1><xsl:value-of select="f:label('about')"/></h1>
        <xsl:if test="empty($edition)">
          <p class="no-edition-file gen"><xsl:value-of select="f:label('no-edition-file')"/></p>
        </xsl:if>
        <xsl:if test="$f:machine-translation">
          <p class="machine-translation gen"><strong><xsl:value-of select="f:label('machine-translation-short')"/></strong>
            <xsl:text> </xsl:text><xsl:value-of select="substring-after(f:label('machine-translation'), '. ')"/></p>
        </xsl:if>
        <xsl:for-each select="$edition//tei:projectDesc">
          <xsl:apply-templates mode="m:text"/>
        </xsl:for-each>
        <!-- front matter as documentary editions have it: abbreviations and terms, the persons (the register identifies them) -->
        <xsl:for-each select="$edition//tei:div[@type = 'abbreviations']">
          <section class="abbreviations" aria-labelledby="abbreviations-heading">
            <h2 id="abbreviations-heading"><xsl:value-of select="f:label('list-abbreviations')"/></h2>
            <dl class="abbreviations">
              <xsl:for-each select=".//tei:list/tei:label">
                <dt><xsl:apply-templates mode="m:text"/></dt>
                <dd><xsl:apply-templates select="following-sibling::tei:item[1]/node()" mode="m:text"/></dd>
              </xsl:for-each>
            </dl>
          </section>
        </xsl:for-each>
        <xsl:for-each select="f:register-keys()[f:register-kind($registers(.)) = 'persons'][1]">
          <h2><xsl:value-of select="f:label('list-persons')"/></h2>
          <p><xsl:value-of select="f:label('list-persons-intro')"/><xsl:text> </xsl:text>
            <a href="{f:href($here, 'html:register:' || .)}"><xsl:value-of select="f:register-label(.)"/></a></p>
        </xsl:for-each>
        <xsl:if test="$edition//tei:editorialDecl">
          <h2><xsl:value-of select="f:label('editorial-principles')"/></h2>
          <xsl:for-each select="$edition//tei:editorialDecl/*">
            <section>
              <h3><xsl:value-of select="f:declaration-heading(.)"/></h3>
              <xsl:apply-templates mode="m:text"/>
            </section>
          </xsl:for-each>
        </xsl:if>
        <xsl:for-each select="$edition//tei:publicationStmt">
          <h2><xsl:value-of select="f:label('licence')"/></h2>
          <p><xsl:value-of select="string-join((normalize-space(tei:publisher), normalize-space(tei:date)), ', ')"/>.
            <xsl:value-of select="normalize-space($edition//tei:editionStmt/tei:edition)"/></p>
          <xsl:for-each select="tei:availability/tei:licence">
            <p><xsl:value-of select="normalize-space(.)"/>
              <xsl:if test="@target and f:safe-url(@target)"><xsl:text> </xsl:text><a href="{f:safe-url(@target)}"><xsl:value-of select="@target"/></a></xsl:if></p>
          </xsl:for-each>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
