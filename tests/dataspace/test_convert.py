"""A peer's negotiation state off the wire: an enum value this side does not know is a refusal
(AGREEMENT_MISMATCH, the error for a missing state), never an INTERNAL."""

from __future__ import annotations

import pytest

from jipan.dataspace.v1 import resources_pb2 as pb
from jipan.servers.dataspace.convert import state_from_pb
from jipan.servers.dataspace.federated import _view
from jipan.servers.dataspace.negotiation.types import State
from jipan.servers.runtime.errors import FailedPrecondition


def test_every_defined_state_reads_back_and_an_undefined_one_is_none() -> None:
    for state in State:
        assert state_from_pb(pb.NegotiationState.Value(f"NEGOTIATION_STATE_{state.value}")) is state
    assert state_from_pb(pb.NEGOTIATION_STATE_UNSPECIFIED) is None
    assert state_from_pb(99) is None


@pytest.mark.parametrize("value", [pb.NEGOTIATION_STATE_UNSPECIFIED, 99])
def test_a_peers_negotiation_with_an_unknown_state_is_a_mismatch(value: int) -> None:
    # What a peer's GetNegotiation answer or its NotifyNegotiation carries (proto3 enums are open).
    answer = pb.Negotiation(name="negotiations/x", state=value, last_actor="PROVIDER")  # type: ignore[arg-type]
    with pytest.raises(FailedPrecondition) as caught:
        _view(answer)
    assert caught.value.reason == "AGREEMENT_MISMATCH"
