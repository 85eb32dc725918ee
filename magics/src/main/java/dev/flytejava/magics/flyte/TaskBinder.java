package dev.flytejava.magics.flyte;

import dev.flytejava.magics.code.CodeRoot;
import dev.flytejava.magics.code.NotebookCode;
import dev.flytejava.magics.flyte.options.TaskOptions;
import dev.flytejava.magics.flyte.parse.MethodSignature;
import dev.flytejava.runtime.code.CodeClosure;
import dev.flytejava.runtime.code.CodeSnippet;
import dev.flytejava.runtime.model.ReferenceTask;
import dev.flytejava.runtime.model.Task;
import dev.flytejava.runtime.model.TaskBody;
import dev.flytejava.runtime.model.TaskDecorator;
import dev.flytejava.runtime.plugins.PodTask;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a declared task's runtime {@link Task} from the session's code as it is now: the class its hidden method
 * is compiled to (a cell that redefines a helper or a record recompiles it into a new one), the Java types of that
 * method (so a redefined record is the new class), the current values of its decorator variables, and the hash of
 * its closure as the code part of its cache key. Declaring and rebinding go through here, so they cannot differ.
 */
final class TaskBinder {
    private final NotebookCode code;
    private final ClassLoader loader;
    private final Map<String, String> registrations;

    /** {@code registrations}: per transformer type (binary name), the class of the cell snippet that registered it. */
    TaskBinder(NotebookCode code, ClassLoader loader, Map<String, String> registrations) {
        this.code = code;
        this.loader = loader;
        this.registrations = registrations;
    }

    /** A task bound to code: the runtime task, the closure it was made from, and the hidden method's class. */
    record Bound(Task task, CodeClosure closure, String className) {}

    /** Where a task's closure starts: its hidden method and its decorator variables. */
    static List<CodeRoot> roots(MethodSignature signature, List<String> decorators) {
        List<CodeRoot> roots = new ArrayList<>();
        roots.add(hiddenRoot(signature));
        decorators.forEach(d -> roots.add(CodeRoot.variable(d)));
        return roots;
    }

    static CodeRoot hiddenRoot(MethodSignature signature) {
        return CodeRoot.method(SessionCode.hiddenName(signature.name()), SessionCode.parameterTypes(signature));
    }

    /** The closure of a task now, without binding it (cheap enough to compare on every code change). */
    CodeClosure closure(MethodSignature signature, TaskOptions options) {
        return closure(roots(signature, options.decorators()));
    }

    /**
     * The closure of {@code roots} with the cells that registered transformers for the types it holds (a record with
     * a cell-registered {@code TypeTransformer.via(...)}): they decide the task's literals, so they count in its hash,
     * and its container must run them before the task.
     */
    CodeClosure closure(List<CodeRoot> roots) {
        List<CodeRoot> all = new ArrayList<>(roots);
        CodeClosure closure = code.closure(all);
        while (!registrations.isEmpty()) {
            List<CodeRoot> more = new ArrayList<>();
            for (Map.Entry<String, String> r : registrations.entrySet()) {
                CodeRoot root = CodeRoot.compiledTo(r.getValue());
                if (closure.classes().containsKey(r.getKey()) && !all.contains(root) && !more.contains(root)) more.add(root);
            }
            if (more.isEmpty()) break;
            all.addAll(more);
            closure = code.closure(all);
        }
        return closure;
    }

    /** The hidden method's class now, if its snippet is active. */
    Optional<String> className(MethodSignature signature) {
        return code.className(hiddenRoot(signature));
    }

    Bound bind(String name, MethodSignature signature, TaskOptions options, CodeClosure closure, String className) {
        String where = "task [" + name + "]";
        Method method = hiddenMethod(signature, className, where);
        Type[] parameters = method.getGenericParameterTypes();
        Task.Builder task = Task.builder(name);
        for (int i = 0; i < parameters.length; i++) task.input(signature.parameters().get(i).name(), parameters[i]);
        task.returns(method.getGenericReturnType());
        task.options(new dev.flytejava.runtime.model.TaskOptions(options.cacheVersion().orElse(null), options.retries(),
                options.timeout().orElse(null), options.image().orElse(null), options.requests(), options.limits(), options.env(),
                decorators(options.decorators(), where)));
        task.codeHash(closure.hash());
        task.body(TaskBody.invoking(method));
        Task built = task.build();
        if (!options.sidecars().isEmpty()) {
            List<PodTask.Sidecar> sidecars = new ArrayList<>();
            options.sidecars().forEach((n, image) -> sidecars.add(new PodTask.Sidecar(n, image, List.of())));
            built = PodTask.withSidecars(built, sidecars);
        }
        if (options.reference().isPresent()) {
            dev.flytejava.runtime.model.ReferenceId id;
            try {
                id = dev.flytejava.runtime.model.ReferenceId.parse(options.reference().get());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--reference of " + where + ": " + e.getMessage(), e);
            }
            built = ReferenceTask.of(built, id);
        }
        return new Bound(built, closure, className);
    }

    private Method hiddenMethod(MethodSignature signature, String className, String where) {
        String hidden = SessionCode.hiddenName(signature.name());
        try {
            for (Method m : loader.loadClass(className).getDeclaredMethods()) {
                if (m.getName().equals(hidden) && m.getParameterCount() == signature.parameters().size()) return m;
            }
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("The code of " + where + " cannot be loaded from [" + className + "]: " + e, e);
        }
        throw new IllegalStateException("The code of " + where + " has no method [" + hidden + "] in [" + className + "]");
    }

    /** The session variables named in {@code --decorators}, each a TaskDecorator, read as they are now. */
    List<TaskDecorator> decorators(List<String> names, String where) {
        List<TaskDecorator> decorators = new ArrayList<>();
        for (String name : names) {
            Optional<Object> value = code.value(name);
            if (value.isEmpty() || !(value.get() instanceof TaskDecorator d)) {
                String found = value.isEmpty() ? "no session variable [" + name + "]"
                        : "[" + name + "] is a " + value.get().getClass().getName() + ", not a TaskDecorator";
                throw new IllegalArgumentException("--decorators of " + where + ": " + found + "; " + knownDecorators());
            }
            decorators.add(d);
        }
        return decorators;
    }

    private String knownDecorators() {
        List<String> known = new ArrayList<>();
        for (CodeSnippet s : code.snippets()) {
            if (s.kind() == CodeSnippet.Kind.VARIABLE && code.value(s.name()).orElse(null) instanceof TaskDecorator) known.add(s.name());
        }
        return known.isEmpty() ? "declare a TaskDecorator variable in a cell first, e.g. "
                + "`TaskDecorator timed = (call, next) -> next.run(call);`"
                : "TaskDecorator variables in this session: " + String.join(", ", known);
    }
}
