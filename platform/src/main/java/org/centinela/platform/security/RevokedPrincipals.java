package org.centinela.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Principals whose tokens are refused, as learnt from the principals topic (and, locally, at once). */
@ApplicationScoped
public class RevokedPrincipals {

    private final Set<UUID> revoked = ConcurrentHashMap.newKeySet();

    public void revoke(UUID principalId) {
        revoked.add(principalId);
    }

    public boolean isRevoked(UUID principalId) {
        return revoked.contains(principalId);
    }
}
