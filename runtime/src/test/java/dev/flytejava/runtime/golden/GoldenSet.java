package dev.flytejava.runtime.golden;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlan;
import flyteidl.admin.TaskOuterClass.TaskSpec;
import flyteidl.admin.WorkflowOuterClass.WorkflowSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A folder of {@code pyflyte package} output in the test resources ({@code golden/NAME}): {@code snacks-core},
 * Flyte's own test data (see NOTICE), and {@code modern}, written by flytekit 1.16.31 from
 * {@code src/test/golden-src/modern} (its LAYOUT.md describes the layout).
 */
public record GoldenSet(String name, Path directory) {

    public static GoldenSet snacksCore() {
        return of("snacks-core");
    }

    public static GoldenSet modern() {
        return of("modern");
    }

    /** The set {@code golden/NAME} on the test class path. */
    public static GoldenSet of(String name) {
        String resource = "/golden/" + name;
        URL url = GoldenSet.class.getResource(resource);
        if (url == null || !"file".equals(url.getProtocol())) {
            throw new IllegalStateException("Golden set [" + name + "] not found as a folder on the test class path ["
                    + resource + "]; it lives in runtime/src/test/resources" + resource);
        }
        try {
            return new GoldenSet(name, Path.of(url.toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Golden set [" + name + "] at an unusable location [" + url + "]", e);
        }
    }

    /** What pyflyte writes into a package, told by the file name's suffix. */
    public enum Kind {
        TASK("_1.pb", TaskSpec.parser()),
        WORKFLOW("_2.pb", WorkflowSpec.parser()),
        LAUNCH_PLAN("_3.pb", LaunchPlan.parser());

        private final String suffix;
        private final Parser<? extends Message> parser;

        Kind(String suffix, Parser<? extends Message> parser) {
            this.suffix = suffix;
            this.parser = parser;
        }

        public Parser<? extends Message> parser() {
            return parser;
        }

        static Kind of(Path file) {
            String name = file.getFileName().toString();
            for (Kind kind : values()) {
                if (name.endsWith(kind.suffix)) {
                    return kind;
                }
            }
            throw new IllegalStateException("Golden file [" + file + "] is none of NNN_name_1.pb, _2.pb, _3.pb");
        }
    }

    /** One {@code .pb} file: {@code admin.TaskSpec}, {@code admin.WorkflowSpec} or {@code admin.LaunchPlan}. */
    public record Spec(String file, Kind kind, byte[] bytes) {
        public Message message() {
            try {
                return kind.parser().parseFrom(bytes);
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalStateException("Golden file [" + file + "] is not a valid " + kind + " message", e);
            }
        }
    }

    /** Every {@code .pb} file of the set, by name (which is registration order). */
    public List<Spec> specs() {
        List<Path> files;
        try (Stream<Path> list = Files.list(directory)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".pb")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list golden set [" + directory + "]", e);
        }
        if (files.isEmpty()) {
            throw new IllegalStateException("Golden set [" + directory + "] has no .pb files");
        }
        List<Spec> specs = new ArrayList<>(files.size());
        for (Path file : files) {
            try {
                specs.add(new Spec(file.getFileName().toString(), Kind.of(file), Files.readAllBytes(file)));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read golden file [" + file + "]", e);
            }
        }
        return specs;
    }
}
