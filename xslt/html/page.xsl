<?xml version="1.0" encoding="UTF-8"?>
<!-- The shell every HTML page shares: head, skip link, site header and footer. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="http://editio.org/ns/function"
    xmlns:m="http://editio.org/ns/mode"
    exclude-result-prefixes="#all">

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no" include-content-type="no"/>

  <!-- The edition's title (from edition.xml, else from the TEI headers: computed by the Java side). -->
  <xsl:param name="edition-title" as="xs:string" select="'Edition'"/>

  <!-- Where each page of the site lives, relative to the site's root. -->
  <xsl:function name="f:page-href" as="xs:string">
    <xsl:param name="page" as="xs:string"/>
    <xsl:sequence select="map{'home': 'index.html', 'documents': 'documents.html', 'persons': 'registers/persons.html',
      'places': 'registers/places.html', 'organizations': 'registers/organizations.html', 'search': 'search.html',
      'about': 'about.html'}($page)"/>
  </xsl:function>

  <!-- Wraps $content in a complete page. $root is the relative path from the page to the site's root. -->
  <xsl:template name="f:page">
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="root" as="xs:string" select="''"/>
    <xsl:param name="lang" as="xs:string" select="'en'"/>
    <xsl:param name="content" as="node()*"/>
    <html lang="{$lang}">
      <head>
        <meta charset="UTF-8"/>
        <!-- org.editio.html.Csp.POLICY: nothing inline, nothing from elsewhere (a test keeps the two equal) -->
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; object-src 'none'"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="$title"/> · <xsl:value-of select="$edition-title"/></title>
        <link rel="stylesheet" href="{$root}assets/editio.css"/>
        <script src="{$root}assets/editio.js" defer=""></script>
      </head>
      <body>
        <a class="skip-link" href="#main"><xsl:value-of select="f:label('skip')"/></a>
        <header class="site-header">
          <a class="site-title" href="{$root}index.html"><xsl:value-of select="$edition-title"/></a>
          <nav aria-label="{f:label('site-navigation')}">
            <xsl:for-each select="('documents', 'persons', 'places', 'organizations', 'search', 'about')">
              <a href="{$root}{f:page-href(.)}"><xsl:value-of select="f:label(.)"/></a>
            </xsl:for-each>
          </nav>
        </header>
        <main id="main" tabindex="-1">
          <xsl:sequence select="$content"/>
        </main>
        <footer class="site-footer">
          <p>
            <xsl:value-of select="$edition-title"/>
            <xsl:for-each select="$edition//tei:availability/tei:licence[1]">
              <xsl:text> · </xsl:text>
              <a href="{f:safe-url(@target)}" rel="license">
                <xsl:value-of select="if (contains(., '(CC BY')) then 'CC BY 4.0' else 'Licence'"/>
              </a>
            </xsl:for-each>
            <xsl:text> · published with editio</xsl:text>
          </p>
        </footer>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
