"""Tasks with resources, cache and retries, a mappable task and the branches' tasks."""
from datetime import timedelta
from typing import List, NamedTuple, Optional

from flytekit import Resources, task

from orders.model import Item, Order, Region, Summary


@task(
    requests=Resources(cpu="500m", mem="256Mi"),
    limits=Resources(cpu="1", mem="512Mi"),
    retries=3,
    cache=True,
    cache_version="1.0",
    timeout=timedelta(minutes=10),
)
def line_total(item: Item) -> float:
    return item.quantity * item.unit_price


@task(cache=True, cache_version="2", cache_serialize=True)
def items_of(order: Order) -> List[Item]:
    return order.items


@task(retries=2, interruptible=True)
def summarize(order: Order, totals: List[Optional[float]]) -> Summary:
    priced = [t for t in totals if t is not None]
    return Summary(order_id=order.order_id, item_count=len(priced), total=sum(priced))


class Totals(NamedTuple):
    total: float
    item_count: int


@task
def totals_of(summary: Summary) -> Totals:
    return Totals(total=summary.total, item_count=summary.item_count)


@task(requests=Resources(cpu="250m", mem="128Mi"))
def discounted(total: float, region: Region) -> float:
    return total * (0.85 if region == Region.EU else 0.9)


@task
def full_price(total: float) -> float:
    return total
