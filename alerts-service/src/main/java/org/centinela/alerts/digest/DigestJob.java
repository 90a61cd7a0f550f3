package org.centinela.alerts.digest;

import org.centinela.alerts.Time;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.centinela.alerts.notification.LinksConfig;
import org.centinela.alerts.alert.Incident;
import org.centinela.alerts.team.Channel;
import org.centinela.alerts.team.ChannelType;
import org.centinela.alerts.team.Team;
import org.centinela.contract.vocabulary.Regions;
import org.jboss.logging.Logger;

/**
 * Once a day per team with {@code digest} on, from the configured hour, e-mails the incidents below its minimum
 * priority that arrived since its last digest; nothing when there are none. The day's digest_run row is claimed
 * in the same transaction that marks the entries sent, so it goes out once even with two instances.
 */
@ApplicationScoped
public class DigestJob {

    private static final Logger LOG = Logger.getLogger(DigestJob.class);

    private final EntityManager em;
    private final Mailer mailer;
    private final DigestConfig config;
    private final DigestBuilder builder;

    public DigestJob(EntityManager em, Mailer mailer, DigestConfig config, LinksConfig links,
                     Regions regions) {
        this.em = em;
        this.mailer = mailer;
        this.config = config;
        this.builder = new DigestBuilder(regions, links.intakeBaseUrl());
    }

    @Scheduled(every = "${centinela.digest.check-interval:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void run() {
        Optional<LocalDate> day = DigestBuilder.dueDay(Time.now(), config.at(), config.timeZone());
        if (day.isEmpty()) {
            return;
        }
        List<UUID> teams = QuarkusTransaction.requiringNew().call(() -> Team.<Team>list("deletedAt is null and digest = true")
                .stream().map(team -> team.id).toList());
        for (UUID team : teams) {
            try {
                QuarkusTransaction.requiringNew().run(() -> sendDigest(team, day.get()));
            } catch (RuntimeException e) {
                LOG.errorf(e, "Digest not sent, will retry [teamId=%s, day=%s]", team, day.get());
            }
        }
    }

    void sendDigest(UUID teamId, LocalDate day) {
        Team team = Team.findById(teamId);
        List<String> addresses = team.channelList().stream().filter(channel -> channel.type() == ChannelType.EMAIL)
                .map(Channel::address).toList();
        if (addresses.isEmpty()) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<Incident> waiting = em.createNativeQuery("""
                        SELECT i.* FROM incident i JOIN digest_entry e ON e.incident_id = i.id
                        WHERE e.team_id = ?1 AND e.sent_at IS NULL
                        FOR UPDATE OF e SKIP LOCKED""", Incident.class)
                .setParameter(1, teamId).getResultList();
        Optional<DigestView> digest = builder.build(team.name, day, waiting, team.language);
        if (digest.isEmpty()) {
            return;
        }
        int claimed = em.createNativeQuery("INSERT INTO digest_run (team_id, day, sent_at) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING")
                .setParameter(1, teamId).setParameter(2, day).setParameter(3, Time.now()).executeUpdate();
        if (claimed == 0) {
            return;
        }
        em.createNativeQuery("UPDATE digest_entry SET sent_at = ?1 WHERE team_id = ?2 AND incident_id IN (?3)")
                .setParameter(1, Time.now()).setParameter(2, teamId)
                .setParameter(3, waiting.stream().map(incident -> incident.id).toList()).executeUpdate();
        String rendered = ("en".equals(team.language) ? DigestTemplates.en(digest.get()) : DigestTemplates.es(digest.get())).render();
        int newline = rendered.indexOf('\n');
        Mail mail = Mail.withText(addresses.get(0), rendered.substring(0, newline).strip(), rendered.substring(newline + 1).strip() + "\n");
        mail.setTo(addresses);
        mailer.send(mail);
        LOG.infof("Digest sent [teamId=%s, day=%s, incidents=%d]", teamId, day, waiting.size());
    }
}
