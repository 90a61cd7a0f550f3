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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.centinela.alerts.Metrics;
import org.centinela.alerts.alert.Alert;
import org.centinela.alerts.alert.Escalator;
import org.centinela.alerts.outbox.Outbox;
import org.centinela.alerts.team.ChannelType;
import org.centinela.alerts.team.RefusedWebhookAddressException;
import org.centinela.alerts.team.WebhookUrlPolicy;
import org.centinela.contract.EventTypes;
import org.centinela.platform.crypto.FieldCipher;
import org.jboss.logging.Logger;

/**
 * Sends claimed deliveries on its own threads, so that a slow receiver never holds up the consumption of other
 * incidents, and records each outcome: delivered, a retry at the next backoff step, or given up
 * (alert.delivery-failed, then escalation).
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    private static final int MAX_ERROR = 1000;

    private final ReactiveMailer mailer;
    private final FieldCipher cipher;
    private final Outbox outbox;
    private final Escalator escalator;
    private final DeliveryConfig config;
    private final RetryPolicy retries;
    private final MeterRegistry metrics;
    private final WebhookUrlPolicy urls;
    private final HttpClient http;
    private final ExecutorService senders;

    public Dispatcher(ReactiveMailer mailer, FieldCipher cipher, Outbox outbox, Escalator escalator,
                      DeliveryConfig config, MeterRegistry metrics, WebhookUrlPolicy urls) {
        this.mailer = mailer;
        this.cipher = cipher;
        this.outbox = outbox;
        this.escalator = escalator;
        this.config = config;
        this.retries = RetryPolicy.from(config);
        this.metrics = metrics;
        this.urls = urls;
        AtomicInteger threadNumber = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(config.threads(), runnable -> {
            Thread thread = new Thread(runnable, "centinela-delivery-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Sends each claimed delivery as soon as a sender thread is free; returns at once. */
    public void dispatch(List<Claim> claims) {
        for (Claim claim : claims) {
            senders.execute(() -> attempt(claim));
        }
    }

    private void attempt(Claim claim) {
        Timer.Sample sample = Timer.start(metrics);
        Integer httpStatus = null;
        String error = null;
        boolean retryable = true;
        try {
            if (claim.channel() == ChannelType.WEBHOOK) {
                httpStatus = postWebhook(claim);
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
        boolean success = error == null;
        sample.stop(metrics.timer(Metrics.DELIVERY_SECONDS, "channel", claim.channel().name()));
        metrics.counter(Metrics.DELIVERY_ATTEMPTS, "channel", claim.channel().name(),
                "outcome", success ? "success" : "failure").increment();
        if (!success) {
            LOG.infof("Delivery attempt failed [alertId=%s, deliveryId=%s, channel=%s]: %s",
                    claim.alertId(), claim.deliveryId(), claim.channel(), error);
        }
        try {
            record(claim, success, httpStatus, error, retryable);
        } catch (RuntimeException e) {
            // The claim lapses and the poller tries again: at-least-once, the delivery id lets receivers deduplicate.
            LOG.errorf(e, "Outcome of a delivery attempt not recorded [alertId=%s, deliveryId=%s]",
                    claim.alertId(), claim.deliveryId());
        }
    }

    private int postWebhook(Claim claim) throws Exception {
        byte[] body = claim.body().getBytes(StandardCharsets.UTF_8);
        URI target = URI.create(claim.target());
        urls.checkBeforeSending(target);
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(config.timeout())
                .header("Content-Type", "application/json")
                .header(Signature.DELIVERY_HEADER, claim.deliveryId().toString())
                .header(Signature.EVENT_HEADER, claim.event())
                .header(Signature.HEADER, Signature.of(body, cipher.decrypt(claim.secret())))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private void record(Claim claim, boolean success, Integer httpStatus, String error, boolean retryable) {
        List<Claim> escalations = QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Time.now();
            DeliveryAttempt attempt = DeliveryAttempt.findById(claim.attemptId());
            attempt.outcome = success ? DeliveryAttempt.SUCCESS : DeliveryAttempt.FAILURE;
            attempt.httpStatus = httpStatus;
            attempt.error = error == null ? null : error.substring(0, Math.min(error.length(), MAX_ERROR));
            Delivery delivery = Delivery.findById(claim.deliveryId(), LockModeType.PESSIMISTIC_WRITE);
            if (delivery.status != DeliveryStatus.PENDING) {
                return List.<Claim>of();
            }
            Alert alert = Alert.findById(delivery.alertId);
            if (success) {
                delivery.status = DeliveryStatus.DELIVERED;
                delivery.completedAt = now;
                outbox.append(EventTypes.ALERT_DELIVERED, alert.event(now, delivery.channel.name(), delivery.id));
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
                    delivery.failedAttempts, alert.id, delivery.id, delivery.channel);
            outbox.append(EventTypes.ALERT_DELIVERY_FAILED, alert.event(now, delivery.channel.name(), delivery.id));
            return escalator.escalate(alert.id, now);
        });
        dispatch(escalations);
    }

    @PreDestroy
    void stop() {
        // Deliveries not yet started keep their claim in the database; once it lapses, an instance sends them.
        int dropped = senders.shutdownNow().size();
        if (dropped > 0) {
            LOG.infof("%d claimed deliveries left for the retry poller at shutdown", dropped);
        }
    }
}
