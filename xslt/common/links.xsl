<?xml version="1.0" encoding="UTF-8"?>
<!--
  Where the outputs' files are, as the Java side's OutputLayout says: no stylesheet spells a path
  or a file name of its own. $layout maps a key to a path relative to the output folder:

    html:home, html:documents, html:search, html:about      the site's own pages
    html:document:ID, html:tei:ID                            a document's page and its TEI copy
    html:register:KEY                                        a register's page (KEY: f:register-key)
    html:asset:NAME                                          a file of editio's assets/
    html:search-index                                        the search index's root (its other files beside it)
    pdf:document:ID, pdf:volume                              the PDFs (present only when they are built)
    epub:book                                                the e-book (the edition's pages, when it is built)

  A transform gets the keys it may link to and nothing else (the links are part of the recipe of
  what it writes); a key it was not given leads nowhere, and the renderer leaves the link out.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="http://editio.org/ns/function"
    exclude-result-prefixes="#all">

  <xsl:param name="layout" as="map(xs:string, xs:string)" select="map{}"/>

  <!--
    The output file being written, as a path of the layout: links are made relative to it. A
    transform that writes one file (a document's page) gets it as this parameter; one that writes
    several (the edition's pages) passes it down as the tunnel parameter of the same name.
  -->
  <xsl:param name="here" as="xs:string" select="''"/>

  <!-- The edition's stable web address (edition.xml's publicationStmt/idno[@type='URL']), if any. -->
  <xsl:variable name="f:base-url" as="xs:string?"
      select="($edition//tei:publicationStmt/tei:idno[@type = 'URL'])[1] ! normalize-space(.)[.] ! (if (ends-with(., '/')) then . else . || '/')"/>

  <!--
    The base URL when it is a web address (http or https): what the outputs that cite the edition
    from elsewhere use (the CMIF file's addresses, the e-book's imprint and source). The same test
    as the Java side's Edition.baseUrl().
  -->
  <xsl:variable name="f:web-base-url" as="xs:string?" select="$f:base-url[matches(., '^https?://[^\s/?#]+(/\S*)?$', 'i')]"/>

  <!-- The path of $key relative to the output folder, or empty. -->
  <xsl:function name="f:path" as="xs:string?">
    <xsl:param name="key" as="xs:string"/>
    <xsl:sequence select="$layout($key)"/>
  </xsl:function>

  <!-- A link from the file at path $from to the file of $key (relative, so that file:// works), or empty. -->
  <xsl:function name="f:href" as="xs:string?">
    <xsl:param name="from" as="xs:string"/>
    <xsl:param name="key" as="xs:string"/>
    <xsl:sequence select="f:path($key) ! f:relative($from, .)"/>
  </xsl:function>

  <!-- The relative path from one output file to another ('html/documents/a.html' -> 'html/index.html': '../index.html'). -->
  <xsl:function name="f:relative" as="xs:string">
    <xsl:param name="from" as="xs:string"/>
    <xsl:param name="to" as="xs:string"/>
    <xsl:variable name="from-dirs" select="tokenize($from, '/')[position() lt last()]"/>
    <xsl:variable name="to-steps" select="tokenize($to, '/')"/>
    <xsl:variable name="common" select="(for $i in 1 to count($from-dirs)
        return if ($from-dirs[$i] = $to-steps[$i] and $i lt count($to-steps)) then () else $i)[1]"/>
    <xsl:variable name="shared" select="if (exists($common)) then $common - 1 else count($from-dirs)"/>
    <xsl:sequence select="string-join((for $i in ($shared + 1) to count($from-dirs) return '..',
                                       subsequence($to-steps, $shared + 1)), '/')"/>
  </xsl:function>

  <!--
    The address of an output file of the site as a reader cites it: the edition's base URL and the
    file's path in the site, or the path alone when the edition has no base URL.
  -->
  <xsl:function name="f:address" as="xs:string?">
    <xsl:param name="key" as="xs:string"/>
    <xsl:sequence select="f:path('html:home') ! f:href(., $key) ! (($f:base-url, '')[1] || .)"/>
  </xsl:function>
</xsl:stylesheet>
