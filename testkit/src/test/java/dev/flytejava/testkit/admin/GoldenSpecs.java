package dev.flytejava.testkit.admin;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlan;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanCreateRequest;
import flyteidl.admin.TaskOuterClass.TaskCreateRequest;
import flyteidl.admin.TaskOuterClass.TaskSpec;
import flyteidl.admin.WorkflowOuterClass.WorkflowCreateRequest;
import flyteidl.admin.WorkflowOuterClass.WorkflowSpec;
import flyteidl.service.AdminServiceGrpc.AdminServiceBlockingStub;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The golden sets' specs (test resources {@code golden/NAME}) in file order, and how flytectl registers each. */
final class GoldenSpecs {
  static final String PROJECT = "flytesnacks";
  static final String DOMAIN = "development";

  /** One {@code NNN_name_K.pb}: K is 1 for a TaskSpec, 2 for a WorkflowSpec, 3 for a LaunchPlan. */
  record Spec(String file, Message message) {
    char kind() {
      return file.charAt(file.length() - 4);
    }
  }

  private GoldenSpecs() {}

  static List<Spec> read(String set) {
    try {
      Path dir = Path.of(GoldenSpecs.class.getResource("/golden/" + set).toURI());
      try (Stream<Path> files = Files.list(dir)) {
        return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".pb")).sorted()
            .map(n -> new Spec(n, parse(n, dir.resolve(n)))).toList();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Message parse(String name, Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      switch (name.charAt(name.length() - 4)) {
        case '1': return TaskSpec.parseFrom(in);
        case '2': return WorkflowSpec.parseFrom(in);
        case '3': return LaunchPlan.parseFrom(in);
        default: throw new IllegalArgumentException("not a package entry: " + name);
      }
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException(name + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static FlytectlHydration hydration(String version) {
    return new FlytectlHydration(PROJECT, DOMAIN, version, "file:///code/fast-golden.tar.gz");
  }

  /** Creates the spec as flytectl register files does. */
  static void register(AdminServiceBlockingStub admin, Message spec) {
    if (spec instanceof TaskSpec t) {
      admin.createTask(TaskCreateRequest.newBuilder().setId(t.getTemplate().getId()).setSpec(t).build());
    } else if (spec instanceof WorkflowSpec w) {
      admin.createWorkflow(WorkflowCreateRequest.newBuilder().setId(w.getTemplate().getId()).setSpec(w).build());
    } else {
      LaunchPlan lp = (LaunchPlan) spec;
      admin.createLaunchPlan(LaunchPlanCreateRequest.newBuilder().setId(lp.getId()).setSpec(lp.getSpec()).build());
    }
  }
}
