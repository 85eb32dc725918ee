package dev.flytejava.magics.flyte.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;

/**
 * The build files of an exported project: a pom pinned to exactly the runtime and plugins of this build (so the
 * project builds offline from the local repository this build filled), and a test per workflow the notebook ran.
 */
public final class ProjectFiles {
    private ProjectFiles() {}

    private static final Properties VERSIONS = versions();

    private static Properties versions() {
        Properties p = new Properties();
        try (InputStream in = ProjectFiles.class.getResourceAsStream("versions.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** The runtime version an export depends on. */
    public static String runtimeVersion() {
        return VERSIONS.getProperty("runtime");
    }

    /** {@code jars}: the Maven coordinates ({@code g:a:v}) of the jars the cells added with {@code %maven}. */
    public static String pom(String groupId, String artifactId, String notebook, String mainClass, List<String> jars) {
        StringBuilder deps = new StringBuilder();
        deps.append(dependency("dev.flytejava", "flyte-java-runtime", runtimeVersion(), null));
        for (String jar : jars) {
            String[] gav = jar.split(":");
            if (gav.length < 3) throw new UnexportableException("the jar [" + jar + "] has no Maven coordinates to depend on");
            deps.append(dependency(gav[0], gav[1], gav[gav.length - 1], null));
        }
        deps.append(dependency("org.junit.jupiter", "junit-jupiter", VERSIONS.getProperty("junit"), "test"));
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- Exported from %s by flyte-java export: the notebook's tasks and workflows as plain Java. -->
                <project xmlns="http://maven.apache.org/POM/4.0.0"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 http://maven.apache.org/xsd/maven-4.0.0.xsd">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>%s</groupId>
                  <artifactId>%s</artifactId>
                  <version>1.0-SNAPSHOT</version>
                  <properties>
                    <maven.compiler.release>17</maven.compiler.release>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                  </properties>
                  <dependencyManagement>
                    <dependencies>
                      <!-- the versions the runtime was built and tested with, for what it brings along -->
                      <dependency><groupId>dev.flytejava</groupId><artifactId>flyte-java-parent</artifactId><version>%s</version>
                        <type>pom</type><scope>import</scope></dependency>
                    </dependencies>
                  </dependencyManagement>
                  <dependencies>
                %s  </dependencies>
                  <build>
                    <plugins>
                      <!-- -parameters: a task's inputs are named after its method's parameters -->
                      <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId><version>%s</version>
                        <configuration><parameters>true</parameters></configuration></plugin>
                      <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-surefire-plugin</artifactId><version>%s</version></plugin>
                      <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-jar-plugin</artifactId><version>%s</version></plugin>
                      <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-resources-plugin</artifactId><version>%s</version></plugin>
                      <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-install-plugin</artifactId><version>%s</version></plugin>
                      <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-clean-plugin</artifactId><version>%s</version></plugin>
                      <!-- mvn -q exec:java [-Dexec.args=WORKFLOW]: runs a workflow on the notebook's inputs -->
                      <plugin><groupId>org.codehaus.mojo</groupId><artifactId>exec-maven-plugin</artifactId><version>%s</version>
                        <configuration><mainClass>%s</mainClass></configuration></plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(notebook, groupId, artifactId, runtimeVersion(), deps, VERSIONS.getProperty("maven-compiler-plugin"),
                VERSIONS.getProperty("maven-surefire-plugin"), VERSIONS.getProperty("maven-jar-plugin"),
                VERSIONS.getProperty("maven-resources-plugin"), VERSIONS.getProperty("maven-install-plugin"),
                VERSIONS.getProperty("maven-clean-plugin"), VERSIONS.getProperty("exec-maven-plugin"), mainClass);
    }

    private static String dependency(String group, String artifact, String version, String scope) {
        return "    <dependency><groupId>" + group + "</groupId><artifactId>" + artifact + "</artifactId><version>" + version
                + "</version>" + (scope == null ? "" : "<scope>" + scope + "</scope>") + "</dependency>\n";
    }

    /** A test per workflow in {@code ran}: run on the notebook's inputs, it gives the notebook's outputs, literal for literal. */
    public static String test(String pkg, String workflowsClass, String notebook, List<String> ran) {
        StringBuilder tests = new StringBuilder();
        for (String name : ran) {
            tests.append("""

                        @Test
                        void %sGivesTheNotebooksOutputs() {
                            assertNotebookOutputs(%s);
                        }
                    """.formatted(JavaText.identifier(name), JavaText.quote(name)));
        }
        return """
                package %s;

                import static org.junit.jupiter.api.Assertions.assertEquals;

                import com.google.protobuf.TextFormat;
                import dev.flytejava.runtime.exec.DiskCache;
                import dev.flytejava.runtime.exec.LocalExecutor;
                import dev.flytejava.runtime.model.Workflow;
                import java.nio.file.Path;
                import java.util.Map;
                import org.junit.jupiter.api.Test;
                import org.junit.jupiter.api.io.TempDir;

                /** Each workflow %s ran gives the outputs it gave there, on the same inputs. */
                class %sTest {
                    @TempDir
                    Path cache;
                %s
                    private void assertNotebookOutputs(String name) {
                        Workflow workflow = %3$s.WORKFLOWS.get(name);
                        try (LocalExecutor executor = LocalExecutor.builder(%3$s.ENGINE).cache(DiskCache.open(cache)).build()) {
                            Map<String, Object> outputs = executor.run(workflow, %3$s.notebookInputs(name));
                            assertEquals(TextFormat.printer().printToString(%3$s.notebookOutputs(name)),
                                    TextFormat.printer().printToString(%3$s.literals(workflow.iface().outputs(), outputs)),
                                    "the outputs of " + name);
                        }
                    }
                }
                """.formatted(pkg, notebook, workflowsClass, tests);
    }
}
