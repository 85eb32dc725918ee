package dev.flytejava.runtime.remote;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** flytectl's ExternalCommand: the command's standard output (trimmed) is the token; run again once it is refused. */
final class ExternalCommandTokens implements TokenSource {
  private final List<String> command;
  private String token;

  ExternalCommandTokens(List<String> command) {
    if (command.isEmpty()) {
      throw new FlyteRemoteException("admin.authType is ExternalCommand but admin.command is empty");
    }
    this.command = command;
  }

  @Override
  public synchronized String token() {
    if (token == null) {
      token = run();
    }
    return token;
  }

  @Override
  public synchronized void invalidate() {
    token = null;
  }

  private String run() {
    String name = command.get(0);
    try {
      Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new FlyteRemoteException("the token command " + name + " did not finish within 60s");
      }
      String t = new String(out, StandardCharsets.UTF_8).trim();
      if (p.exitValue() != 0 || t.isEmpty()) {
        throw new FlyteRemoteException("the token command " + name + " exited with " + p.exitValue()
            + (t.isEmpty() ? " and printed no token" : ""));
      }
      return t;
    } catch (IOException e) {
      throw new FlyteRemoteException("cannot run the token command " + name + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FlyteRemoteException("interrupted while running the token command " + name);
    }
  }

  @Override
  public String toString() {
    return "ExternalCommandTokens[" + command.get(0) + "]";
  }
}
