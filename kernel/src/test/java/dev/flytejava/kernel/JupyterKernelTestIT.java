package dev.flytejava.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Debian's {@code jupyter_kernel_test} suite against the installed kernel, with a sample for
 * every test it offers ({@code src/test/python/flyte_java_kernel_tests.py}): all must pass and
 * none may be skipped.
 */
class JupyterKernelTestIT extends KernelCase {

    @Test
    void everyJupyterKernelTestPassesAndNoneIsSkipped() {
        Result r = python(List.of("-m", "unittest", "-v", "flyte_java_kernel_tests"), null, 600);
        String report = r.stderr();
        assertEquals(0, r.exit(), "jupyter_kernel_test failed:\n" + report);
        assertTrue(report.contains("\nOK"), report);
        assertFalse(report.contains("skipped"), "some tests were skipped:\n" + report);
        assertTrue(report.matches("(?s).*Ran (1[2-9]|[2-9]\\d) tests.*"), "expected the whole suite to run:\n" + report);
        assertNoSecurityManagerWarning(report); // the kernels' stderr passes through to the suite's
    }
}
