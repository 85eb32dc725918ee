/**
 * What runs in a task's container: {@code flyte-java entrypoint} downloads the shipped code and the inputs, runs the
 * task through the same runtime as local runs, and writes {@code outputs.pb} or {@code error.pb} where Flyte
 * (propeller) reads them.
 */
package dev.flytejava.runtime.entrypoint;
