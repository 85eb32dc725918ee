/**
 * The Flyte magics: {@code %%task}, {@code %%workflow}, {@code %%launchplan} and {@code %flyte}, and the
 * session glue that turns a cell into runtime objects and makes them callable as plain Java methods in
 * the notebook. JShell snippets reach the session through one static bridge, {@link
 * dev.flytejava.magics.flyte.FlyteNotebook}.
 */
package dev.flytejava.magics.flyte;
