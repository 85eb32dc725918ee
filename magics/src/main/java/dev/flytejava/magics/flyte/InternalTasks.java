package dev.flytejava.magics.flyte;

import dev.flytejava.runtime.model.Task;
import java.lang.reflect.Type;

/**
 * Small tasks the workflow DSL needs where Flyte needs a node: a branch arm that returns a value it
 * already has ({@code else { return b; }}) becomes an identity task, and a branch without {@code else}
 * that only has side effects gets a task that does nothing.
 */
final class InternalTasks {
    private InternalTasks() {}

    static final String IDENTITY_INPUT = "value";

    static Task identity(Type type) {
        return Task.builder("flyte-java.identity").input(IDENTITY_INPUT, type).returns(type)
                .codeHash("identity-v1").body(in -> in[0]).build();
    }

    static Task nothing() {
        return Task.builder("flyte-java.nothing").codeHash("nothing-v1").body(in -> null).build();
    }
}
