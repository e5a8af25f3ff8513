package app.herald.storage;

import org.jdbi.v3.core.config.JdbiConfig;

/**
 * What runs after each synced commit ({@link Checkpoints#sync}) of a Jdbi: the database's
 * {@link StateRecord} is brought up to what is now on disk. Kept in the Jdbi's configuration so
 * that every writer that syncs records, without knowing of the record.
 */
public final class Durability implements JdbiConfig<Durability> {

    private Runnable afterSync = () -> { };

    public Durability() {
    }

    private Durability(Durability other) {
        this.afterSync = other.afterSync;
    }

    void setAfterSync(Runnable afterSync) {
        this.afterSync = afterSync;
    }

    void synced() {
        afterSync.run();
    }

    @Override
    public Durability createCopy() {
        return new Durability(this);
    }
}
