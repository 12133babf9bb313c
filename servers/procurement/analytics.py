"""Sales analytics: aggregates over agencies' orders, with k-anonymity for market views.

A sale is an order its vendor has confirmed (`SALE_STATES`): a PLACED order
may still be refused, so it is not yet spending nor revenue. Months are
calendar months in Taiwan time (UTC+8; Asia/Taipei has kept that offset with
no daylight saving since 1979), because the plan's budgets and reports run
on Taiwan's calendar: an order placed at 2026-01-31T17:00Z is February's.

Who sees what (`View`):
- an agency's staff (procurement-buyer) their agency's own spending, in full;
- a vendor's staff (procurement-vendor) their own sales, in full;
- anyone with one of the procurement roles the whole market, k-anonymised
  on base cells: the sales of one listing in one month, the finest unit any
  query can select (every filter but the agency takes whole base cells, and
  an agency filter leaves base cells of one agency). A base cell whose orders
  come from fewer than K distinct agencies is withheld from every answer —
  the privacy service's threshold rule decides (cell_suppression.py) — and
  every figure is a sum over published base cells only. So two overlapping
  queries (Jan-Mar and Jan-Apr; all vendors and all but one) subtract to
  published base cells, never to a withheld one: the differencing that
  suppressing result cells alone left open (a suppressed April read off as
  the difference of two shown ranges) is closed. A group whose base cells
  are all withheld is suppressed; one with some withheld is
  `partial`. K distinct agencies imply at least K orders, so one threshold
  covers both. Suppressed cells sort after the shown ones by key alone, so
  their rank says nothing of their size; grouping the market by agency is
  refused (every such cell is one agency), and time ranges must fall on
  whole months. Besides the threshold rule, the (2, 85 %) dominance rule
  withholds a base cell whose two largest agencies make 85 % or more of its
  total, however many agencies it has (either of the two would read the
  other's figure off it). Closed, frozen periods, as statistics offices
  publish: base cells change as orders arrive or are confirmed, so two reads
  of one live cell at two times would differ by the orders in between (a
  cell of 5 agencies at t1 and 6 at t2 is the sixth's order). So the view
  counts released months only (a month is released once it is over, UTC+8,
  and the release lag for late confirmations has passed), and each released
  month is frozen at its first k-anonymised read (analytics_store.release):
  every later read answers from that snapshot, and no later order or
  confirmation changes a published figure;
- platform operators (procurement-admin) every view, in full.

Only organisation ids are ever read or returned: orders carry no person's data.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from enum import StrEnum
from typing import Generic, Protocol, TypeVar

from jipan.interceptors.context import Principal
from jipan.servers.procurement.catalog import Category, require_org
from jipan.servers.procurement.cell_suppression import CellCounts, CellSuppression, Dominance
from jipan.servers.procurement.names import DOMAIN, ListingKey, invalid_name, parse_agency, parse_vendor
from jipan.servers.runtime.errors import FieldViolation, InvalidArgument, PermissionDenied
from jipan.servers.runtime.pagination import PageTokens, query_fingerprint, resolve_page_size

SALE_STATES = ("CONFIRMED", "DELIVERED", "ACCEPTED", "DISPUTED", "PAID")
CURRENCY = "TWD"
TAIWAN = timezone(timedelta(hours=8), "Asia/Taipei")
MARKET = "market"
ADMIN_ROLE = "procurement-admin"
BUYER_ROLE = "procurement-buyer"
VENDOR_ROLE = "procurement-vendor"
# The (n, p) dominance rule applied to base cells besides the threshold rule: withheld when
# the two largest agencies make 85 % or more of the cell's total.
DOMINANCE_N = 2
DOMINANCE_PERCENT = 85
CELL_PAGE = (50, 500)
PRODUCT_PAGE = (10, 100)
TREND_DEFAULT_MONTHS = 12
TREND_MAX_MONTHS = 120

T = TypeVar("T")


class Dimension(StrEnum):
    CATEGORY = "CATEGORY"
    VENDOR = "VENDOR"
    AGENCY = "AGENCY"
    MONTH = "MONTH"


class Ranking(StrEnum):
    REVENUE = "REVENUE"
    QUANTITY = "QUANTITY"


@dataclass(frozen=True, slots=True)
class View:
    """Whose sales a query reads, and the k-anonymity applied (0: none)."""

    label: str
    agency: str | None = None
    vendor: str | None = None
    k: int = 0


@dataclass(frozen=True, slots=True)
class SalesFilter:
    start: datetime | None = None
    end: datetime | None = None
    category: Category | None = None
    vendor: str = ""  # "vendors/{vendor}" or empty
    agency: str = ""  # "agencies/{agency}" or empty


@dataclass(frozen=True, slots=True)
class Criteria:
    """A SalesFilter checked and reduced to ids, ready for the store."""

    start: datetime | None
    end: datetime | None
    category: Category | None
    vendor: str | None
    agency: str | None

    def fingerprint(self) -> dict[str, str]:
        return {
            "start": self.start.isoformat() if self.start else "",
            "end": self.end.isoformat() if self.end else "",
            "category": self.category.value if self.category else "",
            "vendor": self.vendor or "",
            "agency": self.agency or "",
        }


@dataclass(frozen=True, slots=True)
class Figures:
    order_count: int
    quantity: int
    total_minor: int
    agency_count: int


@dataclass(frozen=True, slots=True)
class Cell:
    """One group; `figures` is None when the cell is suppressed, and count only published
    base cells when `partial`."""

    key: str  # a category value, vendor id, agency id or "YYYY-MM"
    figures: Figures | None
    partial: bool = False


@dataclass(frozen=True, slots=True)
class BaseCell:
    """The sales of one listing in one month (UTC+8): what k-anonymity is decided on."""

    month: str
    vendor: str
    listing_id: uuid.UUID
    agencies: int
    total_minor: int = 0
    largest: tuple[int, ...] = ()  # the largest agencies' parts of total_minor, largest first


@dataclass(frozen=True, slots=True)
class Published:
    """The base cells a k-anonymised answer may count (the others are withheld), all of
    released months up to `through` ("YYYY-MM")."""

    cells: tuple[BaseCell, ...]
    through: str


@dataclass(frozen=True, slots=True)
class TrendPoint:
    month: str
    start: datetime
    figures: Figures | None
    partial: bool = False
    unpublished: bool = False


@dataclass(frozen=True, slots=True)
class ProductSales:
    listing: ListingKey
    product_name: str
    product_version: str
    category: Category
    figures: Figures | None
    partial: bool = False


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    items: list[T]
    next_page_token: str
    published_through: str = ""  # k-anonymised views: the last released month


@dataclass(frozen=True, slots=True)
class Trend:
    points: list[TrendPoint]
    published_through: str = ""


def month_key(moment: datetime) -> str:
    return f"{moment.astimezone(TAIWAN):%Y-%m}"


def month_start(key: str) -> datetime:
    """The instant month "YYYY-MM" starts at UTC+8."""
    year, month = (int(part) for part in key.split("-"))
    return datetime(year, month, 1, tzinfo=TAIWAN)


def next_month(start: datetime) -> datetime:
    local = start.astimezone(TAIWAN)
    year, month = divmod(local.year * 12 + local.month, 12)
    return datetime(year, month + 1, 1, tzinfo=TAIWAN)


def months_between(first: str, last: str) -> list[str]:
    """Every month key from `first` to `last`, both included."""
    out: list[str] = []
    cursor = month_start(first)
    while (key := month_key(cursor)) <= last:
        out.append(key)
        cursor = next_month(cursor)
    return out


def last_released_month(now: datetime, lag: timedelta) -> str:
    """The last month (UTC+8) that is over with `lag` to spare at `now`."""
    current = month_start(month_key(now - lag))  # not over for `lag` yet
    return month_key(current - timedelta(days=1))


def _is_month_start(moment: datetime) -> bool:
    local = moment.astimezone(TAIWAN)
    return (local.day, local.hour, local.minute, local.second, local.microsecond) == (1, 0, 0, 0, 0)


def time_range_invalid(field: str, detail: str) -> InvalidArgument:
    return InvalidArgument(
        "TIME_RANGE_INVALID",
        f"{field}: {detail}",
        domain=DOMAIN,
        metadata={"field": field},
        field_violations=[FieldViolation(field, detail)],
    )


def view_denied(view: str, detail: str) -> PermissionDenied:
    return PermissionDenied("ANALYTICS_VIEW_DENIED", detail, domain=DOMAIN, metadata={"view": view})


class SalesReader(Protocol):
    """What the analytics read from storage (analytics_store.SalesStore). `published` None
    counts every sale; otherwise only those in its base cells."""

    async def release(self, through: str) -> None: ...

    async def base_cells(self, view: View, criteria: Criteria) -> list[BaseCell]: ...

    async def aggregate(
        self,
        view: View,
        criteria: Criteria,
        dimension: Dimension,
        published: Published | None,
        offset: int,
        limit: int,
    ) -> list[Cell]: ...

    async def monthly(
        self, view: View, criteria: Criteria, published: Published | None
    ) -> dict[str, tuple[Figures | None, bool]]: ...

    async def products(
        self,
        view: View,
        criteria: Criteria,
        ranking: Ranking,
        published: Published | None,
        offset: int,
        limit: int,
    ) -> list[ProductSales]: ...


class Analytics:
    def __init__(
        self,
        store: SalesReader,
        page_tokens: PageTokens,
        k_anonymity: int,
        suppression: CellSuppression,
        *,
        release_lag: timedelta = timedelta(days=7),
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        if k_anonymity < 1:
            raise ValueError("k_anonymity must be at least 1")
        self._store = store
        self._page_tokens = page_tokens
        self._k = k_anonymity
        self._suppression = suppression
        self._release_lag = release_lag
        self._clock = clock

    async def _published(self, view: View, criteria: Criteria) -> Published | None:
        """For a k-anonymised view: the released months frozen (up to the last one), and the
        base cells of them the privacy service lets it publish."""
        if not view.k:
            return None
        through = last_released_month(self._clock(), self._release_lag)
        await self._store.release(through)
        cells = await self._store.base_cells(view, criteria)
        withheld = await self._suppression.suppressed(
            view.k,
            [CellCounts(cell.agencies, cell.total_minor, cell.largest) for cell in cells],
            Dominance(DOMINANCE_N, DOMINANCE_PERCENT),
        )
        kept = tuple(cell for cell, hidden in zip(cells, withheld, strict=True) if not hidden)
        return Published(kept, through)

    def view(self, principal: Principal, parent: str) -> View:
        admin = ADMIN_ROLE in principal.roles
        if parent == MARKET:
            return View(MARKET, k=0 if admin else self._k)
        if parent.startswith("agencies/"):
            agency = parse_agency(parent)
            if not admin:
                require_org(principal, agency, "parent")
                if BUYER_ROLE not in principal.roles:
                    raise view_denied(parent, f"an agency's spending needs the {BUYER_ROLE} role")
            return View(parent, agency=agency)
        if parent.startswith("vendors/"):
            vendor = parse_vendor(parent)
            if not admin:
                require_org(principal, vendor, "parent")
                if VENDOR_ROLE not in principal.roles:
                    raise view_denied(parent, f"a vendor's sales need the {VENDOR_ROLE} role")
            return View(parent, vendor=vendor)
        raise invalid_name("parent", parent, "agencies/{agency}, vendors/{vendor} or market")

    def _criteria(self, view: View, sales: SalesFilter) -> Criteria:
        start, end = sales.start, sales.end
        field = "filter.create_time_range"
        if start is not None and end is not None and start >= end:
            raise time_range_invalid(field, "start_time must be before end_time")
        if view.k:
            for name, bound in (("start_time", start), ("end_time", end)):
                if bound is not None and not _is_month_start(bound):
                    raise time_range_invalid(
                        f"{field}.{name}", "a k-anonymised view takes whole months (UTC+8) only"
                    )
        return Criteria(
            start=start,
            end=end,
            category=sales.category,
            vendor=parse_vendor(sales.vendor, "filter.vendor") if sales.vendor else None,
            agency=parse_agency(sales.agency, "filter.agency") if sales.agency else None,
        )

    def _offset(self, page_token: str, fingerprint: str) -> int:
        return int(self._page_tokens.decode(page_token, fingerprint)["o"]) if page_token else 0

    async def aggregate(
        self,
        principal: Principal,
        *,
        parent: str,
        dimension: Dimension,
        sales: SalesFilter,
        page_size: int,
        page_token: str,
    ) -> Page[Cell]:
        size = resolve_page_size(page_size, default=CELL_PAGE[0], maximum=CELL_PAGE[1])
        view = self.view(principal, parent)
        if view.k and dimension is Dimension.AGENCY:
            raise view_denied(parent, "the k-anonymised market view cannot be grouped by agency")
        criteria = self._criteria(view, sales)
        fingerprint = query_fingerprint(
            "AggregateSales", parent=parent, d=dimension.value, k=view.k, **criteria.fingerprint()
        )
        offset = self._offset(page_token, fingerprint)
        published = await self._published(view, criteria)
        rows = await self._store.aggregate(view, criteria, dimension, published, offset, size + 1)
        token = self._page_tokens.encode(fingerprint, {"o": offset + size}) if len(rows) > size else ""
        return Page(rows[:size], token, published.through if published else "")

    async def trend(self, principal: Principal, *, parent: str, sales: SalesFilter) -> Trend:
        view = self.view(principal, parent)
        field = "filter.create_time_range"
        if sales.start is None and sales.end is None:
            end = next_month(datetime.now(UTC))
            start = end
            for _ in range(TREND_DEFAULT_MONTHS):
                start = month_start(month_key(start - timedelta(days=1)))
            sales = SalesFilter(start, end, sales.category, sales.vendor, sales.agency)
        elif sales.start is None or sales.end is None:
            raise time_range_invalid(field, "a trend's time range needs both start_time and end_time")
        criteria = self._criteria(view, sales)
        assert criteria.start is not None
        assert criteria.end is not None
        months: list[str] = []
        cursor = month_start(month_key(criteria.start))
        while cursor < criteria.end:
            months.append(month_key(cursor))
            if len(months) > TREND_MAX_MONTHS:
                raise time_range_invalid(field, f"a trend spans at most {TREND_MAX_MONTHS} months")
            cursor = next_month(cursor)
        published = await self._published(view, criteria)
        found = await self._store.monthly(view, criteria, published)
        zero = (Figures(0, 0, 0, 0), False)
        points = [
            TrendPoint(month, month_start(month), None, unpublished=True)
            if published is not None and month > published.through
            else TrendPoint(month, month_start(month), *found.get(month, zero))
            for month in months
        ]
        return Trend(points, published.through if published else "")

    async def rank(
        self,
        principal: Principal,
        *,
        parent: str,
        ranking: Ranking,
        sales: SalesFilter,
        page_size: int,
        page_token: str,
    ) -> Page[ProductSales]:
        size = resolve_page_size(page_size, default=PRODUCT_PAGE[0], maximum=PRODUCT_PAGE[1])
        view = self.view(principal, parent)
        criteria = self._criteria(view, sales)
        fingerprint = query_fingerprint(
            "RankProducts", parent=parent, r=ranking.value, k=view.k, **criteria.fingerprint()
        )
        offset = self._offset(page_token, fingerprint)
        published = await self._published(view, criteria)
        rows = await self._store.products(view, criteria, ranking, published, offset, size + 1)
        token = self._page_tokens.encode(fingerprint, {"o": offset + size}) if len(rows) > size else ""
        return Page(rows[:size], token, published.through if published else "")
