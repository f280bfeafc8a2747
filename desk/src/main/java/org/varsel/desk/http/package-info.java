/**
 * The desk's HTTP layer (Javalin): the server ({@link org.varsel.desk.http.HttpApi}: bearer tokens, health, OpenAPI),
 * the one error type ({@link org.varsel.desk.http.Problem}, RFC 9457 problem+json), the parameter and body parsing
 * every route group shares ({@link org.varsel.desk.http.RequestParams}, {@link org.varsel.desk.http.JsonBody}), the
 * {@link org.varsel.desk.http.RouteGroup} each area adds its routes with, the page renderer every server-rendered page
 * goes through ({@link org.varsel.desk.http.SignedInPage}: session, layout model, CSP), and the rate limiter.
 */
package org.varsel.desk.http;
