package org.centinela.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A rapid-response team's webhook endpoint on a free port of 127.0.0.1: records every call, answers scripted
 * statuses, and can check a call's signature with its own HMAC code (not the service's), so a test verifies the
 * scheme as a receiver would. It can also behave badly: answer its headers and then trickle the body.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** {@code path}: the request path, for receivers that emulate an API (Telegram's {@code /bot<token>/sendMessage}). */
    public record Call(String path, Map<String, List<String>> headers, byte[] body) {

        public String header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0)).findFirst().orElse(null);
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** Whether {@code X-Centinela-Signature} is {@code sha256=<hex HMAC-SHA256 of the raw body>} under {@code secret}. */
        public boolean signedWith(String secret) {
            String expected = "sha256=" + HexFormat.of().formatHex(hmac(secret, body));
            String actual = header("X-Centinela-Signature");
            return actual != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                    actual.getBytes(StandardCharsets.UTF_8));
        }

        /**
         * Whether the call passes a Standard Webhooks receiver's check under {@code secret}, written from the
         * specification's text and sharing nothing with the sender: {@code webhook-timestamp} within
         * {@code tolerance} of {@code now}; one of the space-separated {@code v1,<base64>} entries of
         * {@code webhook-signature} equal to the base64 HMAC-SHA256 of {@code "{webhook-id}.{webhook-timestamp}.{body}"},
         * keyed with the base64-decoded part after {@code whsec_} (a secret without that prefix: its UTF-8 bytes).
         */
        public boolean standardSignedWith(String secret, Instant now, Duration tolerance) {
            String id = header("webhook-id");
            String timestamp = header("webhook-timestamp");
            String signatures = header("webhook-signature");
            if (id == null || timestamp == null || signatures == null || !timestamp.matches("\\d{1,12}")
                    || Math.abs(now.getEpochSecond() - Long.parseLong(timestamp)) > tolerance.toSeconds()) {
                return false;
            }
            byte[] key = secret.startsWith("whsec_")
                    ? Base64.getDecoder().decode(secret.substring("whsec_".length()))
                    : secret.getBytes(StandardCharsets.UTF_8);
            byte[] prefix = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
            byte[] signed = Arrays.copyOf(prefix, prefix.length + body.length);
            System.arraycopy(body, 0, signed, prefix.length, body.length);
            byte[] expected = ("v1," + Base64.getEncoder().encodeToString(hmac(key, signed))).getBytes(StandardCharsets.UTF_8);
            return Arrays.stream(signatures.split(" "))
                    .anyMatch(entry -> MessageDigest.isEqual(expected, entry.getBytes(StandardCharsets.UTF_8)));
        }

        /** How many signatures {@code webhook-signature} carries. */
        public int standardSignatureCount() {
            String signatures = header("webhook-signature");
            return signatures == null ? 0 : signatures.split(" ").length;
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "webhook-receiver");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Integer> script = new ConcurrentLinkedQueue<>();
    private volatile int otherwise = 200;
    private volatile Duration trickle = Duration.ZERO;

    private WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** Answers 200 to everything. */
    public static WebhookReceiver start() throws IOException {
        return new WebhookReceiver();
    }

    /** Answers these statuses to the first calls, then {@code otherwise}. */
    public WebhookReceiver answering(int otherwise, Integer... first) {
        this.otherwise = otherwise;
        script.addAll(List.of(first));
        return this;
    }

    /** Sends its status and headers at once, then a body of one byte per second for {@code total}: a hostile receiver. */
    public WebhookReceiver trickling(Duration total) {
        this.trickle = total;
        return this;
    }

    public String url() {
        return base() + "/hook";
    }

    /** The receiver's base URL, for channels that append an API path of their own. */
    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            calls.add(new Call(exchange.getRequestURI().getRawPath(), Map.copyOf(exchange.getRequestHeaders()),
                    exchange.getRequestBody().readAllBytes()));
            Integer status = script.poll();
            int answer = status == null ? otherwise : status;
            long seconds = trickle.toSeconds();
            if (seconds <= 0) {
                exchange.sendResponseHeaders(answer, -1);
                return;
            }
            exchange.sendResponseHeaders(answer, seconds);
            OutputStream body = exchange.getResponseBody();
            for (long i = 0; i < seconds; i++) {
                body.write('.');
                body.flush();
                Thread.sleep(1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the sender gave up on us: that is what a trickling receiver is for
        }
    }

    static byte[] hmac(String secret, byte[] body) {
        return hmac(secret.getBytes(StandardCharsets.UTF_8), body);
    }

    static byte[] hmac(byte[] key, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
