"""Every Jipan service a process can run, by name (`jipan serve NAME...`).

A new service adds one line here; `jipan up` runs them all.
"""

from __future__ import annotations

from jipan.servers.runtime.runtime import ServiceModule


def available_services() -> dict[str, ServiceModule]:
    # Imported here so `jipan config` and `jipan token` stay fast and never
    # import service code they do not run.
    from jipan.servers import identity, system

    modules = [system.SERVICE]
    modules.append(identity.SERVICE)
    from jipan.servers import ledger

    modules.append(ledger.SERVICE)
    from jipan.servers import procurement

    modules.append(procurement.SERVICE)
    from jipan.servers import inference

    modules.append(inference.SERVICE)
    from jipan.servers import document

    modules.append(document.SERVICE)
    from jipan.servers import privacy

    modules.append(privacy.SERVICE)
    from jipan.servers import dataspace

    modules.append(dataspace.SERVICE)
    from jipan.servers import factcheck

    modules.append(factcheck.SERVICE)
    from jipan.servers import federation

    modules.append(federation.SERVICE)
    from jipan.servers import market

    modules.append(market.SERVICE)
    from jipan.servers import cloud

    modules.append(cloud.SERVICE)
    return {module.name: module for module in modules}


def select_services(names: list[str]) -> list[ServiceModule]:
    """The named services (system always included: every server answers it)."""
    known = available_services()
    unknown = [name for name in names if name not in known]
    if unknown:
        raise KeyError(f"unknown service(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}")
    chosen = ["system", *[name for name in names if name != "system"]]
    return [known[name] for name in dict.fromkeys(chosen)]
