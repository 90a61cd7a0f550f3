package org.centinela.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem detail, with {@code errors} naming each offending field as a JSON path
 * (SPEC §9: {@code "errors": [{"field": "defenders.count", "message": "…"}]}), and for an unexpected failure the
 * {@code errorId} under which it was logged.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors, String errorId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record FieldError(String field, String message) {
    }

    public static Problem of(Response.Status status, String detail) {
        return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, List.of(), null);
    }

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, List.of(), null);
    }

    public static Problem invalid(String detail, List<FieldError> errors) {
        return new Problem("about:blank", "Bad Request", 400, detail, errors, null);
    }

    /** A failure nobody foresaw: no internals, only the id it was logged under. */
    public static Problem unexpected(String errorId) {
        return new Problem("about:blank", "Internal Server Error", 500,
                "Something went wrong on our side; quote the errorId when reporting it", List.of(), errorId);
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
