"""The values the order workflows pass around: dataclasses (STRUCT with msgpack) and an enum."""
import enum
from dataclasses import dataclass, field
from typing import Dict, List, Optional


class Region(enum.Enum):
    EU = "eu"
    US = "us"
    APAC = "apac"


@dataclass
class Item:
    sku: str
    quantity: int
    unit_price: float


@dataclass
class Order:
    order_id: str
    region: Region
    items: List[Item] = field(default_factory=list)
    tags: Dict[str, str] = field(default_factory=dict)
    coupon: Optional[str] = None


@dataclass
class Summary:
    order_id: str
    item_count: int
    total: float
