package dev.flytejava.kernel.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class StreamBufferTest {

    @Test
    void aCharacterCutBetweenWritesWaitsForItsLastByte() {
        List<String> sent = new ArrayList<>();
        StreamBuffer buffer = new StreamBuffer(() -> { });
        byte[] euro = "a€".getBytes(StandardCharsets.UTF_8); // 'a' + 3 bytes
        buffer.write(euro, 0, 3);
        buffer.drain(sent::add);
        buffer.write(euro, 3, 1);
        buffer.drain(sent::add);
        assertEquals(List.of("a", "€"), sent);
    }

    @Test
    void nothingBufferedSendsNothing() {
        List<String> sent = new ArrayList<>();
        new StreamBuffer(() -> { }).drain(sent::add);
        assertEquals(List.of(), sent);
    }
}
