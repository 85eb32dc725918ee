package dev.flytejava.kernel.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.AbstractList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ValueTextTest {

    @Test
    void shortValuesRenderAsUsual() {
        assertEquals("[1, 2]", ValueText.of(List.of(1, 2), String::valueOf));
        assertEquals("usual", ValueText.of(new int[3], v -> "usual"));
        assertEquals("null", ValueText.of(null, String::valueOf));
    }

    @Test
    void longCollectionsMapsAndArraysShowTheFirstThousandAndHowManyMore() {
        String list = ValueText.of(LongStream.range(0, 1_000_000).boxed().toList(), String::valueOf);
        assertTrue(list.startsWith("[0, 1, 2, "), list);
        assertTrue(list.endsWith(", 998, 999, ... 999000 more]"), list);

        Map<Integer, String> map = new TreeMap<>();
        IntStream.range(0, 1001).forEach(i -> map.put(i, "v" + i));
        String mapText = ValueText.of(map, String::valueOf);
        assertTrue(mapText.startsWith("{0=v0, 1=v1, ") && mapText.endsWith("999=v999, ... 1 more}"), mapText);

        String array = ValueText.of(new String[2000], v -> v == null ? "null" : "\"" + v + "\"");
        assertTrue(array.startsWith("String[2000] { null, null, ") && array.endsWith(", ... 1000 more }"), array);
    }

    @Test
    void aCollectionThatRendersItselfIsLeftAlone() {
        List<Integer> own = new AbstractList<>() {
            @Override
            public Integer get(int index) {
                return index;
            }

            @Override
            public int size() {
                return 5000;
            }

            @Override
            public String toString() {
                return "5000 numbers";
            }
        };
        assertEquals("5000 numbers", ValueText.of(own, String::valueOf));
    }
}
