package app.herald.bench;

import app.herald.storage.SharedServer;
import app.herald.storage.TestPostgres;

/**
 * A real PostgreSQL with an empty database on it, for timing the {@code herald} command from outside
 * against a shared server: prints the three HERALD_DATABASE_* lines to export, then runs until killed.
 */
public final class PostgresForBenchmarks {

    private PostgresForBenchmarks() {
    }

    public static void main(String[] args) throws InterruptedException {
        SharedServer server = TestPostgres.newDatabase();
        System.out.println("export HERALD_DATABASE_URL='" + server.url() + "'");
        System.out.println("export HERALD_DATABASE_USER='" + server.user() + "'");
        System.out.println("export HERALD_DATABASE_PASSWORD='" + server.password() + "'");
        System.out.flush();
        Thread.currentThread().join();
    }
}
