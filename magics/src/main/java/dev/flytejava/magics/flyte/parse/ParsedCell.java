package dev.flytejava.magics.flyte.parse;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.Trees;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * A cell body parsed (never compiled) as the members of a synthetic class, with positions mapped back
 * to the cell: {@code class __FlyteCell {\n BODY \n}}. Syntax errors become {@link CellSyntaxException}.
 */
final class ParsedCell {
    private static final String PREFIX = "class __FlyteCell {\n";
    private static final String SUFFIX = "\n}\n";
    private static final JavaCompiler COMPILER = ToolProvider.getSystemJavaCompiler();

    private final String body;
    private final int firstLine;
    private final CompilationUnitTree unit;
    private final SourcePositions positions;
    private final ClassTree cellClass;

    private ParsedCell(String body, int firstLine, CompilationUnitTree unit, SourcePositions positions) {
        this.body = body;
        this.firstLine = firstLine;
        this.unit = unit;
        this.positions = positions;
        this.cellClass = (ClassTree) unit.getTypeDecls().get(0);
    }

    /** {@code firstLine}: the cell line the body starts on (2 below a magic line), for positions. */
    static ParsedCell parse(String body, int firstLine) {
        if (COMPILER == null) throw new IllegalStateException("No Java compiler in this runtime (a JRE, not a JDK?)");
        String source = PREFIX + body + SUFFIX;
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///__FlyteCell.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavacTask task = (JavacTask) COMPILER.getTask(null, null, diagnostics, List.of("-proc:none"), null, List.of(file));
        CompilationUnitTree unit;
        try {
            unit = task.parse().iterator().next();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read an in-memory source", e);
        }
        ParsedCell cell = new ParsedCell(body, firstLine, unit, Trees.instance(task).getSourcePositions());
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                throw new CellSyntaxException(cell.positionOf(d.getPosition()), "Java syntax error: " + d.getMessage(Locale.ROOT));
            }
        }
        if (unit.getTypeDecls().size() != 1) {
            throw new CellSyntaxException(new CellPosition(firstLine, 1), "the cell must hold Java members only");
        }
        return cell;
    }

    List<? extends Tree> members() {
        return cellClass.getMembers();
    }

    CellPosition positionOf(Tree tree) {
        return positionOf(positions.getStartPosition(unit, tree));
    }

    /** Offset of a tree in the cell body. */
    int start(Tree tree) {
        return (int) positions.getStartPosition(unit, tree) - PREFIX.length();
    }

    int end(Tree tree) {
        return (int) positions.getEndPosition(unit, tree) - PREFIX.length();
    }

    String text(Tree tree) {
        return body.substring(start(tree), end(tree));
    }

    String body() {
        return body;
    }

    /** Maps an offset in the synthetic unit to the cell's line and column (clamped into the body). */
    CellPosition positionOf(long unitOffset) {
        int offset = (int) Math.max(0, Math.min(body.length(), unitOffset - PREFIX.length()));
        int line = firstLine;
        int column = 1;
        for (int i = 0; i < offset; i++) {
            if (body.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new CellPosition(line, column);
    }

    /**
     * The cell's single method, or an error naming what else was found and what is allowed.
     * {@code what} is e.g. "%%task".
     */
    MethodTree singleMethod(String what, String example) {
        MethodTree method = null;
        for (Tree member : members()) {
            if (member instanceof MethodTree m && m.getReturnType() != null) {
                if (method != null) {
                    throw new CellSyntaxException(positionOf(m), what + " allows exactly one method, found a second one ["
                            + m.getName() + "]; declare it in a cell of its own. Allowed: " + example);
                }
                method = m;
            } else {
                throw new CellSyntaxException(positionOf(member), what + " allows exactly one method, found "
                        + describe(member) + ". Allowed: " + example);
            }
        }
        if (method == null) {
            throw new CellSyntaxException(new CellPosition(firstLine, 1), what + " needs one method. Allowed: " + example);
        }
        if (method.getBody() == null) {
            throw new CellSyntaxException(positionOf(method), "method [" + method.getName() + "] has no body. Allowed: " + example);
        }
        if (!method.getTypeParameters().isEmpty()) {
            throw new CellSyntaxException(positionOf(method.getTypeParameters().get(0)), "method [" + method.getName()
                    + "] is generic; Flyte needs concrete input and output types");
        }
        return method;
    }

    /** The method's name, parameters and return type as written, and its source for redefinition. */
    MethodSignature signature(MethodTree method) {
        List<MethodSignature.Parameter> parameters = new java.util.ArrayList<>();
        for (com.sun.source.tree.VariableTree p : method.getParameters()) {
            if (text(p).contains("...")) {
                throw new CellSyntaxException(positionOf(p), "varargs parameter [" + p.getName()
                        + "] is not allowed; use a List<...> input");
            }
            parameters.add(new MethodSignature.Parameter(p.getName().toString(), text(p.getType())));
        }
        int start = start(method);
        String source = body.substring(start, end(method));
        String name = method.getName().toString();
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("\\b" + java.util.regex.Pattern.quote(name) + "\\s*\\(")
                .matcher(source);
        int fromReturnType = end(method.getReturnType()) - start;
        if (!m.find(fromReturnType)) throw new IllegalStateException("cannot find the name of method [" + name + "]");
        return new MethodSignature(name, parameters, text(method.getReturnType()), source, m.start(), positionOf(method));
    }

    private static String describe(Tree member) {
        return switch (member.getKind()) {
            case VARIABLE -> "a field [" + ((com.sun.source.tree.VariableTree) member).getName() + "]";
            case CLASS, INTERFACE, ENUM, RECORD, ANNOTATION_TYPE -> "a type declaration ["
                    + ((ClassTree) member).getSimpleName() + "]; declare types in a plain Java cell";
            case BLOCK -> "an initializer block";
            case METHOD -> "a constructor";
            default -> "[" + member.getKind() + "]";
        };
    }
}
