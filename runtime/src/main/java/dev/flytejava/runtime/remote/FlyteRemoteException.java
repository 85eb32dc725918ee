package dev.flytejava.runtime.remote;

/** A failure talking to FlyteAdmin, with a message fit to show a user (never a secret or a token). */
public class FlyteRemoteException extends RuntimeException {
  public FlyteRemoteException(String message) {
    super(message);
  }

  public FlyteRemoteException(String message, Throwable cause) {
    super(message, cause);
  }
}
