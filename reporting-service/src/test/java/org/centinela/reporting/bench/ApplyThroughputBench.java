package org.centinela.reporting.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.centinela.contract.event.Defenders;
import org.centinela.contract.event.IncidentEventData;
import org.centinela.contract.vocabulary.JusticeStatus;
import org.centinela.contract.vocabulary.Perpetrator;
import org.centinela.contract.vocabulary.Sector;
import org.centinela.contract.vocabulary.Verification;
import org.centinela.contract.vocabulary.Violation;
import org.centinela.reporting.aggregate.AggregateWriter;
import org.centinela.reporting.aggregate.ReportingEvent;
import org.centinela.reporting.disclosure.RecordKeys;

/**
 * How many incident events per second the rebuild's database side applies: N events (80 % reported, 20 % updates
 * of earlier incidents) through {@link AggregateWriter} in batches of the rebuild's size, one transaction each,
 * into an empty generation of a scratch database. Run by reporting-service/bench/rebuild-apply.sh.
 */
public final class ApplyThroughputBench {

    private static final RecordKeys KEYS = new RecordKeys("bench-secret");

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int total = Integer.parseInt(args[1]);
        int batchSize = Integer.parseInt(args[2]);
        Random random = new Random(42);
        List<IncidentEventData> reported = new ArrayList<>();
        long applied = 0;
        long started = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(url + "?reWriteBatchedInserts=true", "postgres", "")) {
            connection.setAutoCommit(false);
            List<ReportingEvent> batch = new ArrayList<>(batchSize);
            for (int i = 0; i < total; i++) {
                IncidentEventData data;
                if (reported.isEmpty() || random.nextInt(5) > 0) {
                    data = incident(random);
                    reported.add(data);
                } else {
                    int which = random.nextInt(reported.size());
                    data = update(reported.get(which), random);
                    reported.set(which, data);
                }
                batch.add(new ReportingEvent.Incident(UUID.randomUUID().toString(), data));
                if (batch.size() == batchSize || i == total - 1) {
                    applied += AggregateWriter.apply(connection, 2, batch, KEYS);
                    connection.commit();
                    batch.clear();
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("applied %d of %d events in %.1f s: %.0f events/s (batches of %d)%n", applied, total, seconds,
                total / seconds, batchSize);
    }

    private static IncidentEventData incident(Random random) {
        Violation[] violations = Violation.values();
        Perpetrator[] perpetrators = Perpetrator.values();
        Sector[] sectors = Sector.values();
        return new IncidentEventData(UUID.randomUUID(), "PE-2026-000001", UUID.randomUUID(), "Org",
                LocalDate.of(1990, 1, 1).plusDays(random.nextInt(13000)), Instant.now(),
                String.format("PE-%s", List.of("CAJ", "LOR", "PUN", "CUS", "LIM").get(random.nextInt(5))), null, null,
                List.of(violations[random.nextInt(violations.length)]),
                List.of(perpetrators[random.nextInt(perpetrators.length)]),
                new Defenders(1 + random.nextInt(3), random.nextInt(2), List.of(sectors[random.nextInt(sectors.length)])),
                List.of(), false, "es", Verification.UNVERIFIED, JusticeStatus.NOT_REPORTED, 0, Instant.now());
    }

    private static IncidentEventData update(IncidentEventData d, Random random) {
        JusticeStatus[] statuses = JusticeStatus.values();
        return new IncidentEventData(d.incidentId(), d.reference(), d.organisationId(), d.organisationName(),
                d.occurredOn(), d.receivedAt(), d.region(), null, null, d.violations(), d.perpetrators(), d.defenders(),
                d.context(), d.riskOngoing(), d.language(), Verification.CONFIRMED,
                statuses[random.nextInt(statuses.length)], d.revision() + 1, Instant.now());
    }
}
