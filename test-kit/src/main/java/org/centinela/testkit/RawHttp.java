package org.centinela.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP/1.1 client that sends exactly the bytes it is given (invalid UTF-8, broken framing, huge headers), one
 * request per connection, and reads the answer until the server closes. For hostile-input tests: the JDK and
 * RestAssured clients refuse to send most of what an attacker would.
 */
public final class RawHttp {

    /** What came back; status -1 when the server closed or reset the connection without an answer. */
    public record Answer(int status, Map<String, String> headers, byte[] body, Duration elapsed, String failure) {

        public String contentType() {
            return headers.getOrDefault("content-type", "");
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final String host;
    private final int port;
    private final Duration timeout;

    public RawHttp(String host, int port, Duration timeout) {
        this.host = host;
        this.port = port;
        this.timeout = timeout;
    }

    /** A well-framed request: the given start line and headers, then Host, Content-Length and Connection: close. */
    public static byte[] request(String method, String target, Map<String, String> headers, byte[] body) {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("Host: 127.0.0.1\r\nConnection: close\r\n");
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        if (body == null) {
            return start;
        }
        byte[] all = Arrays.copyOf(start, start.length + body.length);
        System.arraycopy(body, 0, all, start.length, body.length);
        return all;
    }

    /** Sends {@code bytes} as they are and reads the answer (the server must close: send Connection: close). */
    public Answer send(byte[] bytes) {
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            String writeFailure = write(socket.getOutputStream(), bytes);
            byte[] answer = readAll(socket.getInputStream());
            Answer parsed = parse(answer, Duration.ofNanos(System.nanoTime() - start));
            if (parsed.status() < 0 && writeFailure != null) {
                return new Answer(-1, Map.of(), new byte[0], parsed.elapsed(), writeFailure);
            }
            return parsed;
        } catch (SocketTimeoutException e) {
            return new Answer(-1, Map.of(), new byte[0], Duration.ofNanos(System.nanoTime() - start), "timeout");
        } catch (IOException e) {
            return new Answer(-1, Map.of(), new byte[0], Duration.ofNanos(System.nanoTime() - start), e.toString());
        }
    }

    /** Writes; a server answering early (413, 431) may close before the request is all sent. */
    private static String write(OutputStream out, byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
            return null;
        } catch (IOException e) {
            return "write: " + e;
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                all.write(buffer, 0, n);
            }
        } catch (IOException e) {
            if (all.size() == 0 || e instanceof SocketTimeoutException) {
                throw e;
            } // a reset after the answer was sent keeps what arrived
        }
        return all.toByteArray();
    }

    static Answer parse(byte[] answer, Duration elapsed) {
        int headEnd = indexOf(answer, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        if (headEnd < 0) {
            return new Answer(-1, Map.of(), answer, elapsed, answer.length == 0 ? "closed without an answer" : "no header end");
        }
        String[] lines = new String(answer, 0, headEnd, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        byte[] body = Arrays.copyOfRange(answer, headEnd + 4, answer.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunk(body);
        }
        return new Answer(Integer.parseInt(statusLine[1]), headers, body, elapsed, null);
    }

    private static byte[] unchunk(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOf(Arrays.copyOfRange(chunked, at, chunked.length), "\r\n".getBytes(StandardCharsets.ISO_8859_1));
            if (lineEnd < 0) {
                break;
            }
            String sizeText = new String(chunked, at, lineEnd, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int size = Integer.parseInt(sizeText, 16);
            if (size == 0) {
                break;
            }
            int from = at + lineEnd + 2;
            body.write(chunked, from, Math.min(size, chunked.length - from));
            at = from + size + 2;
        }
        return body.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
