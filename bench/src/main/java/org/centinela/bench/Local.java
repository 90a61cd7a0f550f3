package org.centinela.bench;

import java.net.URI;
import java.util.Set;

/** Every target of the benchmarks is on this machine (SPEC §8: the load generator runs beside the system). */
final class Local {

    private static final Set<String> HOSTS = Set.of("127.0.0.1", "localhost");

    private Local() {
    }

    static URI uri(String url) {
        URI uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        if (!HOSTS.contains(uri.getHost())) {
            throw new IllegalArgumentException("only 127.0.0.1 targets are allowed, not " + url);
        }
        return uri;
    }

    /** A Kafka bootstrap address, checked the same way. */
    static String bootstrap(String hostPort) {
        String host = hostPort.substring(0, hostPort.lastIndexOf(':'));
        if (!HOSTS.contains(host)) {
            throw new IllegalArgumentException("only 127.0.0.1 brokers are allowed, not " + hostPort);
        }
        return hostPort;
    }
}
