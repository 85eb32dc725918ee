package dev.flytejava.kernel.magics;

/**
 * Bad arguments given to a magic: names the magic, what was wrong (the option or parameter and the
 * offending value) and the form the magic accepts.
 */
public final class MagicArgumentException extends IllegalArgumentException {

    private final String magic;
    private final String problem;
    private final String allowedForm;

    /**
     * @param magic       the magic as typed, e.g. {@code %maven}
     * @param problem     what was wrong, naming the option or value
     * @param allowedForm the accepted form, e.g. the usage synopsis; may be empty
     */
    public MagicArgumentException(String magic, String problem, String allowedForm) {
        super(problem + " in [" + magic + "]" + (allowedForm.isBlank() ? "" : "; expected: " + allowedForm.strip()));
        this.magic = magic;
        this.problem = problem;
        this.allowedForm = allowedForm;
    }

    public String magic() {
        return magic;
    }

    public String problem() {
        return problem;
    }

    public String allowedForm() {
        return allowedForm;
    }
}
