package org.editio.pdf;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.TimeZone;
import java.util.UUID;

/**
 * Makes a PDF written by FOP depend on its content only. FOP stamps each file with values of the
 * moment: the trailer's file identifier ({@code /ID [<32 hex> <32 hex>]}), the XMP metadata date
 * ({@code <xmp:MetadataDate>}, 20 characters) and document/instance UUIDs ({@code uuid:} and 36
 * characters). They are replaced here by values derived from the file's own bytes (an MD5 digest
 * of the file without the identifier and the UUIDs) and the run's creation date. Every
 * replacement keeps its length, so the cross-reference table stays exact.
 *
 * <p>Works on the bytes in place: a document PDF is rewritten in well under a millisecond.
 */
final class Reproducible {

  private static final byte[] ID = ascii("/ID [<");
  private static final byte[] METADATA_DATE = ascii("<xmp:MetadataDate>");
  private static final byte[] METADATA_DATE_END = ascii("</xmp:MetadataDate>");
  private static final byte[] UUID_PREFIX = ascii("uuid:");
  private static final int HEX_ID = 32;
  private static final int DATE = 20;
  private static final int UUID_LENGTH = 36;

  private Reproducible() {}

  /** Rewrites {@code pdf} (in place) and returns it. */
  static byte[] apply(byte[] pdf, Date creationDate) {
    SimpleDateFormat iso = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss'Z'");
    iso.setTimeZone(TimeZone.getTimeZone("UTC"));
    byte[] date = ascii(iso.format(creationDate));
    for (int at = indexOf(pdf, METADATA_DATE, 0); at >= 0; at = indexOf(pdf, METADATA_DATE, at + 1)) {
      int value = at + METADATA_DATE.length;
      if (startsWith(pdf, value + DATE, METADATA_DATE_END) && noneIs(pdf, value, DATE, (byte) '<')) {
        System.arraycopy(date, 0, pdf, value, DATE);
      }
    }
    // the identifier's two values (from the first '<' to the last '>') and the UUIDs' values are
    // left out of the digest, so that it depends on the content only
    List<int[]> ids = new ArrayList<>();
    for (int at = indexOf(pdf, ID, 0); at >= 0; at = indexOf(pdf, ID, at + 1)) {
      int first = at + ID.length;
      int second = first + HEX_ID + 3;
      if (isHex(pdf, first, HEX_ID, true) && startsWith(pdf, first + HEX_ID, ascii("> <"))
          && isHex(pdf, second, HEX_ID, true) && startsWith(pdf, second + HEX_ID, ascii(">]"))) {
        ids.add(new int[] {first - 1, second + HEX_ID + 1});
      }
    }
    List<int[]> uuids = new ArrayList<>();
    for (int at = indexOf(pdf, UUID_PREFIX, 0); at >= 0; at = indexOf(pdf, UUID_PREFIX, at + 1)) {
      int value = at + UUID_PREFIX.length;
      if (isUuid(pdf, value)) {
        uuids.add(new int[] {value, value + UUID_LENGTH});
      }
    }
    List<int[]> volatile_ = new ArrayList<>(ids);
    volatile_.addAll(uuids);
    volatile_.sort((a, b) -> Integer.compare(a[0], b[0]));
    MessageDigest md5 = md5();
    int from = 0;
    for (int[] range : volatile_) {
      md5.update(pdf, from, range[0] - from);
      from = range[1];
    }
    md5.update(pdf, from, pdf.length - from);
    byte[] hex = ascii(HexFormat.of().withUpperCase().formatHex(md5.digest()));
    for (int[] id : ids) {
      System.arraycopy(hex, 0, pdf, id[0] + 1, HEX_ID);
      System.arraycopy(hex, 0, pdf, id[0] + 1 + HEX_ID + 3, HEX_ID);
    }
    String digest = new String(hex, StandardCharsets.US_ASCII);
    int n = 0;
    for (int[] uuid : uuids) {
      byte[] value = ascii(UUID.nameUUIDFromBytes((digest + n++).getBytes(StandardCharsets.US_ASCII)).toString());
      System.arraycopy(value, 0, pdf, uuid[0], UUID_LENGTH);
    }
    return pdf;
  }

  /** 8-4-4-4-12 lowercase hexadecimal digits. */
  private static boolean isUuid(byte[] b, int at) {
    if (at + UUID_LENGTH > b.length) {
      return false;
    }
    for (int i = 0; i < UUID_LENGTH; i++) {
      boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
      if (dash ? b[at + i] != '-' : !isHex(b, at + i, 1, false)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isHex(byte[] b, int at, int length, boolean upperToo) {
    if (at < 0 || at + length > b.length) {
      return false;
    }
    for (int i = at; i < at + length; i++) {
      byte c = b[i];
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (upperToo && c >= 'A' && c <= 'F'))) {
        return false;
      }
    }
    return true;
  }

  private static boolean noneIs(byte[] b, int at, int length, byte c) {
    for (int i = at; i < at + length; i++) {
      if (b[i] == c) {
        return false;
      }
    }
    return true;
  }

  private static boolean startsWith(byte[] b, int at, byte[] prefix) {
    if (at < 0 || at + prefix.length > b.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (b[at + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(byte[] b, byte[] needle, int from) {
    byte first = needle[0];
    for (int i = from, last = b.length - needle.length; i <= last; i++) {
      if (b[i] == first && startsWith(b, i, needle)) {
        return i;
      }
    }
    return -1;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
