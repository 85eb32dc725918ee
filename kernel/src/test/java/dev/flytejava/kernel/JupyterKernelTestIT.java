package dev.flytejava.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import dev.flytejava.kernel.flyte.FlytePython;
import org.junit.jupiter.api.Test;

/**
 * The {@code jupyter_kernel_test} suite against the installed kernel on both client generations:
 * Debian's (jupyter_kernel_test 0.4.5 on jupyter_client 7) and PyPI's in the project venv
 * (jupyter_kernel_test 0.7.0 on jupyter_client 8.10.0), with a sample for every test each offers
 * ({@code src/test/python/flyte_java_kernel_tests.py}): all must pass and none may be skipped.
 * 0.7.0 adds IopubWelcomeTests (JEP 65, the kernel's XPUB IOPub socket welcomes each subscriber),
 * hence its 13 tests to 0.4.5's 12.
 */
class JupyterKernelTestIT extends KernelCase {

    @Test
    void everyTestOfDebiansSuitePassesAndNoneIsSkipped() {
        Path python = Path.of(PYTHON);
        assertEquals("0.4.5 7", versions(python), "Debian's jupyter_kernel_test and jupyter_client");
        assertWholeSuitePasses(python, 12);
    }

    @Test
    void everyTestOfTheNewestSuitePassesAndNoneIsSkipped() {
        Path python = FlytePython.path();
        assertEquals("0.7.0 8.10.0", versions(python), "the venv's jupyter_kernel_test and jupyter_client (python/requirements.txt)");
        assertWholeSuitePasses(python, 13);
    }

    private static String versions(Path python) {
        Result r = python(python, List.of("-c",
                "import jupyter_kernel_test as t, jupyter_client as c; print(t.__version__, c.__version__)"), null, 60);
        assertEquals(0, r.exit(), r.stderr());
        String[] v = r.stdout().strip().split(" ");
        // Debian's client is pinned by the distribution only to its major version
        return v[1].startsWith("7.") ? v[0] + " 7" : v[0] + " " + v[1];
    }

    private static void assertWholeSuitePasses(Path python, int tests) {
        Result r = python(python, List.of("-m", "unittest", "-v", "flyte_java_kernel_tests"), null, 600);
        String report = r.stderr();
        assertEquals(0, r.exit(), "jupyter_kernel_test failed:\n" + report);
        assertTrue(report.contains("\nOK"), report);
        assertFalse(report.contains("skipped"), "some tests were skipped:\n" + report);
        assertTrue(report.contains("Ran " + tests + " tests"), "expected all " + tests + " tests to run:\n" + report);
        assertNoSecurityManagerWarning(report); // the kernels' stderr passes through to the suite's
    }
}
