package dev.flytejava.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.flytejava.kernel.magics.TestJars;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every way Java source calls System.exit, Runtime.exit or Runtime.halt ends in the guard once the class is rewritten.
 * An unguarded call would end this test JVM, which fails the build.
 */
class ExitCallRewriterTest {

    private static final String EXITS = """
            package demo;
            import java.util.function.*;
            public class Exits {
                public static void system() { System.exit(3); }
                public static void runtimeExit() { Runtime.getRuntime().exit(4); }
                public static void halt() { Runtime.getRuntime().halt(1); }
                public static void reference() { IntConsumer c = System::exit; c.accept(2); }
                public static void boundReference() { IntConsumer c = Runtime.getRuntime()::halt; c.accept(7); }
                public static void unboundReference() { ObjIntConsumer<Runtime> c = Runtime::exit; c.accept(Runtime.getRuntime(), 8); }
                public static void lambda() { Runnable r = () -> System.exit(9); r.run(); }
                public static int unrelated() { return "exit".length(); }
            }
            """;

    @TempDir
    static Path classes;

    private static Class<?> exits;

    @BeforeAll
    static void compileAndRewrite() throws Exception {
        TestJars.compile(classes, "Exits", EXITS);
        byte[] original = Files.readAllBytes(classes.resolve("demo/Exits.class"));
        byte[] rewritten = ExitCallRewriter.rewrite(original);
        assertNotSame(original, rewritten);
        exits = new ClassLoader(ExitCallRewriterTest.class.getClassLoader()) {
            Class<?> define() {
                return defineClass("demo.Exits", rewritten, 0, rewritten.length);
            }
        }.define();
    }

    @ParameterizedTest
    @CsvSource({
            "system, System.exit(3)",
            "runtimeExit, Runtime.exit(4)",
            "halt, Runtime.halt(1)",
            "reference, System.exit(2)",
            "boundReference, Runtime.halt(7)",
            "unboundReference, Runtime.exit(8)",
            "lambda, System.exit(9)"})
    void theCallThrowsTheGuardsErrorInsteadOfEndingTheJvm(String method, String call) {
        InvocationTargetException thrown = assertThrows(InvocationTargetException.class, () -> exits.getMethod(method).invoke(null));
        ExitGuard.ExitBlockedException blocked = assertInstanceOf(ExitGuard.ExitBlockedException.class, thrown.getCause());
        assertEquals(call + " was blocked: it would end the kernel; use Kernel > Restart", blocked.getMessage());
    }

    @Test
    void otherCodeOfARewrittenClassRunsAsBefore() throws Exception {
        assertEquals(4, exits.getMethod("unrelated").invoke(null));
    }

    @Test
    void aClassWithoutExitCallsIsReturnedAsItWas() throws Exception {
        Path folder = TestJars.compile(classes.resolve("plain"), "Plain",
                "package demo; public class Plain { public static String exit() { return \"exit\" + Runtime.version(); } }");
        byte[] plain = Files.readAllBytes(folder.resolve("demo/Plain.class"));
        assertSame(plain, ExitCallRewriter.rewrite(plain), "a method named exit and a use of Runtime change nothing");
    }
}
