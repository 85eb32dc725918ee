package dev.flytejava.kernel.eval;

import java.util.List;

/**
 * A cell that did not complete, in the shape Jupyter shows ({@code ename}, {@code evalue},
 * {@code traceback}). Thrown for compile errors, exceptions from user code, interrupts and
 * failing magics; {@code aborted} marks interrupts (the cell was stopped, not wrong).
 */
public final class CellFailure extends RuntimeException {

    private final String ename;
    private final String evalue;
    private final List<String> traceback;

    public CellFailure(String ename, String evalue, List<String> traceback, Throwable cause) {
        super(ename + ": " + evalue, cause);
        this.ename = ename;
        this.evalue = evalue == null ? "" : evalue;
        this.traceback = List.copyOf(traceback);
    }

    public String ename() {
        return ename;
    }

    public String evalue() {
        return evalue;
    }

    public List<String> traceback() {
        return traceback;
    }
}
