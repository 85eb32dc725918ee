package dev.flytejava.runtime.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flytejava.runtime.storage.S3Settings.AuthType;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class S3SettingsTest {

  @Test
  void readsTheVariablesFlyteGivesTaskPods() {
    S3Settings settings = S3Settings.fromEnvironment(Map.of(
        "FLYTE_AWS_ENDPOINT", "http://minio.flyte:9000",
        "FLYTE_AWS_ACCESS_KEY_ID", "minio",
        "FLYTE_AWS_SECRET_ACCESS_KEY", "miniostorage",
        "AWS_REGION", "eu-west-1"));

    assertEquals(URI.create("http://minio.flyte:9000"), settings.endpointUri());
    assertEquals("minio", settings.accessKey());
    assertEquals("miniostorage", settings.secretKey());
    assertEquals("eu-west-1", settings.effectiveRegion());
    assertEquals(AuthType.ACCESS_KEY, settings.effectiveAuthType());
    assertTrue(settings.usesPathStyle(), "an endpoint override means an S3-compatible store: path style");
  }

  @Test
  void nothingSetMeansAwsWithTheDefaultChain() {
    S3Settings settings = S3Settings.fromEnvironment(Map.of("FLYTE_AWS_ENDPOINT", " "));

    assertNull(settings.endpointUri());
    assertEquals(S3Settings.DEFAULT_REGION, settings.effectiveRegion());
    assertEquals(AuthType.IAM, settings.effectiveAuthType());
    assertFalse(settings.usesPathStyle());
  }

  @Test
  void awsEndpointVariablesAndAddressingStyleAreHonoured() {
    assertEquals("http://s3.local:9000", S3Settings.fromEnvironment(Map.of(
        "AWS_ENDPOINT_URL", "http://other:1", "AWS_ENDPOINT_URL_S3", "http://s3.local:9000")).endpoint());
    assertEquals("http://flyte:9000", S3Settings.fromEnvironment(Map.of(
        "FLYTE_AWS_ENDPOINT", "http://flyte:9000", "AWS_ENDPOINT_URL_S3", "http://s3.local:9000")).endpoint());
    assertEquals("eu-central-1", S3Settings.fromEnvironment(Map.of("AWS_DEFAULT_REGION", "eu-central-1")).region());
    assertFalse(S3Settings.fromEnvironment(Map.of("FLYTE_AWS_ENDPOINT", "http://m:9000",
        "FLYTE_AWS_ADDRESSING_STYLE", "virtual")).usesPathStyle());
    assertTrue(S3Settings.fromEnvironment(Map.of("FLYTE_AWS_ADDRESSING_STYLE", "path")).usesPathStyle());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> S3Settings.fromEnvironment(Map.of("FLYTE_AWS_ADDRESSING_STYLE", "sideways")));
    assertTrue(e.getMessage().contains("FLYTE_AWS_ADDRESSING_STYLE") && e.getMessage().contains("[sideways]"));
  }

  @Test
  void readsFlytectlStorageConnection() {
    S3Settings settings = S3Settings.fromStorageConnection(Map.of(
        "endpoint", "localhost:30002",
        "auth-type", "accesskey",
        "access-key", "minio",
        "secret-key", "miniostorage",
        "region", "us-east-1",
        "disable-ssl", true));

    assertEquals(URI.create("http://localhost:30002"), settings.endpointUri());
    assertEquals(AuthType.ACCESS_KEY, settings.effectiveAuthType());
    assertEquals("minio", settings.accessKey());
    assertEquals(URI.create("https://s3.example.com"),
        S3Settings.fromStorageConnection(Map.of("endpoint", "s3.example.com")).endpointUri());
    assertEquals(AuthType.IAM, S3Settings.fromStorageConnection(Map.of("auth-type", "iam", "access-key", "k",
        "secret-key", "s")).effectiveAuthType());
  }

  @Test
  void badConnectionKeysAndValuesAreNamed() {
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> S3Settings.fromStorageConnection(Map.of("secret", "x")));
    assertTrue(unknown.getMessage().contains("Unknown key [secret] in storage.connection"), unknown.getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> S3Settings.fromStorageConnection(Map.of("auth-type", "oauth"))).getMessage().contains("[oauth]"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> S3Settings.fromStorageConnection(Map.of("disable-ssl", "yes"))).getMessage().contains("[yes]"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> S3Settings.fromStorageConnection(Map.of("endpoint", "ftp://x")).endpointUri()).getMessage()
        .contains("[ftp://x]"));
    assertThrows(IllegalArgumentException.class,
        () -> S3Settings.fromStorageConnection(Map.of("disable-ssl", "true")).endpointUri());
  }

  @Test
  void incompleteKeyPairsAreRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> S3Settings.fromEnvironment(Map.of("FLYTE_AWS_ACCESS_KEY_ID", "minio")).effectiveAuthType());
    assertTrue(e.getMessage().contains("the secret key is missing"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> S3Settings.fromStorageConnection(Map.of("auth-type", "accesskey")).effectiveAuthType());
  }

  @Test
  void givenSettingsWinOverTheEnvironmentFieldByField() {
    S3Settings given = S3Settings.fromStorageConnection(Map.of("endpoint", "http://config:9000"));
    S3Settings env = S3Settings.fromEnvironment(Map.of("FLYTE_AWS_ENDPOINT", "http://env:9000",
        "FLYTE_AWS_ACCESS_KEY_ID", "k", "FLYTE_AWS_SECRET_ACCESS_KEY", "s", "AWS_REGION", "ap-south-1"));

    S3Settings merged = given.orElse(env);

    assertEquals("http://config:9000", merged.endpoint());
    assertEquals("k", merged.accessKey());
    assertEquals("s", merged.secretKey());
    assertEquals("ap-south-1", merged.region());
    S3Settings ownKeys = S3Settings.none().withAccessKey("mine", "my-secret").orElse(env);
    assertEquals("mine", ownKeys.accessKey());
    assertEquals("my-secret", ownKeys.secretKey());
  }

  @Test
  void toStringNeverShowsTheSecret() {
    S3Settings settings = S3Settings.none().withEndpoint("http://m:9000").withAccessKey("minio", "miniostorage");
    assertFalse(settings.toString().contains("miniostorage"), settings.toString());
    assertTrue(settings.toString().contains("secretKey=<hidden>"), settings.toString());
  }
}
