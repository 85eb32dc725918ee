package dev.flytejava.magics.flyte.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TaskOptionsTest {

    @Test
    void defaults() {
        assertEquals(new TaskOptions(Optional.empty(), Optional.empty(), 0, Optional.empty(), Optional.empty(),
                Map.of(), Map.of(), Map.of(), List.of(), Map.of(), Optional.empty()), TaskOptions.parse("  "));
    }

    @Test
    void everyOption() {
        TaskOptions o = TaskOptions.parse("--name inc --cache v1 --retries 3 --timeout 30s --image 'ghcr.io/x/y:1' "
                + "--requests cpu=1,mem=1Gi --limits mem=2Gi --env LOG=debug,MODE=fast --decorators timed,autolog");
        assertEquals(Optional.of("inc"), o.name());
        assertEquals(Optional.of("v1"), o.cacheVersion());
        assertEquals(3, o.retries());
        assertEquals(Optional.of(Duration.ofSeconds(30)), o.timeout());
        assertEquals(Optional.of("ghcr.io/x/y:1"), o.image());
        assertEquals(Map.of("cpu", "1", "mem", "1Gi"), o.requests());
        assertEquals(Map.of("mem", "2Gi"), o.limits());
        assertEquals(Map.of("LOG", "debug", "MODE", "fast"), o.env());
        assertEquals(List.of("timed", "autolog"), o.decorators());
    }

    @Test
    void durationForms() {
        assertEquals(Duration.ofMinutes(5), TaskOptions.parse("--timeout PT5M").timeout().orElseThrow());
        assertEquals(Duration.ofMinutes(5), TaskOptions.parse("--timeout=5m").timeout().orElseThrow());
        assertEquals(Duration.ofMinutes(90), TaskOptions.parse("--timeout 1h30m").timeout().orElseThrow());
        assertEquals(Duration.ofMillis(250), TaskOptions.parse("--timeout 250ms").timeout().orElseThrow());
    }

    @Test
    void badTimeoutNamesOptionAndForm() {
        OptionException e = assertThrows(OptionException.class, () -> TaskOptions.parse("--timeout abc"));
        assertTrue(e.getMessage().startsWith("%%task --timeout: expected a duration like 30s, 5m or PT5M, got [abc]"), e.getMessage());
        assertTrue(e.getMessage().contains("\nUsage: %%task [--cache=VERSION]"), e.getMessage());
        assertThrows(OptionException.class, () -> TaskOptions.parse("--timeout 0s"));
        assertThrows(OptionException.class, () -> TaskOptions.parse("--timeout 5x"));
    }

    @Test
    void badRetries() {
        OptionException e = assertThrows(OptionException.class, () -> TaskOptions.parse("--retries many"));
        assertTrue(e.getMessage().startsWith("%%task --retries: expected a whole number from 0 to 100, got [many]"), e.getMessage());
        assertThrows(OptionException.class, () -> TaskOptions.parse("--retries -1"));
    }

    @Test
    void badResources() {
        OptionException e = assertThrows(OptionException.class, () -> TaskOptions.parse("--requests cpu=lots"));
        assertTrue(e.getMessage().startsWith("--requests: expected NAME=QUANTITY pairs like cpu=1,mem=1Gi"), e.getMessage());
        assertTrue(e.getMessage().contains("got [cpu=lots]"), e.getMessage());
        assertTrue(assertThrows(OptionException.class, () -> TaskOptions.parse("--limits disk=1Gi"))
                .getMessage().contains("got [disk=1Gi]"));
        assertTrue(assertThrows(OptionException.class, () -> TaskOptions.parse("--limits mem"))
                .getMessage().contains("--limits"));
    }

    @Test
    void badDecoratorsAndNames() {
        OptionException e = assertThrows(OptionException.class, () -> TaskOptions.parse("--decorators timed,2fast"));
        assertTrue(e.getMessage().startsWith("%%task --decorators: expected a Java identifier like addOne, got [2fast]"), e.getMessage());
        assertTrue(assertThrows(OptionException.class, () -> TaskOptions.parse("--name my-task")).getMessage()
                .startsWith("%%task --name: expected a Java identifier"));
        assertTrue(assertThrows(OptionException.class, () -> TaskOptions.parse("--env 1X=2")).getMessage()
                .startsWith("--env: expected NAME=VALUE pairs"));
    }

    @Test
    void unknownOptionListsUsage() {
        OptionException e = assertThrows(OptionException.class, () -> TaskOptions.parse("--cahce v1"));
        assertTrue(e.getMessage().contains("--cahce"), e.getMessage());
        assertTrue(e.getMessage().contains("--cache=VERSION"), e.getMessage());
    }

    @Test
    void usageListsEveryOption() {
        String usage = TaskOptions.usage();
        for (String option : List.of("--name", "--cache", "--retries", "--timeout", "--image", "--requests", "--limits",
                "--env", "--decorators")) {
            assertTrue(usage.contains(option), option + " in " + usage);
        }
    }

    @Test
    void workflowOptions() {
        WorkflowOptions o = WorkflowOptions.parse("--name wf --setup init --teardown cleanup --decorators timed");
        assertEquals(new WorkflowOptions(Optional.of("wf"), Optional.of("init"), Optional.of("cleanup"), List.of("timed")), o);
        assertThrows(OptionException.class, () -> WorkflowOptions.parse("--retries 3"));
    }

    @Test
    void launchPlanOptions() {
        LaunchPlanOptions o = LaunchPlanOptions.parse("%flyte launchplan",
                "nightly pipeline --fixed label=nightly --default x=3 --default y=[1,2] --schedule '0 * * * *'");
        assertEquals(new LaunchPlanOptions("nightly", "pipeline", Map.of("label", "nightly"), Map.of("x", "3", "y", "[1,2]"),
                Optional.of("0 * * * *")), o);
        assertTrue(assertThrows(OptionException.class, () -> LaunchPlanOptions.parse("%flyte launchplan", "lp wf --fixed x"))
                .getMessage().startsWith("--fixed: expected INPUT=VALUE like x=3, got [x]"));
        assertThrows(OptionException.class, () -> LaunchPlanOptions.parse("%flyte launchplan", "lp"));
    }

    @Test
    void runOptions() {
        assertEquals(new RunOptions("pipeline", Map.of("x", "3", "label", "a b", "xs", "[1, 2]")),
                RunOptions.parse(ArgTokenizer.split("pipeline --x 3 --label 'a b' --xs=\"[1, 2]\"")));
        assertTrue(assertThrows(OptionException.class, () -> RunOptions.parse(ArgTokenizer.split("pipeline --x")))
                .getMessage().startsWith("--x: missing value"));
        assertTrue(assertThrows(OptionException.class, () -> RunOptions.parse(ArgTokenizer.split("pipeline 3")))
                .getMessage().startsWith("%flyte run: expected --INPUT VALUE, got [3]"));
        assertThrows(OptionException.class, () -> RunOptions.parse(List.of()));
    }

    @Test
    void tokenizer() {
        assertEquals(List.of("a", "b c", "d\"e", "", "x=1 2"), ArgTokenizer.split(" a 'b c' \"d\\\"e\" '' x='1 2' "));
        assertThrows(OptionException.class, () -> ArgTokenizer.split("'open"));
    }
}
