package dev.flytejava.testkit.admin;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/** FlyteAdmin's error replies: a gRPC status code with FlyteAdmin's wording in the description. */
final class AdminErrors {
  private AdminErrors() {}

  static StatusRuntimeException invalidArgument(String format, Object... args) {
    return error(Status.INVALID_ARGUMENT, format, args);
  }

  static StatusRuntimeException alreadyExists(String format, Object... args) {
    return error(Status.ALREADY_EXISTS, format, args);
  }

  static StatusRuntimeException notFound(String format, Object... args) {
    return error(Status.NOT_FOUND, format, args);
  }

  static StatusRuntimeException failedPrecondition(String format, Object... args) {
    return error(Status.FAILED_PRECONDITION, format, args);
  }

  /** FlyteAdmin's {@code shared.GetMissingArgumentError}: "missing project" and the like. */
  static StatusRuntimeException missing(String argument) {
    return invalidArgument("missing %s", argument);
  }

  private static StatusRuntimeException error(Status status, String format, Object... args) {
    return status.withDescription(args.length == 0 ? format : String.format(format, args)).asRuntimeException();
  }
}
