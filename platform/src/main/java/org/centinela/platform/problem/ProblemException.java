package org.centinela.platform.problem;

/** Ends a request with a problem response; thrown by domain code that knows the right 4xx. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
