package dev.flytejava.kernel.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import com.google.gson.JsonObject;
import dev.flytejava.kernel.notebook.Display;
import org.junit.jupiter.api.Test;

class MimeRendererTest {

    @Test
    void plainValuesAreTextWithJShellsForm() {
        assertEquals(Map.of("text/plain", "\"x\""), MimeRenderer.render("x", "\"x\""));
    }

    @Test
    void displayablesKeepTheirBundleAndGetTextPlain() {
        Map<String, Object> data = MimeRenderer.render(Display.html("<b>x</b>"), null);
        assertEquals("<b>x</b>", data.get("text/html"));
        assertTrue(data.containsKey("text/plain"));
    }

    @Test
    void jsonIsSentAsJson() {
        Object json = MimeRenderer.render(Display.json("{\"a\": 1}"), null).get("application/json");
        assertEquals(1, ((JsonObject) json).get("a").getAsInt());
    }

    @Test
    void aStringShownAsAMimeTypeIsThatContent() {
        assertEquals("# T", MimeRenderer.render("# T", "text/markdown", null).get("text/markdown"));
    }

    @Test
    void askingForAMimeTypeABundleLacksNamesWhatItHas() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MimeRenderer.render(Display.svg("<svg/>"), "image/png", null));
        assertTrue(e.getMessage().startsWith("No [image/png] in the MIME bundle of [dev.flytejava.kernel.notebook.MimeBundle]"), e.getMessage());
    }

    @Test
    void invalidJsonIsRejectedClearly() {
        assertThrows(IllegalArgumentException.class, () -> MimeRenderer.render(Display.json("{oops"), null));
    }
}
