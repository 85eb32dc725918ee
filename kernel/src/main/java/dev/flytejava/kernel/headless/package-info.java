/** Notebooks run without a front end, with the kernel's semantics: what {@code flyte-java package NOTEBOOK} and {@code run} do. */
package dev.flytejava.kernel.headless;
