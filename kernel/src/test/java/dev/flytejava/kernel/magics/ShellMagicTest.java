package dev.flytejava.kernel.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellMagicTest {

    @TempDir
    Path dir;

    @Test
    void runsTheBodyWithBashInTheWorkingDirectory() throws Exception {
        Files.writeString(dir.resolve("data.txt"), "x\ny\nz\n");
        try (FakeMagicContext session = new FakeMagicContext(dir)) {
            assertNull(new ShellMagic().eval(session, "", """
                    echo "lines: $(wc -l < data.txt)"
                    for i in 1 2; do echo "n=$i"; done
                    echo oops >&2
                    read -r line || echo "stdin is empty"
                    """));
            assertEquals("lines: 3\nn=1\nn=2\nstdin is empty\n", session.outText());
            assertEquals("oops\n", session.errText());
        }
    }

    @Test
    void nonZeroExitNamesTheCode() {
        try (FakeMagicContext session = new FakeMagicContext(dir)) {
            MagicException e = assertThrows(MagicException.class,
                    () -> new ShellMagic().eval(session, "", "echo partial\nexit 3\n"));
            assertEquals("Shell script exited with code [3] in [%%shell]", e.getMessage());
            assertEquals("partial\n", session.outText());
        }
    }

    @Test
    void streamsEachLineWhileTheScriptRuns() throws Exception {
        CountDownLatch firstLine = new CountDownLatch(1);
        try (FakeMagicContext session = new FakeMagicContext(dir) {
            private final PrintStream watching = new PrintStream(new LineWatcher("first", firstLine), true,
                    StandardCharsets.UTF_8);

            @Override
            public PrintStream out() {
                return watching;
            }
        }) {
            // The script waits for a file the test creates only after it has seen the first line.
            Thread cell = new Thread(() -> run(session, "echo first\nwhile [ ! -f go ]; do sleep 0.02; done\necho second"));
            cell.start();
            assertTrue(firstLine.await(30, TimeUnit.SECONDS), "first line not streamed while the script ran");
            assertTrue(cell.isAlive(), "the script is still waiting");
            Files.writeString(dir.resolve("go"), "");
            cell.join(30_000);
            assertFalse(cell.isAlive());
        }
    }

    @Test
    void interruptKillsTheScriptAndItsChildren() throws Exception {
        try (FakeMagicContext session = new FakeMagicContext(dir)) {
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Thread cell = new Thread(() -> {
                try {
                    new ShellMagic().eval(session, "", "sleep 300 & echo $! > child.pid; echo $$ > shell.pid; wait");
                } catch (Throwable t) {
                    thrown.set(t);
                }
            });
            cell.start();
            Path childPid = dir.resolve("child.pid");
            Path shellPid = dir.resolve("shell.pid");
            while (!(Files.exists(shellPid) && Files.size(shellPid) > 0 && Files.size(childPid) > 0)) Thread.sleep(10);
            long child = Long.parseLong(Files.readString(childPid).strip());
            long shell = Long.parseLong(Files.readString(shellPid).strip());
            assertTrue(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false));

            cell.interrupt();
            cell.join(30_000);
            assertFalse(cell.isAlive(), "the magic returned after the interrupt");
            assertInstanceOf(InterruptedException.class, thrown.get());
            assertFalse(alive(shell), "bash was killed");
            assertFalse(alive(child), "the script's child was killed");
        }
    }

    @Test
    void takesNoArguments() {
        try (FakeMagicContext session = new FakeMagicContext(dir)) {
            assertTrue(assertThrows(MagicArgumentException.class, () -> new ShellMagic().eval(session, "zsh", "ls"))
                    .getMessage().startsWith("Unexpected argument [zsh] in [%%shell]"));
        }
    }

    private static boolean alive(long pid) throws InterruptedException {
        // A killed process may take a moment to be reaped.
        for (int i = 0; i < 100 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false); i++) {
            Thread.sleep(20);
        }
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static void run(FakeMagicContext session, String script) {
        try {
            new ShellMagic().eval(session, "", script);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts down a latch when a given line has been written. */
    private static final class LineWatcher extends OutputStream {
        private final StringBuilder text = new StringBuilder();
        private final String line;
        private final CountDownLatch seen;

        LineWatcher(String line, CountDownLatch seen) {
            this.line = line;
            this.seen = seen;
        }

        @Override
        public synchronized void write(int b) {
            text.append((char) b);
            if (text.toString().contains(line + "\n")) seen.countDown();
        }
    }
}
