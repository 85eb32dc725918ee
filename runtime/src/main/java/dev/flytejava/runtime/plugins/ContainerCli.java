package dev.flytejava.runtime.plugins;

import java.util.concurrent.TimeUnit;

/**
 * The container command line raw container tasks run under locally: {@code docker} or {@code podman}, whichever first
 * answers {@code info}; none when neither does, and then tasks run as local processes. {@code FLYTE_JAVA_CONTAINER_CLI}
 * (or the system property {@value #PROPERTY}) picks one, or {@code none}. Looked up once per JVM.
 */
final class ContainerCli {
  private ContainerCli() {}

  static final String PROPERTY = "flyte.java.container.cli";

  private static volatile String found;
  private static volatile boolean looked;

  static String find() {
    if (!looked) {
      synchronized (ContainerCli.class) {
        if (!looked) {
          found = lookUp();
          looked = true;
        }
      }
    }
    return found;
  }

  private static String lookUp() {
    String chosen = System.getProperty(PROPERTY, System.getenv("FLYTE_JAVA_CONTAINER_CLI"));
    if ("none".equals(chosen)) {
      return null;
    }
    for (String cli : chosen != null ? new String[] {chosen} : new String[] {"docker", "podman"}) {
      try {
        Process p = new ProcessBuilder(cli, "info").redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0) {
          return cli;
        }
        p.destroyForcibly();
      } catch (java.io.IOException e) {
        // not installed
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }
    return null;
  }
}
