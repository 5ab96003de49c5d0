"""Starlette's CORS, with a refused preflight answered as a problem like every other error
(Starlette answers it in plain text)."""

from starlette.datastructures import Headers
from starlette.middleware.cors import CORSMiddleware
from starlette.responses import JSONResponse, Response

from app.core.problems import PROBLEM_MEDIA_TYPE, problem_body


class ProblemCORSMiddleware(CORSMiddleware):
    def preflight_response(self, request_headers: Headers) -> Response:
        response = super().preflight_response(request_headers)
        if response.status_code != 400:
            return response
        refused = bytes(response.body).decode()  # "Disallowed CORS origin, method"
        problem = problem_body(
            status=400,
            title="CORS preflight refused",
            slug="cors-preflight-refused",
            detail=f"{refused}; allowed methods: {', '.join(self.allow_methods)}",
        )
        headers = {
            name: value for name, value in response.headers.items() if name.startswith("access")
        }
        return JSONResponse(problem, 400, headers=headers, media_type=PROBLEM_MEDIA_TYPE)
