package org.centinela.demo.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** JSON over the JDK's HttpClient with {@link RetryPolicy}; counts the 429s it waited out. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    record Answer(int status, JsonNode body) {
    }

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final AtomicLong rateLimited = new AtomicLong();

    long rateLimited() {
        return rateLimited.get();
    }

    /** One GET without retries: the answer whatever its status, or null when none came. */
    Answer probe(URI uri) {
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), read(response.body()));
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException("GET " + uri + " interrupted", RetryPolicy.NO_ANSWER);
        }
    }

    /**
     * Sends until an answer the policy does not retry; returns it whatever its status, for the caller to judge.
     * Fails only when the retries run out.
     */
    Answer send(String method, URI uri, String token, JsonNode body, String idempotencyKey) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (idempotencyKey != null) {
            builder.header("Idempotency-Key", idempotencyKey);
        }
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(write(body));
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        HttpRequest request = builder.method(method, publisher).build();
        for (int attempt = 1; ; attempt++) {
            int status;
            String retryAfter = null;
            String failure;
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                status = response.statusCode();
                if (status != 429 && status != 408 && status < 500) {
                    return new Answer(status, read(response.body()));
                }
                retryAfter = response.headers().firstValue("Retry-After").orElse(null);
                failure = status + " " + abbreviate(response.body());
                if (status == 429) {
                    rateLimited.incrementAndGet();
                }
            } catch (IOException e) {
                status = RetryPolicy.NO_ANSWER;
                failure = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ApiException(method + " " + uri + " interrupted", RetryPolicy.NO_ANSWER);
            }
            Optional<Duration> wait = RetryPolicy.next(attempt, status, retryAfter);
            if (wait.isEmpty()) {
                throw new ApiException(method + " " + uri + " failed after " + attempt + " attempts: " + failure, status);
            }
            sleep(wait.get());
        }
    }

    private static void sleep(Duration wait) {
        // Up to a fifth more, so that workers rate-limited together do not come back together.
        long millis = wait.toMillis() + ThreadLocalRandom.current().nextLong(wait.toMillis() / 5 + 1);
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException("interrupted while waiting to retry", RetryPolicy.NO_ANSWER);
        }
    }

    static String write(JsonNode body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String text) {
        if (text == null || text.isBlank()) {
            return JSON.nullNode();
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return JSON.getNodeFactory().textNode(text);
        }
    }

    static String abbreviate(String text) {
        return text == null || text.length() <= 300 ? String.valueOf(text) : text.substring(0, 300) + "…";
    }
}
