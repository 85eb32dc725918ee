package bench;

import dev.flytejava.runtime.storage.Storage;
import dev.flytejava.runtime.storage.StorageUri;
import dev.flytejava.testkit.storage.EmbeddedS3;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Cold start of the first storage read: starts the embedded S3 server, writes one object there and one local file,
 * then runs {@link FirstRead} in fresh JVMs (the runtime's class path only), alternating s3:// and file://.
 * Arguments: RUNTIME_CLASSPATH RUNS WORK_DIR [CHILD_JVM_OPTION...].
 */
public final class StorageBench {
  private static final int SIZE = 4096; // about an inputs.pb

  public static void main(String[] args) throws Exception {
    String childClassPath = args[0];
    int runs = Integer.parseInt(args[1]);
    Path work = Files.createDirectories(Path.of(args[2]));
    List<String> jvmOptions = List.of(args).subList(3, args.length);
    byte[] bytes = new byte[SIZE];
    new Random(1).nextBytes(bytes);
    Path local = Files.write(work.resolve("inputs.pb"), bytes);

    try (EmbeddedS3 s3 = EmbeddedS3.start(); Storage storage = s3.newStorage()) {
      StorageUri remote = s3.uri("metadata/run/inputs.pb");
      storage.write(remote, bytes);
      List<Long> s3Ms = new ArrayList<>();
      List<Long> fileMs = new ArrayList<>();
      List<Long> s3Cpu = new ArrayList<>();
      List<Long> fileCpu = new ArrayList<>();
      for (int i = 0; i <= runs; i++) { // run 0 warms the OS file cache (JDK, jars) and is not counted
        long[] s3Run = firstRead(childClassPath, jvmOptions, remote.toString(), s3.environment());
        long[] fileRun = firstRead(childClassPath, jvmOptions, StorageUri.of(local).toString(), Map.of());
        System.err.printf("[bench/storage] run %d: s3 %d ms (cpu %d ms), file %d ms (cpu %d ms)%n", i, s3Run[0],
            s3Run[1], fileRun[0], fileRun[1]);
        if (i > 0) {
          s3Ms.add(s3Run[0]);
          s3Cpu.add(s3Run[1]);
          fileMs.add(fileRun[0]);
          fileCpu.add(fileRun[1]);
        }
      }
      System.out.printf("first read of a %d-byte object in a fresh JVM%s, process start to bytes read, median of %d%n",
          SIZE, jvmOptions.isEmpty() ? "" : " " + jvmOptions, runs);
      System.out.printf("  s3://   (embedded s3proxy on loopback) %5d ms (cpu %5d ms)   runs %s%n", median(s3Ms),
          median(s3Cpu), s3Ms);
      System.out.printf("  file:// (local disk)                   %5d ms (cpu %5d ms)   runs %s%n", median(fileMs),
          median(fileCpu), fileMs);
      System.out.printf("storage: s3_first_get_ms=%d file_first_read_ms=%d%n", median(s3Ms), median(fileMs));
    }
  }

  /** Milliseconds from process start to bytes read, and the CPU milliseconds the child had used by then. */
  private static long[] firstRead(String classPath, List<String> jvmOptions, String uri, Map<String, String> env)
      throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    // the runtime has slf4j-api but no logger (the kernel jar brings one): no "no providers" notice per run
    command.addAll(List.of("-Dslf4j.internal.verbosity=ERROR", "-cp", classPath, FirstRead.class.getName(), uri));
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
    builder.environment().keySet().removeIf(name -> name.startsWith("AWS_") || name.startsWith("FLYTE_"));
    builder.environment().putAll(env);
    Instant start = Instant.now();
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0 || !out.startsWith("bytes=" + SIZE)) {
      process.destroyForcibly();
      throw new IOException("FirstRead of [" + uri + "] failed (exit " + process.exitValue() + "): " + out);
    }
    long readAt = Long.parseLong(field(out, "read_at"));
    long startNanos = start.getEpochSecond() * 1_000_000_000L + start.getNano();
    return new long[] {(readAt - startNanos) / 1_000_000, Long.parseLong(field(out, "cpu_ms"))};
  }

  private static String field(String line, String name) {
    for (String part : line.split(" ")) {
      if (part.startsWith(name + "=")) {
        return part.substring(name.length() + 1);
      }
    }
    throw new IllegalArgumentException("No [" + name + "] in FirstRead's output [" + line + "]");
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
