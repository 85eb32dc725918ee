/**
 * Names a notebook's cells use directly, imported into the session when Flyte starts: a {@code TypeEngine}
 * facade whose static {@code register(...)} adds a transformer to the session's engine.
 */
package dev.flytejava.magics.flyte.notebook;
