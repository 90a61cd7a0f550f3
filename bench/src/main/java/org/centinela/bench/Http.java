package org.centinela.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The load generator's HTTP client: the JDK's, HTTP/1.1 with keep-alive, so each concurrent caller holds one
 * pooled connection. One instance is shared by every worker of a benchmark and by its limit, so that the client's
 * own cost weighs the same on both sides of a ratio.
 */
final class Http {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    HttpResponse<String> get(URI uri, String token, String ifNoneMatch) throws IOException, InterruptedException {
        return client.send(getRequest(uri, token, ifNoneMatch), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(URI uri, String token) throws IOException, InterruptedException {
        return get(uri, token, null);
    }

    HttpResponse<String> postJson(URI uri, String token, String body) throws IOException, InterruptedException {
        return client.send(postRequest(uri, token, body), HttpResponse.BodyHandlers.ofString());
    }

    CompletableFuture<HttpResponse<String>> postJsonAsync(URI uri, String token, String body) {
        return client.sendAsync(postRequest(uri, token, body), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> delete(URI uri, String token) throws IOException, InterruptedException {
        HttpRequest request = base(uri, token).DELETE().build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest getRequest(URI uri, String token, String ifNoneMatch) {
        HttpRequest.Builder builder = base(uri, token).GET();
        if (ifNoneMatch != null) {
            builder.header("If-None-Match", ifNoneMatch);
        }
        return builder.build();
    }

    private static HttpRequest postRequest(URI uri, String token, String body) {
        return base(uri, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static HttpRequest.Builder base(URI uri, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    /** Fails with the status and body when a setup call did not get the status it needs. */
    static HttpResponse<String> expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.uri() + " → "
                    + response.statusCode() + " (expected " + status + "): " + Json.abbreviate(response.body()));
        }
        return response;
    }
}
