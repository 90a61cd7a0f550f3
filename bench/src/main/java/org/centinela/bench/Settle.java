package org.centinela.bench;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/**
 * Waits until a statistics response stops changing (same ETag for a quiet period): the consumers have caught up
 * with what earlier load put on the topics, so a measurement starts from a system at rest.
 */
final class Settle {

    private Settle() {
    }

    /** Returns the seconds waited; fails when the ETag still changes after {@code timeout}. */
    static double awaitStableEtag(Http http, URI uri, String token, Duration quiet, Duration timeout)
            throws Exception {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        String last = null;
        long stableSince = start;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = Http.expect(http.get(uri, token), 200);
            String etag = response.headers().firstValue("ETag").orElse(response.body());
            long now = System.nanoTime();
            if (!Objects.equals(etag, last)) {
                last = etag;
                stableSince = now;
            } else if (now - stableSince >= quiet.toNanos()) {
                return (now - start) / 1e9;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(uri + " still changed after " + timeout.toSeconds() + " s");
    }
}
