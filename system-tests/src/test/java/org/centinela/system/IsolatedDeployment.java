package org.centinela.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.centinela.contract.Topics;

/**
 * Databases and topics of their own for a test that stops and restarts intake and alerts with other settings,
 * so that the shared {@link RunningSystem} neither sees its data nor consumes its events. The databases are made
 * fresh and kept afterwards for a look; the topics, named behind a fresh prefix, are deleted.
 */
final class IsolatedDeployment implements AutoCloseable {

    private static final List<String> TOPICS = List.of(Topics.INCIDENTS, Topics.deadLetter(Topics.INCIDENTS),
            Topics.ALERTS, Topics.deadLetter(Topics.ALERTS), Topics.PRINCIPALS);

    final String intakeDatabase;
    final String alertsDatabase;
    private final String topicPrefix;

    private IsolatedDeployment(String name) {
        String suffix = RunningSystem.env("CENTINELA_TEST_DB_SUFFIX", "");
        this.intakeDatabase = "centinela_it_" + name + "_intake" + suffix;
        this.alertsDatabase = "centinela_it_" + name + "_alerts" + suffix;
        this.topicPrefix = name + "-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    }

    static IsolatedDeployment create(String name) throws Exception {
        IsolatedDeployment deployment = new IsolatedDeployment(name);
        try (Connection server = connect("postgres"); Statement statement = server.createStatement()) {
            for (String database : List.of(deployment.intakeDatabase, deployment.alertsDatabase)) {
                statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
                statement.execute("CREATE DATABASE " + database);
            }
        }
        try (Admin kafka = admin()) {
            kafka.createTopics(TOPICS.stream().map(topic -> new NewTopic(deployment.topicPrefix + topic, 2, (short) 1)).toList())
                    .all().get(30, TimeUnit.SECONDS);
        }
        return deployment;
    }

    /** The environment of intake and alerts in this deployment, as {@link RunningSystem} gives its own. */
    Map<String, String> environment(ServiceProcess intake, ServiceProcess alerts) {
        Map<String, String> env = RunningSystem.baseEnvironment();
        env.put("CENTINELA_TOPIC_PREFIX", topicPrefix);
        env.put("INTAKE_DB_URL", url(intakeDatabase));
        env.put("ALERTS_DB_URL", url(alertsDatabase));
        env.put("CENTINELA_INTAKE_BASE_URL", intake.url(""));
        env.put("CENTINELA_ALERTS_BASE_URL", alerts.url(""));
        return env;
    }

    /** The first column of the first row of {@code sql} in {@code database}, as a number. */
    long number(String database, String sql) throws SQLException {
        try (Connection connection = connect(database); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    @Override
    public void close() throws Exception {
        try (Admin kafka = admin()) {
            kafka.deleteTopics(TOPICS.stream().map(topic -> topicPrefix + topic).toList()).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static String url(String database) {
        return "jdbc:postgresql://" + RunningSystem.env("PG_HOST", "127.0.0.1") + ":" + RunningSystem.env("PG_PORT", "5432")
                + "/" + database;
    }

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), RunningSystem.env("CENTINELA_DB_USER", "postgres"),
                RunningSystem.env("CENTINELA_DB_PASSWORD", ""));
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, RunningSystem.KAFKA));
    }
}
