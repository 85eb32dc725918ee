package dev.flytejava.kernel.notebook;

import java.util.Base64;

/** Factories of displayable MIME bundles: {@code display(Display.svg("<svg ...>"))}. */
public final class Display {

    private Display() {
    }

    public static MimeBundle html(String html) {
        return MimeBundle.of("text/html", html, "<HTML>");
    }

    public static MimeBundle svg(String svg) {
        return MimeBundle.of("image/svg+xml", svg, "<SVG image>");
    }

    public static MimeBundle markdown(String markdown) {
        return MimeBundle.of("text/markdown", markdown, markdown);
    }

    public static MimeBundle png(byte[] png) {
        return MimeBundle.of("image/png", Base64.getEncoder().encodeToString(png), "<PNG image, " + png.length + " bytes>");
    }

    /** JSON text; the front end shows it as a tree ({@code application/json}). */
    public static MimeBundle json(String json) {
        return MimeBundle.of("application/json", json, json);
    }

    public static MimeBundle text(String text) {
        return MimeBundle.of("text/plain", text, text);
    }
}
