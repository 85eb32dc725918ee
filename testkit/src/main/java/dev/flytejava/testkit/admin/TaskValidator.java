package dev.flytejava.testkit.admin;

import flyteidl.admin.TaskOuterClass.TaskCreateRequest;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.core.Tasks.Container;
import flyteidl.core.Tasks.TaskTemplate;

/** FlyteAdmin's task checks (validation/task_validator.go), before the task is stored. */
final class TaskValidator {
  private TaskValidator() {}

  static void validate(TaskCreateRequest request, Projects projects) {
    Ids.validate(request.getId(), request.hasId(), ResourceType.TASK);
    projects.validate(request.getId().getProject(), request.getId().getDomain());
    if (!request.hasSpec()) {
      throw AdminErrors.missing("spec");
    }
    if (!request.getSpec().hasTemplate()) {
      throw AdminErrors.missing("template");
    }
    TaskTemplate template = request.getSpec().getTemplate();
    if (template.hasId() && !Ids.key(template.getId()).equals(Ids.key(request.getId()))) {
      throw AdminErrors.invalidArgument("task template id [%s] does not match the request id [%s]",
          Ids.describe(template.getId()), Ids.describe(request.getId()));
    }
    Ids.require(template.getType(), "type");
    if (!template.hasMetadata()) {
      throw AdminErrors.missing("metadata");
    }
    if (template.hasContainer()) {
      validateContainer(template.getContainer());
    }
  }

  private static void validateContainer(Container container) {
    Ids.require(container.getImage(), "image");
    for (var resource : container.getResources().getRequestsList()) {
      Ids.require(resource.getValue(), "resource value");
    }
  }
}
