package dev.flytejava.kernel.flyte;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin magics through the real kernel: a raw container task, a SQL task over SQLite and a file sensor run alone
 * and in one workflow beside a Java task; each bad input is a Jupyter error naming the task and the cause, and the
 * next cell still works.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PluginsIT extends FlyteKernelCase {
    private final List<String> sources = new ArrayList<>();
    private List<Cell> cells;

    private int add(String source) {
        sources.add(source);
        return sources.size() - 1;
    }

    private int mulCall;
    private int adultsCall;
    private int injection;
    private int survived;
    private int sensorTimeout;
    private int workflowRun;
    private int packageCell;
    private Path packaged;
    private int notFound;
    private int nonZero;
    private int missingOutput;
    private int badOutput;
    private int sqlSyntax;
    private int wrongParameter;
    private int stillUsable;
    private int shown;
    private int listed;
    private int redeclared;
    private int oldOverload;

    @BeforeAll
    void run(@TempDir Path work) throws Exception {
        String db = "jdbc:sqlite:" + work.resolve("people.db");
        String flag = work.resolve("ready.flag").toString();
        add("record Person(String name, long age) {}");
        add("try (var c = java.sql.DriverManager.getConnection(\"" + db + "\"); var s = c.createStatement()) {\n"
                + "    s.execute(\"CREATE TABLE people (name TEXT, age INTEGER)\");\n"
                + "    s.execute(\"INSERT INTO people VALUES ('ann', 31), ('bob', 17), ('cy', 45)\");\n}");
        add("%%container_task --name mul --image alpine:3.19 --inputs a=long,b=long --outputs area=long --cache v1\n"
                + "sh -c \"echo $(( {{.inputs.a}} * {{.inputs.b}} )) > /var/outputs/area\"");
        mulCall = add("mul(6, 7)");
        add("%%sql_task --name adults --db " + db + " --inputs minAge=long --row Person\n"
                + "SELECT name, age FROM people WHERE age >= {{.inputs.minAge}} ORDER BY age");
        adultsCall = add("adults(18)");
        add("%%sql_task --name byName --db " + db + " --inputs who=String --row Person\n"
                + "SELECT name, age FROM people WHERE name = {{.inputs.who}}");
        injection = add("byName(\"x'; DROP TABLE people; --\")");
        survived = add("adults(0).size()");
        add("%flyte sensor waitReady --path " + flag + " --timeout 1s --poke-interval 100ms");
        sensorTimeout = add("waitReady()");
        add("java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + flag + "\"), \"\")");
        add("%%task --sidecar proxy=nginx:1.25\nlong addOne(long x) { return x + 1; }");
        add("""
                %%workflow --setup waitReady
                long mixed(long a) {
                    long b = addOne(a);
                    long area = mul(b, a);
                    List<Person> grown = adults(area);
                    return area;
                }""");
        workflowRun = add("mixed(5)");
        packaged = work.resolve("mixed.tgz");
        packageCell = add("%flyte package mixed --output " + packaged);
        add("%%container_task --name nocmd --image alpine:3.19\nno-such-command-xyz --flag");
        notFound = add("nocmd()");
        add("%%container_task --name fails --image alpine:3.19\nsh -c \"echo last words >&2; exit 3\"");
        nonZero = add("fails()");
        add("%%container_task --name silent --image alpine:3.19 --outputs n=long\ntrue");
        missingOutput = add("silent()");
        add("%%container_task --name wordy --image alpine:3.19 --outputs n=long\nsh -c \"echo lots > /var/outputs/n\"");
        badOutput = add("wordy()");
        add("%%sql_task --name broken --db " + db + "\nSELEC name FROM people");
        sqlSyntax = add("broken()");
        wrongParameter = add("%flyte run adults --minAge old");
        stillUsable = add("mul(2, 3)");
        shown = add("%flyte show mul");
        listed = add("%flyte tasks");
        add("%%container_task --name twice --image alpine:3.19 --inputs s=String --outputs o=String\n"
                + "sh -c \"echo {{.inputs.s}}{{.inputs.s}} > /var/outputs/o\"");
        add("%%container_task --name twice --image alpine:3.19 --inputs n=long --outputs o=long\n"
                + "sh -c \"echo $(( {{.inputs.n}} * 2 )) > /var/outputs/o\"");
        redeclared = add("twice(21)");
        oldOverload = add("twice(\"a\")");
        // raw container tasks as local processes: the test neither pulls images nor needs a container daemon
        cells = runCells(sources, work.resolve("cache"), java.util.Map.of("FLYTE_JAVA_CONTAINER_CLI", "none"));
    }

    private void assertError(int i, String... fragments) {
        Cell c = cells.get(i);
        assertFalse(c.ok(), "expected an error from " + c);
        for (String f : fragments) assertTrue(c.error().contains(f), "[" + f + "] in " + c.error());
    }

    @Test
    void everyKindRunsAloneAndInAWorkflowBesideAJavaTask() {
        for (int i = 0; i < 3; i++) assertTrue(cells.get(i).ok(), cells.get(i).toString());
        assertEquals("42", cells.get(mulCall).result());
        assertEquals("[Person[name=ann, age=31], Person[name=cy, age=45]]", cells.get(adultsCall).result());
        assertTrue(cells.get(workflowRun).ok(), cells.get(workflowRun).toString());
        assertEquals("30", cells.get(workflowRun).result());
    }

    @Test
    void theWorkflowPackagesWithEachPluginsTaskTypeAsTheOfficialProtosReadIt(@TempDir Path out) throws Exception {
        assertTrue(cells.get(packageCell).ok(), cells.get(packageCell).toString());
        try (var in = java.nio.file.Files.newInputStream(packaged)) {
            dev.flytejava.runtime.code.TarExtractor.extract(in, out);
        }
        java.util.Map<String, flyteidl.core.Tasks.TaskTemplate> tasks = new java.util.TreeMap<>();
        try (var files = java.nio.file.Files.list(out)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith("_1.pb")).toList()) {
                var t = flyteidl.admin.TaskOuterClass.TaskSpec.parseFrom(java.nio.file.Files.readAllBytes(f)).getTemplate();
                tasks.put(t.getId().getName(), t);
            }
        }
        assertEquals("raw-container", tasks.get("mul").getType());
        assertEquals("/var/outputs", tasks.get("mul").getContainer().getDataConfig().getOutputPath());
        assertEquals("flyte-java-sql", tasks.get("adults").getType());
        assertEquals("flyte-java-file-sensor", tasks.get("waitReady").getType());
        assertEquals("sidecar", tasks.get("addOne").getType());
        assertEquals("primary", tasks.get("addOne").getConfigOrThrow("primary_container_name"));
    }

    @Test
    void pluginTasksAreShownListedAndRedeclaredLikeTasks() {
        assertTrue(cells.get(shown).ok(), cells.get(shown).toString());
        assertTrue(cells.get(listed).ok(), cells.get(listed).toString());
        String listing = cells.get(listed).toString() + cells.get(listed).messages();
        assertTrue(listing.contains("adults") && listing.contains("sql"), listing);
        assertEquals("42", cells.get(redeclared).result());
        assertFalse(cells.get(oldOverload).ok(), "the String overload of the first [twice] must be gone");
    }

    @Test
    void anInjectionAttemptIsBoundAsAValue() {
        assertEquals("[]", cells.get(injection).result());
        assertEquals("3", cells.get(survived).result());
    }

    @Test
    void eachBadInputNamesTheTaskAndTheCause() {
        assertError(sensorTimeout, "task [waitReady]", "timed out after 1s", "ready.flag");
        assertError(notFound, "task [nocmd]", "[no-such-command-xyz] not found");
        assertError(nonZero, "task [fails]", "exited with code 3", "last words");
        assertError(missingOutput, "task [silent]", "output [n] is missing");
        assertError(badOutput, "task [wordy]", "output [n] holds [lots], which is not a long");
        assertError(sqlSyntax, "task [broken]", "does not compile", "syntax error");
        assertError(wrongParameter, "--minAge", "got [old]", "input [minAge] of task [adults]");
        assertEquals("6", cells.get(stillUsable).result());
    }
}
