package dev.flytejava.kernel.wire;

import org.dflib.jjava.jupyter.messages.Message;

/** Handles one request read from the shell or control channel; replies through {@code channel}. */
@FunctionalInterface
public interface RequestHandler {
    void handle(RequestChannel channel, Message<?> request) throws Exception;
}
