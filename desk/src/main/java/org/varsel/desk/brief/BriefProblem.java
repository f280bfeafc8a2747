package org.varsel.desk.brief;

/** A brief request the desk cannot serve: the HTTP status to answer with, and why. */
public final class BriefProblem extends RuntimeException {
  private final int status;

  public BriefProblem(int status, String detail) {
    super(detail, null, false, false);
    this.status = status;
  }

  public static BriefProblem badRequest(String detail) {
    return new BriefProblem(400, detail);
  }

  public static BriefProblem notFound(String detail) {
    return new BriefProblem(404, detail);
  }

  public static BriefProblem conflict(String detail) {
    return new BriefProblem(409, detail);
  }

  public static BriefProblem unprocessable(String detail) {
    return new BriefProblem(422, detail);
  }

  public int status() {
    return status;
  }
}
