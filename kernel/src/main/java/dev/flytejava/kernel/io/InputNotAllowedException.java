package dev.flytejava.kernel.io;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A cell read {@code System.in} while the front end allows no input ({@code allow_stdin} false, as in
 * papermill or nbconvert). Unchecked on purpose: {@link java.util.Scanner} swallows an
 * {@link IOException} and reports only "No line found", so the cause must get past it.
 */
public final class InputNotAllowedException extends UncheckedIOException {

    InputNotAllowedException() {
        super(new IOException("System.in is not available: the front end did not allow input for this request"
                + " (allow_stdin is false); give the cell its input another way, e.g. in a variable"));
    }

    @Override
    public String getMessage() {
        return getCause().getMessage();
    }
}
