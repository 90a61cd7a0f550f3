package org.centinela.platform.security;

import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.centinela.platform.config.CentinelaConfig;

/**
 * Turns a bearer token into a caller: the bootstrap admin token from {@code CENTINELA_ADMIN_TOKEN}, or a signed
 * token of a principal that has not been revoked. Anything else fails authentication (401). Created at start-up,
 * so that an admin token too short for the profile ({@link AdminTokenRule}) stops the service.
 */
@Startup
@ApplicationScoped
public class BearerTokenIdentityProvider implements IdentityProvider<BearerTokenRequest> {

    private static final String BOOTSTRAP_ADMIN = "bootstrap-admin";

    private final byte[] adminToken;
    private final TokenService tokens;
    private final RevokedPrincipals revoked;

    public BearerTokenIdentityProvider(CentinelaConfig config,
                                       TokenService tokens, RevokedPrincipals revoked) {
        AdminTokenRule.check(config.adminToken(), ConfigUtils.getProfiles());
        this.adminToken = config.adminToken().getBytes(StandardCharsets.UTF_8);
        this.tokens = tokens;
        this.revoked = revoked;
    }

    @Override
    public Class<BearerTokenRequest> getRequestType() {
        return BearerTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(BearerTokenRequest request, AuthenticationRequestContext context) {
        Caller caller = callerOf(request.token());
        if (caller == null) {
            return Uni.createFrom().failure(new AuthenticationFailedException("Unknown, expired or revoked token"));
        }
        String name = caller.principalId() == null ? BOOTSTRAP_ADMIN : caller.principalId().toString();
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(name))
                .addRole(caller.role())
                .addAttribute(Caller.ATTRIBUTE, caller)
                .build());
    }

    private Caller callerOf(String token) {
        // Constant-time comparison: the admin token must not leak through response timing.
        if (MessageDigest.isEqual(adminToken, token.getBytes(StandardCharsets.UTF_8))) {
            return new Caller(Role.ADMIN, null);
        }
        return tokens.verify(token)
                .filter(caller -> !revoked.isRevoked(caller.principalId()))
                .orElse(null);
    }
}
