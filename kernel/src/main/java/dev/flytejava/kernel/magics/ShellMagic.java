package dev.flytejava.kernel.magics;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.concurrent.TimeUnit;

import dev.flytejava.magics.CellMagic;
import dev.flytejava.magics.MagicContext;

/**
 * {@code %%shell}: runs the cell body with {@code /bin/bash -c} in the notebook's directory, streaming
 * its standard output and error to the cell line by line while it runs. Standard input is empty. A
 * non-zero exit is an error naming the code; interrupting the cell kills the command and its children.
 */
public final class ShellMagic implements CellMagic {

    public static final String NAME = "shell";
    public static final String SUMMARY = "Runs the cell with /bin/bash, streaming its output live.";
    public static final String USAGE = """
            Usage: %%shell
                   SCRIPT
            Runs SCRIPT with /bin/bash -c in the notebook's directory; stdout and stderr stream to the cell
            line by line, stdin is empty. A non-zero exit status is an error; interrupting the cell kills the
            script and the processes it started.
            Example:
              %%shell
              ls *.ipynb | wc -l""";

    private static final String BASH = "/bin/bash";
    private static final long GRACE_MILLIS = 500;

    @Override
    public Object eval(MagicContext context, String args, String body) throws Exception {
        if (!args.isBlank()) {
            throw new MagicArgumentException("%%shell", "Unexpected argument [" + args.strip() + "]",
                    "%%shell on its own line, then the script");
        }
        Process process = new ProcessBuilder(BASH, "-c", body)
                .directory(context.workingDirectory().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        Thread stdout = pump(process.getInputStream(), context.out(), "stdout");
        Thread stderr = pump(process.getErrorStream(), context.err(), "stderr");
        int exit;
        try {
            exit = process.waitFor();
            stdout.join();
            stderr.join();
        } catch (InterruptedException e) {
            kill(process);
            stdout.join(GRACE_MILLIS);
            stderr.join(GRACE_MILLIS);
            throw e;
        }
        if (exit != 0) {
            throw new MagicException("Shell script exited with code [" + exit + "] in [%%shell]");
        }
        return null;
    }

    /** Copies a process stream to a cell stream line by line, flushing each line so it shows at once. */
    private static Thread pump(InputStream from, PrintStream to, String name) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(from, Charset.defaultCharset()))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    to.println(line);
                    to.flush();
                }
            } catch (IOException e) {
                // The pipe closes under us when the script is killed: nothing is left to copy.
            }
        }, "%%shell " + name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Ends the script and everything it started: politely first, then forcibly. */
    private static void kill(Process process) {
        var descendants = process.descendants().toList();
        descendants.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(GRACE_MILLIS, TimeUnit.MILLISECONDS)) process.destroyForcibly();
        } catch (InterruptedException again) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
