/**
 * The code of a task as it ships: its closure (the snippets it uses, the classes they compiled to, the jars they
 * load from) and the content hash that cache keys and versions are made of.
 */
package dev.flytejava.runtime.code;
