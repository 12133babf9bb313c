"""TrialService over gRPC: unpack, call the domain, pack."""

from __future__ import annotations

from typing import Any

import grpc

from jipan.common.v1 import money_pb2
from jipan.interceptors.context import current_principal
from jipan.market.v1 import resources_pb2 as mres
from jipan.market.v1 import trial_service_pb2 as tpb
from jipan.market.v1 import trial_service_pb2_grpc as tpb_grpc
from jipan.servers.market.catalog.convert import timestamp
from jipan.servers.market.names import trial_name, trial_template_name
from jipan.servers.market.trials.domain import Trials
from jipan.servers.market.trials.model import Trial, TrialTemplate

Context = grpc.aio.ServicerContext[Any, Any]


def template_to_pb(template: TrialTemplate) -> mres.TrialTemplate:
    return mres.TrialTemplate(
        name=trial_template_name(template.project_id, template.id),
        offering=template.offering,
        image=template.image,
        ports=list(template.ports),
        max_hours=template.max_hours,
        budget_cap=money_pb2.Money(
            currency_code=template.budget_currency, amount_minor=template.budget_minor
        ),
        publisher=template.publisher,
    )


def trial_to_pb(trial: Trial) -> mres.Trial:
    return mres.Trial(
        name=trial_name(trial.organization, trial.id),
        template=trial_template_name(trial.project_id, trial.template_id),
        hours=trial.hours,
        state=mres.TrialState.Value(f"TRIAL_STATE_{trial.state.value}"),
        endpoint=trial.endpoint,
        cloud_resource=trial.deployment,
        problem=trial.problem,
        expire_time=timestamp(trial.expire_time),
        create_time=timestamp(trial.create_time),
        estimated_cost=money_pb2.Money(currency_code=trial.currency, amount_minor=trial.estimated_cost_minor),
    )


class TrialServicer(tpb_grpc.TrialServiceServicer):
    def __init__(self, trials: Trials) -> None:
        self._trials = trials

    async def CreateTrialTemplate(
        self, request: tpb.CreateTrialTemplateRequest, context: Context
    ) -> tpb.CreateTrialTemplateResponse:
        given = request.trial_template
        template = await self._trials.create_template(
            current_principal(),
            request.parent,
            given.offering,
            given.image,
            list(given.ports),
            given.max_hours,
            given.budget_cap.currency_code,
            given.budget_cap.amount_minor,
        )
        return tpb.CreateTrialTemplateResponse(trial_template=template_to_pb(template))

    async def ListTrialTemplates(
        self, request: tpb.ListTrialTemplatesRequest, context: Context
    ) -> tpb.ListTrialTemplatesResponse:
        rows, token = await self._trials.list_templates(request.parent, request.page_size, request.page_token)
        return tpb.ListTrialTemplatesResponse(
            trial_templates=[template_to_pb(t) for t in rows], next_page_token=token
        )

    async def StartTrial(self, request: tpb.StartTrialRequest, context: Context) -> tpb.StartTrialResponse:
        trial = await self._trials.start(
            current_principal(), request.trial.template, request.trial.hours, request.request_id
        )
        return tpb.StartTrialResponse(trial=trial_to_pb(trial))

    async def GetTrial(self, request: tpb.GetTrialRequest, context: Context) -> tpb.GetTrialResponse:
        return tpb.GetTrialResponse(
            trial=trial_to_pb(await self._trials.get(current_principal(), request.name))
        )

    async def ListTrials(self, request: tpb.ListTrialsRequest, context: Context) -> tpb.ListTrialsResponse:
        rows, token = await self._trials.list_trials(
            current_principal(), request.parent, request.page_size, request.page_token
        )
        return tpb.ListTrialsResponse(trials=[trial_to_pb(t) for t in rows], next_page_token=token)

    async def EndTrial(self, request: tpb.EndTrialRequest, context: Context) -> tpb.EndTrialResponse:
        return tpb.EndTrialResponse(
            trial=trial_to_pb(await self._trials.end(current_principal(), request.name))
        )
