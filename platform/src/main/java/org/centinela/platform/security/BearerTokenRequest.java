package org.centinela.platform.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The raw bearer token of a request, for {@link BearerTokenIdentityProvider}. */
public class BearerTokenRequest extends BaseAuthenticationRequest {

    private final String token;

    public BearerTokenRequest(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }
}
