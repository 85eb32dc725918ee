package dev.flytejava.magics.flyte;

/** A name that is not a declared task, workflow or launch plan; the message lists the declared ones. */
public final class UnknownEntityException extends IllegalArgumentException {
    private final String entityName;

    public UnknownEntityException(String entityName, String where, String known) {
        super("Unknown task, workflow or launch plan [" + entityName + "]" + (where.isEmpty() ? "" : " " + where)
                + "; declared: " + known);
        this.entityName = entityName;
    }

    public String entityName() {
        return entityName;
    }
}
