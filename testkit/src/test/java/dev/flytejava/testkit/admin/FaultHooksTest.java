package dev.flytejava.testkit.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import flyteidl.admin.VersionOuterClass.GetVersionRequest;
import flyteidl.service.AdminServiceGrpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Interceptors given to the builder see the calls after the counter, over the loopback port too. */
class FaultHooksTest {
  private static final AtomicInteger FAILURES_LEFT = new AtomicInteger(2);

  @RegisterExtension
  static final TestAdminExtension ADMIN = new TestAdminExtension(b -> b.intercept(new UnavailableTwice()));

  @Test
  void anInjectedFaultIsAnsweredAndCountedThenCallsGoThrough() throws Exception {
    var channel = NettyChannelBuilder.forTarget(ADMIN.endpoint()).usePlaintext().build();
    try {
      var stub = AdminServiceGrpc.newBlockingStub(channel);
      for (int i = 0; i < 2; i++) {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
            () -> stub.getVersion(GetVersionRequest.getDefaultInstance()));
        assertEquals(Status.Code.UNAVAILABLE, e.getStatus().getCode());
      }
      assertEquals(AdminService.VERSION,
          stub.getVersion(GetVersionRequest.getDefaultInstance()).getControlPlaneVersion().getVersion());
      assertEquals(3, ADMIN.calls("GetVersion"));
      assertEquals(0, ADMIN.calls("CreateTask"));
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  static final class UnavailableTwice implements ServerInterceptor {
    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
        ServerCallHandler<Q, A> next) {
      if (FAILURES_LEFT.getAndDecrement() > 0) {
        call.close(Status.UNAVAILABLE.withDescription("injected"), new Metadata());
        return new ServerCall.Listener<>() {};
      }
      return next.startCall(call, headers);
    }
  }
}
