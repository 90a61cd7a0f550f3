package org.centinela.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.centinela.testkit.IncidentBody;
import org.centinela.testkit.Json;

/**
 * Posts incidents to intake as a careful client does, at a steady pace: each with an Idempotency-Key of its own,
 * retried with the same key and body on network errors, on 5xx (after Retry-After when given) and on 429, until
 * it is answered 201 or another 4xx. Each answer is recorded with the fault phase it was sent and answered in.
 */
final class LoadGenerator {

    /** One in four incidents is urgent (a killing, CRITICAL) in the region the alerted teams cover. */
    static final String URGENT_REGION = "PE-CUS";
    static final List<String> NORMAL_REGIONS = List.of("PE-LIM", "PE-ARE");
    static final int DAYS = 28;
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    /**
     * An answer, or a failure to get one (status -1 for a network error, -2 for no answer within 10 s), with the fault
     * phases it was sent and answered in.
     */
    record Answer(int status, boolean retryAfter, String sentIn, String answeredIn) {

        /** A phase of these two that is in {@code phases}, preferably; else the one it was sent in. */
        String phaseAmong(Set<String> phases) {
            return phases.contains(answeredIn) && !phases.contains(sentIn) ? answeredIn : sentIn;
        }
    }

    /** A posted incident: its key, whether it is urgent, and the id it was accepted with (null until then). */
    record Outcome(String key, boolean urgent, String id, int finalStatus) {
    }

    final LocalDate firstDay;
    final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String url;
    private final String token;
    private final Supplier<String> phase;
    private final AtomicInteger next = new AtomicInteger();
    private ExecutorService clients;

    LoadGenerator(String intakeUrl, String token, Supplier<String> phase) {
        this.url = intakeUrl + "/api/v1/incidents";
        this.token = token;
        this.phase = phase;
        this.firstDay = IncidentBody.uniqueOccurredOn().minusDays(DAYS);
    }

    /** Starts posting {@code count} incidents over about {@code over}, with {@code concurrency} clients. */
    void start(int count, Duration over, int concurrency) {
        long start = System.nanoTime();
        double perIncident = (double) over.toNanos() / count;
        clients = Executors.newFixedThreadPool(concurrency);
        for (int c = 0; c < concurrency; c++) {
            clients.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    pace(start + (long) (i * perIncident));
                    post(i);
                }
                return null;
            });
        }
        clients.shutdown();
    }

    boolean awaitDone(Duration timeout) throws InterruptedException {
        return clients.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void post(int i) throws InterruptedException {
        boolean urgent = i % 4 == 0;
        String region = urgent ? URGENT_REGION : NORMAL_REGIONS.get(i % NORMAL_REGIONS.size());
        byte[] body = Json.bytes(IncidentBody.of(firstDay.plusDays(i % DAYS), region,
                List.of(urgent ? "KILLING" : "HARASSMENT")));
        String key = UUID.randomUUID().toString();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(DEADLINE)
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        outcomes.put(key, new Outcome(key, urgent, null, 0));
        Duration backoff = Duration.ofMillis(200);
        while (true) {
            String sentIn = phase.get();
            int status;
            String id = null;
            String retryAfter = null;
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                status = response.statusCode();
                retryAfter = response.headers().firstValue("Retry-After").orElse(null);
                if (status == 201 || status == 200) {
                    id = Json.MAPPER.readTree(response.body()).path("id").asText(null);
                }
            } catch (HttpTimeoutException e) {
                status = -2;
            } catch (IOException e) {
                status = -1;
            }
            String answeredIn = phase.get();
            answers.add(new Answer(status, retryAfter != null, sentIn, answeredIn));
            if (id != null || (status >= 400 && status < 500 && status != 429)) {
                outcomes.put(key, new Outcome(key, urgent, id, status));
                return;
            }
            Duration pause = retryAfter != null && retryAfter.matches("\\d{1,3}") ? Duration.ofSeconds(Long.parseLong(retryAfter)) : backoff;
            Thread.sleep(pause.toMillis());
            backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(2)) > 0 ? Duration.ofSeconds(2) : backoff.multipliedBy(2);
        }
    }

    private static void pace(long at) throws InterruptedException {
        long wait = at - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
