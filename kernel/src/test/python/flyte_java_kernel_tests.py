"""The jupyter_kernel_test suite against the installed flyte-java kernelspec.

Runs with Debian's jupyter_kernel_test 0.4.5 (jupyter_client 7) and with PyPI's 0.7.0 (jupyter_client 8).
Every test of KernelTests gets a sample, so none is skipped for lack of one. 0.7.0's separate
IopubWelcomeTests class (JEP 65: the first IOPub message a client gets is iopub_welcome) runs too,
defined here only where the installed suite has it (0.4.5 does not). Run with JUPYTER_PATH pointing
at the directory holding kernels/flyte-java (JupyterKernelTestIT does).
"""
import unittest

import jupyter_kernel_test


class FlyteJavaKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = "flyte-java"
    language_name = "java"
    file_extension = ".jshell"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("oops");'

    completion_samples = [
        # names the JDK does not add to between 17 and 25 (Math.flo gains floorDivExact( on 18)
        {"text": "Math.hyp", "matches": {"hypot("}},
        {"text": "Objects.requireNonNullE", "matches": {"requireNonNullElse(", "requireNonNullElseGet("}},
        {"text": "String.valueO", "matches": {"valueOf("}},
    ]

    complete_code_samples = ["1 + 1", "int x = 3;", "void f() { }", "%lsmagic", "for (int i = 0; i < 3; i++) { }"]
    incomplete_code_samples = ["void f() {", "int x = (1 +", "for (int i = 0; i < 3; i++) {"]
    invalid_code_samples = ["int x = 3;)", "class A { } }"]

    # the pager from a cell; with the general magics merged, "%help lsmagic" answers the same way
    code_page_something = 'page("Java pager text");'

    code_generate_error = 'throw new IllegalStateException("boom");'

    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": '"hello".toUpperCase()', "result": '"HELLO"'},
        {"code": "Math.max(3, 4)", "result": "4"},
        {"code": 'Display.html("<b>bold</b>")', "mime": "text/html", "result": "<b>bold</b>"},
    ]

    code_display_data = [
        {"code": 'display(Display.html("<i>hi</i>"));', "mime": "text/html"},
        {"code": 'display(Display.svg("<svg xmlns=\\"http://www.w3.org/2000/svg\\"/>"));', "mime": "image/svg+xml"},
        {"code": 'display("# Title", "text/markdown");', "mime": "text/markdown"},
        {"code": 'display(Display.json("{\\"a\\": 1}"));', "mime": "application/json"},
    ]

    code_history_pattern = "Math.max*"
    supported_history_operations = ("tail", "range", "search")

    code_inspect_sample = "Math.max"

    code_clear_output = 'System.out.println("gone"); clearOutput();'


# looked up on the module, not imported: a module-level IopubWelcomeTests would also run, against python3
if hasattr(jupyter_kernel_test, "IopubWelcomeTests"):

    class FlyteJavaIopubWelcomeTests(jupyter_kernel_test.IopubWelcomeTests):
        kernel_name = "flyte-java"
        support_iopub_welcome = True


if __name__ == "__main__":
    unittest.main()
