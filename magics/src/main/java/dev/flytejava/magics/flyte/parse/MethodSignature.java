package dev.flytejava.magics.flyte.parse;

import java.util.List;

/**
 * The one method a {@code %%task} or {@code %%workflow} cell declares, as written: its name, its
 * parameters with their type source text, its return type source text ({@code "void"} when none) and
 * the method's source with the offset of its name, so the glue can define it again under another name.
 */
public record MethodSignature(String name, List<Parameter> parameters, String returnType, String source,
                              int nameOffset, CellPosition position) {

    /** A parameter: its name and its type exactly as written, e.g. {@code List<Coordinate>}. */
    public record Parameter(String name, String type) {}

    public MethodSignature {
        parameters = List.copyOf(parameters);
        if (!source.startsWith(name, nameOffset)) {
            throw new IllegalArgumentException("name offset " + nameOffset + " does not point at [" + name + "]");
        }
    }

    public boolean returnsVoid() {
        return returnType.equals("void");
    }

    /** The same method under another name, e.g. {@code __flyte_addOne_impl}. */
    public String renamed(String newName) {
        return source.substring(0, nameOffset) + newName + source.substring(nameOffset + name.length());
    }

    public List<String> parameterNames() {
        return parameters.stream().map(Parameter::name).toList();
    }
}
