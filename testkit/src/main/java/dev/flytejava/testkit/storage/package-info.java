/**
 * Storage fixtures: {@link dev.flytejava.testkit.storage.EmbeddedS3}, an S3-protocol server (s3proxy on a temp
 * directory) on a loopback port with a bucket and credentials, and
 * {@link dev.flytejava.testkit.storage.EmbeddedS3Extension}, the same as a JUnit 5 extension.
 */
package dev.flytejava.testkit.storage;
