/**
 * A FlyteAdmin test double: {@link dev.flytejava.testkit.admin.TestAdmin} (in-process and on a loopback port),
 * {@link dev.flytejava.testkit.admin.TestAdminExtension} for JUnit 5, and
 * {@link dev.flytejava.testkit.admin.TestAdminMain} behind {@code bin/flyte-java-testkit admin}.
 */
package dev.flytejava.testkit.admin;
