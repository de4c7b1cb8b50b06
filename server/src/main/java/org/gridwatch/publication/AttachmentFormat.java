package org.gridwatch.publication;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The file formats a publication accepts, recognised by their bytes, never by name or declared type alone: PDF
 * ({@code %PDF-}), PNG (its 8-byte signature), JPEG ({@code FF D8 FF}), and the Office Open XML documents DOCX and
 * XLSX (a ZIP, {@code PK 03 04}, holding {@code [Content_Types].xml} and a {@code word/} or {@code xl/} part).
 */
enum AttachmentFormat {
  PDF("application/pdf", "pdf"),
  PNG("image/png", "png"),
  JPEG("image/jpeg", "jpg", "jpeg"),
  DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
  XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  final String contentType;
  private final String[] extensions;

  AttachmentFormat(String contentType, String... extensions) {
    this.contentType = contentType;
    this.extensions = extensions;
  }

  /** The format the bytes are, if one of ours. */
  static Optional<AttachmentFormat> of(byte[] b) {
    if (startsWith(b, "%PDF-".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))) return Optional.of(PDF);
    if (startsWith(b, PNG_SIGNATURE)) return Optional.of(PNG);
    if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) return Optional.of(JPEG);
    if (startsWith(b, new byte[] {'P', 'K', 3, 4})) return office(b);
    return Optional.empty();
  }

  /** Whether a file name's extension is one of this format's. */
  boolean named(String fileName) {
    String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
    for (String e : extensions) if (name.endsWith("." + e)) return true;
    return false;
  }

  /** Whether a declared content type agrees (none, or a generic one, agrees with anything). */
  boolean declaredAs(String declared) {
    if (declared == null || declared.isBlank()) return true;
    String type = declared.split(";")[0].trim().toLowerCase(Locale.ROOT);
    return type.equals("application/octet-stream") || type.equals(contentType) || (this == JPEG && type.equals("image/jpg"));
  }

  private static Optional<AttachmentFormat> office(byte[] b) {
    boolean types = false, word = false, sheet = false;
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(b))) {
      for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
        String n = e.getName();
        types |= n.equals("[Content_Types].xml");
        word |= n.startsWith("word/");
        sheet |= n.startsWith("xl/");
      }
    } catch (IOException | IllegalArgumentException broken) {
      return Optional.empty();
    }
    if (!types) return Optional.empty();
    if (word && !sheet) return Optional.of(DOCX);
    if (sheet && !word) return Optional.of(XLSX);
    return Optional.empty();
  }

  private static boolean startsWith(byte[] b, byte[] prefix) {
    if (b.length < prefix.length) return false;
    for (int k = 0; k < prefix.length; k++) if (b[k] != prefix[k]) return false;
    return true;
  }
}
