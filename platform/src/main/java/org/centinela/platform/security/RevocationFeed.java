package org.centinela.platform.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.centinela.contract.EventTypes;
import org.centinela.contract.Topics;
import org.centinela.contract.event.PrincipalRevokedData;
import org.centinela.platform.kafka.CloudEventRecord;
import org.centinela.platform.kafka.ConsumerLoops;
import org.centinela.platform.kafka.ConsumerSettings;
import org.centinela.platform.kafka.EventHandler;
import org.centinela.platform.kafka.TopicNames;
import org.centinela.platform.kafka.UnreadableEventException;

/**
 * Reads every revocation on {@link Topics#PRINCIPALS} from the beginning, in every instance of every service, and
 * records each in this service's {@link RevokedPrincipals}, so that a token revoked anywhere is refused here within
 * moments (SPEC §3: within 60 s) and after any restart. No consumer group: each instance needs all of it, and the
 * topic is small and kept forever.
 */
@ApplicationScoped
public class RevocationFeed implements EventHandler<RevokedPrincipals.Revocation> {

    static final String NAME = "revocations";

    private final ConsumerLoops loops;
    private final String topic;
    private final RevokedPrincipals revoked;

    public RevocationFeed(ConsumerLoops loops, TopicNames topics, RevokedPrincipals revoked) {
        this.loops = loops;
        this.topic = topics.of(Topics.PRINCIPALS);
        this.revoked = revoked;
    }

    void start(@Observes StartupEvent event) {
        loops.start(ConsumerSettings.everything(NAME, List.of(topic)), this);
    }

    @Override
    public RevokedPrincipals.Revocation read(CloudEventRecord record) throws UnreadableEventException {
        if (!EventTypes.PRINCIPAL_REVOKED.equals(record.type())) {
            throw new UnreadableEventException("not a " + EventTypes.PRINCIPAL_REVOKED + " event: " + record.type());
        }
        PrincipalRevokedData data = record.data(PrincipalRevokedData.class);
        if (data.principalId() == null || data.role() == null || data.revokedAt() == null) {
            throw new UnreadableEventException("revocation without principalId, role or revokedAt");
        }
        return new RevokedPrincipals.Revocation(data.principalId(), data.role(), data.revokedAt());
    }

    @Override
    public void apply(List<RevokedPrincipals.Revocation> revocations) throws Exception {
        revoked.revoke(revocations);
    }
}
