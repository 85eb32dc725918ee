package dev.flytejava.magics.flyte;

import dev.flytejava.magics.flyte.render.Table;
import dev.flytejava.runtime.remote.Registrar;
import flyteidl.core.IdentifierOuterClass.Identifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What {@code %flyte register} and {@code flyte-java register} show: each entity, its version, created or not. */
public final class RegistrationTable {
    private RegistrationTable() {}

    /** {@code codeFile} names the archive when nothing was uploaded (everything was registered already). */
    public static Table of(String name, String project, String domain, String codeFile, Registrar.Result result) {
        List<List<String>> rows = new ArrayList<>();
        result.created().forEach(id -> rows.add(row(id, "created")));
        result.unchanged().forEach(id -> rows.add(row(id, "unchanged")));
        String code = result.codeUrl() != null ? "code " + result.codeUrl() : "code " + codeFile + " uploaded before";
        return new Table("Registered " + name + " in " + project + "/" + domain + " (" + code + ")",
                List.of("kind", "name", "version", "result"), rows);
    }

    private static List<String> row(Identifier id, String what) {
        return List.of(id.getResourceType().name().toLowerCase(Locale.ROOT).replace('_', ' '), id.getName(), id.getVersion(), what);
    }
}
