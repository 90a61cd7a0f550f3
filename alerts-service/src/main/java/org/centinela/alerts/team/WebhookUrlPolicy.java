package org.centinela.alerts.team;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Where a webhook may point (SPEC §7: no server-side request forgery). Only absolute http and https URLs; and,
 * unless an operator allows it ({@code CENTINELA_WEBHOOK_ALLOW_PRIVATE=true}, on in the dev and test profiles for
 * local receivers), no host that is or resolves to an address of {@link NonPublicAddresses}: not at registration,
 * and not again just before each send, since a name may resolve elsewhere by then (DNS rebinding). Every address
 * of the name must be public, as the HTTP client may take any. The send-time check leaves the answer in the JVM's
 * address cache (30 s unless {@code networkaddress.cache.ttl} says otherwise; never set it to 0), from which the
 * HTTP client takes the address it then connects to: the one checked.
 */
@ApplicationScoped
public class WebhookUrlPolicy {

    static final int MAX_LENGTH = 2000;

    /** Looks up every address of a host name (the JVM's resolver, or a table in tests). */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowPrivate;
    private final Resolver resolver;

    @Inject
    public WebhookUrlPolicy(WebhookConfig config) {
        this(config.allowPrivate(), InetAddress::getAllByName);
    }

    WebhookUrlPolicy(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /**
     * Why a webhook may not be registered at {@code url}, or empty when it may. A name that does not resolve now is
     * accepted: it cannot reach anything yet, and each send checks it again.
     */
    public Optional<String> refusal(String url) {
        URI uri = parse(url);
        if (uri == null) {
            return Optional.of("must be an absolute http or https URL");
        }
        try {
            return refusedAddress(uri);
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /**
     * Just before a webhook is sent: resolves its host and refuses it when any of its addresses is not public.
     * An unresolvable name throws {@link UnknownHostException}, a failure that may pass (retried).
     */
    public void checkBeforeSending(URI uri) throws RefusedWebhookAddressException, UnknownHostException {
        Optional<String> refused = refusedAddress(uri);
        if (refused.isPresent()) {
            throw new RefusedWebhookAddressException("Webhook refused before sending: " + uri.getHost() + " "
                    + refused.get() + " (CENTINELA_WEBHOOK_ALLOW_PRIVATE is off)");
        }
    }

    private Optional<String> refusedAddress(URI uri) throws UnknownHostException {
        if (allowPrivate) {
            return Optional.empty();
        }
        for (InetAddress address : resolver.resolve(uri.getHost())) {
            Optional<String> kind = NonPublicAddresses.kindOf(address);
            if (kind.isPresent()) {
                return Optional.of("resolves to " + address.getHostAddress() + " (" + kind.get()
                        + "): webhooks may not point at this machine or its networks");
            }
        }
        return Optional.empty();
    }

    private static URI parse(String url) {
        if (url == null || url.length() > MAX_LENGTH) {
            return null;
        }
        try {
            URI uri = new URI(url);
            boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            return uri.isAbsolute() && http && uri.getHost() != null ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
