package org.centinela.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.centinela.platform.problem.Problem;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a request body over {@code quarkus.http.limits.max-body-size} (raw bytes) with a 413 problem body.
 * Quarkus' own checks (the route just after this one, and REST's input stream for chunked bodies) answer with an
 * empty 413, which a client cannot tell from a proxy's error page. A declared Content-Length is checked before
 * anything is read; a chunked body is read here up to the limit and handed on to REST, which uses it as read.
 */
@ApplicationScoped
public class BodyTooLargeHandler {

    private final long limit;
    private final String body;

    public BodyTooLargeHandler(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit,
                               ObjectMapper json) throws JsonProcessingException {
        this.limit = limit.asLongValue();
        this.body = json.writeValueAsString(Problem.of(413, "Content Too Large",
                "The request body is larger than " + this.limit + " bytes"));
    }

    void register(@Observes Router router) {
        BodyHandler chunked = BodyHandler.create(false).setBodyLimit(limit);
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1)
                .handler(context -> check(context, chunked))
                .failureHandler(this::tooLarge);
    }

    private void check(RoutingContext context, BodyHandler chunked) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && exceeds(declared)) {
            answer(context);
        } else if (declared == null && context.request().headers().contains(HttpHeaders.TRANSFER_ENCODING, "chunked", true)) {
            chunked.handle(context); // next() once read, fail(413) past the limit
        } else {
            context.next();
        }
    }

    private void tooLarge(RoutingContext context) {
        if (context.statusCode() == 413 && !context.response().ended()) {
            answer(context);
        } else {
            context.next();
        }
    }

    private void answer(RoutingContext context) {
        context.response()
                .setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                // The rest of the body is not read, so the connection cannot be reused.
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body);
    }

    private boolean exceeds(String declared) {
        try {
            return Long.parseLong(declared.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
