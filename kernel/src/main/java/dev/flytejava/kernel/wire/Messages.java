package dev.flytejava.kernel.wire;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.KernelTimestamp;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;

/**
 * Builds outgoing messages whose header carries the kernel's own session id (not the client's),
 * with any content object gson can write (our replies are plain maps, so that fields jjava's
 * content classes lack, such as {@code status} on {@code kernel_info_reply} or the {@code payload}
 * of {@code execute_reply}, can be sent).
 */
public final class Messages {

    private static final byte[] IOPUB_TOPIC = "kernel.flyte-java".getBytes(StandardCharsets.US_ASCII);

    private final String sessionId = UUID.randomUUID().toString();

    /** A reply to {@code request} (or a stdin request to its client), routed back to the identities it came from. */
    public Message<?> reply(Message<?> request, MessageType<?> type, Object content) {
        return build(request.getIdentities(), request, type, content);
    }

    /** An IOPub message whose parent is {@code parent} (may be {@code null}, e.g. the first status). */
    public Message<?> publish(Message<?> parent, MessageType<?> type, Object content) {
        return build(List.of(IOPUB_TOPIC), parent, type, content);
    }

    /** The header fields of a kernel message of a type jjava has no {@link MessageType} for (iopub_welcome). */
    Map<String, String> header(String msgType) {
        return Map.of("msg_id", UUID.randomUUID().toString(), "username", Header.KERNEL_USERNAME, "session", sessionId,
                "date", KernelTimestamp.now().getDateString(), "msg_type", msgType, "version", Header.PROTOCOL_VERISON);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Message<?> build(List<byte[]> identities, Message<?> parent, MessageType<?> type, Object content) {
        Header header = new Header(UUID.randomUUID().toString(), Header.KERNEL_USERNAME, sessionId,
                KernelTimestamp.now(), type, Header.PROTOCOL_VERISON);
        return new Message(identities, header, parent == null ? null : parent.getHeader(), Map.of(), content, null);
    }
}
