package dev.flytejava.testkit.admin;

import flyteidl.admin.ProjectOuterClass.Domain;
import flyteidl.admin.ProjectOuterClass.Project;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registered projects and the domains every project has (FlyteAdmin's are configured; flytectl's sandbox
 * has flytesnacks with development, staging and production, which is what the testkit starts with).
 */
final class Projects {
  static final List<String> DOMAINS = List.of("development", "staging", "production");

  private final Map<String, Project> projects = new LinkedHashMap<>();

  Projects(List<String> initial) {
    initial.forEach(name -> register(Project.newBuilder().setId(name).setName(name).build()));
  }

  synchronized void register(Project project) {
    Ids.require(project.getId(), "project_id");
    if (projects.containsKey(project.getId())) {
      throw AdminErrors.alreadyExists("project with id %s already exists", project.getId());
    }
    projects.put(project.getId(), withDomains(project));
  }

  synchronized List<Project> all() {
    return new ArrayList<>(projects.values());
  }

  synchronized Project get(String id) {
    Project p = projects.get(id);
    if (p == null) {
      throw AdminErrors.notFound("missing entity of type PROJECT with identifier [%s]", id);
    }
    return p;
  }

  /** ValidateProjectAndDomain: both must be registered before anything is created under them. */
  synchronized void validate(String project, String domain) {
    if (!projects.containsKey(project)) {
      throw AdminErrors.invalidArgument(
          "failed to validate that project [%s] and domain [%s] are registered, err: [project [%s] not found]",
          project, domain, project);
    }
    if (!DOMAINS.contains(domain)) {
      throw AdminErrors.invalidArgument("domain [%s] is unrecognized by system", domain);
    }
  }

  static List<Domain> domains() {
    List<Domain> out = new ArrayList<>();
    DOMAINS.forEach(d -> out.add(Domain.newBuilder().setId(d).setName(d).build()));
    return out;
  }

  private static Project withDomains(Project p) {
    return p.toBuilder().clearDomains().addAllDomains(domains()).build();
  }
}
