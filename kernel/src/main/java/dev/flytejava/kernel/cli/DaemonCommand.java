package dev.flytejava.kernel.cli;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code flyte-java daemon status|stop}: the {@link CommandDaemon} of this jar, JVM and cache. */
@Command(name = "daemon", mixinStandardHelpOptions = true,
        description = {"Shows or stops the background flyte-java that serves registrations of unchanged notebooks.",
                "It starts after a registration when none runs (FLYTE_JAVA_DAEMON=0 turns it off; off by default when CI=true)",
                "and exits after FLYTE_JAVA_DAEMON_IDLE seconds without a request (default 900)."})
final class DaemonCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ACTION", description = "status (exit 3 when none runs) or stop")
    String action;

    @Override
    public Integer call() {
        if (!action.equals("status") && !action.equals("stop")) {
            System.err.println("flyte-java daemon: unknown action [" + action + "]; use status or stop");
            return 2;
        }
        Optional<DaemonSocket> at = DaemonSocket.of(System.getenv());
        if (at.isEmpty()) {
            System.out.println("flyte-java daemon: off here (FLYTE_JAVA_DAEMON=0, CI=true, or a class folder on the class path)");
            return action.equals("stop") ? 0 : 3;
        }
        DaemonClient.Outcome outcome = DaemonClient.serve(at.get(), List.of(action), System.getenv(), System.out, System.err);
        if (outcome.status().isPresent()) {
            if (action.equals("stop")) System.out.println("flyte-java daemon: stopped (" + at.get().socket() + ")");
            return outcome.status().getAsInt();
        }
        System.out.println("flyte-java daemon: none runs for this jar and cache (" + at.get().socket() + ")");
        return action.equals("stop") ? 0 : 3;
    }
}
