#!/usr/bin/env python3
"""buf plugin: the API reference (Markdown) from the contracts' own comments.

No protoc doc plugin is installable offline here (protoc-gen-doc is a Go
binary that neither Debian 12 nor the reachable registries ship), so this
renders one page, `api.md`, from the descriptors buf compiled: per package its
services (each RPC with request, response and the leading comment), messages
(fields with type, number and comment) and enums. Comments come from the
descriptors' SourceCodeInfo, which buf lint's COMMENTS rules keep complete.
Deterministic: files in name order, no timestamps.
"""

from __future__ import annotations

import sys
from collections import defaultdict

from google.protobuf import descriptor_pb2 as d
from google.protobuf.compiler import plugin_pb2

_TYPES = {v: k.removeprefix("TYPE_").lower() for k, v in d.FieldDescriptorProto.Type.items()}
# Source path components (descriptor.proto field numbers).
_MESSAGE, _ENUM, _SERVICE = 4, 5, 6
_FIELD, _NESTED, _NESTED_ENUM, _VALUE, _METHOD = 2, 3, 4, 2, 2


def _comment(comments: dict[tuple[int, ...], str], path: tuple[int, ...]) -> str:
    return " ".join(line.strip() for line in comments.get(path, "").strip().splitlines())


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _type_name(field: d.FieldDescriptorProto) -> str:
    name = field.type_name.lstrip(".") if field.type_name else _TYPES[field.type]
    if field.label == d.FieldDescriptorProto.LABEL_REPEATED:
        return f"repeated {name}"
    return name


def _message(
    out: list[str],
    comments: dict[tuple[int, ...], str],
    message: d.DescriptorProto,
    prefix: str,
    path: tuple[int, ...],
) -> None:
    if message.options.map_entry:
        return
    full = f"{prefix}.{message.name}"
    out += [f"### {full}", "", _comment(comments, path), ""]
    if message.field:
        out += ["| field | type | # | description |", "|---|---|---|---|"]
        for index, field in enumerate(message.field):
            text = _comment(comments, (*path, _FIELD, index))
            out.append(f"| `{field.name}` | `{_type_name(field)}` | {field.number} | {_cell(text)} |")
        out.append("")
    for index, nested in enumerate(message.nested_type):
        _message(out, comments, nested, full, (*path, _NESTED, index))
    for index, enum in enumerate(message.enum_type):
        _enum(out, comments, enum, full, (*path, _NESTED_ENUM, index))


def _enum(
    out: list[str],
    comments: dict[tuple[int, ...], str],
    enum: d.EnumDescriptorProto,
    prefix: str,
    path: tuple[int, ...],
) -> None:
    out += [f"### enum {prefix}.{enum.name}", "", _comment(comments, path), ""]
    out += ["| value | # | description |", "|---|---|---|"]
    for index, value in enumerate(enum.value):
        out.append(
            f"| `{value.name}` | {value.number} | {_cell(_comment(comments, (*path, _VALUE, index)))} |"
        )
    out.append("")


def render(files: list[d.FileDescriptorProto]) -> str:
    by_package: dict[str, list[d.FileDescriptorProto]] = defaultdict(list)
    for file in sorted(files, key=lambda f: f.name):
        by_package[file.package].append(file)
    out = [
        "# Jipan API reference",
        "",
        "Generated from `protos/jipan` by `tools/protoc_gen_doc.py` (scripts/generate); do not edit.",
        "Packages listed in `protos/STABLE` only grow (see protos/README.md).",
        "",
    ]
    out += [f"- [{package}](#{package.replace('.', '')})" for package in sorted(by_package)]
    out.append("")
    for package in sorted(by_package):
        out += [f"## {package}", ""]
        for file in by_package[package]:
            comments = {tuple(loc.path): loc.leading_comments for loc in file.source_code_info.location}
            for index, service in enumerate(file.service):
                out += [
                    f"### service {package}.{service.name}",
                    "",
                    _comment(comments, (_SERVICE, index)),
                    "",
                ]
                out += ["| method | request | response | description |", "|---|---|---|---|"]
                for m_index, method in enumerate(service.method):
                    text = _comment(comments, (_SERVICE, index, _METHOD, m_index))
                    request, response = method.input_type.lstrip("."), method.output_type.lstrip(".")
                    out.append(f"| `{method.name}` | `{request}` | `{response}` | {_cell(text)} |")
                out.append("")
            for index, message in enumerate(file.message_type):
                _message(out, comments, message, package, (_MESSAGE, index))
            for index, enum in enumerate(file.enum_type):
                _enum(out, comments, enum, package, (_ENUM, index))
    return "\n".join(out).rstrip() + "\n"


def main() -> int:
    request = plugin_pb2.CodeGeneratorRequest.FromString(sys.stdin.buffer.read())
    wanted = set(request.file_to_generate)
    files = [file for file in request.proto_file if file.name in wanted]
    response = plugin_pb2.CodeGeneratorResponse(
        supported_features=plugin_pb2.CodeGeneratorResponse.FEATURE_PROTO3_OPTIONAL
    )
    response.file.add(name="api.md", content=render(files))
    sys.stdout.buffer.write(response.SerializeToString())
    return 0


if __name__ == "__main__":
    sys.exit(main())
