package org.editio.epub;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The EPUB container (OCF 3.3): a ZIP whose first entry is {@code mimetype}, stored, without
 * extra fields, then {@code META-INF/container.xml} pointing to the package document, then the
 * book's files. Written with the JDK's zip, reproducibly: entries in the order given, every entry
 * dated with the same local time (DOS time only, so that no time zone and no extended-timestamp
 * field enters the bytes; an edition without a date, built at the epoch, is dated 1980-01-01 00:00:02,
 * the first time DOS time holds), one compression level.
 */
final class Ocf {

  static final String MIMETYPE = "application/epub+zip";

  private Ocf() {}

  /** Writes {@code entries} (path in the book to bytes) into {@code file}, after mimetype and the container file. */
  static void write(Path file, String packagePath, Map<String, byte[]> entries, LocalDateTime time) throws IOException {
    try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      zip.setLevel(Deflater.BEST_COMPRESSION);
      byte[] mimetype = MIMETYPE.getBytes(StandardCharsets.US_ASCII);
      ZipEntry first = new ZipEntry("mimetype");
      first.setMethod(ZipEntry.STORED);
      first.setSize(mimetype.length);
      first.setCompressedSize(mimetype.length);
      CRC32 crc = new CRC32();
      crc.update(mimetype);
      first.setCrc(crc.getValue());
      put(zip, first, mimetype, time);
      put(zip, new ZipEntry("META-INF/container.xml"), container(packagePath), time);
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        put(zip, new ZipEntry(e.getKey()), e.getValue(), time);
      }
    }
  }

  /**
   * The earliest time written as DOS time alone: the JDK writes an earlier one, and 1980-01-01
   * 00:00:00 itself (its mark for "before 1980"), as an extended-timestamp extra field.
   */
  static final LocalDateTime DOS_EPOCH = LocalDateTime.of(1980, 1, 1, 0, 0, 2);

  private static void put(ZipOutputStream zip, ZipEntry entry, byte[] bytes, LocalDateTime time) throws IOException {
    entry.setTimeLocal(time.isBefore(DOS_EPOCH) ? DOS_EPOCH : time);
    zip.putNextEntry(entry);
    zip.write(bytes);
    zip.closeEntry();
  }

  /** META-INF/container.xml: where the package document is. */
  static byte[] container(String packagePath) {
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">\n"
        + "  <rootfiles>\n"
        + "    <rootfile full-path=\"" + packagePath + "\" media-type=\"application/oebps-package+xml\"/>\n"
        + "  </rootfiles>\n"
        + "</container>\n").getBytes(StandardCharsets.UTF_8);
  }
}
