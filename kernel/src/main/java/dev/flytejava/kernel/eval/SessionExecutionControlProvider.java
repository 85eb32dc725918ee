package dev.flytejava.kernel.eval;

import java.util.Map;

import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/** Hands JShell the one {@link SessionExecutionControl} of a session. */
final class SessionExecutionControlProvider implements ExecutionControlProvider {

    private final SessionExecutionControl control;

    SessionExecutionControlProvider(SessionExecutionControl control) {
        this.control = control;
    }

    @Override
    public String name() {
        return "flyte-java";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        return control;
    }
}
