package dev.flytejava.testkit.admin;

import flyteidl.admin.Common.NamedEntityIdentifier;
import flyteidl.core.IdentifierOuterClass.Identifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One entity kind's rows, in memory and in creation order (FlyteAdmin keeps them in Postgres). Keyed by
 * project/domain/name/version; the resource type is implied by the repository.
 *
 * @param <T> the stored admin message (Task, Workflow, LaunchPlan, Execution ...)
 */
final class Repository<T> {
  private final Map<Object, T> rows = new LinkedHashMap<>();
  private final Function<T, Object> key;
  private final Function<T, NamedEntityIdentifier> named;

  Repository(Function<T, Object> key, Function<T, NamedEntityIdentifier> named) {
    this.key = key;
    this.named = named;
  }

  /** For entities with a versioned {@code core.Identifier}. */
  static <T> Repository<T> byIdentifier(Function<T, Identifier> id) {
    return new Repository<>(t -> Ids.key(id.apply(t)), t -> Ids.named(id.apply(t)));
  }

  synchronized Optional<T> get(Object id) {
    return Optional.ofNullable(rows.get(id instanceof Identifier i ? Ids.key(i) : id));
  }

  synchronized void put(T row) {
    rows.put(key.apply(row), row);
  }

  /** Rows of one named entity (every version), newest first as FlyteAdmin's default sort (created_at desc). */
  synchronized List<T> versions(NamedEntityIdentifier id) {
    List<T> out = new ArrayList<>();
    for (T row : rows.values()) {
      NamedEntityIdentifier n = named.apply(row);
      if (n.getProject().equals(id.getProject()) && n.getDomain().equals(id.getDomain())
          && n.getName().equals(id.getName())) {
        out.add(0, row);
      }
    }
    return out;
  }

  /** Rows of a project and domain, newest first. */
  synchronized List<T> inProjectDomain(String project, String domain) {
    List<T> out = new ArrayList<>();
    for (T row : rows.values()) {
      NamedEntityIdentifier n = named.apply(row);
      if (n.getProject().equals(project) && n.getDomain().equals(domain)) {
        out.add(0, row);
      }
    }
    return out;
  }

  synchronized List<T> all() {
    return List.copyOf(rows.values());
  }

  synchronized int size() {
    return rows.size();
  }
}
