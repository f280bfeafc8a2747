package org.varsel.desk.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.varsel.contract.CategoryNames;

/** What intake made of one signal: accepted (new or a replay), rejected with a reason, or not taken for now. */
public sealed interface IntakeOutcome {

    /** In Kafka; {@code duplicate} when the source had sent this external id before (no second record). */
    record Accepted(String signalId, boolean duplicate) implements IntakeOutcome {}

    /** Refused for good; the same bytes will be refused again. */
    record Rejected(Reason kind, String reason, List<FieldError> errors) implements IntakeOutcome {
        public Rejected {
            errors = List.copyOf(errors);
        }

        /** A rejection from the contract's codec, with the fields its reason names (in words where it says a regex). */
        public static Rejected fromCodec(String reason) {
            if (reason.startsWith(INVALID_PREFIX)) {
                List<FieldError> errors = new ArrayList<>();
                for (String violation :
                        reason.substring(INVALID_PREFIX.length()).split("; ")) {
                    int colon = violation.indexOf(": ");
                    String location = colon < 0 ? "" : violation.substring(0, colon);
                    if (colon >= 0 && (location.isEmpty() || location.startsWith("/") || location.startsWith("$"))) {
                        String field = field(location, violation.substring(colon + 2));
                        errors.add(new FieldError(field, inWords(field, violation.substring(colon + 2))));
                    } else {
                        errors.add(new FieldError("$", violation));
                    }
                }
                return new Rejected(
                        Reason.INVALID,
                        INVALID_PREFIX
                                + String.join(
                                        "; ",
                                        errors.stream()
                                                .map(error -> error.field() + ": " + error.reason())
                                                .toList()),
                        errors);
            }
            Reason kind = reason.startsWith("too large") ? Reason.TOO_LARGE : Reason.UNREADABLE;
            return new Rejected(kind, reason, List.of(new FieldError("$", reason)));
        }

        private static final String INVALID_PREFIX = "invalid signal: ";
        private static final String CATEGORY = "$.labels.category";
        /** The category's schema pattern, for a partner: the categories detection knows, and what else is allowed. */
        static final String CATEGORY_RULE = "the category must be one of " + String.join(", ", CategoryNames.known())
                + " (or a category of your own: 2 to 64 characters, lower-case letters a-z, digits, - and _, starting with a"
                + " letter)";

        private static final Pattern REQUIRED = Pattern.compile("required property '([^']+)' not found");

        /** A schema message a partner can act on: the category's pattern becomes the list of categories. */
        private static String inWords(String field, String message) {
            return field.equals(CATEGORY) && message.contains("pattern") ? CATEGORY_RULE : message;
        }

        /**
         * The field as a JSONPath ({@code $.author.handle}) from the codec's JSON Pointer ({@code /author/handle}); a
         * missing required property is named itself, not its parent.
         */
        static String field(String location, String message) {
            StringBuilder path = new StringBuilder("$");
            if (location.startsWith("$")) {
                path.setLength(0);
                path.append(location);
            } else {
                for (String segment : location.split("/")) {
                    if (segment.isEmpty()) {
                        continue;
                    }
                    String name = segment.replace("~1", "/").replace("~0", "~");
                    path.append(name.chars().allMatch(Character::isDigit) ? "[" + name + "]" : "." + name);
                }
            }
            Matcher required = REQUIRED.matcher(message);
            if (required.find()) {
                path.append('.').append(required.group(1));
            }
            return path.toString();
        }
    }

    /** Kafka or the database cannot take it right now; sending it again later is safe. */
    record Unavailable(String reason) implements IntakeOutcome {}

    /** Why a signal was rejected; decides the HTTP status of a single signal. */
    enum Reason {
        /** Not UTF-8, not JSON, not an object, empty: 400. */
        UNREADABLE(400),
        /** Over the size limit: 413. */
        TOO_LARGE(413),
        /** JSON that is not a valid signal.v1 (fields named): 422. */
        INVALID(422),
        /** The external id was used before for a different signal: 409. */
        CONFLICT(409);

        private final int httpStatus;

        Reason(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        public int httpStatus() {
            return httpStatus;
        }
    }

    /** One thing wrong with one field, as a JSON path ({@code $} for the whole body). */
    record FieldError(String field, String reason) {}
}
