package app.herald.storage;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.config.JdbiConfig;

/**
 * Which database engine holds Herald's data. Nearly all of Herald's SQL is the same for both; where
 * the engines differ (how a commit is made durable, how many rows one transaction may safely
 * hold), the code asks the Jdbi it was given.
 */
public enum Engine {
    /** An H2 file on this computer: one desktop. */
    H2,
    /** A PostgreSQL server several desktops share. */
    POSTGRESQL;

    /** The engine behind this Jdbi (H2 unless it was opened on PostgreSQL). */
    public static Engine of(Jdbi jdbi) {
        return jdbi.getConfig(Config.class).engine;
    }

    static void set(Jdbi jdbi, Engine engine) {
        jdbi.getConfig(Config.class).engine = engine;
    }

    /** The engine kept in a Jdbi's configuration. */
    public static final class Config implements JdbiConfig<Config> {

        private Engine engine = H2;

        public Config() {
        }

        private Config(Config other) {
            this.engine = other.engine;
        }

        @Override
        public Config createCopy() {
            return new Config(this);
        }
    }
}
