package dev.flytejava.runtime.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.flytejava.runtime.types.Samples.Coordinate;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.SimpleType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Engine-level behaviour: caching, recursion, concurrency, generic type identity. */
class EngineBehaviourTest {

    record Node(String name, List<Node> children) {}

    private final TypeEngine engine = TypeEngine.builder().build();

    @Test
    void recursiveRecordsTravelAndLeaveTheRecursiveFieldOutOfTheStructure() {
        Node tree = new Node("root", List.of(new Node("a", List.of()), new Node("b", List.of(new Node("c", List.of())))));
        assertEquals(tree, engine.toJava(engine.toLiteral(tree, Node.class), Node.class));
        LiteralType type = engine.literalTypeOf(Node.class);
        assertEquals(SimpleType.STRUCT, type.getSimple());
        assertEquals(LiteralType.newBuilder().setSimple(SimpleType.STRING).build(), type.getStructure().getDataclassTypeMap().get("name"));
        assertFalse(type.getStructure().getDataclassTypeMap().containsKey("children"));
    }

    @Test
    void ourParameterizedTypesAndTheJdksAreTheSameKey() {
        Type ours = JavaTypes.mapOf(JavaTypes.listOf(Coordinate.class));
        Type jdk = new TypeRef<Map<String, List<Coordinate>>>() {}.type();
        assertEquals(jdk, ours);
        assertEquals(ours, jdk);
        assertEquals(jdk.hashCode(), ours.hashCode());
        assertSame(engine.converter(jdk), engine.converter(ours));
    }

    @Test
    void convertsConcurrentlyWhileTransformersAreRegistered() throws Exception {
        Type type = new TypeRef<List<Map<String, List<Coordinate>>>>() {}.type();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int seed = t;
                results.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    int checked = 0;
                    for (int i = 0; i < 200; i++) {
                        List<Map<String, List<Coordinate>>> value = List.of(Map.of("k" + i, Samples.coordinates(random)));
                        assertEquals(value, engine.toJava(engine.toLiteral(value, type), type));
                        checked++;
                    }
                    return checked;
                }));
            }
            engine.register(TypeTransformer.via(StringBuilder.class, String.class, StringBuilder::toString, StringBuilder::new));
            for (Future<Integer> result : results) {
                assertEquals(200, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
