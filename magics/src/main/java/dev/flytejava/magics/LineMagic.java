package dev.flytejava.magics;

/** A {@code %name args} magic. Returns a value to show as the cell's result, or {@code null}. */
@FunctionalInterface
public interface LineMagic {
    Object eval(MagicContext context, String args) throws Exception;
}
