/**
 * The notebook's code as task closures see it: JShell's active snippets, the classes they compiled to, and the class
 * path entries magics added. The kernel feeds it with JShell's events; the Flyte magics ask it for closures.
 */
package dev.flytejava.magics.code;
