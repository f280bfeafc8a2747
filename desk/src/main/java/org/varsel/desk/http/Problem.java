package org.varsel.desk.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import org.varsel.contract.Json;

/** An RFC 9457 problem detail: what the client gets instead of a stack trace. Thrown to end a request. */
final class Problem extends RuntimeException {
  static final String CONTENT_TYPE = "application/problem+json";

  private final int status;
  private final String title;
  private final String detail;

  Problem(int status, String title, String detail) {
    super(title + ": " + detail, null, false, false);
    this.status = status;
    this.title = title;
    this.detail = detail;
  }

  static Problem badRequest(String detail) {
    return new Problem(400, "Bad request", detail);
  }

  static Problem unauthorized(String detail) {
    return new Problem(401, "Unauthorized", detail);
  }

  static Problem forbidden(String detail) {
    return new Problem(403, "Forbidden", detail);
  }

  static Problem notFound(String detail) {
    return new Problem(404, "Not found", detail);
  }

  static Problem unavailable(String detail) {
    return new Problem(503, "Service unavailable", detail);
  }

  int status() {
    return status;
  }

  void writeTo(Context ctx) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("type", "about:blank");
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    body.put("instance", ctx.path());
    if (status == 401) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"varsel-desk\"");
    }
    ctx.status(status).contentType(CONTENT_TYPE).result(body.toString());
  }
}
