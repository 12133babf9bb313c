"""The `jipan` command: run the mesh, mint development tokens, migrate, show config."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from jipan.servers import dev_mesh
from jipan.servers.runtime import loop as event_loop
from jipan.servers.runtime.settings import ConfigError, Settings, load_settings

if TYPE_CHECKING:
    from jipan.interceptors.tokens import DevSigningKey
    from jipan.servers.runtime.runtime import Runtime

DEV_SCOPES = ("openid",)
ORGANIZATION_SERVICE = "jipan.identity.v1.OrganizationService"


class DevCommandError(Exception):
    """A dev command cannot do what was asked; the message says what to do instead."""


def _settings(args: argparse.Namespace) -> Settings:
    overrides: dict[str, Any] = {}
    if getattr(args, "listen", None):
        overrides["listen"] = args.listen
    if getattr(args, "data_dir", None):
        overrides["data_dir"] = Path(args.data_dir)
    return load_settings(None, **overrides)


def _mint(
    key: DevSigningKey,
    *,
    issuer: str,
    audience: str,
    subject: str,
    org: str | None,
    roles: Sequence[str],
    scopes: Sequence[str],
    ttl_s: int,
) -> str:
    from jipan.interceptors.tokens import mint_access_token

    return mint_access_token(
        key,
        subject=subject,
        audience=audience,
        issuer=issuer,
        scopes=list(scopes),
        org=org,
        roles=list(roles),
        ttl_s=ttl_s,
    )


def _existing_dev_key(data_dir: Path) -> DevSigningKey:
    """The development key a `jipan up` made in data_dir; never a new one.

    A key made here would sign tokens that no running mesh trusts
    (TOKEN_KEY_UNKNOWN), so its absence is an error that says what to do.
    """
    from jipan.interceptors.tokens import DEV_KEY_FILE, DevSigningKey

    if not (data_dir / DEV_KEY_FILE).is_file():
        raise DevCommandError(
            f"no development key in {data_dir}: it is made by `jipan up --data-dir {data_dir}`; "
            "start the mesh first, or pass the --data-dir of the one that is running"
        )
    try:
        return DevSigningKey.load_or_create(data_dir)
    except (OSError, ValueError) as exc:
        raise DevCommandError(f"cannot use the development key in {data_dir}: {exc}") from exc


def _running_mesh() -> dev_mesh.DevMesh:
    """The one `jipan up` this user runs, from the records in the state dir."""
    found = dev_mesh.survey()
    for gone in found.stale:
        print(f"jipan: removed the record of a jipan up that is gone ({gone.describe()})", file=sys.stderr)
    for path in found.unreadable:
        print(f"jipan: ignoring an unreadable record {path}", file=sys.stderr)
    if len(found.running) == 1:
        return found.running[0]
    if not found.running:
        raise DevCommandError(
            f"no `jipan up` is running for this user (none recorded in {dev_mesh.state_dir()}): "
            "start it with `scripts/up` (or `jipan up`), or pass --data-dir DIR, "
            "the data dir of the mesh that is to trust the token"
        )
    listed = "; ".join(mesh.describe() for mesh in found.running)
    raise DevCommandError(f"several `jipan up` are running ({listed}): pass --data-dir DIR to pick one")


def _explicit_data_dir(args: argparse.Namespace) -> Path | None:
    """The data dir the user named (flag or JIPAN_DATA_DIR), if any."""
    if getattr(args, "data_dir", None):
        return Path(args.data_dir)
    if os.environ.get("JIPAN_DATA_DIR"):
        return Path(os.environ["JIPAN_DATA_DIR"])
    return None


def _declared_grants(services: Sequence[str]) -> tuple[list[str], list[str]]:
    """Every scope and org role the served methods' policies name (from the contracts),
    so the banner's development token can call all of them."""
    from google.protobuf import descriptor_pool

    from jipan.interceptors.authz import policy_for_method

    scopes, roles = set(DEV_SCOPES), {"admin"}
    pool = descriptor_pool.Default()
    for service in services:
        for method in pool.FindServiceByName(service).methods:
            policy = policy_for_method(f"/{service}/{method.name}")
            scopes.update(policy.scopes)
            roles.update(policy.org_roles)
    return sorted(scopes), sorted(roles)


def _how_to_call(
    address: str, token: str, tls: bool, dev: dev_mesh.DevMesh, gateway_urls: Sequence[str] = ()
) -> str:
    plaintext = "" if tls else " -plaintext"
    http = "https" if tls else "http"
    service = "jipan.system.v1.SystemService"
    lines = [
        f"Development person {dev.dev_person}, admin of {dev.dev_org}. In another terminal,"
        " `jipan token --dev` mints tokens this mesh trusts (--all-grants: like the one below).",
        "Call it (dev token: every scope and role the served methods declare, valid 1 hour):",
    ]
    if sys.prefix != sys.base_prefix:  # a virtual environment: jipan and grpcurl live in its bin/
        lines.append(f"  source {Path(sys.prefix) / 'bin' / 'activate'}")
    lines += [
        f"  export JIPAN_TOKEN='{token}'",
        f"  grpcurl{plaintext} {address} list",
        f'  grpcurl{plaintext} -H "authorization: Bearer $JIPAN_TOKEN" {address} {service}/GetWhoAmI',
        f"  buf curl --protocol grpc{'' if tls else ' --http2-prior-knowledge'} "
        f'-H "authorization: Bearer $JIPAN_TOKEN" {http}://{address}/{service}/GetWhoAmI',
    ]
    for url in gateway_urls:
        lines += [
            f"Browsers and HTTP clients (Connect protocol; the portal at {url}/):",
            f'  curl -H "authorization: Bearer $JIPAN_TOKEN" -H "content-type: application/json" '
            f"-d '{{}}' {url}/{service}/GetWhoAmI",
        ]
    return "\n".join(lines)


async def _announce_dev_mesh(settings: Settings, address: str, runtime: Runtime, records: list[Path]) -> None:
    """Dev mode, once serving: provide the dev person, record the mesh, print the ready banner.

    The ready line comes last, so whoever waits for it (a terminal, a test)
    finds the dev person in place and the record written.
    """
    from jipan.interceptors.tokens import DevSigningKey
    from jipan.servers.identity.dev_principals import (
        DEV_ORG,
        DEV_PERSON,
        DevPrincipalConflict,
        ensure_dev_principals,
    )

    if ORGANIZATION_SERVICE in runtime.services:
        try:
            await ensure_dev_principals(runtime.database)
        except DevPrincipalConflict as exc:
            print(f"jipan: warning: {exc}", file=sys.stderr, flush=True)
    scopes, roles = _declared_grants(runtime.services)
    mesh = dev_mesh.DevMesh(
        pid=os.getpid(),
        process_start=dev_mesh.process_start(os.getpid()),
        address=address,
        data_dir=str(settings.data_dir.resolve()),
        token_issuer=settings.token_issuer,
        token_audience=settings.token_audience,
        tls=settings.tls_enabled,
        dev_person=DEV_PERSON,
        dev_org=DEV_ORG,
        scopes=scopes,
        roles=roles,
        gateway=runtime.gateway_urls[0] if runtime.gateway_urls else "",
    )
    try:
        records.append(dev_mesh.record(mesh))
    except OSError as exc:
        print(
            f"jipan: warning: cannot record this mesh in {dev_mesh.state_dir()} ({exc});"
            f" other terminals need `jipan token --dev --data-dir {settings.data_dir}`",
            file=sys.stderr,
            flush=True,
        )
    token = _mint(
        DevSigningKey.load_or_create(settings.data_dir),
        issuer=settings.token_issuer,
        audience=settings.token_audience,
        subject=DEV_PERSON,
        org=DEV_ORG,
        roles=roles,
        scopes=scopes,
        ttl_s=3600,
    )
    _print_ready(settings, address, runtime)
    print(_how_to_call(address, token, settings.tls_enabled, mesh, runtime.gateway_urls), flush=True)


def _print_ready(settings: Settings, address: str, runtime: Runtime) -> None:
    # The gateway's URL before "services:", which readers take to the end of the line.
    gateway = "".join(f"gateway {url}/ " for url in runtime.gateway_urls)
    print(
        f"jipan ready on {address} ({'TLS' if settings.tls_enabled else 'plaintext'}) "
        f"{gateway}services: {', '.join(runtime.services)}",
        flush=True,
    )


def _run_server(settings: Settings, service_names: list[str], *, dev: bool, gateway: bool) -> int:
    """Serve until stopped. `dev` (jipan up): with the embedded development key,
    provide the dev person, record the mesh for other terminals, print a token.
    `gateway`: the Connect gateway beside the gRPC server (its URL in the ready line)."""
    from jipan.interceptors.logs import configure_logging
    from jipan.interceptors.tracing import configure_tracing, shutdown_tracing
    from jipan.servers.registry import select_services
    from jipan.servers.runtime.runtime import loopback_target
    from jipan.servers.runtime.server import serve

    configure_logging(settings)
    provider = configure_tracing(settings)
    try:
        modules = select_services(service_names)
    except KeyError as exc:
        print(f"jipan: {exc.args[0]}", file=sys.stderr)
        return 2
    dev = dev and settings.identity_target is None
    records: list[Path] = []
    announcing: set[asyncio.Task[None]] = set()

    def on_ready(port: int, runtime: Runtime) -> None:
        address = loopback_target(settings.listen, port)
        if not dev:
            _print_ready(settings, address, runtime)
            return
        task = asyncio.get_running_loop().create_task(_announce_dev_mesh(settings, address, runtime, records))
        announcing.add(task)
        task.add_done_callback(announced)

    failed: list[BaseException] = []

    def announced(task: asyncio.Task[None]) -> None:
        announcing.discard(task)
        if not task.cancelled() and (exc := task.exception()) is not None:
            # Never ready: stop (SIGTERM drains as usual) rather than serve without a banner.
            print(f"jipan: could not finish starting in dev mode: {exc!r}", file=sys.stderr, flush=True)
            failed.append(exc)
            os.kill(os.getpid(), signal.SIGTERM)

    try:
        event_loop.run(serve(settings, modules, on_ready=on_ready, gateway=gateway), settings.event_loop)
    finally:
        for path in records:
            dev_mesh.remove(path)
        shutdown_tracing(provider)
    print("jipan stopped", flush=True)
    return 1 if failed else 0


def cmd_up(args: argparse.Namespace) -> int:
    from jipan.servers.registry import available_services

    return _run_server(_settings(args), list(available_services()), dev=True, gateway=True)


def cmd_serve(args: argparse.Namespace) -> int:
    return _run_server(_settings(args), list(args.services), dev=False, gateway=args.gateway)


def cmd_token(args: argparse.Namespace) -> int:
    settings = _settings(args)
    if not args.dev:
        print(
            "jipan token: only --dev tokens can be minted here; real tokens come from identity",
            file=sys.stderr,
        )
        return 2
    if settings.identity_target is not None:
        print(
            "jipan token: refusing to mint a dev token while a real issuer is configured "
            f"(JIPAN_IDENTITY_TARGET={settings.identity_target})",
            file=sys.stderr,
        )
        return 2
    data_dir = _explicit_data_dir(args)
    issuer, audience = settings.token_issuer, settings.token_audience
    grants: tuple[list[str], list[str]] | None = None
    if data_dir is None:
        mesh = _running_mesh()
        data_dir, issuer, audience = Path(mesh.data_dir), mesh.token_issuer, mesh.token_audience
        grants = (mesh.scopes, mesh.roles)
    key = _existing_dev_key(data_dir)
    scopes, roles = list(args.scope or []), list(args.role or [])
    if args.all_grants:
        from jipan.servers.registry import available_services

        if grants is None:
            served = [name for module in available_services().values() for name in module.service_names]
            grants = _declared_grants(served)
        scopes += grants[0]
        roles += grants[1]
    org = args.org if args.org is not None or args.sub is not None else dev_mesh.DEV_ORG
    print(
        _mint(
            key,
            issuer=issuer,
            audience=args.aud or audience,
            subject=args.sub or dev_mesh.DEV_PERSON,
            org=org or None,
            roles=sorted(set(roles)),
            scopes=sorted(set(scopes)) or list(DEV_SCOPES),
            ttl_s=args.ttl,
        )
    )
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    found = dev_mesh.survey()
    for gone in found.stale:
        print(f"jipan: removed the record of a jipan up that is gone ({gone.describe()})", file=sys.stderr)
    if args.json:
        print(json.dumps([mesh.as_dict() for mesh in found.running], indent=2))
    for mesh in [] if args.json else found.running:
        print(f"jipan up: {mesh.describe()}, dev person {mesh.dev_person} ({mesh.dev_org})")
    if not found.running:
        print(
            f"jipan: no jipan up is running for this user (records: {dev_mesh.state_dir()})", file=sys.stderr
        )
        return 1
    return 0


def cmd_migrate(args: argparse.Namespace) -> int:
    from jipan.interceptors.logs import configure_logging
    from jipan.servers.registry import SERVICES, select_services
    from jipan.servers.runtime.runtime import open_runtime

    settings = _settings(args)
    configure_logging(settings)
    try:
        modules = select_services(list(args.services) or list(SERVICES))
    except KeyError as exc:
        print(f"jipan: {exc.args[0]}", file=sys.stderr)
        return 2

    async def migrate() -> None:
        async with open_runtime(settings, modules):
            pass

    asyncio.run(migrate())
    print(f"migrations up to date: {', '.join(m.name for m in modules)}")
    return 0


def cmd_config(args: argparse.Namespace) -> int:
    print(json.dumps(_settings(args).redacted(), indent=2, ensure_ascii=False))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="jipan", description="Jipan (基盤) gRPC mesh")
    commands = parser.add_subparsers(dest="command", required=True)

    def common(p: argparse.ArgumentParser, *, listen: bool = True) -> None:
        if listen:
            p.add_argument("--listen", help="host:port to bind (JIPAN_LISTEN; default 127.0.0.1:50051)")
        p.add_argument("--data-dir", help="state of embedded engines and dev keys (JIPAN_DATA_DIR)")

    up = commands.add_parser("up", help="every service in one process on the embedded engines")
    common(up)
    up.set_defaults(func=cmd_up)

    serve = commands.add_parser("serve", help="the named services in one process")
    serve.add_argument("services", nargs="+", metavar="SERVICE")
    serve.add_argument(
        "--gateway",
        action="store_true",
        help="also serve the Connect gateway for browsers (JIPAN_GATEWAY_PORT; jipan up always does)",
    )
    common(serve)
    serve.set_defaults(func=cmd_serve)

    token = commands.add_parser(
        "token",
        help="mint a development access token signed with the running jipan up's development key",
        description="Mint a development access token with the development key of the running `jipan up`"
        " (found through the record it keeps in $XDG_STATE_HOME/jipan/up/), or of --data-dir."
        " Never makes a key: without one it fails and says what to do.",
    )
    token.add_argument("--dev", action="store_true", help="required: this is a development token")
    token.add_argument("--sub", help="subject (default: the development person jipan up provides)")
    token.add_argument(
        "--org", help="organisation, e.g. orgs/moda (default: orgs/dev when --sub is not given)"
    )
    token.add_argument("--role", action="append", help="org role (repeatable)")
    token.add_argument("--scope", action="append", help="scope (repeatable; default openid)")
    token.add_argument(
        "--all-grants",
        action="store_true",
        help="every scope and role the served methods declare, like the token jipan up prints",
    )
    token.add_argument("--aud", help="audience (default: the running mesh's, or JIPAN_TOKEN_AUDIENCE)")
    token.add_argument("--ttl", type=int, default=900, help="lifetime in seconds (default 900)")
    common(token, listen=False)
    token.set_defaults(func=cmd_token)

    status = commands.add_parser("status", help="where the development mesh (jipan up) runs")
    status.add_argument("--json", action="store_true", help="the records as JSON")
    status.set_defaults(func=cmd_status)

    migrate = commands.add_parser("migrate", help="apply pending migrations and exit")
    migrate.add_argument("services", nargs="*", metavar="SERVICE")
    common(migrate, listen=False)
    migrate.set_defaults(func=cmd_migrate)

    config = commands.add_parser("config", help="print the effective settings, secrets redacted")
    common(config)
    config.set_defaults(func=cmd_config)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        result: int = args.func(args)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        print(f"jipan: invalid configuration: {problems}", file=sys.stderr)
        return 2
    except ConfigError as exc:
        print(f"jipan: {exc}", file=sys.stderr)
        return 2
    except DevCommandError as exc:
        print(f"jipan {args.command}: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    return result


if __name__ == "__main__":
    raise SystemExit(main())
