package dev.flytejava.testkit.admin;

import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ready-made faults for {@link TestAdmin.Builder#intercept}, each on calls of one method (its short name, e.g.
 * {@code CreateTask}; {@code "*"} for every method): fail the first n calls with a status, hold calls before
 * answering, or do the work and then drop the reply (the client sees UNAVAILABLE although the server acted, as
 * when a connection breaks halfway).
 */
public final class Faults {
  private Faults() {}

  /** The first {@code times} calls of the method fail with {@code status} before reaching FlyteAdmin's logic. */
  public static ServerInterceptor fail(String method, int times, Status status) {
    AtomicInteger left = new AtomicInteger(times);
    return new ServerInterceptor() {
      @Override
      public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
          ServerCallHandler<Q, A> next) {
        if (matches(method, call) && left.getAndDecrement() > 0) {
          call.close(status, new Metadata());
          return new ServerCall.Listener<>() {};
        }
        return next.startCall(call, headers);
      }
    };
  }

  /** Calls of the method wait {@code delay} before they are handled (for client deadlines). */
  public static ServerInterceptor delay(String method, Duration delay) {
    return new ServerInterceptor() {
      @Override
      public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
          ServerCallHandler<Q, A> next) {
        ServerCall.Listener<Q> listener = next.startCall(call, headers);
        if (!matches(method, call)) {
          return listener;
        }
        return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(listener) {
          @Override
          public void onHalfClose() {
            try {
              Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            super.onHalfClose();
          }
        };
      }
    };
  }

  /**
   * The {@code nth} call (1-based) of the method is carried out, then its reply is replaced by UNAVAILABLE, as
   * when the connection drops after the server acted; later calls are left alone.
   */
  public static ServerInterceptor dropReply(String method, int nth) {
    AtomicInteger seen = new AtomicInteger();
    return new ServerInterceptor() {
      @Override
      public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
          ServerCallHandler<Q, A> next) {
        if (!matches(method, call) || seen.incrementAndGet() != nth) {
          return next.startCall(call, headers);
        }
        return next.startCall(new io.grpc.ForwardingServerCall.SimpleForwardingServerCall<>(call) {
          @Override
          public void sendMessage(A message) {
            // the work is done; the reply is lost
          }

          @Override
          public void close(Status status, Metadata trailers) {
            super.close(Status.UNAVAILABLE.withDescription("connection dropped by the testkit (Faults.dropReply)"),
                new Metadata());
          }
        }, headers);
      }
    };
  }

  private static boolean matches(String method, ServerCall<?, ?> call) {
    return method.equals("*") || method.equals(call.getMethodDescriptor().getBareMethodName());
  }
}
