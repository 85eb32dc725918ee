package dev.flytejava.runtime.plugins;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flytejava.runtime.model.Variable;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One run of a raw container task on this machine, as Flyte's copilot prepares it: each input as a file named after
 * it (and all of them as {@code inputs.json}) in the input directory, an empty output directory, the command with
 * its {@code {{.inputs.NAME}}} filled in; then each output read from its file. Under docker or podman the two
 * directories are mounted at {@code /var/inputs} and {@code /var/outputs}; as a local process those paths in the
 * command are replaced by temporary directories. The command's stdout and stderr stream to this JVM's.
 */
final class ContainerRun {
  private static final int STDERR_TAIL_LINES = 20;

  private final String task;
  private final String image;
  private final List<String> command;
  private final List<Variable> outputs;

  ContainerRun(String task, String image, List<String> command, List<Variable> outputs) {
    this.task = task;
    this.image = image;
    this.command = command;
    this.outputs = outputs;
  }

  Map<String, Object> run(Map<String, Object> inputs) throws IOException, InterruptedException {
    Path work = Files.createTempDirectory("flyte-java-container-");
    try {
      Path in = Files.createDirectory(work.resolve("inputs"));
      Path out = Files.createDirectory(work.resolve("outputs"));
      for (Map.Entry<String, Object> e : inputs.entrySet()) {
        Files.writeString(in.resolve(e.getKey()), ContainerFiles.format(e.getValue()), StandardCharsets.UTF_8);
      }
      Files.write(in.resolve("inputs.json"), new ObjectMapper().writeValueAsBytes(inputs));
      List<String> argv = argv(inputs, in, out);
      int code = execute(argv);
      return outputs(out, code);
    } finally {
      org.apache.commons.io.FileUtils.deleteQuietly(work.toFile());
    }
  }

  private List<String> argv(Map<String, Object> inputs, Path in, Path out) {
    List<String> argv = new ArrayList<>();
    String cli = ContainerCli.find();
    if (cli != null) {
      argv.addAll(List.of(cli, "run", "--rm", "-v", in + ":" + ContainerTask.INPUT_DIR + ":ro",
          "-v", out + ":" + ContainerTask.OUTPUT_DIR, image));
    }
    for (String arg : command) {
      String a = Templates.replaceValues(arg, inputs);
      if (cli == null) {
        a = a.replace(ContainerTask.INPUT_DIR, in.toString()).replace(ContainerTask.OUTPUT_DIR, out.toString());
      }
      argv.add(a);
    }
    return argv;
  }

  private int execute(List<String> argv) throws IOException, InterruptedException {
    Process p;
    try {
      p = new ProcessBuilder(argv).start();
    } catch (IOException e) {
      throw new IOException("command [" + argv.get(0) + "] not found or not executable (" + e.getMessage() + ")", e);
    }
    Deque<String> tail = new ArrayDeque<>();
    Thread stdout = copier(p.getInputStream(), System.out, null);
    Thread stderr = copier(p.getErrorStream(), System.err, tail);
    try {
      int code = p.waitFor();
      stdout.join();
      stderr.join();
      if (code != 0) {
        String lines;
        synchronized (tail) {
          lines = String.join("\n", tail);
        }
        throw new IOException("command [" + String.join(" ", argv) + "] exited with code " + code
            + (lines.isEmpty() ? " (no stderr)" : "; the end of its stderr:\n" + lines));
      }
      return code;
    } catch (InterruptedException e) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      p.waitFor(5, TimeUnit.SECONDS);
      throw e;
    }
  }

  private Map<String, Object> outputs(Path out, int code) throws IOException {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Variable v : outputs) {
      Path file = out.resolve(v.name());
      if (!Files.isRegularFile(file)) {
        throw new IOException("output [" + v.name() + "] is missing: the command exited with " + code + " but wrote no file "
            + ContainerTask.OUTPUT_DIR + "/" + v.name());
      }
      values.put(v.name(), ContainerFiles.parse(ContainerTask.text(file), (Class<?>) v.type(), v.name()));
    }
    return values;
  }

  /** Copies a stream line by line (the kernel routes System.out/err to the cell); keeps the last lines in {@code tail}. */
  private static Thread copier(InputStream from, PrintStream to, Deque<String> tail) {
    Thread t = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(from, StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          to.println(line);
          if (tail != null) {
            synchronized (tail) {
              tail.addLast(line);
              if (tail.size() > STDERR_TAIL_LINES) {
                tail.removeFirst();
              }
            }
          }
        }
      } catch (IOException e) {
        // the process is gone; what it wrote so far was copied
      }
    }, "container-task-output");
    t.setDaemon(true);
    t.start();
    return t;
  }
}
