package org.centinela.bench;

import java.util.ArrayList;
import java.util.List;

/** Scratch databases on the local PostgreSQL (user postgres, trust), managed with psql. */
final class Postgres {

    private final String host;
    private final int port;
    private final String user;

    Postgres(String host, int port, String user) {
        if (!host.equals("127.0.0.1") && !host.equals("localhost")) {
            throw new IllegalArgumentException("only a PostgreSQL on 127.0.0.1 is allowed, not " + host);
        }
        this.host = host;
        this.port = port;
        this.user = user;
    }

    static Postgres from(Args args) {
        return new Postgres(args.get("pg-host", "127.0.0.1"), args.integer("pg-port", 5432),
                args.get("pg-user", "postgres"));
    }

    void recreate(String database) throws Exception {
        drop(database);
        psql("postgres", "CREATE DATABASE " + database);
    }

    void drop(String database) throws Exception {
        psql("postgres", "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    String psql(String database, String sql) throws Exception {
        return Processes.run(List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", host, "-p",
                String.valueOf(port), "-U", user, "-d", database, "-c", sql), 120);
    }

    /** Rows of a query, one a line, columns separated by '|' (psql -At). */
    String query(String database, String sql) throws Exception {
        return Processes.run(List.of("psql", "-X", "-At", "-v", "ON_ERROR_STOP=1", "-h", host, "-p",
                String.valueOf(port), "-U", user, "-d", database, "-c", sql), 120);
    }

    /** The start of a command line for a PostgreSQL client tool (pgbench) against this server. */
    List<String> connection(String tool) {
        return new ArrayList<>(List.of(tool, "-h", host, "-p", String.valueOf(port), "-U", user));
    }
}
