/**
 * The options of the Flyte magics: picocli command specs turned into records at the magic boundary,
 * converters whose errors name the option and the allowed form, and the usage text {@code %help} shows.
 */
package dev.flytejava.magics.flyte.options;
