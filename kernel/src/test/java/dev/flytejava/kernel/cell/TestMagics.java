package dev.flytejava.kernel.cell;

import dev.flytejava.magics.MagicProvider;
import dev.flytejava.magics.MagicRegistry;

/** A provider found through META-INF/services of the test class path, as real magic sets are. */
public final class TestMagics implements MagicProvider {

    @Override
    public void register(MagicRegistry registry) {
        registry.line("echo", "Returns its arguments.", "%echo TEXT", (context, args) -> args);
        registry.line("double", "Doubles a session variable.", "%double NAME",
                (context, args) -> ((Integer) context.variable(args).orElseThrow(
                        () -> new IllegalArgumentException("no variable [" + args + "]"))) * 2);
        registry.line("boom", "Fails unexpectedly.", "%boom", (context, args) -> {
            throw new java.io.IOException("disk on fire");
        });
        registry.cell("upper", "Upper-cases the body.", "%%upper", (context, args, body) -> body.strip().toUpperCase());
    }
}
