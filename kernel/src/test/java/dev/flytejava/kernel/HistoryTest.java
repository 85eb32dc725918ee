package dev.flytejava.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class HistoryTest {

    private final History history = new History();

    HistoryTest() {
        history.add(1, "int a = 1;", null);
        history.add(2, "Math.max(a, 2)", "2");
        history.add(3, "Math.max(a, 2)", "2");
        history.add(4, "a + 1", "2");
    }

    @Test
    void tailGivesTheLastN() {
        assertEquals(List.of(3, 4), history.tail(2).stream().map(History.Entry::line).toList());
    }

    @Test
    void rangeIsHalfOpenAndOnlyForThisSession() {
        assertEquals(List.of(2, 3), history.range(1, 2, 4).stream().map(History.Entry::line).toList());
        assertEquals(List.of(), history.range(7, 1, 4));
    }

    @Test
    void searchMatchesGlobsAndCanBeUnique() {
        assertEquals(2, history.search("Math.max*", 0, false).size());
        assertEquals(List.of(3), history.search("Math.max*", 0, true).stream().map(History.Entry::line).toList());
        assertEquals(List.of(4), history.search("?*", 1, false).stream().map(History.Entry::line).toList());
    }

    @Test
    void replyEntriesCarryOutputWhenAsked() {
        assertEquals(List.of(List.of(1, 4, List.of("a + 1", "2"))), History.toReply(history.tail(1), true));
        assertEquals(List.of(List.of(1, 1, List.of("int a = 1;", ""))), History.toReply(history.range(1, 1, 2), true));
    }
}
