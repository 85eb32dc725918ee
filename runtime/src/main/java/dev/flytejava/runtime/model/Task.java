package dev.flytejava.runtime.model;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A task: a name, a typed interface, options, a hash of its code and its body.
 *
 * <p>The {@code codeHash} is part of the cache key, so that results of old code are never reused for new code.
 * Magics pass a hash of the cell source; {@link Builder#build()} defaults it to {@link CodeHashes#ofClass} of the
 * body's class (the class file that holds a lambda's code), and requires an explicit one for a cached task whose
 * class bytes cannot be read.
 *
 * <pre>{@code
 * Task addOne = Task.builder("addOne")
 *     .input("x", long.class)
 *     .returns(long.class)                       // output o0
 *     .retries(2)
 *     .body(in -> (long) in[0] + 1)
 *     .build();
 * }</pre>
 */
public record Task(String name, TypedInterface iface, TaskOptions options, String codeHash, TaskBody body) {
  public Task {
    Names.requireNonBlank(name, "task name");
    Objects.requireNonNull(iface, "iface");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(codeHash, "codeHash");
    Objects.requireNonNull(body, "body");
  }

  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** A copy with other options (e.g. extra decorators); keeps name, interface, code hash and body. */
  public Task withOptions(TaskOptions newOptions) {
    return new Task(name, iface, newOptions, codeHash, body);
  }

  @Override
  public String toString() {
    return "Task[" + name + "]";
  }

  /** Assembles a {@link Task}; inputs in call order, outputs from a return type. */
  public static final class Builder {
    private final String name;
    private final List<Variable> inputs = new ArrayList<>();
    private Type returnType = void.class;
    private TaskOptions options = TaskOptions.defaults();
    private String codeHash;
    private TaskBody body;

    private Builder(String name) {
      this.name = name;
    }

    public Builder input(String inputName, Type type) {
      inputs.add(new Variable(inputName, type));
      return this;
    }

    /** The Java return type: void (no outputs), an {@link Outputs} record, or any other type (output o0). */
    public Builder returns(Type type) {
      this.returnType = Objects.requireNonNull(type, "returns");
      return this;
    }

    public Builder options(TaskOptions o) {
      this.options = Objects.requireNonNull(o, "options");
      return this;
    }

    public Builder cache(String version) {
      options = options.withCache(version);
      return this;
    }

    public Builder retries(int n) {
      options = options.withRetries(n);
      return this;
    }

    public Builder timeout(Duration d) {
      options = options.withTimeout(d);
      return this;
    }

    public Builder image(String image) {
      options = options.withImage(image);
      return this;
    }

    public Builder requests(Map<String, String> r) {
      options = options.withRequests(r);
      return this;
    }

    public Builder limits(Map<String, String> l) {
      options = options.withLimits(l);
      return this;
    }

    public Builder env(Map<String, String> e) {
      options = options.withEnv(e);
      return this;
    }

    public Builder decorators(TaskDecorator... d) {
      options = options.withDecorators(List.of(d));
      return this;
    }

    public Builder codeHash(String hash) {
      this.codeHash = hash;
      return this;
    }

    public Builder body(TaskBody b) {
      this.body = b;
      return this;
    }

    public Task build() {
      Objects.requireNonNull(body, () -> "body of task [" + name + "]");
      String hash = codeHash;
      if (hash == null) {
        hash = CodeHashes.ofClass(body.getClass());
        if (hash == null && options.cached()) {
          throw new IllegalStateException("Cannot read the class bytes of the body of cached task [" + name
              + "] (" + body.getClass().getName() + "): pass codeHash(...) so that changed code is not served"
              + " from the cache");
        }
        if (hash == null) {
          hash = "";
        }
      }
      return new Task(name, TypedInterface.of(inputs, returnType), options, hash, body);
    }
  }
}
