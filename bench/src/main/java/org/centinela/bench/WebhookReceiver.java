package org.centinela.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A responder's webhook endpoint on 127.0.0.1 (free port): checks X-Centinela-Signature (HMAC-SHA256 of the raw
 * body with the team's secret, SPEC §5) and notes when the first signed {@code alert.raised} of each incident
 * arrived. Answers 204 at once, as a well-behaved bridge would.
 */
final class WebhookReceiver implements AutoCloseable {

    private static final String PATH = "/hook";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final byte[] secret;
    private final Map<String, Long> firstRaised = new ConcurrentHashMap<>();
    private final Map<String, Long> sinceRendered = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong badSignatures = new AtomicLong();
    private final ThreadLocal<Mac> macs;

    WebhookReceiver(String secret) throws IOException {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.macs = ThreadLocal.withInitial(this::newMac);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext(PATH, this::handle);
        server.setExecutor(executor);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
    }

    /** System.nanoTime() of the first signed alert.raised per incident id. */
    Map<String, Long> firstRaised() {
        return firstRaised;
    }

    /**
     * Per incident, nanoseconds from the first alert.raised's {@code sentAt} (when alerts-service rendered it, inside
     * the consumer's transaction) to its arrival here, by the wall clock of this machine: the delivery leg of the
     * latency (commit, dispatch, HTTP), as opposed to relay, Kafka and routing before it.
     */
    Map<String, Long> sinceRendered() {
        return sinceRendered;
    }

    long requests() {
        return requests.get();
    }

    long badSignatures() {
        return badSignatures.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            long arrivedAt = System.nanoTime();
            Instant arrivedWall = Instant.now();
            requests.incrementAndGet();
            if (!signedWithSecret(body, exchange.getRequestHeaders().getFirst("X-Centinela-Signature"))) {
                badSignatures.incrementAndGet();
            } else {
                JsonNode notification = Json.MAPPER.readTree(body);
                String incidentId = notification.path("incidentId").asText();
                if ("alert.raised".equals(notification.path("event").asText())
                        && firstRaised.putIfAbsent(incidentId, arrivedAt) == null && notification.hasNonNull("sentAt")) {
                    Duration leg = Duration.between(Instant.parse(notification.get("sentAt").asText()), arrivedWall);
                    sinceRendered.put(incidentId, leg.toNanos());
                }
            }
            exchange.sendResponseHeaders(204, -1);
        }
    }

    private boolean signedWithSecret(byte[] body, String header) {
        if (header == null || !header.startsWith("sha256=")) {
            return false;
        }
        byte[] expected = HexFormat.of().formatHex(macs.get().doFinal(body)).getBytes(StandardCharsets.US_ASCII);
        byte[] given = header.substring("sha256=".length()).toLowerCase().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
