package dev.flytejava.magics.flyte.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PluginTaskOptionsTest {
    @Test
    void containerTaskOptionsAsDesignShowsThem() {
        PluginTaskOptions o = PluginTaskOptions.parseContainer(
                "--name mul --image alpine:3.19 --inputs a=long,b=long --outputs area=long --retries 2");
        assertEquals("mul", o.name());
        assertEquals(Map.of("a", "long", "b", "long"), o.inputs());
        assertEquals(List.of("a", "b"), List.copyOf(o.inputs().keySet()));
        assertEquals(Map.of("area", "long"), o.outputs());
        assertEquals(Optional.of("alpine:3.19"), o.image());
        assertEquals(2, o.retries());
    }

    @Test
    void sqlTaskOptionsAsDesignShowsThem() {
        PluginTaskOptions o = PluginTaskOptions.parseSql("--name adults --db jdbc:sqlite:/tmp/people.db --inputs minAge=long --row Person");
        assertEquals(Optional.of("jdbc:sqlite:/tmp/people.db"), o.db());
        assertEquals(Optional.of("Person"), o.row());
        assertEquals(Optional.empty(), o.image());
    }

    @Test
    void missingRequiredOptionsAreNamed() {
        OptionException e = assertThrows(OptionException.class, () -> PluginTaskOptions.parseContainer("--name mul"));
        assertTrue(e.getMessage().contains("--image"), e.getMessage());
        e = assertThrows(OptionException.class, () -> PluginTaskOptions.parseSql("--name q"));
        assertTrue(e.getMessage().contains("--db"), e.getMessage());
    }

    @Test
    void sensorOptions() {
        SensorOptions o = SensorOptions.parse(List.of("ready", "--path", "/data/x", "--timeout", "30s"));
        assertEquals(new SensorOptions("ready", "/data/x", Duration.ofSeconds(30), Duration.ofSeconds(1)), o);
        OptionException e = assertThrows(OptionException.class,
                () -> SensorOptions.parse(List.of("ready", "--path", "/x", "--timeout", "soon")));
        assertTrue(e.getMessage().contains("--timeout: expected a duration"), e.getMessage());
    }
}
