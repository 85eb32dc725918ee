package dev.flytejava.runtime.code;

import dev.flytejava.runtime.model.Task;
import dev.flytejava.runtime.model.TaskBody;
import dev.flytejava.runtime.model.TaskDecorator;
import dev.flytejava.runtime.types.TypeEngine;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Shipped code unpacked into a folder ({@link CodeArchive}'s layout), loaded: a class loader over its classes and
 * jars, its session variables set up as the notebook had them, and its tasks as runtime {@link Task}s. What the
 * container's entrypoint runs.
 */
public final class ShippedTasks implements AutoCloseable {
    private final CodeManifest manifest;
    private final URLClassLoader loader;
    private final TypeEngine engine;

    private ShippedTasks(CodeManifest manifest, URLClassLoader loader, TypeEngine engine) {
        this.manifest = manifest;
        this.loader = loader;
        this.engine = engine;
    }

    /** The type engine over the shipped classes, with the transformers the shipped cells registered. */
    public TypeEngine engine() {
        return engine;
    }

    /**
     * Loads the code in {@code dir}; {@code parent} is the loader of the runtime (the image's jar).
     *
     * @throws ShippedCodeException when the folder does not hold readable shipped code, or a variable's set-up fails
     */
    public static ShippedTasks load(Path dir, ClassLoader parent) {
        Path manifestFile = dir.resolve(CodeArchive.MANIFEST);
        CodeManifest manifest;
        try {
            manifest = CodeArchive.JSON.readValue(Files.readAllBytes(manifestFile), CodeManifest.class);
        } catch (IOException e) {
            throw new ShippedCodeException("The shipped code has no readable manifest [" + CodeArchive.MANIFEST + "]: " + e, e);
        }
        if (!CodeManifest.FORMAT.equals(manifest.format())) {
            throw new ShippedCodeException("The shipped code is of format [" + manifest.format() + "]; this runtime reads ["
                    + CodeManifest.FORMAT + "]", null);
        }
        List<URL> urls = new ArrayList<>();
        try {
            urls.add(dir.resolve(CodeArchive.CLASSES).toUri().toURL());
            for (CodeManifest.JarEntry j : manifest.jars()) urls.add(dir.resolve(j.file()).toUri().toURL());
        } catch (java.net.MalformedURLException e) {
            throw new ShippedCodeException("Bad path in the shipped code: " + e, e);
        }
        URLClassLoader loader = new URLClassLoader("flyte-java-shipped", urls.toArray(URL[]::new), parent);
        ShippedTasks tasks = new ShippedTasks(manifest, loader, TypeEngine.createDefault(loader));
        tasks.setUpVariables();
        CellRegistrations.into(tasks.engine, tasks::runRegistrations);
        return tasks;
    }

    public CodeManifest manifest() {
        return manifest;
    }

    public ClassLoader classLoader() {
        return loader;
    }

    /** The variables in declaration order: captured values set, others initialized as their declaration does. */
    private void setUpVariables() {
        for (CodeManifest.VariableEntry v : manifest.variables()) {
            try {
                Class<?> c = Class.forName(v.className(), true, loader);
                if (v.value() != null) {
                    Field f = c.getDeclaredField(v.name());
                    f.setAccessible(true);
                    f.set(null, parse(v.value(), f.getType()));
                } else {
                    Method init = c.getDeclaredMethod("do_it$");
                    init.setAccessible(true);
                    init.invoke(null);
                }
            } catch (InvocationTargetException e) {
                throw new ShippedCodeException("Setting up variable [" + v.name() + "] failed: " + e.getCause(), e.getCause());
            } catch (ReflectiveOperationException | LinkageError | IllegalArgumentException e) {
                throw new ShippedCodeException("Cannot set up variable [" + v.name() + "] from [" + v.className() + "]: " + e, e);
            }
        }
    }

    /** Re-runs the cell statements that registered transformers, so that they register into the container's engine. */
    private void runRegistrations() {
        for (String className : manifest.registrations()) {
            try {
                Method run = Class.forName(className, true, loader).getDeclaredMethod("do_it$");
                run.setAccessible(true);
                run.invoke(null);
            } catch (InvocationTargetException e) {
                throw new ShippedCodeException("Registering a cell's transformer from [" + className + "] failed: " + e.getCause(), e.getCause());
            } catch (ReflectiveOperationException | LinkageError e) {
                throw new ShippedCodeException("Cannot run the transformer registration in [" + className + "]: " + e, e);
            }
        }
    }

    /** The task {@code name} as the runtime runs it (no retries, cache or timeout: those are Flyte's in a cluster). */
    public Task task(String name) {
        CodeManifest.TaskEntry entry;
        try {
            entry = manifest.task(name);
        } catch (IllegalArgumentException e) {
            throw new ShippedCodeException(e.getMessage(), null);
        }
        Method method = method(entry);
        Type[] parameters = method.getGenericParameterTypes();
        if (parameters.length != entry.inputs().size()) {
            throw new ShippedCodeException("Task [" + name + "]: its method takes " + parameters.length + " parameters but the"
                    + " manifest names " + entry.inputs(), null);
        }
        Task.Builder task = Task.builder(name);
        for (int i = 0; i < parameters.length; i++) task.input(entry.inputs().get(i), parameters[i]);
        task.returns(method.getGenericReturnType());
        List<TaskDecorator> decorators = new ArrayList<>();
        for (String d : entry.decorators()) decorators.add(decorator(d, name));
        task.decorators(decorators.toArray(TaskDecorator[]::new));
        task.codeHash(manifest.hash());
        task.body(TaskBody.invoking(method));
        return task.build();
    }

    private Method method(CodeManifest.TaskEntry entry) {
        try {
            for (Method m : Class.forName(entry.className(), true, loader).getDeclaredMethods()) {
                if (m.getName().equals(entry.method()) && m.getParameterCount() == entry.inputs().size()) return m;
            }
        } catch (ClassNotFoundException | LinkageError e) {
            throw new ShippedCodeException("Task [" + entry.name() + "]: cannot load [" + entry.className() + "]: " + e, e);
        }
        throw new ShippedCodeException("Task [" + entry.name() + "]: [" + entry.className() + "] has no method [" + entry.method() + "]", null);
    }

    private TaskDecorator decorator(String variable, String task) {
        CodeManifest.VariableEntry v = manifest.variables().stream().filter(x -> x.name().equals(variable)).findFirst()
                .orElseThrow(() -> new ShippedCodeException("Task [" + task + "]: decorator variable [" + variable + "] is not shipped", null));
        try {
            Field f = Class.forName(v.className(), true, loader).getDeclaredField(variable);
            f.setAccessible(true);
            if (f.get(null) instanceof TaskDecorator d) return d;
            throw new ShippedCodeException("Task [" + task + "]: [" + variable + "] is not a TaskDecorator", null);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new ShippedCodeException("Task [" + task + "]: cannot read decorator [" + variable + "]: " + e, e);
        }
    }

    /** A captured value's text as the field's type: the primitives, their boxes and String. */
    static Object parse(String text, Class<?> type) {
        if (type == String.class) return text.equals("null") ? null : text;
        if (text.equals("null") && !type.isPrimitive()) return null;
        if (type == long.class || type == Long.class) return Long.parseLong(text);
        if (type == int.class || type == Integer.class) return Integer.parseInt(text);
        if (type == double.class || type == Double.class) return Double.parseDouble(text);
        if (type == float.class || type == Float.class) return Float.parseFloat(text);
        if (type == boolean.class || type == Boolean.class) return Boolean.parseBoolean(text);
        if (type == short.class || type == Short.class) return Short.parseShort(text);
        if (type == byte.class || type == Byte.class) return Byte.parseByte(text);
        if (type == char.class || type == Character.class) return text.charAt(0);
        throw new IllegalArgumentException("no captured form for a [" + type.getName() + "]");
    }

    @Override
    public void close() throws IOException {
        loader.close();
    }
}
