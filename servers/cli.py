"""The `jipan` command: run the mesh, mint development tokens, migrate, show config."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from jipan.servers.runtime.settings import ConfigError, Settings, load_settings

DEV_SCOPES = ("openid",)


def _settings(args: argparse.Namespace) -> Settings:
    overrides: dict[str, Any] = {}
    if getattr(args, "listen", None):
        overrides["listen"] = args.listen
    if getattr(args, "data_dir", None):
        overrides["data_dir"] = Path(args.data_dir)
    return load_settings(None, **overrides)


def _dev_token(
    settings: Settings,
    *,
    subject: str,
    org: str | None,
    roles: Sequence[str],
    scopes: Sequence[str],
    ttl_s: int,
    audience: str | None = None,
) -> str:
    from jipan.interceptors.tokens import DevSigningKey, mint_access_token

    key = DevSigningKey.load_or_create(settings.data_dir)
    return mint_access_token(
        key,
        subject=subject,
        audience=audience or settings.token_audience,
        issuer=settings.token_issuer,
        scopes=list(scopes),
        org=org,
        roles=list(roles),
        ttl_s=ttl_s,
    )


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


def _how_to_call(address: str, token: str, services: Sequence[str], tls: bool) -> str:
    plaintext = "" if tls else " -plaintext"
    http = "https" if tls else "http"
    service = "jipan.system.v1.SystemService"
    return "\n".join(
        [
            "Call it (dev token: every scope and role the served methods declare, valid 1 hour;"
            " mint narrower ones with `jipan token --dev`):",
            f"  export JIPAN_TOKEN='{token}'",
            f"  grpcurl{plaintext} {address} list",
            f'  grpcurl{plaintext} -H "authorization: Bearer $JIPAN_TOKEN" {address} {service}/GetWhoAmI',
            f"  buf curl --protocol grpc{'' if tls else ' --http2-prior-knowledge'} "
            f'-H "authorization: Bearer $JIPAN_TOKEN" {http}://{address}/{service}/GetWhoAmI',
        ]
    )


def _run_server(settings: Settings, service_names: list[str], *, banner: bool) -> int:
    from jipan.interceptors.logs import configure_logging
    from jipan.interceptors.tracing import configure_tracing, shutdown_tracing
    from jipan.servers.registry import select_services
    from jipan.servers.runtime.runtime import Runtime
    from jipan.servers.runtime.server import serve

    configure_logging(settings)
    provider = configure_tracing(settings)
    try:
        modules = select_services(service_names)
    except KeyError as exc:
        print(f"jipan: {exc.args[0]}", file=sys.stderr)
        return 2

    def on_ready(port: int, runtime: Runtime) -> None:
        host = settings.listen.rpartition(":")[0]
        address = f"{host}:{port}"
        print(
            f"jipan ready on {address} ({'TLS' if settings.tls_enabled else 'plaintext'}) "
            f"services: {', '.join(runtime.services)}",
            flush=True,
        )
        if banner and settings.identity_target is None:
            scopes, roles = _declared_grants(runtime.services)
            token = _dev_token(
                settings, subject="people/dev", org="orgs/dev", roles=roles, scopes=scopes, ttl_s=3600
            )
            print(_how_to_call(address, token, runtime.services, settings.tls_enabled), flush=True)

    try:
        asyncio.run(serve(settings, modules, on_ready=on_ready))
    finally:
        shutdown_tracing(provider)
    print("jipan stopped", flush=True)
    return 0


def cmd_up(args: argparse.Namespace) -> int:
    from jipan.servers.registry import available_services

    return _run_server(_settings(args), list(available_services()), banner=True)


def cmd_serve(args: argparse.Namespace) -> int:
    return _run_server(_settings(args), list(args.services), banner=False)


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
    print(
        _dev_token(
            settings,
            subject=args.sub,
            org=args.org,
            roles=args.role or [],
            scopes=args.scope or list(DEV_SCOPES),
            ttl_s=args.ttl,
            audience=args.aud,
        )
    )
    return 0


def cmd_migrate(args: argparse.Namespace) -> int:
    from jipan.interceptors.logs import configure_logging
    from jipan.servers.registry import available_services, select_services
    from jipan.servers.runtime.runtime import open_runtime

    settings = _settings(args)
    configure_logging(settings)
    try:
        modules = select_services(list(args.services) or list(available_services()))
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
    common(serve)
    serve.set_defaults(func=cmd_serve)

    token = commands.add_parser("token", help="mint a development access token with the embedded key")
    token.add_argument("--dev", action="store_true", help="required: this is a development token")
    token.add_argument("--sub", default="people/dev", help="subject (default people/dev)")
    token.add_argument("--org", help="organisation, e.g. orgs/moda")
    token.add_argument("--role", action="append", help="org role (repeatable)")
    token.add_argument("--scope", action="append", help="scope (repeatable)")
    token.add_argument("--aud", help="audience (default JIPAN_TOKEN_AUDIENCE)")
    token.add_argument("--ttl", type=int, default=900, help="lifetime in seconds (default 900)")
    common(token, listen=False)
    token.set_defaults(func=cmd_token)

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
    except KeyboardInterrupt:
        return 130
    return result


if __name__ == "__main__":
    raise SystemExit(main())
