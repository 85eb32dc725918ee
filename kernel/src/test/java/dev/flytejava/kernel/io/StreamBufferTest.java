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
        StreamBuffer buffer = new StreamBuffer(() -> { }, 1 << 20);
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
        new StreamBuffer(() -> { }, 1 << 20).drain(sent::add);
        assertEquals(List.of(), sent);
    }

    @Test
    void writesBeyondTheBudgetAreCountedAndDroppedUntilTheBudgetRestarts() {
        List<String> sent = new ArrayList<>();
        StreamBuffer buffer = new StreamBuffer(() -> { }, 5);
        byte[] text = "abcdefgh".getBytes(StandardCharsets.US_ASCII);
        buffer.write(text, 0, 3);
        buffer.write(text, 3, 5);
        buffer.drain(sent::add);
        assertEquals(List.of("abcde"), sent);
        assertEquals(3, buffer.dropped());
        buffer.restartBudget();
        buffer.write(text, 0, 2);
        buffer.drain(sent::add);
        assertEquals(List.of("abcde", "ab"), sent);
        assertEquals(0, buffer.dropped());
    }
}
