package org.centinela.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.centinela.system.HostileEndpoints.Body;
import org.centinela.system.HostileEndpoints.Endpoint;
import org.centinela.testkit.Api;
import org.centinela.testkit.IncidentBody;
import org.centinela.testkit.Json;
import org.centinela.testkit.RawHttp;

/**
 * A seeded generator of hostile requests: every body it makes is invalid for its endpoint (so no request may
 * write a row), every path id is unknown, and the rest (tokens, methods, parameters, headers, content types) is
 * whatever an attacker would try. The same seed gives the same requests.
 */
final class HostileRequests {

    /**
     * One request and what was done to it, for the failure message. {@code validHttp}: false when the request is not
     * HTTP/1.1 at all (framing, bytes in the request line or headers that RFC 9112 forbids, a request line or
     * headers over the server's limits), so that the server's HTTP decoder refuses it before any application code.
     */
    record Hostile(String what, byte[] bytes, boolean validHttp) {
    }

    static final String[] INJECTIONS = {"' OR '1'='1", "1; DROP TABLE incident;--", "${jndi:ldap://x/a}", "{{7*7}}",
            "<script>alert(1)</script>", "../../../../etc/passwd", "%00", "\\u0000", "$(reboot)", "`id`", "' UNION SELECT 1--",
            "%s%s%s%n", "😀\u202e", "\u0000", "\r\nSet-Cookie: x=1"};
    private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH", "TRACE", "OPTIONS", "HEAD", "FOO"};
    private static final String[] CONTENT_TYPES = {"application/json", "application/json", "application/json",
            "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
            "application/json; charset=ISO-8859-1", "application/problem+json", "*/*", "application/json\u0000", ""};
    private static final String[] ODD_VALUES = {"-1", "0", "-2147483648", "2147483648", "99999999999999999999", "1e3",
            "1.5", "NaN", "", " ", "true", "null", "[]", "%00", "%ff%fe", "%C0%80", "21474837", "0x10",
            "1990-01-01", "1989-12-31", "9999-12-31", "0001-01-01", "%2B5000000-12-31", "2017-02-30", "2017-8-21",
            "PE-CAJ", "XX-XXX", "KILLING", "killing", "month", "year", "violation", "OPEN", "open"};

    private final Random random;
    private final Map<String, String> tokens;

    /** {@code tokens}: name → bearer token (admin, reporter, responder, viewer, and forged ones). */
    HostileRequests(long seed, Map<String, String> tokens) {
        this.random = new Random(seed);
        this.tokens = tokens;
    }

    Hostile next(List<Endpoint> endpoints) {
        Endpoint endpoint = endpoints.get(random.nextInt(endpoints.size()));
        StringBuilder what = new StringBuilder();
        String method = random.nextInt(8) == 0 ? pick(METHODS) : endpoint.method();
        String path = path(endpoint);
        String query = endpoint.parameters().isEmpty() && random.nextInt(4) != 0 ? "" : query(endpoint);
        Map<String, String> headers = new LinkedHashMap<>();
        String token = pickToken(endpoint, method);
        if (token != null) {
            headers.put("Authorization", random.nextInt(20) == 0 ? "Basic " + token : "Bearer " + token);
        }
        what.append(method).append(' ').append(path).append(query).append(" as ").append(tokenName(token));
        byte[] body = null;
        if (!"GET".equals(method) && !"HEAD".equals(method) && (endpoint.body() != Body.NONE || random.nextInt(3) == 0)) {
            headers.put("Content-Type", pick(CONTENT_TYPES));
            body = body(endpoint.body(), what);
        }
        oddHeaders(headers, what);
        byte[] bytes = RawHttp.request(method, path + query, headers, body);
        boolean validHttp = validHttp(path + query, headers);
        if (random.nextInt(40) == 0) {
            bytes = brokenFraming(bytes, what);
            validHttp = false;
        }
        return new Hostile(what.toString(), bytes, validHttp);
    }

    private String path(Endpoint endpoint) {
        String id = switch (random.nextInt(14)) {
            case 0 -> "..%2F..%2F..%2Fetc%2Fpasswd";
            case 1 -> "../../../../etc/passwd";
            case 2 -> percent(pick(INJECTIONS));
            case 3 -> "%00";
            case 4 -> "x".repeat(random.nextBoolean() ? 1 + random.nextInt(3000) : 5000 + random.nextInt(5000));
            case 5 -> "%ff%fe%C0%AF";
            default -> new UUID(random.nextLong(), random.nextLong()).toString();
        };
        String path = endpoint.path().replace("{id}", id);
        return switch (random.nextInt(20)) {
            case 0 -> path + "/..%2f..%2fq%2fhealth";
            case 1 -> "/api/v1/../../" + path.substring(1);
            case 2 -> path.replace("/api/", "//api//");
            case 3 -> path + "/" + percent(pick(INJECTIONS));
            case 4 -> path.toUpperCase();
            case 5 -> "/api/v1/%2e%2e/%2e%2e/etc/passwd";
            default -> path;
        };
    }

    private String query(Endpoint endpoint) {
        List<String> names = new ArrayList<>(endpoint.parameters());
        names.add("unknown");
        StringBuilder query = new StringBuilder("?");
        int count = 1 + random.nextInt(5);
        for (int i = 0; i < count; i++) {
            String name = names.get(random.nextInt(names.size()));
            String value = switch (random.nextInt(4)) {
                case 0 -> percent(pick(INJECTIONS));
                case 1 -> "9".repeat(1 + random.nextInt(400));
                default -> pick(ODD_VALUES);
            };
            // A wide valid date range on the statistics is another engineer's bound (issue 9 item 1, reporting).
            if (endpoint.path().startsWith("/api/v1/stats") && value.matches("\\d{4}-\\d{2}-\\d{2}|%2B.*")) {
                value = "2017-08-21";
            }
            query.append(i == 0 ? "" : "&").append(name).append('=').append(value);
        }
        return query.toString();
    }

    private byte[] body(Body kind, StringBuilder what) {
        byte[] valid = Json.MAPPER.valueToTree(template(kind)).toString().getBytes(StandardCharsets.UTF_8);
        int mutation = random.nextInt(13);
        what.append(" body#").append(mutation);
        return switch (mutation) {
            case 0 -> java.util.Arrays.copyOf(valid, random.nextInt(valid.length)); // truncated
            case 1 -> wrongType(kind);
            case 2 -> nested(1000 + random.nextInt(20_000));
            case 3 -> huge(65 * 1024 + random.nextInt(200_000));
            case 4 -> invalidUtf8(valid);
            case 5 -> controlCharacter(kind);
            case 6 -> unknownPropertyWithInjection(kind);
            case 7 -> pick(new String[] {"", "null", "[]", "123", "\"text\"", "true", "{}", "[{}]"}).getBytes(StandardCharsets.UTF_8);
            case 8 -> duplicateKey(valid);
            case 9 -> ("\uFEFF" + new String(valid, 0, valid.length - 1, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            case 10 -> replaceFirstValue(valid, pick(new String[] {"NaN", "1e400", "99999999999999999999", "-Infinity", "0x1F"}));
            case 11 -> randomBytes(1 + random.nextInt(4096));
            default -> ("{\"a\":" + "[".repeat(500)).getBytes(StandardCharsets.UTF_8);
        };
    }

    private Object template(Body kind) {
        return switch (kind) {
            case INCIDENT, NONE -> IncidentBody.example(marker());
            case UPDATE -> ordered("verification", "CONFIRMED", "justiceStatus", "COMPLAINT_FILED", "riskOngoing", false,
                    "note", "Denuncia presentada.");
            case ORGANISATION -> ordered("name", "Organización " + marker(), "acronym", "ORG");
            case VIEWER -> ordered("name", "Tablero " + marker());
            case TEAM -> Api.teamBody("Brigada " + marker(), "es", List.of("PE-CAJ"), "HIGH",
                    "alertas@brigada.test", "https://brigada.example/hook", "a-long-shared-secret");
        };
    }

    /** A field of the template given a value of another JSON type (never null: null means absent). */
    private byte[] wrongType(Body kind) {
        ObjectNode body = Json.MAPPER.valueToTree(template(kind));
        List<String> fields = new ArrayList<>();
        body.fieldNames().forEachRemaining(fields::add);
        String field = fields.get(random.nextInt(fields.size()));
        JsonNode current = body.get(field);
        JsonNode[] candidates = {Json.MAPPER.getNodeFactory().numberNode(17000), Json.MAPPER.getNodeFactory().booleanNode(true),
                Json.MAPPER.getNodeFactory().textNode("1"), Json.MAPPER.createArrayNode().add(2017).add(8).add(21),
                Json.MAPPER.createObjectNode().put("a", 1), Json.MAPPER.getNodeFactory().numberNode(1.5)};
        JsonNode replacement;
        do {
            replacement = candidates[random.nextInt(candidates.length)];
        } while (replacement.getNodeType() == current.getNodeType()
                || (current.isNumber() && replacement.isNumber() && !(current.isIntegralNumber() && replacement.isFloatingPointNumber())));
        body.set(field, replacement);
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A control character other than tab and line breaks in a text field (refused even in free text). */
    private byte[] controlCharacter(Body kind) {
        ObjectNode body = Json.MAPPER.valueToTree(template(kind));
        List<String> texts = new ArrayList<>();
        body.fields().forEachRemaining(entry -> {
            if (entry.getValue().isTextual()) {
                texts.add(entry.getKey());
            }
        });
        if (texts.isEmpty()) {
            return nested(2000);
        }
        int[] refused = {0x00, 0x01, 0x07, 0x08, 0x0B, 0x0C, 0x1B, 0x1F};
        String field = texts.get(random.nextInt(texts.size()));
        body.put(field, body.get(field).asText() + (char) refused[random.nextInt(refused.length)]);
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] unknownPropertyWithInjection(Body kind) {
        ObjectNode body = Json.MAPPER.valueToTree(template(kind));
        body.put("x" + random.nextInt(1000), pick(INJECTIONS));
        body.fields().forEachRemaining(entry -> {
            if (entry.getValue().isTextual() && random.nextBoolean()) {
                entry.setValue(Json.MAPPER.getNodeFactory().textNode(pick(INJECTIONS).replaceAll("[\\u0000\\r\\n]", "")));
            }
        });
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] duplicateKey(byte[] valid) {
        String json = new String(valid, StandardCharsets.UTF_8);
        int colon = json.indexOf(':');
        String firstKey = json.substring(1, colon);
        return ("{" + firstKey + ":1," + json.substring(1)).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] replaceFirstValue(byte[] valid, String token) {
        String json = new String(valid, StandardCharsets.UTF_8);
        return json.replaceFirst(":(\"[^\"]*\"|[-0-9.]+|true|false)", ":" + token).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] nested(int depth) {
        return ("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] huge(int size) {
        return ("{\"name\":\"" + "A".repeat(size) + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private byte[] invalidUtf8(byte[] valid) {
        byte[][] broken = {{(byte) 0xFF}, {(byte) 0xFE}, {(byte) 0x80}, {(byte) 0xE2, (byte) 0x82, 'x'}, {(byte) 0xC3, '('}};
        String json = new String(valid, StandardCharsets.UTF_8);
        int quote = json.indexOf(":\"") + 2;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] head = json.substring(0, quote).getBytes(StandardCharsets.UTF_8);
        out.write(head, 0, head.length);
        byte[] bad = broken[random.nextInt(broken.length)];
        out.write(bad, 0, bad.length);
        byte[] tail = json.substring(quote).getBytes(StandardCharsets.UTF_8);
        out.write(tail, 0, tail.length);
        return out.toByteArray();
    }

    private byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        bytes[0] = '{'; // not a complete JSON value, whatever follows: the closing brace would be at the end
        bytes[size - 1] = 'x';
        return bytes;
    }

    private void oddHeaders(Map<String, String> headers, StringBuilder what) {
        switch (random.nextInt(16)) {
            case 0 -> headers.put("X-Big", "a".repeat(random.nextBoolean() ? 4_000 + random.nextInt(10_000) : 25_000 + random.nextInt(40_000)));
            case 1 -> {
                for (int i = 0; i < 300; i++) {
                    headers.put("X-Many-" + i, "v");
                }
            }
            case 2 -> headers.put("Idempotency-Key", pick(INJECTIONS).replaceAll("[\\r\\n]", "") + "x".repeat(random.nextInt(300)));
            case 3 -> headers.put("Accept", pick(new String[] {"text/html", "application/xml", "*/*;q=x", "\u00ff\u00fe"}));
            case 4 -> headers.put("If-None-Match", "\"" + "x".repeat(random.nextInt(5000)) + "\"");
            case 5 -> headers.put("X-Forwarded-For", pick(INJECTIONS).replaceAll("[\\r\\n]", ""));
            default -> { }
        }
        what.append(headers.containsKey("X-Big") ? " +big header" : "").append(headers.containsKey("X-Many-0") ? " +300 headers" : "");
    }

    /** The request made unparseable as HTTP: a bare LF, a wrong version, a lying Content-Length, garbage. */
    private byte[] brokenFraming(byte[] request, StringBuilder what) {
        String text = new String(request, StandardCharsets.ISO_8859_1);
        int kind = random.nextInt(4);
        what.append(" framing#").append(kind);
        String broken = switch (kind) {
            case 0 -> text.replaceFirst("HTTP/1.1", "HTTP/9.9");
            case 1 -> text.replaceFirst("\r\nHost:", "\r\nContent-Length: -5\r\nHost:");
            case 2 -> text.replaceFirst(" HTTP/1.1", "\u0000 HTTP/1.1");
            // conflicting framing, then a chunk size that is not hex: complete, so the server can answer at once
            default -> text.replaceFirst("\r\nHost:", "\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: gzip\r\nHost:")
                    + "zz\r\n\r\n";
        };
        return broken.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Whether Netty's decoder (Quarkus' limits: 4096-byte request line, 20 KiB of headers) takes the request. */
    private static boolean validHttp(String target, Map<String, String> headers) {
        int headerBytes = 0;
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (!header.getValue().chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
                return false;
            }
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
        }
        return headerBytes < 16_000 && target.length() < 4_000 && target.chars().allMatch(c -> c > 0x20 && c < 0x7F);
    }

    private String pickToken(Endpoint endpoint, String method) {
        List<String> names = new ArrayList<>(tokens.keySet());
        names.add(null);
        String name = names.get(random.nextInt(names.size()));
        if (random.nextInt(10) < 4) { // the caller the endpoint expects, so that more requests reach the body's reading
            name = endpoint.path().startsWith("/api/v1/incidents") && "POST".equals(method) ? "reporter" : "admin";
        }
        if ("admin".equals(name) && endpoint.startsWorkFor(method)) {
            name = "viewer"; // an admin's POST would start a rebuild or re-encryption: work, not hostile input
        }
        return name == null ? null : tokens.get(name);
    }

    private String tokenName(String token) {
        return tokens.entrySet().stream().filter(entry -> entry.getValue().equals(token)).map(Map.Entry::getKey)
                .findFirst().orElse("nobody");
    }

    /** Fields in a fixed order (Map.of's order changes from one JVM to the next), so a seed gives the same bytes. */
    private static Map<String, Object> ordered(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    /** A name part from the seed, so that the same seed gives the same bytes. */
    private String marker() {
        return Integer.toHexString(random.nextInt());
    }

    private static String percent(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            out.append(String.format("%%%02X", b & 0xFF));
        }
        return out.toString();
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
