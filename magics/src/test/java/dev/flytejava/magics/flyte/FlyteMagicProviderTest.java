package dev.flytejava.magics.flyte;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flytejava.magics.MagicProvider;
import dev.flytejava.magics.MagicRegistry;
import dev.flytejava.magics.flyte.parse.TaskCellParser;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class FlyteMagicProviderTest {

    @Test
    void serviceLoaderFindsTheFlyteMagics() {
        MagicRegistry registry = new MagicRegistry();
        List<MagicProvider> providers = ServiceLoader.load(MagicProvider.class, getClass().getClassLoader()).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p instanceof FlyteMagicProvider).toList();
        assertEquals(1, providers.size());
        providers.get(0).register(registry);
        assertEquals(List.of("container_task", "launchplan", "sql_task", "task", "workflow"), registry.cellMagics().stream().map(MagicRegistry.Entry::name).toList());
        assertEquals(List.of("flyte"), registry.lineMagics().stream().map(MagicRegistry.Entry::name).toList());
        assertTrue(registry.entry(MagicRegistry.Kind.CELL, "task").orElseThrow().usage().contains("--decorators"));
        assertTrue(registry.entry(MagicRegistry.Kind.LINE, "flyte").orElseThrow().usage().contains("%flyte run"));
        assertTrue(registry.knownNames().contains("%%task"));
        assertTrue(registry.entry(MagicRegistry.Kind.CELL, "container_task").orElseThrow().usage().contains("--outputs"));
        assertTrue(registry.entry(MagicRegistry.Kind.CELL, "sql_task").orElseThrow().usage().contains("--row"));
        assertTrue(registry.entry(MagicRegistry.Kind.LINE, "flyte").orElseThrow().usage().contains("%flyte sensor"));
    }

    @Test
    void generatedSnippets() {
        var s = TaskCellParser.parse("List<Long> f(long x, List<Coordinate> ps) throws Exception { return null; }");
        assertEquals("List<Long> __flyte_f_impl(long x, List<Coordinate> ps) throws Exception { return null; }",
                SessionCode.hiddenMethod(s));
        assertEquals("List<Long> f(long x, List<Coordinate> ps) { return (List<Long>) "
                + "dev.flytejava.magics.flyte.FlyteNotebook.session().call(\"g\", new Object[] {x, ps}); }",
                SessionCode.visibleMethod("g", s));
        var v = TaskCellParser.parse("void ping() { }");
        assertEquals("ping", SessionCode.methodOf(SessionCode.hiddenName("ping")));
        assertEquals("void ping() { dev.flytejava.magics.flyte.FlyteNotebook.session().call(\"ping\", new Object[] {}); }",
                SessionCode.visibleMethod("ping", v));
        assertEquals("new java.lang.reflect.Type[] {long.class, new dev.flytejava.runtime.types.TypeRef<List<Coordinate>>() {}.type(), "
                + "void.class}", SessionCode.typesExpression(List.of("long", "List<Coordinate>", "void")));
    }
}
