package org.methodportal.account.api;

import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** The OpenAPI document's header at /v3/api-docs: the API's conventions and its sign-in (token or HTTP Basic). */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
        info = @Info(title = "Method Portal API (支部工作法库)", version = "v1", description = """
                Same accounts and roles as the web interface, no session. Send a personal access token \
                as `Authorization: Bearer <token>` (created on the profile page or with \
                `POST /api/v1/me/tokens`; scopes read, write, admin): verifying it costs well under a \
                millisecond. HTTP Basic with the password also works, for compatibility, but checks the \
                password's slow hash on every call (tens of milliseconds). Lists are `{total, page, size, content}`; `page` is zero-based, `size` at \
                most 500, `sort` is `key` or `key,desc`.

                Errors are RFC 9457 problem details (`application/problem+json`) with `type` \
                `/problems/<code>`, a stable `code` and a Chinese `detail`: 401 not signed in, \
                403 not allowed, 404 not found, 409 conflict, 422 invalid, 429 wait before signing in \
                again from this address (failed attempts; `Retry-After` gives the seconds).

                Optimistic concurrency: reads return `ETag: "<version>"`. Every write to an existing \
                object must name the version it read, as `If-Match: "<version>"` or as a `version` \
                field in the body (both: they must agree). A write based on an older version is \
                refused with **409** and a `*.stale` code (never 412), so re-read and try again. \
                A missing version gives 422 `api.version-required`."""),
        security = {@SecurityRequirement(name = ApiDocumentation.TOKEN), @SecurityRequirement(name = ApiDocumentation.BASIC)})
@SecurityScheme(name = ApiDocumentation.TOKEN, type = SecuritySchemeType.HTTP, scheme = "bearer")
@SecurityScheme(name = ApiDocumentation.BASIC, type = SecuritySchemeType.HTTP, scheme = "basic")
class ApiDocumentation {

    static final String TOKEN = "bearerToken";
    static final String BASIC = "basicAuth";
}
