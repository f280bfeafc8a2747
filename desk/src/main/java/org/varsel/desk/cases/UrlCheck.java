package org.varsel.desk.cases;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/** The desk's latest look at one reported URL: the HTTP status it answered with, or why it could not be fetched. */
public record UrlCheck(String caseId, String url, OptionalInt httpStatus, Optional<String> error, Instant checkedAt) {

    /** In words for the case page: "404 (gone)", "200 (still up)", or the error. */
    public String summary() {
        if (httpStatus.isEmpty()) {
            return "not checked: " + error.orElse("unknown error");
        }
        int status = httpStatus.getAsInt();
        String meaning = status == 404 || status == 410
                ? "gone"
                : status >= 200 && status < 300
                        ? "still up"
                        : status >= 300 && status < 400
                                ? "redirects"
                                : status == 401 || status == 403 || status == 451
                                        ? "withheld or restricted"
                                        : "answered " + status;
        return status + " (" + meaning + ")";
    }
}
