package org.centinela.alerts.delivery;

import org.centinela.alerts.Time;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.centinela.alerts.Metrics;
import org.centinela.alerts.team.ChannelType;
import org.centinela.alerts.team.RefusedWebhookAddressException;
import org.centinela.alerts.team.WebhookUrlPolicy;
import org.centinela.platform.crypto.FieldCipher;
import org.jboss.logging.Logger;

/**
 * Sends claimed deliveries on its own threads, so that a slow receiver never holds up the consumption of other
 * incidents, and records each outcome: delivered (by its {@link OutcomeRecorder}, in batches), a retry at the next
 * backoff step, or given up; what an outcome
 * means for the alert (its events, escalation) is {@link DeliveryOutcomes}'. Bulkheads keep one receiver's trouble
 * its own: webhooks and e-mail have pools of their own, each receiver at most {@code perReceiver} sends in flight (the rest wait in its lane, holding
 * no thread), and every webhook call has one deadline for connect, headers and body, with at most
 * {@code maxResponseBytes} of the answer read.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    private static final int MAX_ERROR = 1000;

    private final ReactiveMailer mailer;
    private final FieldCipher cipher;
    private final DeliveryOutcomes outcomes;
    private final DeliveryConfig config;
    private final RetryPolicy retries;
    private final MeterRegistry metrics;
    private final WebhookUrlPolicy urls;
    private final HttpClient http;
    private final ExecutorService webhookSenders;
    private final ExecutorService mailSenders;
    private final ReceiverLanes lanes;
    private final OutcomeRecorder recorder;

    public Dispatcher(ReactiveMailer mailer, FieldCipher cipher, DeliveryOutcomes outcomes,
                      DeliveryConfig config, MeterRegistry metrics, WebhookUrlPolicy urls, DeliveryRows rows) {
        this.mailer = mailer;
        this.cipher = cipher;
        this.outcomes = outcomes;
        this.config = config;
        this.retries = RetryPolicy.from(config);
        this.metrics = metrics;
        this.urls = urls;
        this.webhookSenders = pool("centinela-webhook-", config.webhookThreads());
        this.mailSenders = pool("centinela-mail-", config.mailThreads());
        this.lanes = new ReceiverLanes(config.perReceiver());
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.recorder = new OutcomeRecorder(rows, outcomes);
    }

    /** Sends each claimed delivery as soon as its receiver's lane and a sender thread are free; returns at once. */
    public void dispatch(List<Claim> claims) {
        for (Claim claim : claims) {
            ExecutorService pool = claim.channel().http() ? webhookSenders : mailSenders;
            lanes.submit(claim.channel() + " " + claim.target(), pool, () -> attempt(claim));
        }
    }

    private static ExecutorService pool(String name, int threads) {
        AtomicInteger threadNumber = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, name + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    private void attempt(Claim claim) {
        if (Time.now().isAfter(claim.claimedAt().plus(config.claimLease()).minus(config.timeout()))) {
            // Waited in its lane until the claim lapsed: the retry poller has claimed (or will claim) it again.
            LOG.debugf("Claim lapsed while waiting [alertId=%s, deliveryId=%s]", claim.alertId(), claim.deliveryId());
            return;
        }
        Timer.Sample sample = Timer.start(metrics);
        Integer httpStatus = null;
        String error = null;
        boolean retryable = true;
        try {
            if (claim.channel().http()) {
                httpStatus = post(claim);
                if (httpStatus / 100 != 2) {
                    error = "HTTP " + httpStatus;
                }
            } else {
                mailer.send(Mail.withText(claim.target(), claim.subject(), claim.body())).await().atMost(config.mailTimeout());
            }
        } catch (RefusedWebhookAddressException e) {
            error = e.getMessage();
            retryable = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        if (error != null && claim.channel() == ChannelType.TELEGRAM) {
            // An exception may quote the request URI, which holds the bot token.
            error = error.replace(cipher.decrypt(claim.secret()), "<bot token>");
        }
        boolean success = error == null;
        sample.stop(metrics.timer(Metrics.DELIVERY_SECONDS, "channel", claim.channel().name()));
        metrics.counter(Metrics.DELIVERY_ATTEMPTS, "channel", claim.channel().name(),
                "outcome", success ? "success" : "failure").increment();
        if (!success) {
            LOG.infof("Delivery attempt failed [alertId=%s, deliveryId=%s, channel=%s]: %s",
                    claim.alertId(), claim.deliveryId(), claim.channel(), error);
        }
        if (success) {
            // Recorded with others on the recorder's thread: this sender and its receiver's lane are free now.
            recorder.delivered(claim, httpStatus);
        } else {
            recordFailure(claim, httpStatus, error, retryable);
        }
    }

    /** A webhook (signed both ways), a Telegram Bot API call or a Signal bridge call; the HTTP status. */
    private int post(Claim claim) throws Exception {
        byte[] body = claim.body().getBytes(StandardCharsets.UTF_8);
        URI base = URI.create(claim.target());
        urls.checkBeforeSending(base);
        HttpRequest.Builder builder = switch (claim.channel()) {
            // The bot token is only in the path of this one request: never in a stored target, a log or an error.
            case TELEGRAM -> HttpRequest.newBuilder(URI.create(trim(claim.target()) + "/bot"
                    + cipher.decrypt(claim.secret()) + "/sendMessage"));
            case SIGNAL -> HttpRequest.newBuilder(URI.create(trim(claim.target()) + "/v2/send"));
            default -> signed(HttpRequest.newBuilder(base), claim, body);
        };
        HttpRequest request = builder
                .timeout(config.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        CompletableFuture<HttpResponse<Void>> call = http.sendAsync(request, BoundedBody.handler(config.maxResponseBytes()));
        try {
            return call.get(config.timeout().toMillis(), TimeUnit.MILLISECONDS).statusCode();
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new TimeoutException("no complete answer within " + config.timeout().toSeconds() + " s");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private HttpRequest.Builder signed(HttpRequest.Builder builder, Claim claim, byte[] body) {
        String secret = cipher.decrypt(claim.secret());
        List<String> secrets = claim.previousSecret() == null ? List.of(secret)
                : List.of(secret, cipher.decrypt(claim.previousSecret()));
        String id = claim.deliveryId().toString();
        long timestamp = Time.now().getEpochSecond();
        return builder
                .header(Signature.DELIVERY_HEADER, id)
                .header(Signature.EVENT_HEADER, claim.event())
                .header(Signature.HEADER, Signature.of(body, secret))
                .header(StandardSignature.ID_HEADER, id)
                .header(StandardSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(StandardSignature.SIGNATURE_HEADER, StandardSignature.of(id, timestamp, body, secrets));
    }

    private static String trim(String baseUrl) {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** A failed attempt: a retry at the next backoff step, or given up and escalated. */
    private void recordFailure(Claim claim, Integer httpStatus, String error, boolean retryable) {
        try {
            dispatch(failed(claim, httpStatus, error, retryable));
        } catch (RuntimeException e) {
            // The claim lapses and the poller tries again: at-least-once, the delivery id lets receivers deduplicate.
            LOG.errorf(e, "Outcome of a delivery attempt not recorded [alertId=%s, deliveryId=%s]",
                    claim.alertId(), claim.deliveryId());
        }
    }

    private List<Claim> failed(Claim claim, Integer httpStatus, String error, boolean retryable) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Time.now();
            DeliveryAttempt attempt = DeliveryAttempt.findById(claim.attemptId());
            attempt.outcome = DeliveryAttempt.FAILURE;
            attempt.httpStatus = httpStatus;
            attempt.error = error == null ? null : error.substring(0, Math.min(error.length(), MAX_ERROR));
            Delivery delivery = Delivery.findById(claim.deliveryId(), LockModeType.PESSIMISTIC_WRITE);
            if (delivery.status != DeliveryStatus.PENDING) {
                return List.<Claim>of();
            }
            delivery.failedAttempts++;
            Optional<Instant> next = retryable && RetryPolicy.retryable(httpStatus)
                    ? retries.nextAttempt(delivery.createdAt, delivery.failedAttempts, now)
                    : Optional.empty();
            if (next.isPresent()) {
                delivery.nextAttemptAt = next.get();
                return List.<Claim>of();
            }
            delivery.status = DeliveryStatus.FAILED;
            delivery.completedAt = now;
            LOG.warnf("Delivery given up after %d attempts [alertId=%s, deliveryId=%s, channel=%s]",
                    delivery.failedAttempts, delivery.alertId, delivery.id, delivery.channel);
            metrics.counter(Metrics.DELIVERY_FAILURES, "channel", delivery.channel.name()).increment();
            return outcomes.gaveUp(delivery, now);
        });
    }

    @PreDestroy
    void stop() {
        // Deliveries not yet started keep their claim in the database; once it lapses, an instance sends them.
        int dropped = webhookSenders.shutdownNow().size() + mailSenders.shutdownNow().size();
        if (dropped > 0) {
            LOG.infof("%d claimed deliveries left for the retry poller at shutdown", dropped);
        }
        recorder.stop();
    }
}
