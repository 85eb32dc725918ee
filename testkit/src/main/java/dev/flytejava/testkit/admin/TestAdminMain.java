package dev.flytejava.testkit.admin;

import dev.flytejava.runtime.storage.StorageUri;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * {@code flyte-java-testkit admin --port P --storage URI [--auth CLIENT_ID:SECRET_FILE] [--token-lifetime S]
 * [--project NAME]... [--run-tasks-with BIN_DIR]}: the FlyteAdmin test double as a process, for clients in other processes (flytekit's
 * FlyteRemote, flytectl, bench). Prints one line once it listens, then serves until it is stopped (SIGTERM or
 * SIGINT). The secret is read from a file so that it never appears in a process listing. With
 * {@code --run-tasks-with} (e.g. a venv's {@code bin}), executions run through {@link ProcessLauncher}.
 */
public final class TestAdminMain {
  static final String USAGE = "usage: flyte-java-testkit admin [--port P] [--storage URI] "
      + "[--auth CLIENT_ID:SECRET_FILE] [--token-lifetime SECONDS] [--project NAME]... [--run-tasks-with BIN_DIR]";

  // where --run-tasks-with runs task processes; deleted when the process stops
  private static volatile Path taskWorkDirectory;

  private TestAdminMain() {}

  public static void main(String[] args) throws InterruptedException {
    TestAdmin admin;
    try {
      admin = start(args);
    } catch (IllegalArgumentException e) {
      System.err.println("flyte-java-testkit: " + e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      admin.close();
      Path work = taskWorkDirectory;
      if (work != null) {
        try {
          org.apache.commons.io.file.PathUtils.deleteDirectory(work);
        } catch (IOException e) {
          System.err.println("flyte-java-testkit: cannot delete " + work + ": " + e.getMessage());
        }
      }
      stopped.countDown();
    }, "testkit-admin-shutdown"));
    announce(admin, System.out);
    stopped.await();
  }

  static void announce(TestAdmin admin, PrintStream out) {
    out.println("flyte-java-testkit admin ready on " + admin.endpoint() + " (storage " + admin.storageRoot()
        + (admin.authEnabled() ? ", token endpoint " + admin.tokenUrl() : "") + ")");
    out.flush();
  }

  static TestAdmin start(String[] args) {
    if (args.length == 0 || !args[0].equals("admin")) {
      throw new IllegalArgumentException(args.length == 0 ? "which server? only 'admin' is known"
          : "unknown command '" + args[0] + "'; only 'admin' is known");
    }
    TestAdmin.Builder builder = TestAdmin.builder();
    String auth = null;
    Duration lifetime = Duration.ofHours(1);
    Path runTasksWith = null;
    for (int i = 1; i < args.length; i++) {
      String option = args[i];
      if (option.equals("-h") || option.equals("--help")) {
        throw new IllegalArgumentException("help");
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      String value = args[++i];
      switch (option) {
        case "--port":
          builder.port(number(option, value));
          break;
        case "--storage":
          try {
            builder.storage(StorageUri.parse(value));
          } catch (RuntimeException e) {
            throw new IllegalArgumentException("--storage " + value + ": " + e.getMessage());
          }
          break;
        case "--auth":
          auth = value;
          break;
        case "--token-lifetime":
          lifetime = Duration.ofSeconds(number(option, value));
          break;
        case "--project":
          builder.project(value);
          break;
        case "--run-tasks-with":
          Path bin = Path.of(value);
          if (!Files.isDirectory(bin)) {
            throw new IllegalArgumentException("--run-tasks-with " + value + " is not a directory");
          }
          runTasksWith = bin;
          break;
        default:
          throw new IllegalArgumentException("unknown option " + option);
      }
    }
    if (auth != null) {
      builder.auth(readAuth(auth).withTokenLifetime(lifetime));
    }
    if (runTasksWith != null) {
      Path work;
      try {
        work = Files.createTempDirectory("flyte-testkit-tasks");
        taskWorkDirectory = work;
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      builder.executions(new ProcessLauncher(dev.flytejava.runtime.storage.Storage.create(), runTasksWith, work,
          Duration.ofHours(1)));
    }
    return builder.start();
  }

  private static AuthSettings readAuth(String value) {
    int colon = value.indexOf(':');
    if (colon <= 0 || colon == value.length() - 1) {
      throw new IllegalArgumentException("--auth takes CLIENT_ID:SECRET_FILE, got " + value);
    }
    Path file = Path.of(value.substring(colon + 1));
    String secret;
    try {
      secret = Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new IllegalArgumentException("--auth: cannot read the secret file " + file + ": " + e.getMessage());
    }
    if (secret.isEmpty()) {
      throw new IllegalArgumentException("--auth: the secret file " + file + " is empty");
    }
    return AuthSettings.clientCredentials(value.substring(0, colon), secret);
  }

  private static int number(String option, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " takes a number, got " + value);
    }
  }
}
