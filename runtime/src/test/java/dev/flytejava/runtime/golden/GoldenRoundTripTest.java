package dev.flytejava.runtime.golden;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import dev.flytejava.runtime.golden.GoldenSet.Kind;
import dev.flytejava.runtime.golden.GoldenSet.Spec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both golden sets through the official Flyte protos generated in runtime: every spec parses as its kind with no
 * field our protos do not know, survives parse, serialize, parse as an equal message, and serializes back to the
 * bytes pyflyte wrote.
 */
class GoldenRoundTripTest {

    @ParameterizedTest
    @ValueSource(strings = {"snacks-core", "modern"})
    void everySpecParsesWithoutUnknownFieldsAndRoundTrips(String set) throws IOException {
        List<Spec> specs = GoldenSet.of(set).specs();
        Map<Kind, Integer> kinds = new TreeMap<>();
        int sortedMapsSameBytes = 0;
        for (Spec spec : specs) {
            Message parsed = spec.message();
            List<String> unknown = new ArrayList<>();
            unknownFields(parsed, spec.kind().name(), unknown);
            assertEquals(List.of(), unknown, () -> spec.file() + " has fields the official protos do not know");

            byte[] serialized = deterministic(parsed);
            Message again = spec.kind().parser().parseFrom(serialized);
            assertEquals(parsed, again, () -> spec.file() + " differs after serialize and parse");
            // protobuf promises stable bytes only for one implementation's deterministic serialization of equal messages
            assertArrayEquals(serialized, deterministic(again), () -> spec.file() + " serializes differently the second time");
            // Not promised by protobuf, but true of both encoders: fields in number order, map entries in the order
            // read. So pyflyte's bytes come back exactly, and nothing was lost or re-encoded on the way.
            assertArrayEquals(spec.bytes(), parsed.toByteArray(), () -> spec.file() + " re-serializes to other bytes");
            if (Arrays.equals(serialized, spec.bytes())) {
                sortedMapsSameBytes++;
            }
            kinds.merge(spec.kind(), 1, Integer::sum);
        }
        System.out.printf("golden %s: %d specs %s round-trip to equal messages and pyflyte's exact bytes"
                + " (%d also with map keys sorted)%n", set, specs.size(), kinds, sortedMapsSameBytes);
        assertEquals(set.equals("modern") ? 12 : 183, specs.size());
        assertEquals(3, kinds.size(), "tasks, workflows and launch plans");
    }

    /** The modern set is complete: the package held exactly these specs, numbered as pyflyte numbers, and one fast archive. */
    @Test
    void modernSetHoldsEveryEntryOfItsPackage() throws IOException {
        GoldenSet modern = GoldenSet.modern();
        List<String> entries = Files.readAllLines(modern.directory().resolve("package-contents.txt")).stream()
                .filter(line -> !line.startsWith("#") && !line.contains("!"))
                .sorted()
                .toList();
        List<String> specs = modern.specs().stream().map(Spec::file).toList();
        List<String> archives = entries.stream().filter(e -> e.endsWith(".tar.gz")).toList();
        assertEquals(1, archives.size(), () -> "one fast archive in " + entries);
        assertTrue(archives.get(0).matches("fast[0-9a-f]{32}\\.tar\\.gz"), archives.get(0));
        assertEquals(specs, entries.stream().filter(e -> e.endsWith(".pb")).toList());
        // pyflyte pads the index to the digits of the count of entities (12 -> 00..11)
        for (int i = 0; i < specs.size(); i++) {
            assertTrue(specs.get(i).startsWith(String.format("%02d_", i)), specs.get(i));
        }
    }

    private static byte[] deterministic(Message message) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(message.getSerializedSize());
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        out.useDeterministicSerialization();
        message.writeTo(out);
        out.flush();
        return bytes.toByteArray();
    }

    /** The paths of every message inside {@code message} that carries fields unknown to the generated classes. */
    private static void unknownFields(Message message, String path, List<String> found) {
        if (!message.getUnknownFields().asMap().isEmpty()) {
            found.add(path + " " + message.getUnknownFields().asMap().keySet());
        }
        for (Map.Entry<FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
            if (field.getKey().getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
                continue;
            }
            String fieldPath = path + "." + field.getKey().getName();
            if (field.getKey().isRepeated()) {
                List<?> values = (List<?>) field.getValue();
                for (int i = 0; i < values.size(); i++) {
                    unknownFields((Message) values.get(i), fieldPath + "[" + i + "]", found);
                }
            } else {
                unknownFields((Message) field.getValue(), fieldPath, found);
            }
        }
    }
}
