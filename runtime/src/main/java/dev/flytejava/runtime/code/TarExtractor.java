package dev.flytejava.runtime.code;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Unpacks a gzip'd tar (the shipped code's {@code fast<digest>.tar.gz}) into a folder: regular files and folders,
 * names from ustar headers, their {@code prefix} field, PAX {@code path} records and GNU long names. An entry that
 * would land outside the folder is refused, so an archive cannot write elsewhere.
 */
public final class TarExtractor {
    private TarExtractor() {}

    private static final int BLOCK = 512;

    /** Extracts {@code tarGz} into {@code dir} (created if missing) and returns how many files it wrote. */
    public static int extract(InputStream tarGz, Path dir) throws IOException {
        Path root = Files.createDirectories(dir).toAbsolutePath().normalize();
        DataInputStream in = new DataInputStream(new GZIPInputStream(tarGz, 1 << 16));
        byte[] header = new byte[BLOCK];
        String longName = null;
        int files = 0;
        while (true) {
            try {
                in.readFully(header);
            } catch (EOFException e) {
                return files; // some writers omit the end-of-archive blocks
            }
            if (isZero(header)) return files;
            long size = octal(header, 124, 12);
            byte type = header[156];
            String name = longName != null ? longName : name(header);
            longName = null;
            if (type == 'x' || type == 'L') {
                byte[] data = readPadded(in, size);
                longName = type == 'L' ? cString(data, 0, data.length) : paxPath(data);
                continue;
            }
            Path target = root.resolve(name).normalize();
            if (!target.startsWith(root) || name.isEmpty()) throw new IOException("Archive entry [" + name + "] is outside the folder");
            if (type == '5') {
                Files.createDirectories(target);
                skip(in, size);
            } else if (type == '0' || type == 0 || type == '7') {
                Files.createDirectories(target.getParent());
                Files.write(target, readPadded(in, size));
                files++;
            } else {
                skip(in, size); // links, devices and the like: code archives have none that matter
            }
        }
    }

    private static String name(byte[] h) {
        String name = cString(h, 0, 100);
        if (new String(h, 257, 5, StandardCharsets.US_ASCII).equals("ustar")) {
            String prefix = cString(h, 345, 155);
            if (!prefix.isEmpty()) name = prefix + "/" + name;
        }
        return name;
    }

    /** The {@code path} record of a PAX header, or null. Records are {@code "<len> <key>=<value>\n"}. */
    private static String paxPath(byte[] data) {
        int i = 0;
        while (i < data.length) {
            int space = indexOf(data, (byte) ' ', i);
            if (space < 0) return null;
            int len = Integer.parseInt(new String(data, i, space - i, StandardCharsets.US_ASCII).trim());
            String record = new String(data, space + 1, len - (space - i) - 2, StandardCharsets.UTF_8);
            if (record.startsWith("path=")) return record.substring(5);
            i += len;
        }
        return null;
    }

    private static int indexOf(byte[] data, byte b, int from) {
        for (int i = from; i < data.length; i++) if (data[i] == b) return i;
        return -1;
    }

    private static byte[] readPadded(DataInputStream in, long size) throws IOException {
        if (size > Integer.MAX_VALUE - BLOCK) throw new IOException("Archive entry of " + size + " bytes is too large");
        byte[] data = new byte[(int) size];
        in.readFully(data);
        int rest = (int) (size % BLOCK);
        if (rest != 0) in.readFully(new byte[BLOCK - rest]);
        return data;
    }

    private static void skip(DataInputStream in, long size) throws IOException {
        long padded = (size + BLOCK - 1) / BLOCK * BLOCK;
        in.skipNBytes(padded);
    }

    private static long octal(byte[] h, int offset, int width) {
        long v = 0;
        for (int i = offset; i < offset + width; i++) {
            byte b = h[i];
            if (b == 0 || b == ' ') {
                if (v > 0) break;
                continue;
            }
            if (b < '0' || b > '7') break;
            v = v * 8 + (b - '0');
        }
        return v;
    }

    private static String cString(byte[] b, int offset, int max) {
        int end = offset;
        while (end < offset + max && end < b.length && b[end] != 0) end++;
        return new String(b, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) if (b != 0) return false;
        return true;
    }
}
