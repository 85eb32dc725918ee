/** The built-in object stores ({@code file}, {@code s3}) and their registrars. Not a supported API. */
package dev.flytejava.runtime.storage.internal;
