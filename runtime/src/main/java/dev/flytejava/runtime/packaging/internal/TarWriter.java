package dev.flytejava.runtime.packaging.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes a POSIX tar (ustar) stream of regular files, the same bytes for the same entries: every entry has mode
 * 0644, uid and gid 0, no user or group name and one fixed mtime, as pyflyte strips its fast archive's entries.
 * A name longer than ustar's 100 bytes (or not ASCII) gets a PAX {@code path} record, which Go's archive/tar
 * (flytectl), GNU tar and Python's tarfile read.
 */
public final class TarWriter implements AutoCloseable {
  /** 1980-01-01T00:00:00Z, the mtime pyflyte gives the entries of its fast archive. */
  public static final long MTIME = 315_532_800L;

  private static final int BLOCK = 512;
  private final OutputStream out;
  private boolean closed;

  public TarWriter(OutputStream out) {
    this.out = out;
  }

  /** Adds a regular file {@code name} ({@code /}-separated, relative) with these bytes. */
  public void add(String name, byte[] content) throws IOException {
    byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
    boolean ascii = nameBytes.length == name.length();
    if (nameBytes.length > 100 || !ascii) {
      byte[] record = paxRecord("path", name);
      String paxName = "PaxHeaders/" + asciiTail(name, 100 - "PaxHeaders/".length());
      writeHeader(paxName.getBytes(StandardCharsets.US_ASCII), record.length, (byte) 'x');
      writePadded(record);
      nameBytes = asciiTail(name, 100).getBytes(StandardCharsets.US_ASCII);
    }
    writeHeader(nameBytes, content.length, (byte) '0');
    writePadded(content);
  }

  /** Writes the two zero blocks that end an archive; does not close the underlying stream. */
  @Override
  public void close() throws IOException {
    if (!closed) {
      closed = true;
      out.write(new byte[2 * BLOCK]);
      out.flush();
    }
  }

  private void writeHeader(byte[] name, long size, byte type) throws IOException {
    byte[] h = new byte[BLOCK];
    System.arraycopy(name, 0, h, 0, Math.min(name.length, 100));
    octal(h, 100, 8, 0644);
    octal(h, 108, 8, 0);
    octal(h, 116, 8, 0);
    octal(h, 124, 12, size);
    octal(h, 136, 12, MTIME);
    Arrays.fill(h, 148, 156, (byte) ' ');
    h[156] = type;
    System.arraycopy("ustar\u000000".getBytes(StandardCharsets.US_ASCII), 0, h, 257, 8);
    octal(h, 329, 8, 0);
    octal(h, 337, 8, 0);
    long sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    byte[] chk = String.format("%06o", sum).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(chk, 0, h, 148, 6);
    h[154] = 0;
    h[155] = ' ';
    out.write(h);
  }

  private void writePadded(byte[] content) throws IOException {
    out.write(content);
    int rest = content.length % BLOCK;
    if (rest != 0) {
      out.write(new byte[BLOCK - rest]);
    }
  }

  /** A field of {@code width} bytes: octal digits, zero-padded, then a NUL. */
  private static void octal(byte[] h, int offset, int width, long value) {
    String digits = Long.toOctalString(value);
    if (digits.length() > width - 1) {
      throw new IllegalArgumentException("Tar field too small for [" + value + "]");
    }
    String padded = "0".repeat(width - 1 - digits.length()) + digits;
    System.arraycopy(padded.getBytes(StandardCharsets.US_ASCII), 0, h, offset, width - 1);
    h[offset + width - 1] = 0;
  }

  /** A PAX record {@code "<len> key=value\n"}, its length counting its own digits. */
  private static byte[] paxRecord(String key, String value) {
    int body = (" " + key + "=" + value + "\n").getBytes(StandardCharsets.UTF_8).length;
    int len = body + Integer.toString(body).length();
    if (Integer.toString(len).length() != Integer.toString(body).length()) {
      len++;
    }
    return (len + " " + key + "=" + value + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /** The last {@code max} ASCII characters of a name, others as '_' (only the PAX record holds the real name). */
  private static String asciiTail(String name, int max) {
    StringBuilder s = new StringBuilder();
    for (char c : name.toCharArray()) {
      s.append(c < 0x80 ? c : '_');
    }
    return s.length() <= max ? s.toString() : s.substring(s.length() - max);
  }
}
