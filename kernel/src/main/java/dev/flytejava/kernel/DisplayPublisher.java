package dev.flytejava.kernel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.flytejava.kernel.display.MimeRenderer;
import dev.flytejava.kernel.io.OutputRouter;
import dev.flytejava.kernel.notebook.NotebookOutput;
import dev.flytejava.kernel.wire.IOPub;
import dev.flytejava.kernel.wire.Messages;
import org.dflib.jjava.jupyter.messages.MessageType;

/**
 * Publishes {@code display_data}, {@code update_display_data} and {@code clear_output} for the
 * request being served; pending stream text goes out first so outputs keep their order. Text for
 * the pager is kept for the cell's reply ({@code page} payload).
 */
final class DisplayPublisher implements NotebookOutput {

    private final IOPub iopub;
    private final Messages messages;
    private final OutputRouter output;
    private final List<String> pages = new ArrayList<>();
    /** The id strings display() returned during the current cell, by identity. */
    private final Set<Object> idsOfThisCell = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

    DisplayPublisher(IOPub iopub, Messages messages, OutputRouter output) {
        this.iopub = iopub;
        this.messages = messages;
        this.output = output;
    }

    @Override
    public String display(Object value, String mime) {
        String id = UUID.randomUUID().toString();
        publish(MessageType.PUBLISH_DISPLAY_DATA, MimeRenderer.render(value, mime, null), id);
        idsOfThisCell.add(id);
        return id;
    }

    void beginCell() {
        idsOfThisCell.clear();
        synchronized (pages) {
            pages.clear();
        }
    }

    /**
     * Whether {@code value} is the very id string a {@code display(...)} of this cell returned: a
     * cell ending in {@code display(x)} then shows {@code x} once, not also its id.
     */
    boolean isDisplayIdOfThisCell(Object value) {
        return value instanceof String && idsOfThisCell.contains(value);
    }

    @Override
    public void updateDisplay(String displayId, Object value, String mime) {
        if (displayId == null || displayId.isBlank()) throw new IllegalArgumentException("updateDisplay needs the id display(...) returned");
        publish(MessageType.PUBLISH_UPDATE_DISPLAY_DATA, MimeRenderer.render(value, mime, null), displayId);
    }

    @Override
    public void clearOutput(boolean wait) {
        output.flush();
        iopub.send(messages.publish(output.parent(), MessageType.PUBLISH_CLEAR_OUTPUT, Map.of("wait", wait)));
    }

    @Override
    public void page(String text) {
        synchronized (pages) {
            pages.add(text == null ? "null" : text);
        }
    }

    /** The texts given to {@link #page} during the current cell, in order. */
    List<String> pages() {
        synchronized (pages) {
            return List.copyOf(pages);
        }
    }

    private void publish(MessageType<?> type, Map<String, Object> data, String displayId) {
        output.flush();
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("data", data);
        content.put("metadata", Map.of());
        content.put("transient", Map.of("display_id", displayId));
        iopub.send(messages.publish(output.parent(), type, content));
    }
}
