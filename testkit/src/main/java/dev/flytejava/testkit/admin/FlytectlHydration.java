package dev.flytejava.testkit.admin;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import flyteidl.core.IdentifierOuterClass.Identifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@code flytectl register files} does to a package's specs before creating them (its hydrateSpec): every
 * identifier gets the project, domain and version where they are empty or flytectl's
 * {@code {{ registration.project }}} / {@code domain} / {@code version} placeholders, and
 * {@code {{ .remote_package_path }}} in any string (a task's args) becomes the uploaded code's location. Lets
 * tests register a {@code pyflyte package} or {@code flyte-java package} archive's specs as flytectl would.
 */
public final class FlytectlHydration {
  private final String project;
  private final String domain;
  private final String version;
  private final String remotePackagePath;

  public FlytectlHydration(String project, String domain, String version, String remotePackagePath) {
    this.project = project;
    this.domain = domain;
    this.version = version;
    this.remotePackagePath = remotePackagePath;
  }

  /** The spec with its identifiers and placeholders filled in. */
  @SuppressWarnings("unchecked")
  public <M extends Message> M hydrate(M spec) {
    return (M) walk(spec);
  }

  private Message walk(Message m) {
    if (m instanceof Identifier id) {
      return id.toBuilder().setProject(fill(id.getProject(), project, "project"))
          .setDomain(fill(id.getDomain(), domain, "domain")).setVersion(fill(id.getVersion(), version, "version"))
          .build();
    }
    Message.Builder b = m.toBuilder();
    for (Map.Entry<FieldDescriptor, Object> e : m.getAllFields().entrySet()) {
      FieldDescriptor f = e.getKey();
      if (f.isMapField()) {
        List<Object> entries = new ArrayList<>();
        for (Object entry : (List<?>) e.getValue()) {
          entries.add(walk((Message) entry));
        }
        b.setField(f, entries);
      } else if (f.isRepeated()) {
        List<Object> items = new ArrayList<>();
        for (Object item : (List<?>) e.getValue()) {
          items.add(value(f, item));
        }
        b.setField(f, items);
      } else {
        b.setField(f, value(f, e.getValue()));
      }
    }
    return b.build();
  }

  private Object value(FieldDescriptor f, Object v) {
    if (f.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
      return walk((Message) v);
    }
    if (f.getJavaType() == FieldDescriptor.JavaType.STRING) {
      String s = (String) v;
      if (remotePackagePath != null) {
        s = s.replace("{{ .remote_package_path }}", remotePackagePath);
      }
      return s.replace("{{ .dest_dir }}", ".");
    }
    return v;
  }

  private static String fill(String current, String value, String field) {
    if (current.isEmpty() || current.equals("{{ registration." + field + " }}")) {
      return value;
    }
    return current;
  }
}
