"""procurement's OrderService.GetOrder, called with the rating agency's own token.

The caller's bearer token goes with the call, so procurement applies its own
rule (an agency sees only its own orders) and market never needs a service
identity that could read every order. Market never reads procurement's tables.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import grpc
import structlog

from jipan.interceptors.client import LazyChannel
from jipan.procurement.v1 import order_service_pb2 as opb
from jipan.procurement.v1 import order_service_pb2_grpc as opb_grpc
from jipan.procurement.v1 import resources_pb2 as pres
from jipan.servers.market.ratings.model import PurchasedOrder
from jipan.servers.runtime.errors import Unavailable
from jipan.servers.runtime.settings import ClientCertificate

log = structlog.get_logger(__name__)

CALL_TIMEOUT_S = 10.0
_NOT_VISIBLE = (
    grpc.StatusCode.NOT_FOUND,
    grpc.StatusCode.PERMISSION_DENIED,
    grpc.StatusCode.INVALID_ARGUMENT,
)


class ProcurementOrders:
    def __init__(
        self,
        target: str | Callable[[], str],
        *,
        ca_file: Path | None,
        client_cert: ClientCertificate | None = None,
        timeout_s: float = CALL_TIMEOUT_S,
    ) -> None:
        self._timeout_s = timeout_s
        self._channel = LazyChannel(
            target,
            ca_file=ca_file,
            client_cert=client_cert,
        )

    def _stub(self) -> opb_grpc.OrderServiceAsyncStub:
        stub: opb_grpc.OrderServiceAsyncStub = opb_grpc.OrderServiceStub(self._channel.get())
        return stub

    async def get(self, name: str, caller_token: str) -> tuple[PurchasedOrder | None, str]:
        """The order as the caller may see it, or (None, procurement's status code name) when
        procurement does not show it to the caller. Raises DEPENDENCY_UNAVAILABLE otherwise."""
        try:
            response = await self._stub().GetOrder(
                opb.GetOrderRequest(name=name),
                metadata=(("authorization", f"Bearer {caller_token}"),),
                timeout=self._timeout_s,
            )
        except grpc.aio.AioRpcError as exc:
            if exc.code() in _NOT_VISIBLE:
                return None, exc.code().name
            log.warning("procurement did not answer GetOrder", code=exc.code().name, detail=exc.details())
            raise Unavailable(
                "DEPENDENCY_UNAVAILABLE",
                "procurement did not answer; retry with the same request_id",
                metadata={"dependency": "procurement", "code": exc.code().name},
                retry_after_s=5.0,
            ) from exc
        order = response.order
        agency = order.name.split("/")[1] if order.name.count("/") == 3 else ""
        vendor = order.listing.split("/")[1] if order.listing.count("/") == 3 else ""
        state = pres.OrderState.Name(order.state).removeprefix("ORDER_STATE_")
        return PurchasedOrder(name=order.name, agency=agency, vendor=vendor, state=state), "OK"

    async def aclose(self) -> None:
        await self._channel.aclose()
