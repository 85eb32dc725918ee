/**
 * Test doubles and fixtures for flyte-java's production path, as a library that tests depend on (like grpc-java's
 * grpc-testing): never part of the kernel jar. {@code storage} holds an S3-protocol server on a loopback port.
 */
package dev.flytejava.testkit;
