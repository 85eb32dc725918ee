package dev.flytejava.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a daemon listens, when there is none, and the request frames. */
class DaemonSocketTest {
    @TempDir
    Path dir;

    private Path jar() throws IOException {
        Path jar = dir.resolve("flyte-java.jar");
        if (!Files.exists(jar)) Files.write(jar, new byte[] {1, 2, 3});
        return jar;
    }

    private Map<String, String> env(String... more) {
        java.util.HashMap<String, String> env = new java.util.HashMap<>(Map.of(DaemonSocket.DIR_ENV, dir.resolve("d").toString()));
        for (int i = 0; i < more.length; i += 2) env.put(more[i], more[i + 1]);
        return env;
    }

    @Test
    void oneSocketPerJarBuildAndCacheInAFolderOfItsOwner() throws Exception {
        DaemonSocket at = DaemonSocket.of(env(), jar().toString()).orElseThrow();
        assertEquals(dir.resolve("d"), at.socket().getParent());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("d"))));
        assertEquals(at, DaemonSocket.of(env(), jar().toString()).orElseThrow(), "the same place every time");
        assertNotEquals(at.socket(), DaemonSocket.of(env("FLYTE_JAVA_CACHE_DIR", "/elsewhere"), jar().toString())
                .orElseThrow().socket(), "another cache, another daemon");
        Files.write(jar(), new byte[] {1, 2, 3, 4}); // rebuilt
        assertNotEquals(at.socket(), DaemonSocket.of(env(), jar().toString()).orElseThrow().socket(), "a rebuilt jar, another daemon");
    }

    @Test
    void offWhenSwitchedOffInCiForClassFoldersAndForAFolderOthersCanOpen() throws Exception {
        String jar = jar().toString();
        assertTrue(DaemonSocket.of(env(DaemonSocket.SWITCH_ENV, "0"), jar).isEmpty());
        assertTrue(DaemonSocket.of(env("CI", "true"), jar).isEmpty());
        assertTrue(DaemonSocket.of(env("CI", "true", DaemonSocket.SWITCH_ENV, "1"), jar).isPresent(), "asked for in CI");
        assertTrue(DaemonSocket.of(env(), jar + java.io.File.pathSeparator + dir).isEmpty(), "a class folder may change");
        Path open = Files.createDirectory(dir.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertTrue(DaemonSocket.of(Map.of(DaemonSocket.DIR_ENV, open.toString()), jar).isEmpty());
        assertTrue(DaemonSocket.of(Map.of(DaemonSocket.DIR_ENV, dir.resolve("x".repeat(120)).toString()), jar).isEmpty(),
                "a socket path longer than Linux allows");
    }

    @Test
    void idleSecondsFromTheEnvironment() {
        assertEquals(DaemonSocket.DEFAULT_IDLE_SECONDS, DaemonSocket.idleSeconds(Map.of()));
        assertEquals(30, DaemonSocket.idleSeconds(Map.of(DaemonSocket.IDLE_ENV, " 30 ")));
        assertEquals(DaemonSocket.DEFAULT_IDLE_SECONDS, DaemonSocket.idleSeconds(Map.of(DaemonSocket.IDLE_ENV, "soon")));
    }

    @Test
    void aRequestReadsBackAsWrittenAndAForeignOneIsRefused() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Map<String, String> env = Map.of("HOME", "/home/ü", "EMPTY", "", "FLYTECTL_CONFIG", "/c.yaml");
        DaemonSocket.writeRequest(new DataOutputStream(bytes), Path.of("/work/nb"), List.of("register", "a b.ipynb", "wf"), env);
        DaemonSocket.Request back = DaemonSocket.readRequest(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertEquals(new DaemonSocket.Request(Path.of("/work/nb"), List.of("register", "a b.ipynb", "wf"), env), back);
        byte[] foreign = "GET / HTTP/1.1\r\n".getBytes();
        assertThrows(IOException.class, () -> DaemonSocket.readRequest(new DataInputStream(new ByteArrayInputStream(foreign))));
        assertFalse(DaemonSocket.enabled(Map.of(DaemonSocket.SWITCH_ENV, "0")));
    }
}
