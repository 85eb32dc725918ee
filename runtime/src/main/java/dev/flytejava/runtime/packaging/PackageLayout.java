package dev.flytejava.runtime.packaging;

import dev.flytejava.runtime.idl.CompiledEntities;
import dev.flytejava.runtime.idl.CompiledSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The file names of {@code pyflyte package}: {@code <index>_<entity name>_<kind>.pb} in registration order, kind
 * {@code 1} task spec, {@code 2} workflow spec, {@code 3} launch plan (the entity's {@code ResourceType} number),
 * the index zero-padded to the digits of the last index ({@code 0}..{@code 9} for up to ten entities,
 * {@code 00}..{@code 99} up to a hundred), as flytekit's {@code _determine_text_chars} pads it. flytectl registers
 * the files in name order, so the padding keeps that order.
 */
public final class PackageLayout {
  private PackageLayout() {}

  public static List<String> fileNames(CompiledEntities entities) {
    List<CompiledSpec> specs = entities.specs();
    int width = Integer.toString(Math.max(specs.size() - 1, 0)).length();
    List<String> names = new ArrayList<>(specs.size());
    for (int i = 0; i < specs.size(); i++) {
      CompiledSpec s = specs.get(i);
      String index = "0".repeat(width - Integer.toString(i).length()) + i;
      names.add(index + "_" + checkName(s) + "_" + s.id().getResourceTypeValue() + ".pb");
    }
    return names;
  }

  private static String checkName(CompiledSpec s) {
    String name = s.name();
    if (name.contains("/") || name.contains("\0")) {
      throw new IllegalArgumentException("The " + s.kind().name().toLowerCase().replace('_', ' ') + " name [" + name
          + "] cannot name a package file: it has a '/' or NUL");
    }
    return name;
  }
}
