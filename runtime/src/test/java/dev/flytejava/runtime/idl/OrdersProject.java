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
 * The Java twin of the modern golden set's flytekit project ({@code src/test/golden-src/modern/project/orders}):
 * the same records, tasks, workflows and launch plan under the same names, with nodes named as flytekit names them
 * ({@code n0}, {@code n1}...), so that our compiled specs can be compared with pyflyte's field by field.
 */
final class OrdersProject {
  /** flytekit writes an enum's values; ours are the constant names, so these are spelled as the values. */
  enum Region { eu, us, apac }

  record Item(String sku, long quantity, double unit_price) {}

  record Order(String order_id, Region region, List<Item> items, Map<String, String> tags, Optional<String> coupon) {}

  record Summary(String order_id, long item_count, double total) {}

  @Outputs
  record Totals(double total, long item_count) {}

  final Task lineTotal;
  final Task itemsOf;
  final Task summarize;
  final Task totalsOf;
  final Task discounted;
  final Task fullPrice;
  final Workflow priceOrder;
  final Workflow processOrder;
  final LaunchPlan nightlyOrders;

  OrdersProject(TypeEngine engine) {
    lineTotal = Task.builder("orders.tasks.line_total").input("item", Item.class).returns(double.class)
        .requests(Map.of("cpu", "500m", "mem", "256Mi")).limits(Map.of("cpu", "1", "mem", "512Mi"))
        .retries(3).cache("1.0").timeout(Duration.ofMinutes(10))
        .body(in -> ((Item) in[0]).quantity() * ((Item) in[0]).unit_price()).build();
    itemsOf = Task.builder("orders.tasks.items_of").input("order", Order.class)
        .returns(JavaTypes.listOf(Item.class)).cache("2")
        .body(in -> ((Order) in[0]).items()).build();
    summarize = Task.builder("orders.tasks.summarize").input("order", Order.class)
        .input("totals", JavaTypes.listOf(JavaTypes.optionalOf(Double.class))).returns(Summary.class).retries(2)
        .body(in -> new Summary(((Order) in[0]).order_id(), 0, 0.0)).build();
    totalsOf = Task.builder("orders.tasks.totals_of").input("summary", Summary.class).returns(Totals.class)
        .body(in -> new Totals(((Summary) in[0]).total(), ((Summary) in[0]).item_count())).build();
    discounted = Task.builder("orders.tasks.discounted").input("total", double.class).input("region", Region.class)
        .returns(double.class).requests(Map.of("cpu", "250m", "mem", "128Mi"))
        .body(in -> (double) in[0] * 0.85).build();
    fullPrice = Task.builder("orders.tasks.full_price").input("total", double.class).returns(double.class)
        .body(in -> in[0]).build();

    WorkflowBuilder price = WorkflowBuilder.create("orders.workflows.price_order", engine);
    price.input("order", Order.class);
    NodeRef items = price.node("n0", itemsOf, Map.of("order", Binding.input("order")));
    NodeRef totals = price.map("n1", lineTotal, Map.of("item", items.output()), Set.of(), 2, 0.5);
    NodeRef summary = price.node("n2", summarize, Map.of("order", Binding.input("order"), "totals", totals.output()));
    price.output("o0", summary.output());
    priceOrder = price.build();

    WorkflowBuilder process = WorkflowBuilder.create("orders.workflows.process_order", engine);
    process.input("order", Order.class).input("threshold", double.class, 100.0).input("region", Region.class, Region.eu);
    NodeRef sub = process.node("n0", priceOrder, Map.of("order", Binding.input("order")));
    NodeRef t = process.node("n1", totalsOf, Map.of("summary", sub.output()));
    NodeRef branch = process.branch("n2")
        .when(Condition.gt(t.output("total"), Binding.input("threshold")), "n0", discounted,
            Map.of("total", t.output("total"), "region", Binding.input("region")))
        .otherwise("n1", fullPrice, Map.of("total", t.output("total")))
        .end();
    process.output("o0", branch.output());
    processOrder = process.build();

    nightlyOrders = new LaunchPlan("nightly_orders", processOrder, Map.of("region", Region.us),
        Map.of("order", new Order("nightly", Region.us, List.of(new Item("A-1", 2, 9.5)), Map.of(), Optional.empty()),
            "threshold", 250.0),
        new CronSchedule("0 2 * * *"));
  }

  EntitySet entities() {
    return EntitySet.of(lineTotal, itemsOf, summarize, totalsOf, discounted, fullPrice, priceOrder, processOrder,
        nightlyOrders);
  }
}
