<?xml version="1.0" encoding="UTF-8"?>
<!--
  The reader's alphabet: names in registers, indexes and lists are sorted with the Unicode
  Collation Algorithm's collation for the edition's language (Saxon's UCA collation URI, carried
  out by the JDK's java.text.Collator in Saxon-HE), not by code points: Çakmak sorts among the
  Cs, İnönü among the Is, Şevket among the Ss, Tătărescu before Titulescu. Accents count only
  where the letters are the same (secondary strength).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:f="http://editio.org/ns/function"
    exclude-result-prefixes="#all">

  <xsl:variable name="f:collation" as="xs:string"
      select="'http://www.w3.org/2013/collation/UCA?lang=' || encode-for-uri(($language[matches(., '^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$')], 'en')[1]) || ';strength=secondary;fallback=yes'"/>

  <!-- The letter an entry stands under: its first letter without diacritics, in capitals (Ç → C, İ → I). -->
  <xsl:function name="f:index-letter" as="xs:string">
    <xsl:param name="name" as="xs:string?"/>
    <xsl:variable name="first" select="substring(normalize-space($name), 1, 1)"/>
    <xsl:variable name="base" select="replace(normalize-unicode($first, 'NFD'), '\p{M}', '')"/>
    <xsl:sequence select="upper-case(if ($base) then $base else $first)"/>
  </xsl:function>
</xsl:stylesheet>
