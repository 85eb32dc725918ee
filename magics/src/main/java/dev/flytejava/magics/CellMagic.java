package dev.flytejava.magics;

/**
 * A {@code %%name args} magic that owns the whole cell: {@code args} is the rest of the first line,
 * {@code body} everything after it. Returns a value to show as the cell's result, or {@code null}.
 */
@FunctionalInterface
public interface CellMagic {
    Object eval(MagicContext context, String args, String body) throws Exception;
}
