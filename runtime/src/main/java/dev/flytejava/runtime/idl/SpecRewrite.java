package dev.flytejava.runtime.idl;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import flyteidl.admin.TaskOuterClass.TaskSpec;
import flyteidl.core.IdentifierOuterClass.Identifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rewrites compiled specs in one place, as flytectl's {@code hydrateSpec} does at registration: project, domain and
 * version of every identifier (the entity's own, and those of tasks, subworkflows and launch plans it refers to),
 * and the shipped code's location in place of {@link EntrypointArgs#REMOTE_PACKAGE_PATH}.
 */
public final class SpecRewrite {
  private SpecRewrite() {}

  /** Message types that can hold an identifier somewhere inside; the walk skips the others (literals, types). */
  private static final Map<Descriptor, Boolean> REACHES_IDENTIFIER = new ConcurrentHashMap<>();

  /** Every identifier of {@code specs} with this project, domain and version. */
  public static List<CompiledSpec> identifiers(List<CompiledSpec> specs, String project, String domain,
      String version) {
    Identifier.Builder template = Identifier.newBuilder().setProject(project).setDomain(domain).setVersion(version);
    List<CompiledSpec> out = new ArrayList<>(specs.size());
    for (CompiledSpec s : specs) {
      out.add(s.with(stamp(s.message(), template)));
    }
    return out;
  }

  /** Task specs whose container args name the code at {@code codeUri} instead of flytectl's placeholder. */
  public static List<CompiledSpec> codeLocation(List<CompiledSpec> specs, String codeUri) {
    List<CompiledSpec> out = new ArrayList<>(specs.size());
    for (CompiledSpec s : specs) {
      if (s instanceof CompiledSpec.OfTask t && t.spec().getTemplate().hasContainer()) {
        TaskSpec.Builder b = t.spec().toBuilder();
        List<String> args = b.getTemplate().getContainer().getArgsList();
        var container = b.getTemplateBuilder().getContainerBuilder().clearArgs();
        for (String arg : args) {
          container.addArgs(arg.equals(EntrypointArgs.REMOTE_PACKAGE_PATH) ? codeUri : arg);
        }
        out.add(new CompiledSpec.OfTask(b.build()));
      } else {
        out.add(s);
      }
    }
    return out;
  }

  private static Message stamp(Message m, Identifier.Builder template) {
    if (m instanceof Identifier id) {
      return id.toBuilder().setProject(template.getProject()).setDomain(template.getDomain())
          .setVersion(template.getVersion()).build();
    }
    Message.Builder b = null;
    for (Map.Entry<FieldDescriptor, Object> e : m.getAllFields().entrySet()) {
      FieldDescriptor f = e.getKey();
      if (f.getJavaType() != FieldDescriptor.JavaType.MESSAGE || !reaches(f.getMessageType())) {
        continue;
      }
      if (b == null) {
        b = m.toBuilder();
      }
      if (f.isRepeated()) {
        List<?> items = (List<?>) e.getValue();
        for (int i = 0; i < items.size(); i++) {
          b.setRepeatedField(f, i, stamp((Message) items.get(i), template));
        }
      } else {
        b.setField(f, stamp((Message) e.getValue(), template));
      }
    }
    return b == null ? m : b.build();
  }

  /** Whether messages of type {@code root} can hold an identifier: a fixpoint over the types reachable from it. */
  private static boolean reaches(Descriptor root) {
    Boolean known = REACHES_IDENTIFIER.get(root);
    if (known != null) {
      return known;
    }
    Set<Descriptor> all = new LinkedHashSet<>();
    ArrayDeque<Descriptor> todo = new ArrayDeque<>(List.of(root));
    while (!todo.isEmpty()) {
      Descriptor d = todo.pop();
      if (all.add(d)) {
        for (FieldDescriptor f : d.getFields()) {
          if (f.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
            todo.push(f.getMessageType());
          }
        }
      }
    }
    Set<Descriptor> reaching = new HashSet<>(Set.of(Identifier.getDescriptor()));
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Descriptor d : all) {
        if (!reaching.contains(d) && d.getFields().stream().anyMatch(f ->
            f.getJavaType() == FieldDescriptor.JavaType.MESSAGE && reaching.contains(f.getMessageType()))) {
          reaching.add(d);
          changed = true;
        }
      }
    }
    all.forEach(d -> REACHES_IDENTIFIER.put(d, reaching.contains(d)));
    return reaching.contains(root);
  }
}
