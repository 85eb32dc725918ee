package dev.flytejava.kernel.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/** JEP 65: a subscriber's first IOPub message is a signed {@code iopub_welcome} naming its subscription. */
class IOPubTest {

    private static final String KEY = "iopub-test-key";

    private final ZMQ.Context context = ZMQ.context(1);
    private final Messages messages = new Messages();
    private final List<ZMQ.Socket> subscribers = new ArrayList<>();
    private IOPub iopub;
    private String address;

    @BeforeEach
    void bind() throws Exception {
        int port = freePort();
        KernelConnectionProperties props =
                new KernelConnectionProperties("127.0.0.1", 0, 0, 0, 0, port, "tcp", "hmac-sha256", KEY);
        iopub = new IOPub(context, props.createHMACGenerator(), messages);
        iopub.bind(props);
        address = "tcp://127.0.0.1:" + port;
    }

    @AfterEach
    void close() {
        subscribers.forEach(ZMQ.Socket::close);
        iopub.close();
        context.term();
    }

    @Test
    void aSubscriberToEverythingIsWelcomedFirstThenGetsWhatIsPublished() throws Exception {
        ZMQ.Socket sub = subscribe("");
        List<byte[]> welcome = receive(sub);
        assertEquals("<IDS|MSG>", text(welcome.get(0)), "no topic frame for the empty subscription");
        assertSigned(welcome.subList(1, welcome.size()));
        JsonObject header = json(welcome.get(2));
        assertEquals("iopub_welcome", header.get("msg_type").getAsString());
        assertEquals(sessionOfThisKernel(), header.get("session").getAsString());
        assertFalse(header.get("msg_id").getAsString().isEmpty());
        assertNotNull(header.get("date"));
        assertNotNull(header.get("version"));
        assertEquals("{}", text(welcome.get(3)), "parent_header");
        assertEquals("{}", text(welcome.get(4)), "metadata");
        assertEquals("", json(welcome.get(5)).get("subscription").getAsString());

        iopub.send(messages.publish(null, MessageType.PUBLISH_STATUS, Map.of("execution_state", "idle")));
        List<byte[]> status = receive(sub);
        assertEquals("kernel.flyte-java", text(status.get(0)));
        assertEquals("status", json(status.get(3)).get("msg_type").getAsString());
    }

    @Test
    void aTopicSubscriptionIsWelcomedUnderItsTopic() throws Exception {
        List<byte[]> welcome = receive(subscribe("kernel."));
        assertEquals("kernel.", text(welcome.get(0)));
        assertEquals("<IDS|MSG>", text(welcome.get(1)));
        assertSigned(welcome.subList(2, welcome.size()));
        assertEquals("kernel.", json(welcome.get(6)).get("subscription").getAsString());
    }

    @Test
    void aSubscriberJoiningWhileMessagesFlowIsWelcomedAtOnce() throws Exception {
        AtomicBoolean flowing = new AtomicBoolean(true);
        Thread flow = new Thread(() -> {
            while (flowing.get()) {
                iopub.send(messages.publish(null, MessageType.PUBLISH_STATUS, Map.of("execution_state", "busy")));
                iopub.flush();
            }
        });
        flow.start();
        try {
            ZMQ.Socket sub = subscribe("");
            int before = 0;
            while (!"<IDS|MSG>".equals(text(receive(sub).get(0)))) before++;
            // Rarely (about 1 in 1,000 joins under this flow) the socket attaches the subscriber in the microseconds
            // between reading the subscriptions and sending, so that message comes first; never a second one.
            assertTrue(before <= 1, before + " messages before the welcome");
        } finally {
            flowing.set(false);
            flow.join();
        }
    }

    private ZMQ.Socket subscribe(String topic) {
        ZMQ.Socket sub = context.socket(SocketType.SUB);
        sub.setLinger(0);
        sub.setReceiveTimeOut(10_000);
        sub.connect(address);
        sub.subscribe(topic.getBytes(StandardCharsets.UTF_8));
        subscribers.add(sub);
        return sub;
    }

    private static List<byte[]> receive(ZMQ.Socket sub) {
        List<byte[]> frames = new ArrayList<>();
        do {
            byte[] frame = sub.recv();
            assertNotNull(frame, "nothing received in time");
            frames.add(frame);
        } while (sub.hasReceiveMore());
        return frames;
    }

    /** {@code frames}: signature, header, parent header, metadata, content. */
    private static void assertSigned(List<byte[]> frames) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        for (byte[] part : frames.subList(1, 5)) mac.update(part);
        assertArrayEquals(HexFormat.of().formatHex(mac.doFinal()).getBytes(StandardCharsets.US_ASCII), frames.get(0));
        assertEquals(5, frames.size());
    }

    private String sessionOfThisKernel() {
        return messages.publish(null, MessageType.PUBLISH_STATUS, Map.of()).getHeader().getSessionId();
    }

    private static JsonObject json(byte[] frame) {
        return JsonParser.parseString(text(frame)).getAsJsonObject();
    }

    private static String text(byte[] frame) {
        return new String(frame, StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
