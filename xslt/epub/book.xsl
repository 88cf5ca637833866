<?xml version="1.0" encoding="UTF-8"?>
<!--
  The files of the e-book (EPUB 3.3), each written by one call:
    a document's chapter      the initial match on a TEI document (param $number: its place in the book)
    m:epub-file $file         any other file, by its key in the layout: epub:package (metadata,
                              manifest, spine), epub:nav (contents and landmarks), epub:ncx (the
                              EPUB 2 table of contents, for older reading systems), epub:cover and
                              epub:cover-image (an SVG drawn from the edition's metadata),
                              epub:title (title page and imprint), epub:introduction (introduction
                              and editorial principles), epub:register:KEY (a register)
  f:epub-files() lists the book's files in the order they are packed, f:epub-spine() those a
  reader reads, in reading order. Paths come from $layout (OutputLayout): nothing is spelled here.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns="http://www.w3.org/1999/xhtml"
    xmlns:epub="http://www.idpf.org/2007/ops"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="http://editio.org/ns/function"
    xmlns:m="http://editio.org/ns/mode"
    xmlns:b="http://editio.org/ns/behaviour"
    exclude-result-prefixes="#all">

  <xsl:output method="xhtml" html-version="5" encoding="UTF-8" indent="no" omit-xml-declaration="no" include-content-type="no"/>

  <!-- The edition's documents, in the order they are published (for the files about all of them). -->
  <xsl:param name="documents" as="document-node()*" select="()"/>
  <!-- A chapter's number in the book (1 for the first document). -->
  <xsl:param name="number" as="xs:integer?" select="()"/>
  <!-- The book's identifier (dc:identifier), a URN the Java side derives from the edition: stable between builds. -->
  <xsl:param name="book-id" as="xs:string" select="'urn:uuid:00000000-0000-3000-8000-000000000000'"/>
  <!-- When the book was last modified (CCYY-MM-DDThh:mm:ssZ): the edition's publication date, not the clock. -->
  <xsl:param name="modified" as="xs:string" select="'1970-01-01T00:00:00Z'"/>

  <xsl:variable name="docs" select="$documents ! (tei:TEI | tei:teiCorpus)"/>
  <xsl:variable name="pub" select="$edition//tei:publicationStmt"/>
  <xsl:variable name="editors" select="$f:edition-editors[.]"/>
  <!-- (the front matter: the introduction, the abbreviations and terms, the editorial principles) -->
  <xsl:variable name="has-introduction" select="exists($edition//tei:div[@type = ('introduction', 'abbreviations')] | $edition//tei:editorialDecl)"/>

  <!-- ================================================================ which files, in which order -->

  <!-- What a reader reads, in order: cover, title page, contents, introduction, the documents, the registers. -->
  <xsl:function name="f:epub-spine" as="xs:string*">
    <xsl:sequence select="('epub:cover', 'epub:title', 'epub:nav', 'epub:introduction'[$has-introduction],
                           $docs ! ('epub:document:' || f:doc-id(.)),
                           f:register-keys() ! ('epub:register:' || .))"/>
  </xsl:function>

  <!-- Every file of the book (besides mimetype and META-INF/), in the order they are packed. -->
  <xsl:function name="f:epub-files" as="xs:string*" visibility="public">
    <xsl:sequence select="('epub:package', 'epub:ncx', 'epub:style',
                           sort(map:keys($layout)[starts-with(., 'epub:font:')]),
                           'epub:cover-image', sort(map:keys($layout)[starts-with(., 'epub:image:')]), f:epub-spine())"/>
  </xsl:function>

  <!-- An id for the manifest (an XML name) from a key of the layout. -->
  <xsl:function name="f:item-id" as="xs:string">
    <xsl:param name="key" as="xs:string"/>
    <xsl:variable name="file" select="replace(tokenize(f:path($key), '/')[last()], '\.[^.]*$', '')"/>
    <xsl:sequence select="if (starts-with($key, 'epub:document:')) then 'doc-' || replace($file, '[^A-Za-z0-9._-]', '_')
                          else if (starts-with($key, 'epub:register:')) then 'reg-' || replace($file, '[^A-Za-z0-9._-]', '_')
                          else if (starts-with($key, 'epub:font:')) then 'font-' || replace($file, '[^A-Za-z0-9._-]', '_')
                          else if (starts-with($key, 'epub:image:')) then 'img-' || replace(tokenize(f:path($key), '/')[last()], '[^A-Za-z0-9._-]', '_')
                          else substring-after($key, 'epub:')"/>
  </xsl:function>

  <xsl:function name="f:media-type" as="xs:string">
    <xsl:param name="path" as="xs:string"/>
    <xsl:variable name="extension" select="lower-case(replace($path, '^.*\.', ''))"/>
    <xsl:sequence select="(map{'xhtml': 'application/xhtml+xml', 'css': 'text/css', 'svg': 'image/svg+xml',
                               'ncx': 'application/x-dtbncx+xml', 'ttf': 'font/ttf', 'otf': 'font/otf',
                               'woff': 'font/woff', 'woff2': 'font/woff2', 'png': 'image/png', 'jpg': 'image/jpeg', 'jpeg': 'image/jpeg', 'gif': 'image/gif'}($extension),
                           'application/octet-stream')[1]"/>
  </xsl:function>

  <!-- A document's number in the book, by its id. -->
  <xsl:variable name="f:numbers" as="map(xs:string, xs:integer)"
      select="map:merge(for $i in 1 to count($docs) return map{f:doc-id($docs[$i]): (f:doc-number($docs[$i])[. castable as xs:integer] ! xs:integer(.), $i)[1]})"/>

  <!-- How the contents name a document: its number and title. -->
  <xsl:function name="f:numbered-title" as="xs:string">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="$f:numbers(f:doc-id($tei)) || '. ' || f:title($tei)"/>
  </xsl:function>

  <!-- ================================================================ the XHTML shell -->

  <!-- Wraps $content in a content document. $here is the file's path: its links are relative to it. -->
  <xsl:template name="f:xhtml">
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="here" as="xs:string"/>
    <xsl:param name="type" as="xs:string?" select="()"/>
    <xsl:param name="content" as="node()*"/>
    <html lang="{$f:labels-language}" xml:lang="{$f:labels-language}">
      <xsl:namespace name="epub" select="'http://www.idpf.org/2007/ops'"/>
      <head>
        <meta charset="UTF-8"/>
        <title><xsl:value-of select="$title"/></title>
        <link rel="stylesheet" type="text/css" href="{f:href($here, 'epub:style')}"/>
      </head>
      <body>
        <xsl:if test="$type"><xsl:attribute name="epub:type" select="$type"/></xsl:if>
        <xsl:sequence select="$content"/>
      </body>
    </html>
  </xsl:template>

  <!-- ================================================================ a document's chapter -->

  <xsl:template match="/">
    <xsl:variable name="tei" select="(tei:TEI | tei:teiCorpus)[1]"/>
    <xsl:variable name="anchor" select="f:metadata-anchor($tei)"/>
    <!-- the text's language: its own, else the edition's (the book's own words are in the labels' language) -->
    <xsl:variable name="text-lang" select="(($tei/tei:text/@xml:lang, $tei/@xml:lang)[1] ! f:language-tag(.), $language)[1]"/>
    <xsl:call-template name="f:xhtml">
      <xsl:with-param name="title" select="f:title($tei)"/>
      <xsl:with-param name="here" select="$here"/>
      <xsl:with-param name="type" select="'bodymatter'"/>
      <xsl:with-param name="content">
        <section class="document" epub:type="chapter" role="doc-chapter" id="{f:doc-id($tei)}">
          <xsl:if test="exists($number)"><p class="document-number gen"><xsl:value-of select="f:label('document-number', string($number))"/></p></xsl:if>
          <xsl:if test="f:needs-title($tei)">
            <h1 class="gen"><xsl:value-of select="f:title($tei)"/></h1>
          </xsl:if>
          <xsl:if test="not($anchor)">
            <xsl:call-template name="b:metadata">
              <xsl:with-param name="tei" select="$tei"/>
              <xsl:with-param name="fields" select="f:metadata-fields($tei)"/>
            </xsl:call-template>
          </xsl:if>
          <xsl:if test="$tei/self::tei:teiCorpus">
            <xsl:call-template name="f:contents-here"><xsl:with-param name="tei" select="$tei"/></xsl:call-template>
          </xsl:if>
          <div class="tei-text">
            <xsl:if test="$text-lang ne $f:labels-language">
              <xsl:attribute name="lang" select="$text-lang"/>
              <xsl:attribute name="xml:lang" select="$text-lang"/>
            </xsl:if>
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
        </section>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- ================================================================ the other files -->

  <xsl:template name="m:epub-file">
    <xsl:param name="file" as="xs:string"/>
    <xsl:variable name="here" select="f:path($file)"/>
    <xsl:choose>
      <xsl:when test="$file = 'epub:package'"><xsl:call-template name="m:epub-package"><xsl:with-param name="here" select="$here" tunnel="yes"/></xsl:call-template></xsl:when>
      <xsl:when test="$file = 'epub:nav'"><xsl:call-template name="m:epub-nav"><xsl:with-param name="here" select="$here" tunnel="yes"/></xsl:call-template></xsl:when>
      <xsl:when test="$file = 'epub:ncx'"><xsl:call-template name="m:epub-ncx"><xsl:with-param name="here" select="$here" tunnel="yes"/></xsl:call-template></xsl:when>
      <xsl:when test="$file = 'epub:cover'"><xsl:call-template name="m:epub-cover"><xsl:with-param name="here" select="$here" tunnel="yes"/></xsl:call-template></xsl:when>
      <xsl:when test="$file = 'epub:cover-image'"><xsl:call-template name="m:epub-cover-image"/></xsl:when>
      <xsl:when test="$file = 'epub:title'"><xsl:call-template name="m:epub-title"><xsl:with-param name="here" select="$here" tunnel="yes"/></xsl:call-template></xsl:when>
      <xsl:when test="$file = 'epub:introduction'"><xsl:call-template name="m:epub-introduction"><xsl:with-param name="here" select="$here" tunnel="yes"/></xsl:call-template></xsl:when>
      <xsl:when test="starts-with($file, 'epub:register:')">
        <xsl:call-template name="m:epub-register">
          <xsl:with-param name="key" select="substring-after($file, 'epub:register:')"/>
          <xsl:with-param name="here" select="$here" tunnel="yes"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:message terminate="yes">no file <xsl:value-of select="$file"/> in the book</xsl:message>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The package document: the book's metadata, every file (manifest) and the reading order (spine). -->
  <xsl:template name="m:epub-package">
    <xsl:param name="here" as="xs:string" tunnel="yes"/>
    <xsl:variable name="subtitle" select="normalize-space(($edition//tei:titleStmt/tei:title[@type = 'sub'])[1])"/>
    <xsl:variable name="licence" select="($pub/tei:availability/tei:licence)[1]"/>
    <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="{$language}">
      <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
        <dc:identifier id="book-id"><xsl:value-of select="$book-id"/></dc:identifier>
        <dc:title id="main-title"><xsl:value-of select="$edition-title"/></dc:title>
        <meta refines="#main-title" property="title-type">main</meta>
        <xsl:if test="$subtitle">
          <dc:title id="sub-title"><xsl:value-of select="$subtitle"/></dc:title>
          <meta refines="#sub-title" property="title-type">subtitle</meta>
        </xsl:if>
        <xsl:for-each select="$editors">
          <dc:creator id="editor-{position()}"><xsl:value-of select="."/></dc:creator>
          <meta refines="#editor-{position()}" property="role" scheme="marc:relators">edt</meta>
        </xsl:for-each>
        <dc:language><xsl:value-of select="$language"/></dc:language>
        <xsl:for-each select="$pub/tei:publisher[normalize-space()]">
          <dc:publisher><xsl:value-of select="normalize-space(.)"/></dc:publisher>
        </xsl:for-each>
        <xsl:for-each select="($pub/tei:date/@when)[1][. castable as xs:date or . castable as xs:gYearMonth or . castable as xs:gYear]">
          <dc:date><xsl:value-of select="."/></dc:date>
        </xsl:for-each>
        <xsl:if test="$subtitle"><dc:description><xsl:value-of select="$subtitle"/></dc:description></xsl:if>
        <xsl:for-each select="$licence">
          <dc:rights><xsl:value-of select="normalize-space(.)"/></dc:rights>
        </xsl:for-each>
        <xsl:for-each select="$f:web-base-url">
          <dc:source><xsl:value-of select="."/></dc:source>
        </xsl:for-each>
        <meta property="dcterms:modified"><xsl:value-of select="$modified"/></meta>
        <!-- what the book offers a reader who does not see it (EPUB Accessibility 1.1, schema.org terms) -->
        <meta property="schema:accessMode">textual</meta>
        <meta property="schema:accessMode">visual</meta>
        <meta property="schema:accessModeSufficient">textual</meta>
        <xsl:for-each select="('tableOfContents', 'readingOrder', 'structuralNavigation', 'alternativeText', 'displayTransformability')">
          <meta property="schema:accessibilityFeature"><xsl:value-of select="."/></meta>
        </xsl:for-each>
        <meta property="schema:accessibilityHazard">none</meta>
        <meta property="schema:accessibilitySummary"><xsl:value-of select="f:label('a11y-summary')"/></meta>
        <!-- EPUB 2 reading systems find the cover by this -->
        <meta name="cover" content="{f:item-id('epub:cover-image')}"/>
      </metadata>
      <manifest>
        <xsl:for-each select="f:epub-files()[. ne 'epub:package']">
          <xsl:variable name="path" select="f:path(.)"/>
          <item id="{f:item-id(.)}" href="{f:relative($here, $path)}" media-type="{f:media-type($path)}">
            <xsl:variable name="properties" select="('nav'[current() = 'epub:nav'], 'cover-image'[current() = 'epub:cover-image'])"/>
            <xsl:if test="exists($properties)"><xsl:attribute name="properties" select="$properties"/></xsl:if>
          </item>
        </xsl:for-each>
      </manifest>
      <spine toc="{f:item-id('epub:ncx')}">
        <xsl:for-each select="f:epub-spine()">
          <itemref idref="{f:item-id(.)}"/>
        </xsl:for-each>
      </spine>
    </package>
  </xsl:template>

  <!-- The contents as a reader opens them: the navigation document, with the landmarks reading systems use. -->
  <xsl:template name="m:epub-nav">
    <xsl:param name="here" as="xs:string" tunnel="yes"/>
    <xsl:call-template name="f:xhtml">
      <xsl:with-param name="title" select="f:label('contents')"/>
      <xsl:with-param name="here" select="$here"/>
      <xsl:with-param name="type" select="'frontmatter'"/>
      <xsl:with-param name="content">
        <nav epub:type="toc" id="toc" role="doc-toc">
          <h1><xsl:value-of select="f:label('contents')"/></h1>
          <ol class="contents">
            <li><a href="{f:href($here, 'epub:title')}"><xsl:value-of select="$edition-title"/></a></li>
            <xsl:if test="$has-introduction">
              <li><a href="{f:href($here, 'epub:introduction')}"><xsl:value-of select="f:introduction-title()"/></a></li>
            </xsl:if>
            <xsl:if test="exists($docs)">
              <li><span><xsl:value-of select="f:label('documents')"/></span>
                <ol>
                  <xsl:for-each select="$docs">
                    <li><a href="{f:href($here, 'epub:document:' || f:doc-id(.))}"><xsl:value-of select="f:numbered-title(.)"/></a></li>
                  </xsl:for-each>
                </ol>
              </li>
            </xsl:if>
            <xsl:if test="exists(f:register-keys())">
              <li><span><xsl:value-of select="f:label('registers')"/></span>
                <ol>
                  <xsl:for-each select="f:register-keys()">
                    <li><a href="{f:href($here, 'epub:register:' || .)}"><xsl:value-of select="f:register-label(.)"/></a></li>
                  </xsl:for-each>
                </ol>
              </li>
            </xsl:if>
          </ol>
        </nav>
        <nav epub:type="landmarks" id="landmarks" hidden="hidden">
          <h2><xsl:value-of select="f:label('landmarks')"/></h2>
          <ol>
            <li><a epub:type="cover" href="{f:href($here, 'epub:cover')}"><xsl:value-of select="f:label('cover')"/></a></li>
            <li><a epub:type="titlepage" href="{f:href($here, 'epub:title')}"><xsl:value-of select="f:label('title-page')"/></a></li>
            <li><a epub:type="toc" href="#toc"><xsl:value-of select="f:label('contents')"/></a></li>
            <xsl:for-each select="$docs[1]">
              <li><a epub:type="bodymatter" href="{f:href($here, 'epub:document:' || f:doc-id(.))}"><xsl:value-of select="f:label('documents')"/></a></li>
            </xsl:for-each>
            <xsl:for-each select="f:register-keys()[1]">
              <li><a epub:type="index" href="{f:href($here, 'epub:register:' || .)}"><xsl:value-of select="f:label('registers')"/></a></li>
            </xsl:for-each>
          </ol>
        </nav>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The introduction's heading: its own head, else the label. -->
  <xsl:function name="f:introduction-title" as="xs:string">
    <xsl:sequence select="(normalize-space(($edition//tei:div[@type = 'introduction']/tei:head)[1])[.],
                           f:label(if ($edition//tei:div[@type = 'introduction']) then 'introduction'
                                   else if ($edition//tei:editorialDecl) then 'editorial-principles' else 'list-abbreviations'))[1]"/>
  </xsl:function>

  <!-- The EPUB 2 table of contents (NCX), for reading systems that do not read the navigation document. -->
  <xsl:template name="m:epub-ncx">
    <xsl:param name="here" as="xs:string" tunnel="yes"/>
    <xsl:variable name="points" as="map(xs:string, item()*)*" select="(
        map{'key': 'epub:title', 'label': $edition-title},
        map{'key': 'epub:introduction', 'label': f:introduction-title()}[$has-introduction],
        $docs ! map{'key': 'epub:document:' || f:doc-id(.), 'label': f:numbered-title(.)},
        f:register-keys() ! map{'key': 'epub:register:' || ., 'label': f:register-label(.)})"/>
    <ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1" xml:lang="{$language}">
      <head>
        <meta name="dtb:uid" content="{$book-id}"/>
        <meta name="dtb:depth" content="1"/>
        <meta name="dtb:totalPageCount" content="0"/>
        <meta name="dtb:maxPageNumber" content="0"/>
      </head>
      <docTitle><text><xsl:value-of select="$edition-title"/></text></docTitle>
      <navMap>
        <xsl:for-each select="$points">
          <navPoint id="nav-{position()}" playOrder="{position()}">
            <navLabel><text><xsl:value-of select="?label"/></text></navLabel>
            <content src="{f:href($here, ?key)}"/>
          </navPoint>
        </xsl:for-each>
      </navMap>
    </ncx>
  </xsl:template>

  <!-- The cover page: the cover image, with the title as its text alternative. -->
  <xsl:template name="m:epub-cover">
    <xsl:param name="here" as="xs:string" tunnel="yes"/>
    <xsl:call-template name="f:xhtml">
      <xsl:with-param name="title" select="f:label('cover')"/>
      <xsl:with-param name="here" select="$here"/>
      <xsl:with-param name="type" select="'cover'"/>
      <xsl:with-param name="content">
        <section class="cover" epub:type="cover">
          <img src="{f:href($here, 'epub:cover-image')}" alt="{string-join(($edition-title, $editors), ' · ')}"/>
        </section>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!--
    The cover image, drawn from the edition's metadata: title, subtitle, editors, publisher and
    year, as SVG (text that scales to every screen, the same bytes at every build). SVG has no line
    breaking, so lines are broken here, by an estimate of how many characters fit.
  -->
  <xsl:template name="m:epub-cover-image">
    <xsl:variable name="subtitle" select="normalize-space(($edition//tei:titleStmt/tei:title[@type = 'sub'])[1])"/>
    <xsl:variable name="title-lines" select="f:wrap($edition-title, 20)"/>
    <xsl:variable name="subtitle-lines" select="f:wrap($subtitle, 42)"/>
    <!-- the title's size: 44 px, smaller when its longest line would not fit the frame (bold serif: about 0.62 em a character) -->
    <xsl:variable name="size" select="min((44, floor(460 div (max($title-lines ! string-length(.)) * 0.62))))"/>
    <xsl:variable name="subtitle-top" select="150 + count($title-lines) * round($size * 1.27) + 40"/>
    <svg xmlns="http://www.w3.org/2000/svg" version="1.1" viewBox="0 0 600 900" width="600" height="900">
      <title><xsl:value-of select="$edition-title"/></title>
      <rect x="0" y="0" width="600" height="900" fill="#1f3a5f"/>
      <rect x="40" y="40" width="520" height="820" fill="none" stroke="#d9c58b" stroke-width="2"/>
      <g fill="#ffffff" font-family="DejaVu Serif, Georgia, serif" text-anchor="middle">
        <xsl:for-each select="$title-lines">
          <text x="300" y="{150 + position() * round($size * 1.27)}" font-size="{$size}" font-weight="bold"><xsl:value-of select="."/></text>
        </xsl:for-each>
        <xsl:for-each select="$subtitle-lines">
          <text x="300" y="{$subtitle-top + position() * 30}" font-size="21" fill="#e8e2cf"><xsl:value-of select="."/></text>
        </xsl:for-each>
        <xsl:for-each select="$edition//tei:titleStmt/tei:respStmt">
          <text x="300" y="{700 + position() * 32}" font-size="22">
            <xsl:value-of select="normalize-space(tei:resp) || ' ' || string-join(tei:name ! normalize-space(.), ', ')"/>
          </text>
        </xsl:for-each>
        <text x="300" y="820" font-size="18" fill="#d9c58b">
          <xsl:value-of select="string-join(($pub/tei:publisher ! normalize-space(.), ($pub/tei:date)[1] ! normalize-space(.)), ' · ')"/>
        </text>
      </g>
    </svg>
  </xsl:template>

  <!-- Words of $text in lines of at most $width characters (a longer word stands alone). -->
  <xsl:function name="f:wrap" as="xs:string*">
    <xsl:param name="text" as="xs:string?"/>
    <xsl:param name="width" as="xs:integer"/>
    <xsl:iterate select="tokenize(normalize-space($text))">
      <xsl:param name="line" as="xs:string" select="''"/>
      <xsl:on-completion><xsl:sequence select="$line[.]"/></xsl:on-completion>
      <xsl:choose>
        <xsl:when test="$line = ''"><xsl:next-iteration><xsl:with-param name="line" select="."/></xsl:next-iteration></xsl:when>
        <xsl:when test="string-length($line) + 1 + string-length(.) le $width">
          <xsl:next-iteration><xsl:with-param name="line" select="$line || ' ' || ."/></xsl:next-iteration>
        </xsl:when>
        <xsl:otherwise>
          <xsl:sequence select="$line"/>
          <xsl:next-iteration><xsl:with-param name="line" select="."/></xsl:next-iteration>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:iterate>
  </xsl:function>

  <!-- Title page and imprint. -->
  <xsl:template name="m:epub-title">
    <xsl:param name="here" as="xs:string" tunnel="yes"/>
    <xsl:call-template name="f:xhtml">
      <xsl:with-param name="title" select="$edition-title"/>
      <xsl:with-param name="here" select="$here"/>
      <xsl:with-param name="type" select="'frontmatter'"/>
      <xsl:with-param name="content">
        <section class="titlepage" epub:type="titlepage">
          <h1 class="title"><xsl:value-of select="$edition-title"/></h1>
          <xsl:for-each select="$edition//tei:titleStmt/tei:title[@type = 'sub']">
            <p class="subtitle"><xsl:value-of select="normalize-space(.)"/></p>
          </xsl:for-each>
          <xsl:for-each select="$edition//tei:titleStmt/tei:respStmt">
            <p class="editors"><xsl:value-of select="normalize-space(tei:resp) || ' ' || string-join(tei:name ! normalize-space(.), ', ')"/></p>
          </xsl:for-each>
          <xsl:for-each select="string-join(($pub/tei:publisher, $pub/tei:date) ! normalize-space(.)[.], ' · ')[.]">
            <p class="publisher"><xsl:value-of select="."/></p>
          </xsl:for-each>
        </section>
        <section class="imprint" epub:type="imprint">
          <xsl:for-each select="$edition//tei:editionStmt/tei:edition">
            <p><xsl:value-of select="normalize-space(.)"/></p>
          </xsl:for-each>
          <xsl:for-each select="string-join(($pub/tei:publisher ! normalize-space(.),
              $pub/tei:date ! (if (@when) then f:format-iso(@when) else normalize-space(.)))[.], ', ')[.]">
            <p><xsl:value-of select="."/></p>
          </xsl:for-each>
          <xsl:for-each select="$pub/tei:availability/tei:licence">
            <p class="licence"><xsl:value-of select="normalize-space(.)"/>
              <xsl:for-each select="f:safe-url(@target)"><xsl:text> </xsl:text><a href="{.}"><xsl:value-of select="."/></a></xsl:for-each>
            </p>
          </xsl:for-each>
          <xsl:for-each select="$f:web-base-url">
            <p class="online"><a href="{.}"><xsl:value-of select="."/></a></p>
          </xsl:for-each>
          <p class="colophon"><xsl:value-of select="f:label('colophon-epub')"/></p>
        </section>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Introduction, abbreviations and editorial principles, as in the printed volume. -->
  <xsl:template name="m:epub-introduction">
    <xsl:param name="here" as="xs:string" tunnel="yes"/>
    <xsl:call-template name="f:xhtml">
      <xsl:with-param name="title" select="f:introduction-title()"/>
      <xsl:with-param name="here" select="$here"/>
      <xsl:with-param name="type" select="'frontmatter'"/>
      <xsl:with-param name="content">
        <xsl:for-each select="$edition//tei:div[@type = 'introduction']">
          <section class="introduction" epub:type="introduction" role="doc-introduction">
            <xsl:if test="not(tei:head)"><h1><xsl:value-of select="f:label('introduction')"/></h1></xsl:if>
            <xsl:apply-templates select="node()" mode="m:text">
              <xsl:with-param name="page-heading" select="tei:head[1]" tunnel="yes"/>
            </xsl:apply-templates>
          </section>
        </xsl:for-each>
        <!-- the abbreviations and terms the documents use (archival citations), as the site's about page and the volume list them -->
        <xsl:for-each select="$edition//tei:div[@type = 'abbreviations']">
          <section class="abbreviations">
            <h1><xsl:value-of select="f:label('list-abbreviations')"/></h1>
            <dl class="abbreviations">
              <xsl:for-each select=".//tei:list/tei:label">
                <dt><xsl:apply-templates mode="m:text"/></dt>
                <dd><xsl:apply-templates select="following-sibling::tei:item[1]/node()" mode="m:text"/></dd>
              </xsl:for-each>
            </dl>
          </section>
        </xsl:for-each>
        <xsl:if test="$edition//tei:editorialDecl">
          <section class="principles" epub:type="preface">
            <h1><xsl:value-of select="f:label('editorial-principles')"/></h1>
            <xsl:for-each select="$edition//tei:editorialDecl/*">
              <section>
                <h2><xsl:value-of select="f:declaration-heading(.)"/></h2>
                <xsl:apply-templates mode="m:text"/>
              </section>
            </xsl:for-each>
          </section>
        </xsl:if>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- ================================================================ registers -->

  <xsl:variable name="mentions" as="map(xs:string, element()*)" select="f:mentions($docs)"/>

  <!--
    A register: its entries in alphabetical groups, each with its identification, the forms of its
    name, and the documents that mention it, by their numbers, each linking to the first mention.
  -->
  <xsl:template name="m:epub-register">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="here" as="xs:string" tunnel="yes"/>
    <xsl:variable name="register" select="$registers($key)"/>
    <xsl:variable name="title" select="f:title($register/tei:TEI)"/>
    <xsl:call-template name="f:xhtml">
      <xsl:with-param name="title" select="$title"/>
      <xsl:with-param name="here" select="$here"/>
      <xsl:with-param name="type" select="'backmatter'"/>
      <xsl:with-param name="content">
        <section class="register" epub:type="index" role="doc-index">
          <h1><xsl:value-of select="$title"/></h1>
          <xsl:for-each-group select="$register//(tei:person | tei:place | tei:org)" group-by="f:index-letter(f:standard-name(.))">
            <xsl:sort select="current-grouping-key()" collation="{$f:collation}"/>
            <section class="letter">
              <h2><xsl:value-of select="current-grouping-key()"/></h2>
              <xsl:for-each select="current-group()">
                <xsl:sort select="f:standard-name(.)" collation="{$f:collation}"/>
                <xsl:call-template name="m:epub-entry"/>
              </xsl:for-each>
            </section>
          </xsl:for-each-group>
        </section>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="m:epub-entry">
    <xsl:param name="here" as="xs:string" tunnel="yes"/>
    <xsl:variable name="found" select="$mentions(f:register-key(.) || '#' || @xml:id)"/>
    <section class="entry" id="{@xml:id}">
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
          <xsl:variable name="by-document" as="element()*">
            <xsl:for-each-group select="$found" group-by="f:doc-id(.)">
              <xsl:sort select="$f:numbers(current-grouping-key())"/>
              <!-- the first mention in the text, else the document (a party of its correspondence) -->
              <xsl:sequence select="(current-group()[ancestor::tei:text], current-group())[1]"/>
            </xsl:for-each-group>
          </xsl:variable>
          <p class="mentions"><span class="label"><xsl:value-of select="f:label('mentioned-in', count($by-document))"/>: </span>
            <xsl:for-each select="$by-document">
              <xsl:variable name="doc" select="root(.)/*"/>
              <xsl:variable name="chapter" select="f:href($here, 'epub:document:' || f:doc-id($doc))"/>
              <xsl:if test="position() gt 1">, </xsl:if>
              <a href="{$chapter}#{(f:mention-anchor(.), f:doc-id($doc))[1]}"
                 title="{f:title($doc)}"><xsl:value-of select="$f:numbers(f:doc-id($doc))"/></a>
            </xsl:for-each>
          </p>
        </xsl:when>
        <xsl:otherwise><p class="none"><xsl:value-of select="f:label('not-mentioned')"/></p></xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>
</xsl:stylesheet>
