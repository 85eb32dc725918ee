package dev.flytejava.runtime.remote;

import com.google.protobuf.Any;
import com.google.protobuf.BytesValue;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.flytejava.runtime.idl.CompiledEntities;
import dev.flytejava.runtime.idl.CompiledSpec;
import dev.flytejava.runtime.idl.SpecRewrite;
import dev.flytejava.runtime.packaging.ShippedCode;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlan;
import flyteidl.admin.TaskOuterClass.TaskSpec;
import flyteidl.admin.WorkflowOuterClass.WorkflowSpec;
import flyteidl.core.IdentifierOuterClass.Identifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a registration creates before it is pointed at a project and domain: the compiled specs, their identifiers
 * versioned but with blank project and domain, and the code their tasks run. {@link #targeted} fills in the target
 * as flytectl hydrates a package. A plan can be written and read back, so that {@code flyte-java register} keeps it
 * for a notebook whose cells have not changed.
 */
public record RegistrationPlan(CompiledEntities specs, ShippedCode code) {
  private static final String FORMAT = "flyte-java registration plan";
  private static final int FORMAT_VERSION = 1;

  public RegistrationPlan {
    Objects.requireNonNull(specs, "specs");
    Objects.requireNonNull(code, "code");
    for (CompiledSpec s : specs.specs()) {
      if (!s.id().getProject().isEmpty() || !s.id().getDomain().isEmpty()) {
        throw new IllegalArgumentException("A registration plan holds untargeted specs, but " + s.id().getName()
            + " is already in " + s.id().getProject() + "/" + s.id().getDomain());
      }
    }
  }

  /** The specs with every identifier of ours in {@code project} and {@code domain}; references elsewhere kept. */
  public CompiledEntities targeted(String project, String domain) {
    if (project == null || project.isBlank() || domain == null || domain.isBlank()) {
      throw new IllegalArgumentException("registering needs a project and a domain, got [" + project + "] and ["
          + domain + "]");
    }
    return new CompiledEntities(SpecRewrite.identifiers(specs.specs(), project, domain, Identifier::getVersion),
        specs.version(), specs.versionPerEntity());
  }

  /** Writes the plan as length-delimited protobuf messages: a header, the code, then each spec. */
  public void writeTo(OutputStream out) throws IOException {
    Struct header = Struct.newBuilder()
        .putFields("format", Value.newBuilder().setStringValue(FORMAT).build())
        .putFields("formatVersion", Value.newBuilder().setNumberValue(FORMAT_VERSION).build())
        .putFields("version", Value.newBuilder().setStringValue(specs.version()).build())
        .putFields("versionPerEntity", Value.newBuilder().setBoolValue(specs.versionPerEntity()).build())
        .putFields("codeDigest", Value.newBuilder().setStringValue(code.digest()).build())
        .putFields("specs", Value.newBuilder().setNumberValue(specs.specs().size()).build())
        .build();
    Any.pack(header).writeDelimitedTo(out);
    Any.pack(BytesValue.newBuilder().setValue(com.google.protobuf.ByteString.copyFrom(code.tarGz())).build())
        .writeDelimitedTo(out);
    for (CompiledSpec s : specs.specs()) {
      Any.pack(s.message()).writeDelimitedTo(out);
    }
  }

  /** Reads a plan {@link #writeTo} wrote; an {@link IOException} says what is wrong with anything else. */
  public static RegistrationPlan readFrom(InputStream in) throws IOException {
    try {
      Struct header = next(in, "its header").unpack(Struct.class);
      if (!FORMAT.equals(header.getFieldsOrDefault("format", Value.getDefaultInstance()).getStringValue())
          || header.getFieldsOrDefault("formatVersion", Value.getDefaultInstance()).getNumberValue() != FORMAT_VERSION) {
        throw new IOException("not a " + FORMAT + " of format version " + FORMAT_VERSION + ": " + header);
      }
      byte[] tarGz = next(in, "its code").unpack(BytesValue.class).getValue().toByteArray();
      ShippedCode code = new ShippedCode(tarGz, header.getFieldsOrThrow("codeDigest").getStringValue());
      int count = (int) header.getFieldsOrThrow("specs").getNumberValue();
      List<CompiledSpec> specs = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        Any any = next(in, "spec " + (i + 1) + " of " + count);
        if (any.is(TaskSpec.class)) {
          specs.add(new CompiledSpec.OfTask(any.unpack(TaskSpec.class)));
        } else if (any.is(WorkflowSpec.class)) {
          specs.add(new CompiledSpec.OfWorkflow(any.unpack(WorkflowSpec.class)));
        } else if (any.is(LaunchPlan.class)) {
          specs.add(new CompiledSpec.OfLaunchPlan(any.unpack(LaunchPlan.class)));
        } else {
          throw new IOException("spec " + (i + 1) + " is a " + any.getTypeUrl() + ", not a task, workflow or launch plan");
        }
      }
      if (in.read() != -1) {
        throw new IOException("more bytes follow the " + count + " specs its header counts");
      }
      return new RegistrationPlan(new CompiledEntities(specs, header.getFieldsOrThrow("version").getStringValue(),
          header.getFieldsOrThrow("versionPerEntity").getBoolValue()), code);
    } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
      throw new IOException("not a readable " + FORMAT + ": " + e.getMessage(), e);
    }
  }

  private static Any next(InputStream in, String what) throws IOException {
    Any any = Any.parseDelimitedFrom(in);
    if (any == null) {
      throw new IOException("the plan ends before " + what);
    }
    return any;
  }
}
