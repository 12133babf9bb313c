"""RatingService over gRPC: unpack, call the domain, pack."""

from __future__ import annotations

from typing import Any

import grpc

from jipan.interceptors.context import current_principal
from jipan.market.v1 import rating_service_pb2 as rpb
from jipan.market.v1 import rating_service_pb2_grpc as rpb_grpc
from jipan.market.v1 import resources_pb2 as mres
from jipan.servers.market.catalog.convert import timestamp
from jipan.servers.market.providers.servicer import summary_to_pb
from jipan.servers.market.ratings.domain import Ratings, rating_name
from jipan.servers.market.ratings.model import Rating
from jipan.servers.runtime.errors import Unauthenticated

Context = grpc.aio.ServicerContext[Any, Any]


def rating_to_pb(rating: Rating, viewer_org: str) -> mres.Rating:
    # The order is the agency's and the vendor's business: others see the rating, the stars,
    # the review and the agency, not which procurement order it was.
    parties = (rating.agency, rating.provider)
    return mres.Rating(
        name=rating_name(rating),
        order=rating.order if viewer_org in parties else "",
        stars=rating.stars,
        review=rating.review,
        agency="agencies/" + rating.agency.removeprefix("orgs/"),
        ledger_receipt=rating.ledger_receipt,
        create_time=timestamp(rating.create_time),
    )


def caller_token(context: Context) -> str:
    """The caller's bearer token (already verified by the interceptors), to call procurement as them."""
    for key, value in context.invocation_metadata() or ():
        if key == "authorization" and isinstance(value, str) and value[:7].lower() == "bearer ":
            return value[7:].strip()
    raise Unauthenticated("TOKEN_MISSING", "this method needs `authorization: Bearer <access token>`")


class RatingServicer(rpb_grpc.RatingServiceServicer):
    def __init__(self, ratings: Ratings) -> None:
        self._ratings = ratings

    async def CreateRating(
        self, request: rpb.CreateRatingRequest, context: Context
    ) -> rpb.CreateRatingResponse:
        principal = current_principal()
        rating = await self._ratings.rate(
            principal,
            caller_token(context),
            request.parent,
            request.rating.order,
            request.rating.stars,
            request.rating.review,
            request.request_id,
        )
        return rpb.CreateRatingResponse(rating=rating_to_pb(rating, principal.org or ""))

    async def ListRatings(self, request: rpb.ListRatingsRequest, context: Context) -> rpb.ListRatingsResponse:
        principal = current_principal()
        page = await self._ratings.list_ratings(request.parent, request.page_size, request.page_token)
        return rpb.ListRatingsResponse(
            ratings=[rating_to_pb(r, principal.org or "") for r in page.ratings],
            next_page_token=page.next_page_token,
            summary=summary_to_pb(page.summary),
        )
