package dev.flytejava.runtime.idl;

import dev.flytejava.runtime.types.TypeEngine;
import java.util.LinkedHashMap;
import java.util.Map;

/** The entity sets of the idl tests by name, for tools outside this package. */
public final class TestEntities {
  private TestEntities() {}

  public static Map<String, EntitySet> all(TypeEngine engine) {
    Map<String, EntitySet> sets = new LinkedHashMap<>();
    sets.put("orders", new OrdersProject(engine).entities());
    sets.put("every-construct", new EveryConstruct(engine).entities());
    return sets;
  }
}
