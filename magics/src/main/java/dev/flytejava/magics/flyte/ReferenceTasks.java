package dev.flytejava.magics.flyte;

import dev.flytejava.magics.flyte.options.OptionException;
import dev.flytejava.magics.flyte.parse.MethodSignature;
import dev.flytejava.magics.flyte.parse.TaskCellParser;
import dev.flytejava.runtime.model.Task;
import dev.flytejava.magics.flyte.render.TaskCard;
import dev.flytejava.runtime.model.FlyteTypes;
import flyteidl.core.Interface.TypedInterface;
import flyteidl.core.Types.LiteralType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code %flyte reference task NAME --project P --domain D --version V [--signature "R m(T a, ...)"]}: a task
 * registered elsewhere (by flytekit, typically), declared as a task method that workflows call. Its interface is read
 * from FlyteAdmin; the Java signature is given, or made from that interface when its types are plain (numbers,
 * strings, booleans, times, lists and maps of them). The declared interface must match the registered one, type by
 * type (a record matches a dataclass). Locally the method fails, saying the task runs only remotely.
 */
final class ReferenceTasks {
    static final String USAGE = "%flyte reference task|launchplan NAME [--project P] [--domain D] --version V"
            + " [--signature \"R method(T a, ...)\"]";

    private ReferenceTasks() {}

    /** The options after the kind: kind ({@code task} or {@code launchplan}), name, project, domain, version, signature. */
    record Options(String kind, String name, String project, String domain, String version, String signature) {
        static Options parse(List<String> words) {
            if (words.isEmpty() || !(words.get(0).equals("task") || words.get(0).equals("launchplan"))) {
                String what = words.isEmpty() ? "nothing" : "[" + words.get(0) + "]";
                throw new OptionException("%flyte reference takes task or launchplan, got " + what + "\nUsage: " + USAGE);
            }
            String kind = words.get(0);
            String magic = "%flyte reference " + kind;
            if (words.size() < 2 || words.get(1).startsWith("--")) throw new OptionException(magic + " needs the " + label(kind) + "'s name\nUsage: " + USAGE);
            String project = "flytesnacks", domain = "development", version = null, signature = null;
            for (int i = 2; i < words.size(); i += 2) {
                String option = words.get(i);
                if (i + 1 >= words.size()) throw new OptionException(magic + ": " + option + " needs a value\nUsage: " + USAGE);
                String value = words.get(i + 1);
                switch (option) {
                    case "--project" -> project = value;
                    case "--domain" -> domain = value;
                    case "--version" -> version = value;
                    case "--signature" -> signature = value;
                    default -> throw new OptionException(magic + ": unknown option [" + option + "]\nUsage: " + USAGE);
                }
            }
            if (version == null) throw new OptionException(magic + " " + words.get(1) + ": --version is required (a reference names one version)\nUsage: " + USAGE);
            return new Options(kind, words.get(1), project, domain, version, signature);
        }

        boolean launchPlan() {
            return kind.equals("launchplan");
        }

        /** "task" or "launch plan": how messages name what is referred to. */
        String label() {
            return label(kind);
        }

        private static String label(String kind) {
            return kind.equals("launchplan") ? "launch plan" : "task";
        }

        String id() {
            return referenceId().toString();
        }

        dev.flytejava.runtime.model.ReferenceId referenceId() {
            return new dev.flytejava.runtime.model.ReferenceId(project, domain, name, version);
        }
    }

    /** Declares the reference task of {@code registered}'s interface, checked against it. */
    static TaskCard declare(Options options, TypedInterface registered, Declarations declarations, FlyteSession session)
            throws Exception {
        String signature = options.signature() != null ? options.signature() : signature(options, registered);
        String body = signature + " {\n    throw new UnsupportedOperationException(\"reference " + options.label() + " " + options.id()
                + " runs only remotely: call it from a workflow and use %flyte run --remote\");\n}";
        String where = "reference " + options.label() + " " + options.id();
        MethodSignature parsed = TaskCellParser.parse(body);
        List<java.lang.reflect.Type> types = declarations.resolveTypes(parsed, where);
        Task.Builder probe = Task.builder(parsed.name()).codeHash("").body(in -> null);
        for (int i = 0; i < parsed.parameters().size(); i++) probe.input(parsed.parameters().get(i).name(), types.get(i));
        probe.returns(types.get(types.size() - 1));
        dev.flytejava.runtime.model.TypedInterface declared = probe.build().iface();
        List<String> problems = new ArrayList<>();
        compare("input", registered.getInputs().getVariablesMap(), declared.inputs(), session, problems);
        compare("output", registered.getOutputs().getVariablesMap(), declared.outputs(), session, problems);
        if (!problems.isEmpty()) {
            throw new OptionException(where + ": the signature [" + signature + "] does not match its registered interface: "
                    + String.join("; ", problems));
        }
        if (options.launchPlan()) {
            return declarations.declareReferenceLaunchPlan(dev.flytejava.runtime.model.ReferenceLaunchPlan.of(parsed.name(), declared,
                    options.referenceId()), parsed, options.id());
        }
        TaskCard card = declarations.declareTask("--reference " + options.id(), body);
        return card;
    }

    private static void compare(String kind, Map<String, flyteidl.core.Interface.Variable> theirs,
            List<dev.flytejava.runtime.model.Variable> ours, FlyteSession session, List<String> problems) {
        Map<String, LiteralType> mine = new TreeMap<>();
        for (var v : ours) mine.put(v.name(), session.typeEngine().literalTypeOf(v.type()));
        for (var e : new TreeMap<>(theirs).entrySet()) {
            LiteralType m = mine.remove(e.getKey());
            LiteralType t = e.getValue().getType();
            if (m == null) problems.add(kind + " [" + e.getKey() + "] (" + FlyteTypes.describe(t) + ") is missing");
            else if (!sameShape(t, m)) problems.add(kind + " [" + e.getKey() + "] is " + FlyteTypes.describe(t)
                    + " there but " + FlyteTypes.describe(m) + " here");
        }
        mine.keySet().forEach(n -> problems.add(kind + " [" + n + "] is not in the registered interface"));
    }

    /** The same type, up to the schema a record and a dataclass each write into their metadata. */
    static boolean sameShape(LiteralType a, LiteralType b) {
        if (a.getTypeCase() != b.getTypeCase()) return false;
        return switch (a.getTypeCase()) {
            case SIMPLE -> a.getSimple() == b.getSimple();
            case COLLECTION_TYPE -> sameShape(a.getCollectionType(), b.getCollectionType());
            case MAP_VALUE_TYPE -> sameShape(a.getMapValueType(), b.getMapValueType());
            case UNION_TYPE -> a.getUnionType().getVariantsCount() == b.getUnionType().getVariantsCount()
                    && a.getUnionType().getVariantsList().stream().allMatch(v -> b.getUnionType().getVariantsList().stream()
                            .anyMatch(w -> sameShape(v, w)));
            case BLOB -> a.getBlob().getDimensionality() == b.getBlob().getDimensionality();
            case ENUM_TYPE -> a.getEnumType().getValuesList().equals(b.getEnumType().getValuesList());
            default -> a.toBuilder().clearMetadata().clearAnnotation().clearStructure().build()
                    .equals(b.toBuilder().clearMetadata().clearAnnotation().clearStructure().build());
        };
    }

    /** A Java signature for a registered interface of plain types: {@code long shiftPoint(long by, String name)}. */
    private static String signature(Options options, TypedInterface registered) {
        String leaf = options.name().substring(options.name().lastIndexOf('.') + 1);
        StringBuilder method = new StringBuilder();
        boolean up = false;
        for (char c : leaf.toCharArray()) {
            if (c == '_') {
                up = method.length() > 0;
            } else {
                method.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        var outputs = registered.getOutputs().getVariablesMap();
        String returns;
        if (outputs.isEmpty()) returns = "void";
        else if (outputs.size() == 1 && outputs.containsKey("o0")) returns = javaType(options, "output o0", outputs.get("o0").getType());
        else throw new OptionException("reference task " + options.id() + " has outputs " + new TreeMap<>(outputs).keySet()
                + ": give --signature with an @Outputs record of those names as the return type");
        List<String> params = new ArrayList<>();
        new TreeMap<>(registered.getInputs().getVariablesMap()).forEach((n, v) ->
                params.add(javaType(options, "input " + n, v.getType()) + " " + n));
        return returns + " " + method + "(" + String.join(", ", params) + ")";
    }

    private static String javaType(Options options, String what, LiteralType t) {
        if (t.hasCollectionType()) return "List<" + boxed(javaType(options, what, t.getCollectionType())) + ">";
        if (t.hasMapValueType()) return "Map<String, " + boxed(javaType(options, what, t.getMapValueType())) + ">";
        if (t.hasSimple()) {
            switch (t.getSimple()) {
                case INTEGER: return "long";
                case FLOAT: return "double";
                case STRING: return "String";
                case BOOLEAN: return "boolean";
                case DATETIME: return "java.time.Instant";
                case DURATION: return "java.time.Duration";
                default: break;
            }
        }
        throw new OptionException("reference task " + options.id() + ": " + what + " is " + FlyteTypes.describe(t)
                + "; give --signature with the Java type for it (a record for a dataclass), e.g. --signature \"Point "
                + "shift(Point p, long by)\"");
    }

    private static String boxed(String type) {
        return switch (type) {
            case "long" -> "Long";
            case "double" -> "Double";
            case "boolean" -> "Boolean";
            default -> type;
        };
    }
}
