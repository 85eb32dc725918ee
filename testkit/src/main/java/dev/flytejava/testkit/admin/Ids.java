package dev.flytejava.testkit.admin;

import flyteidl.admin.Common.NamedEntityIdentifier;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;

/** FlyteAdmin's identifier checks (validation/identifier_validator.go) and the short form used in messages. */
final class Ids {
  private Ids() {}

  /** ValidateIdentifier: the expected resource type, then every field set. */
  static void validate(Identifier id, boolean present, ResourceType expected) {
    if (!present) {
      throw AdminErrors.missing("id");
    }
    if (id.getResourceType() != expected) {
      throw AdminErrors.invalidArgument("unexpected resource type %s for identifier [%s], expected %s instead",
          id.getResourceType().name().toLowerCase(), describe(id), expected.name().toLowerCase());
    }
    validateFieldsSet(id);
  }

  /** ValidateIdentifierFieldsSet, which the Get calls use (the resource type is implied by the call). */
  static void validateFieldsSet(Identifier id) {
    require(id.getProject(), "project");
    require(id.getDomain(), "domain");
    require(id.getName(), "name");
    require(id.getVersion(), "version");
  }

  static void validate(NamedEntityIdentifier id) {
    require(id.getProject(), "project");
    require(id.getDomain(), "domain");
    require(id.getName(), "name");
  }

  static void validate(WorkflowExecutionIdentifier id) {
    require(id.getProject(), "project");
    require(id.getDomain(), "domain");
    require(id.getName(), "name");
  }

  static void require(String value, String argument) {
    if (value == null || value.isBlank()) {
      throw AdminErrors.missing(argument);
    }
  }

  /** {@code project:"p" domain:"d" name:"n" version:"v"}, the way FlyteAdmin's messages print an id. */
  static String describe(Identifier id) {
    return "resource_type:" + id.getResourceType() + " project:\"" + id.getProject() + "\" domain:\""
        + id.getDomain() + "\" name:\"" + id.getName() + "\" version:\"" + id.getVersion() + "\"";
  }

  static String describe(WorkflowExecutionIdentifier id) {
    return "project:\"" + id.getProject() + "\" domain:\"" + id.getDomain() + "\" name:\"" + id.getName() + "\"";
  }

  /** The id without its resource type, as the repositories key entities. */
  static Identifier key(Identifier id) {
    return id.toBuilder().clearResourceType().clearOrg().build();
  }

  static NamedEntityIdentifier named(Identifier id) {
    return NamedEntityIdentifier.newBuilder().setProject(id.getProject()).setDomain(id.getDomain())
        .setName(id.getName()).build();
  }
}
