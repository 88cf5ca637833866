package org.editio.pdf;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.HexFormat;
import java.util.TimeZone;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a PDF written by FOP depend on its content only. FOP stamps each file with values of the
 * moment: the trailer's file identifier, the XMP metadata date, and document/instance UUIDs.
 * They are replaced here by values derived from the file's own bytes (a digest) and the run's
 * creation date. Every replacement keeps its length, so the cross-reference table stays exact.
 */
final class Reproducible {

  private static final Pattern ID = Pattern.compile("/ID \\[<([0-9A-Fa-f]{32})> <([0-9A-Fa-f]{32})>\\]");
  private static final Pattern METADATA_DATE = Pattern.compile("<xmp:MetadataDate>([^<]{20})</xmp:MetadataDate>");
  private static final Pattern UUIDS = Pattern.compile("uuid:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");

  private Reproducible() {}

  static byte[] apply(byte[] pdf, Date creationDate) {
    // ISO-8859-1 maps bytes to chars one to one: offsets stay byte offsets
    StringBuilder s = new StringBuilder(new String(pdf, StandardCharsets.ISO_8859_1));
    SimpleDateFormat iso = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss'Z'");
    iso.setTimeZone(TimeZone.getTimeZone("UTC"));
    replaceGroups(s, METADATA_DATE, m -> iso.format(creationDate));
    // the digest is taken with the volatile values blanked, so it depends on the content only
    String blanked = UUIDS.matcher(ID.matcher(s).replaceAll("/ID []")).replaceAll("uuid:");
    byte[] digest = md5(blanked.getBytes(StandardCharsets.ISO_8859_1));
    String hex = HexFormat.of().withUpperCase().formatHex(digest);
    replaceGroups(s, ID, m -> hex);
    int[] n = {0};
    replaceGroups(s, UUIDS, m -> UUID.nameUUIDFromBytes((hex + n[0]++).getBytes(StandardCharsets.US_ASCII)).toString());
    return s.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  private static void replaceGroups(StringBuilder s, Pattern p, java.util.function.Function<Matcher, String> value) {
    Matcher m = p.matcher(s);
    while (m.find()) {
      for (int g = 1; g <= m.groupCount(); g++) {
        String v = value.apply(m);
        if (v.length() != m.end(g) - m.start(g)) {
          throw new IllegalStateException("a replacement must keep the length");
        }
        s.replace(m.start(g), m.end(g), v);
      }
    }
  }

  private static byte[] md5(byte[] bytes) {
    try {
      return MessageDigest.getInstance("MD5").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
