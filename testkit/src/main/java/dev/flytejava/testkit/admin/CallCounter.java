package dev.flytejava.testkit.admin;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the calls each method receives (by its short name, e.g. {@code CreateTask}), so tests can assert none. */
final class CallCounter implements ServerInterceptor {
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

  @Override
  public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
      ServerCallHandler<Q, A> next) {
    String method = call.getMethodDescriptor().getBareMethodName();
    calls.computeIfAbsent(method, k -> new AtomicInteger()).incrementAndGet();
    return next.startCall(call, headers);
  }

  int calls(String method) {
    AtomicInteger n = calls.get(method);
    return n == null ? 0 : n.get();
  }

  void reset() {
    calls.clear();
  }
}
