package org.centinela.platform.http;

import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.util.List;
import org.centinela.platform.problem.Problem;
import org.centinela.platform.problem.ProblemException;

/**
 * Every body an endpoint reads is required: an empty body or a JSON {@code null} is a 400 problem here, before any
 * resource sees a null it would dereference.
 */
@Provider
public class RequiredBody implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        Object body = context.proceed();
        if (body == null) {
            throw new ProblemException(Problem.invalid("A JSON body is required",
                    List.of(new Problem.FieldError("", "required"))));
        }
        return body;
    }
}
