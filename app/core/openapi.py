"""The OpenAPI document as Swagger UI shows it best: an optional parameter is one type (not
`string | null`), a comma list of known values is an array of an enum (a multi-select) rather
than a regex, and each parameter's example sits on the parameter, where Swagger UI fills its
input from."""

from typing import Any

from app.core.problems import PROBLEM_MEDIA_TYPE

_COMMA_LIST = "x-comma-list"


def comma_list_schema(values: tuple[str, ...]) -> dict[str, Any]:
    """`json_schema_extra` for a string parameter holding a comma list of `values`."""
    return {_COMMA_LIST: list(values)}


def tidy_parameters(spec: dict[str, Any]) -> dict[str, Any]:
    """Rewrite every operation's parameters in place (see the module's docstring), and
    document each error under the media type it is sent as."""
    for operations in spec.get("paths", {}).values():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                _tidy(parameter)
            for response in operation.get("responses", {}).values():
                _problem_as_sent(response)
    return spec


def _problem_as_sent(response: dict[str, Any]) -> None:
    """FastAPI puts a response's model under application/json; a problem is sent as
    application/problem+json (RFC 9457), so its schema belongs there, alone."""
    content = response.get("content", {})
    if PROBLEM_MEDIA_TYPE in content and "application/json" in content:
        content[PROBLEM_MEDIA_TYPE] = content.pop("application/json")


def _tidy(parameter: dict[str, Any]) -> None:
    schema = parameter.get("schema", {})
    # A parameter is optional by `required: false` already; `null` is not a value to send.
    variants = [v for v in schema.pop("anyOf", []) if v != {"type": "null"}]
    if len(variants) == 1:
        schema.update(variants[0])
    elif variants:
        schema["anyOf"] = variants
    values = schema.pop(_COMMA_LIST, None)
    if values is not None:
        for key in ("type", "maxLength", "pattern"):
            schema.pop(key, None)
        schema.update(
            type="array",
            minItems=1,
            maxItems=len(values),
            uniqueItems=True,
            items={"type": "string", "enum": values},
        )
        schema["examples"] = [example.split(",") for example in schema.get("examples", [])]
        parameter.update(style="form", explode=False)
    if schema.get("examples") and "example" not in parameter:
        parameter["example"] = schema["examples"][0]
