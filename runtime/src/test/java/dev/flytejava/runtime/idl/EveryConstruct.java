package dev.flytejava.runtime.idl;

import dev.flytejava.runtime.api.NodeRef;
import dev.flytejava.runtime.api.WorkflowBuilder;
import dev.flytejava.runtime.model.Binding;
import dev.flytejava.runtime.model.Condition;
import dev.flytejava.runtime.model.CronSchedule;
import dev.flytejava.runtime.model.LaunchPlan;
import dev.flytejava.runtime.model.Outputs;
import dev.flytejava.runtime.model.Task;
import dev.flytejava.runtime.model.Workflow;
import dev.flytejava.runtime.types.JavaTypes;
import dev.flytejava.runtime.types.TypeEngine;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A workflow with every construct the model expresses: setup and teardown, ordering edges, constants, list and map
 * bindings, a subworkflow (nesting another), a launch-plan node, branches with and / or / else-if / otherwise /
 * a failure message, map nodes (fixed inputs, concurrency, partial success), named outputs, workflow defaults,
 * and a scheduled launch plan with fixed and default inputs.
 */
final class EveryConstruct {
  @Outputs
  record Stats(long count, double mean) {}

  record Point(long x, long y) {}

  final Task addOne = Task.builder("addOne").input("x", long.class).returns(long.class)
      .cache("v1").retries(2).timeout(Duration.ofMinutes(5)).image("example.org/custom:1")
      .requests(Map.of("cpu", "1", "mem", "1Gi")).limits(Map.of("mem", "2Gi", "cpu", "2", "gpu", "1"))
      .env(ordered("B", "2", "A", "1")).codeHash("hash-of-addOne").body(in -> (long) in[0] + 1).build();
  final Task scale = Task.builder("scale").input("x", long.class).input("factor", long.class).returns(long.class)
      .body(in -> (long) in[0] * (long) in[1]).build();
  final Task stats = Task.builder("stats").input("xs", JavaTypes.listOf(Long.class)).returns(Stats.class)
      .body(in -> new Stats(0, 0)).build();
  final Task point = Task.builder("point").input("x", long.class).input("y", long.class).returns(Point.class)
      .body(in -> new Point((long) in[0], (long) in[1])).build();
  final Task label = Task.builder("label").input("tags", JavaTypes.mapOf(String.class))
      .input("note", JavaTypes.optionalOf(String.class)).returns(String.class).body(in -> "").build();
  final Task setupTask = Task.builder("prepare").body(in -> null).build();
  final Task teardownTask = Task.builder("cleanup").body(in -> null).build();
  final Task noop = Task.builder("noop").body(in -> null).build();

  final Workflow inner;
  final Workflow sub;
  final LaunchPlan subPlan;
  final Workflow every;
  final LaunchPlan nightly;

  EveryConstruct(TypeEngine engine) {
    WorkflowBuilder i = WorkflowBuilder.create("inner", engine);
    i.input("x", long.class);
    i.output("o0", i.node("a", addOne, Map.of("x", Binding.input("x"))).output());
    inner = i.build();

    WorkflowBuilder s = WorkflowBuilder.create("sub", engine);
    s.input("x", long.class).input("factor", long.class, 3L);
    NodeRef nested = s.node("nested", inner, Map.of("x", Binding.input("x")));
    s.output("o0", s.node("scaled", scale, Map.of("x", nested.output(), "factor", Binding.input("factor"))).output());
    sub = s.build();
    subPlan = new LaunchPlan("sub_plan", sub, Map.of("x", 4L), Map.of("factor", 5L), null);

    WorkflowBuilder w = WorkflowBuilder.create("every", engine);
    w.input("x", long.class, 7L).input("y", double.class).input("xs", JavaTypes.listOf(Long.class))
        .input("note", JavaTypes.optionalOf(String.class));
    w.setup("setup", setupTask, Map.of());
    NodeRef a = w.node("a", addOne, Map.of("x", Binding.input("x")));
    NodeRef viaSub = w.node("viaSub", sub, Map.of("x", a.output()));
    NodeRef viaPlan = w.node("viaPlan", subPlan, Map.of());
    w.node("first", noop, Map.of());
    w.node("second", noop, Map.of());
    w.after("second", "first");
    NodeRef st = w.node("stats", stats, Map.of("xs",
        Binding.list(a.output(), viaSub.output(), Binding.literal(10L))));
    w.node("label", label, Map.of("tags", Binding.map(Map.of("k", Binding.literal("v"))),
        "note", Binding.input("note")));
    w.node("point", point, Map.of("x", Binding.literal(1L), "y", viaPlan.output()));
    w.branch("pick")
        .when(Condition.gt(Binding.input("x"), Binding.literal(3L)).and(Condition.lt(Binding.input("y"),
            Binding.literal(2.5))), "big", addOne, Map.of("x", a.output()))
        .when(Condition.eq(st.output("count"), Binding.literal(0L)).or(Condition.ge(Binding.input("y"),
            Binding.literal(10.0))), "viaSub", sub, Map.of("x", Binding.input("x")))
        .otherwiseFail("nothing matched")
        .end();
    NodeRef choose = w.branch("choose")
        .when(Condition.ne(Binding.input("x"), Binding.literal(0L)), "one", addOne, Map.of("x", Binding.input("x")))
        .otherwise("other", scale, Map.of("x", Binding.input("x"), "factor", Binding.literal(2L)))
        .end();
    w.map("mapped", scale, Map.of("x", Binding.input("xs"), "factor", choose.output()),
        Set.of("factor"), 4, 1.0);
    w.map("tolerant", addOne, Map.of("x", Binding.input("xs")), Set.of(), 0, 0.5);
    w.teardown("teardown", teardownTask, Map.of());
    w.output("count", st.output("count")).output("mean", st.output("mean"));
    w.outputRecord(Stats.class);
    every = w.build();

    nightly = new LaunchPlan("nightly", every, Map.of("y", 1.5), Map.of("xs", List.of(1L, 2L),
        "note", Optional.of("n")), new CronSchedule("0 3 * * *"));
  }

  private static Map<String, String> ordered(String... kv) {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  EntitySet entities() {
    return EntitySet.of(every, nightly);
  }
}
