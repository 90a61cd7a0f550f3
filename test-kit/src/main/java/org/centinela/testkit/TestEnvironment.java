package org.centinela.testkit;

/**
 * What the test command gives every test JVM (see the root pom's surefire settings and bin/centinela test): the test
 * broker and the credentials the services under test were started with.
 */
public final class TestEnvironment {

    private TestEnvironment() {
    }

    public static String kafka() {
        return env("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092");
    }

    public static String adminToken() {
        return env("CENTINELA_ADMIN_TOKEN", "test-admin-token-0123456789abcdef");
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }
}
