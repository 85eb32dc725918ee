package dev.flytejava.kernel.cell;

import java.util.Optional;
import java.util.function.Supplier;

import dev.flytejava.kernel.eval.CellErrors;
import dev.flytejava.kernel.eval.CellFailure;
import dev.flytejava.kernel.eval.CellSegments;
import dev.flytejava.kernel.eval.JShellSession;
import dev.flytejava.magics.CellMagic;
import dev.flytejava.magics.LineMagic;
import dev.flytejava.magics.MagicContext;
import dev.flytejava.magics.MagicRegistry;

/**
 * Runs a cell's pieces in order: Java through JShell, {@code %line} magics between them, or the
 * whole cell through a {@code %%cell} magic. The cell's value is the value of its last piece.
 * A magic's failure becomes a {@link CellFailure}: its message alone for usage errors, with the
 * stack trace for unexpected exceptions.
 */
public final class CellRunner {

    /** What a cell shows as its result: the object and, for Java values, JShell's text for it. */
    public record Shown(Object value, String plainText) {
    }

    private final Supplier<JShellSession> session;
    private final Supplier<MagicRegistry> magics;
    private final MagicContext context;
    private volatile Thread magicThread;
    private volatile boolean interrupted;

    public CellRunner(Supplier<JShellSession> session, Supplier<MagicRegistry> magics, MagicContext context) {
        this.session = session;
        this.magics = magics;
        this.context = context;
    }

    /** A new cell is about to run: interrupts aimed at earlier cells no longer apply. */
    public void beginCell() {
        interrupted = false;
    }

    /** Runs the cell; returns what to show as its {@code execute_result}, if anything. */
    public Optional<Shown> run(String cell) {
        Optional<Shown> last = Optional.empty();
        for (CellSegments.Segment segment : CellSegments.split(cell)) {
            if (interrupted) throw CellErrors.message("Interrupted", "the cell was interrupted");
            if (segment instanceof CellSegments.JavaCode java) {
                last = session.get().eval(java.source(), java.firstLine()).map(v -> new Shown(v.object(), v.text()));
            } else if (segment instanceof CellSegments.LineMagicCall line) {
                last = runMagic("%" + line.name(), () -> lineMagic(line.name()).eval(context, line.args()));
            } else if (segment instanceof CellSegments.CellMagicCall c) {
                last = runMagic("%%" + c.name(), () -> cellMagic(c.name()).eval(context, c.args(), c.body()));
            } else if (segment instanceof CellSegments.MisplacedCellMagic m) {
                throw CellErrors.message("MisplacedCellMagic", "Cell magic [%%" + m.name() + "] is on cell line " + m.line()
                        + "; a cell magic must be the first line of its cell (remove the lines above it or move them to another cell)");
            }
        }
        return last;
    }

    /** Interrupts the running cell's magic and skips its remaining pieces (snippets are stopped through JShell). */
    public void interrupt() {
        interrupted = true;
        Thread t = magicThread;
        if (t != null) t.interrupt();
    }

    private interface MagicCall {
        Object call() throws Exception;
    }

    private Optional<Shown> runMagic(String name, MagicCall call) {
        magicThread = Thread.currentThread();
        try {
            Object value = call.call();
            return value == null ? Optional.empty() : Optional.of(new Shown(value, null));
        } catch (CellFailure f) {
            throw f;
        } catch (InterruptedException e) {
            throw CellErrors.message("Interrupted", "magic [" + name + "] was interrupted");
        } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
            throw CellErrors.message(e.getClass().getSimpleName(), "in magic [" + name + "]: " + CellErrors.withoutWrapperNames(String.valueOf(e.getMessage())));
        } catch (Exception e) {
            throw CellErrors.exception(e);
        } finally {
            magicThread = null;
            Thread.interrupted(); // an interrupt aimed at the magic must not hit the next cell
        }
    }

    private LineMagic lineMagic(String name) {
        return magics.get().lineMagic(name).orElseThrow(() -> unknown("%" + name));
    }

    private CellMagic cellMagic(String name) {
        return magics.get().cellMagic(name).orElseThrow(() -> unknown("%%" + name));
    }

    private CellFailure unknown(String name) {
        String known = magics.get().knownNames();
        return CellErrors.message("UnknownMagic", "Unknown magic [" + name + "]; known magics: "
                + (known.isEmpty() ? "(none)" : known));
    }

}
