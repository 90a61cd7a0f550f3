import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;

/**
 * PostgreSQL chores for bin/centinela, run with this folder's jars (java -cp 'libs/*' PgTool.java ...):
 *   serve PORT DATA_DIR         start an embedded PostgreSQL (user postgres, trust) and keep it until killed
 *   create HOST:PORT DB...      create the databases that are missing
 *   recreate HOST:PORT DB...    drop and create the databases (a clean slate for a test run)
 */
public class PgTool {

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "serve" -> serve(Integer.parseInt(args[1]), Path.of(args[2]));
            case "create" -> databases(args, false);
            case "recreate" -> databases(args, true);
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    private static void serve(int port, Path dataDir) throws Exception {
        Files.createDirectories(dataDir);
        Path binaries = dataDir.resolveSibling("binaries");
        Files.createDirectories(binaries);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(binaries.toFile())
                .setPort(port)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200")
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (Exception e) {
                e.printStackTrace();
            }
        }));
        System.out.println("embedded PostgreSQL ready on 127.0.0.1:" + port);
        new CountDownLatch(1).await();
    }

    private static void databases(String[] args, boolean recreate) throws Exception {
        String user = System.getenv().getOrDefault("CENTINELA_DB_USER", "postgres");
        String password = System.getenv().getOrDefault("CENTINELA_DB_PASSWORD", "");
        Connection opened;
        try {
            opened = DriverManager.getConnection("jdbc:postgresql://" + args[1] + "/postgres", user, password);
        } catch (java.sql.SQLException e) {
            System.err.println("PostgreSQL at " + args[1] + " refused user " + user + " (" + e.getMessage()
                    + "): set CENTINELA_DB_USER and CENTINELA_DB_PASSWORD to a role that may create databases");
            System.exit(1);
            return;
        }
        try (Connection connection = opened; Statement statement = connection.createStatement()) {
            for (int i = 2; i < args.length; i++) {
                String db = args[i];
                if (!db.matches("[a-z_][a-z0-9_]*")) {
                    throw new IllegalArgumentException("not a plain database name: " + db);
                }
                if (recreate) {
                    statement.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
                }
                try (ResultSet rs = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + db + "'")) {
                    if (!rs.next()) {
                        statement.execute("CREATE DATABASE " + db);
                        System.out.println("created database " + db);
                    }
                }
            }
        }
    }
}
