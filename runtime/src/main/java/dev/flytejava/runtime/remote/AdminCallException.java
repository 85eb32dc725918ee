package dev.flytejava.runtime.remote;

import io.grpc.Status;

/** A FlyteAdmin call that failed, with its status code, so callers can tell ALREADY_EXISTS and NOT_FOUND apart. */
public final class AdminCallException extends FlyteRemoteException {
  private final transient Status.Code code;

  AdminCallException(String call, Status status, String message, Throwable cause) {
    super(call + " failed: " + message, cause);
    this.code = status.getCode();
  }

  public Status.Code code() {
    return code;
  }
}
