package org.centinela.demo.receiver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The demo webhook team's receiver, as a responder's bridge to chat or SMS would be: checks each notification's
 * X-Centinela-Signature (HMAC-SHA256 of the raw body with the team's secret, SPEC §5), logs one line per
 * notification on stdout and answers 204. Started in the background by bin/centinela demo (pid and log under .run/),
 * stopped by bin/centinela stop:
 * {@code java -cp centinela-demo.jar org.centinela.demo.receiver.WebhookReceiver <bind address> <port> <secret file>}.
 */
public final class WebhookReceiver {

    static final String PATH = "/hook";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final byte[] secret;
    private final AtomicLong received = new AtomicLong();

    WebhookReceiver(byte[] secret) {
        this.secret = secret.clone();
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: WebhookReceiver <bind address> <port> <secret file>");
            System.exit(2);
        }
        byte[] secret = Files.readString(Path.of(args[2])).strip().getBytes(StandardCharsets.UTF_8);
        WebhookReceiver receiver = new WebhookReceiver(secret);
        HttpServer server = HttpServer.create(new InetSocketAddress(args[0], Integer.parseInt(args[1])), 64);
        server.createContext(PATH, receiver::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        System.out.printf("%s demo webhook receiver listening on http://%s:%s%s%n", Instant.now(), args[0], args[1], PATH);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            String signature = exchange.getRequestHeaders().getFirst("X-Centinela-Signature");
            System.out.println(line(received.incrementAndGet(), body, signed(body, signature),
                    exchange.getRequestHeaders().getFirst("X-Centinela-Delivery")));
            exchange.sendResponseHeaders(204, -1);
        }
    }

    static String line(long number, byte[] body, boolean signed, String deliveryId) {
        String what;
        try {
            JsonNode notification = JSON.readTree(body);
            what = String.format("%s %s %s %s %s violations=%s", notification.path("event").asText("?"),
                    notification.path("reference").asText("?"), notification.path("priority").asText("?"),
                    notification.path("region").asText("?"), notification.path("occurredOn").asText("?"),
                    notification.path("violations"));
        } catch (IOException e) {
            what = "not JSON (" + body.length + " bytes)";
        }
        return String.format("%s #%d %s signature=%s [deliveryId=%s]", Instant.now(), number, what,
                signed ? "valid" : "INVALID", deliveryId);
    }

    boolean signed(byte[] body, String header) {
        if (header == null || !header.startsWith("sha256=")) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] expected = HexFormat.of().formatHex(mac.doFinal(body)).getBytes(StandardCharsets.US_ASCII);
            byte[] given = header.substring("sha256=".length()).toLowerCase().getBytes(StandardCharsets.US_ASCII);
            return MessageDigest.isEqual(expected, given);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
