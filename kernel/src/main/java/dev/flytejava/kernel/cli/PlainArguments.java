package dev.flytejava.kernel.cli;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Binds a plain command line (positional words, {@code --name value} and boolean flags) onto a command's picocli
 * fields without building picocli's model, which costs 150 ms or more of a short command's start. Anything else
 * (help, an unknown option, {@code --name=value}, a missing value; a command with a field of another type than
 * String, Path or boolean, or with defaults, arities or required options in its annotations) gives empty, and picocli
 * parses the line as usual, with its messages.
 */
final class PlainArguments {
    private static final List<Class<?>> BINDABLE = List.of(String.class, Path.class, boolean.class);
    /** What picocli's annotations hold when no default value is given. */
    private static final String NO_DEFAULT = "__no_default_value__";

    private PlainArguments() {}

    static <T> Optional<T> bind(T command, String[] args) {
        Map<String, Field> options = new HashMap<>();
        List<Field> positional = new ArrayList<>();
        for (Field f : command.getClass().getDeclaredFields()) {
            Option option = f.getAnnotation(Option.class);
            Parameters parameters = f.getAnnotation(Parameters.class);
            if ((option != null || parameters != null) && !BINDABLE.contains(f.getType())) return Optional.empty();
            if (option != null) {
                if (option.required() || !option.arity().isEmpty() || !option.defaultValue().equals(NO_DEFAULT)) {
                    return Optional.empty();
                }
                for (String name : option.names()) options.put(name, f);
            }
            if (parameters != null) {
                if (!parameters.index().matches("\\d+") || !parameters.arity().isEmpty()
                        || !parameters.defaultValue().equals(NO_DEFAULT)) {
                    return Optional.empty();
                }
                int at = Integer.parseInt(parameters.index());
                while (positional.size() <= at) positional.add(null);
                positional.set(at, f);
            }
        }
        if (positional.contains(null)) return Optional.empty();
        int next = 0;
        try {
            for (int i = 0; i < args.length; i++) {
                String word = args[i];
                if (word.startsWith("-")) {
                    Field f = options.get(word);
                    if (f == null) return Optional.empty();
                    if (f.getType() == boolean.class) {
                        set(f, command, true);
                    } else if (i + 1 < args.length && !args[i + 1].startsWith("-")) {
                        if (!set(f, command, args[++i])) return Optional.empty();
                    } else {
                        return Optional.empty();
                    }
                } else {
                    if (next >= positional.size() || !set(positional.get(next++), command, word)) return Optional.empty();
                }
            }
        } catch (IllegalAccessException | RuntimeException e) {
            return Optional.empty(); // picocli says what is wrong
        }
        return next == positional.size() ? Optional.of(command) : Optional.empty();
    }

    private static boolean set(Field f, Object command, Object value) throws IllegalAccessException {
        Class<?> type = f.getType();
        Object converted = type == String.class || type == boolean.class ? value
                : type == Path.class ? Path.of((String) value) : null;
        if (converted == null) return false;
        f.setAccessible(true);
        f.set(command, converted);
        return true;
    }
}
