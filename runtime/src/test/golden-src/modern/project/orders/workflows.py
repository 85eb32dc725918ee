"""A subworkflow with a map task, a parent workflow with a conditional, and a scheduled launch plan."""
from flytekit import CronSchedule, LaunchPlan, conditional, map_task, workflow

from orders.model import Item, Order, Region, Summary
from orders.tasks import discounted, full_price, items_of, line_total, summarize, totals_of


@workflow
def price_order(order: Order) -> Summary:
    """Prices every item of an order in parallel (an ArrayNode) and sums them up."""
    items = items_of(order=order)
    totals = map_task(line_total, concurrency=2, min_success_ratio=0.5)(item=items)
    return summarize(order=order, totals=totals)


@workflow
def process_order(order: Order, threshold: float = 100.0, region: Region = Region.EU) -> float:
    """Prices an order through the subworkflow, then discounts large ones."""
    summary = price_order(order=order)
    totals = totals_of(summary=summary)
    return (
        conditional("discount")
        .if_(totals.total > threshold)
        .then(discounted(total=totals.total, region=region))
        .else_()
        .then(full_price(total=totals.total))
    )


nightly_orders = LaunchPlan.get_or_create(
    workflow=process_order,
    name="nightly_orders",
    schedule=CronSchedule(schedule="0 2 * * *"),
    fixed_inputs={"region": Region.US},
    default_inputs={
        "order": Order(order_id="nightly", region=Region.US, items=[Item(sku="A-1", quantity=2, unit_price=9.5)]),
        "threshold": 250.0,
    },
)
