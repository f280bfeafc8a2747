package org.varsel.desk.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.varsel.contract.Json;

/** An RFC 9457 problem detail: what the client gets instead of a stack trace. Thrown to end a request. */
public final class Problem extends RuntimeException {
    public static final String CONTENT_TYPE = "application/problem+json";

    private final int status;
    private final String title;
    private final String detail;
    /** Extension members (RFC 9457 section 3.2), e.g. the fields that were wrong; null when there are none. */
    private final ObjectNode members;

    public Problem(int status, String title, String detail) {
        this(status, title, detail, null);
    }

    public Problem(int status, String title, String detail, ObjectNode members) {
        super(title + ": " + detail, null, false, false);
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.members = members;
    }

    public static Problem badRequest(String detail) {
        return new Problem(400, "Bad request", detail);
    }

    public static Problem unauthorized(String detail) {
        return new Problem(401, "Unauthorized", detail);
    }

    public static Problem forbidden(String detail) {
        return new Problem(403, "Forbidden", detail);
    }

    public static Problem notFound(String detail) {
        return new Problem(404, "Not found", detail);
    }

    public static Problem conflict(String detail) {
        return new Problem(409, "Conflict", detail);
    }

    public static Problem unprocessable(String detail) {
        return new Problem(422, "Unprocessable content", detail);
    }

    /** The problem for a status, with the same title the named factories give it. */
    public static Problem of(int status, String detail) {
        return switch (status) {
            case 400 -> badRequest(detail);
            case 401 -> unauthorized(detail);
            case 403 -> forbidden(detail);
            case 404 -> notFound(detail);
            case 409 -> conflict(detail);
            case 422 -> unprocessable(detail);
            case 503 -> unavailable(detail);
            default -> new Problem(status, HttpStatus.forStatus(status).getMessage(), detail);
        };
    }

    public static Problem unavailable(String detail) {
        return new Problem(503, "Service unavailable", detail);
    }

    public int status() {
        return status;
    }

    /** What went wrong, without the title: for a page that shows it to a person. */
    public String detail() {
        return detail;
    }

    public void writeTo(Context ctx) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", ctx.path());
        if (members != null) {
            members.properties().forEach(member -> body.set(member.getKey(), member.getValue()));
        }
        if (status == 401) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"varsel-desk\"");
        }
        ctx.status(status).contentType(CONTENT_TYPE).result(body.toString());
    }
}
