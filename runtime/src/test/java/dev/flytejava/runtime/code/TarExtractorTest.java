package dev.flytejava.runtime.code;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flytejava.runtime.packaging.ShippedCode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the entrypoint unpacks: our own archives (long names too) byte for byte; nothing outside the folder. */
class TarExtractorTest {
    @TempDir
    Path dir;

    @Test
    void unpacksWhatTheShippedCodeWriterPacks() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("flyte-java/manifest.json", "{}".getBytes(StandardCharsets.UTF_8));
        byte[] big = new byte[70_000];
        Arrays.fill(big, (byte) 7);
        files.put("flyte-java/lib/" + "x".repeat(150) + ".jar", big);
        files.put("flyte-java/empty", new byte[0]);
        ShippedCode code = ShippedCode.of(files);
        assertEquals(3, TarExtractor.extract(new ByteArrayInputStream(code.tarGz()), dir));
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            assertArrayEquals(e.getValue(), Files.readAllBytes(dir.resolve(e.getKey())), e.getKey());
        }
    }

    @Test
    void refusesAnEntryOutsideTheFolder() throws IOException {
        byte[] header = new byte[512];
        byte[] name = "../evil.txt".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(name, 0, header, 0, name.length);
        byte[] size = "00000000004\0".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(size, 0, header, 124, size.length);
        header[156] = '0';
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(tar)) {
            gz.write(header);
            gz.write(Arrays.copyOf("evil".getBytes(StandardCharsets.US_ASCII), 512));
            gz.write(new byte[1024]);
        }
        IOException e = assertThrows(IOException.class, () -> TarExtractor.extract(new ByteArrayInputStream(tar.toByteArray()), dir.resolve("in")));
        assertTrue(e.getMessage().contains("outside the folder"), e.getMessage());
        assertTrue(Files.notExists(dir.resolve("evil.txt")));
    }
}
