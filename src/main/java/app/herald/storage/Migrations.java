package app.herald.storage;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;

/**
 * Herald's schema migrations for each engine: H2's own up to version 14 (applied ones cannot be
 * edited), PostgreSQL's schema as they left it, then the migrations both engines accept.
 */
final class Migrations {

    private static final Set<MigrationState> FROM_A_NEWER_HERALD =
            EnumSet.of(MigrationState.FUTURE_SUCCESS, MigrationState.FUTURE_FAILED);

    private Migrations() {
    }

    static Flyway flyway(DataSource dataSource, Engine engine) {
        String own = engine == Engine.H2 ? "classpath:db/migration" : "classpath:db/postgresql";
        return Flyway.configure().dataSource(dataSource).locations(own, "classpath:db/common").load();
    }

    /** @return the version of the newest migration applied by a newer Herald, if one was */
    static Optional<String> newerVersion(MigrationInfoService info) {
        return Arrays.stream(info.applied())
                .filter(migration -> FROM_A_NEWER_HERALD.contains(migration.getState()))
                .map(migration -> migration.getVersion().getVersion())
                .findFirst();
    }

    /** The schema version applied: 0 for a database Herald has not set up. */
    static int current(MigrationInfoService info) {
        MigrationInfo current = info.current();
        return current == null ? 0 : Integer.parseInt(current.getVersion().getVersion());
    }
}
