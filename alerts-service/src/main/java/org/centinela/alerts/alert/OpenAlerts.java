package org.centinela.alerts.alert;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.centinela.platform.metrics.MetricNames;
import org.jboss.logging.Logger;

/**
 * The gauges an on-call operator watches: alerts nobody has acknowledged yet, and those of them past their team's
 * escalation time (escalation should have taken them within a check interval; a non-zero value says it cannot).
 * Counted every 15 s, so a scrape costs no query.
 */
@ApplicationScoped
public class OpenAlerts {

    private static final Logger LOG = Logger.getLogger(OpenAlerts.class);

    private final EntityManager em;
    private volatile long open;
    private volatile long overdue;

    public OpenAlerts(EntityManager em, MeterRegistry registry, MetricNames names) {
        this.em = em;
        Gauge.builder(names.of("open_alerts"), this, gauges -> gauges.open)
                .description("Alerts OPEN: raised, not acknowledged, not escalated").register(registry);
        Gauge.builder(names.of("overdue_alerts"), this, gauges -> gauges.overdue)
                .description("OPEN alerts past their team's escalation time").register(registry);
    }

    @Scheduled(every = "15s", delay = 1, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void count() {
        try {
            Object[] counts = (Object[]) em.createNativeQuery("""
                    SELECT count(*), count(*) FILTER (WHERE a.raised_at <= now() - make_interval(mins => t.escalate_after_minutes))
                    FROM alert a JOIN team t ON t.id = a.team_id WHERE a.status = 'OPEN'""").getSingleResult();
            open = ((Number) counts[0]).longValue();
            overdue = ((Number) counts[1]).longValue();
        } catch (RuntimeException e) {
            LOG.debugf("Open alerts not counted: %s", e.getMessage());
        }
    }
}
