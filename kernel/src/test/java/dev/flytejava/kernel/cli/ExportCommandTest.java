package dev.flytejava.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ExportCommandTest {
    @Test
    void theClassIsNamedAfterTheNotebooksWordsWithoutItsNumber() {
        assertEquals("ExtendingFlyte", ExportCommand.classNameOf("02-extending-flyte.ipynb"));
        assertEquals("MyPipelineV2", ExportCommand.classNameOf("my_pipeline v2.ipynb"));
        assertEquals("Notebook", ExportCommand.classNameOf("42.ipynb"));
    }
}
