package app.herald.ui.history;

import app.herald.broadcast.Batch;
import app.herald.broadcast.BroadcastSummary;
import app.herald.broadcast.Broadcasts;
import app.herald.ui.common.Notice;
import app.herald.ui.common.ScreenWork;
import app.herald.ui.common.Tasks;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The history: every broadcast, newest first, and the batches of the chosen one with their SIDs. */
public final class HistoryViewModel {

    private final Broadcasts broadcasts;
    private final ScreenWork work;

    private final ObservableList<BroadcastSummary> all = FXCollections.observableArrayList();
    private final ObjectProperty<BroadcastSummary> selected = new SimpleObjectProperty<>();
    private final ObservableList<Batch> batches = FXCollections.observableArrayList();

    public HistoryViewModel(Broadcasts broadcasts, Tasks tasks) {
        this.broadcasts = Objects.requireNonNull(broadcasts);
        this.work = new ScreenWork(tasks);
        selected.addListener((observable, previous, broadcast) ->
                batches.setAll(broadcast == null ? List.of() : broadcast.batches()));
    }

    /** Reads the history again, keeping the chosen broadcast chosen (its batches may have moved on). */
    public void refresh() {
        work.read(broadcasts::all, read -> {
            long chosen = selected.get() == null ? -1 : selected.get().id();
            all.setAll(read);
            selected.set(read.stream().filter(broadcast -> broadcast.id() == chosen).findFirst()
                    .orElse(read.isEmpty() ? null : read.get(0)));
        });
    }

    public ObservableList<BroadcastSummary> broadcasts() {
        return all;
    }

    public ObjectProperty<BroadcastSummary> selectedProperty() {
        return selected;
    }

    public ObservableList<Batch> batches() {
        return batches;
    }

    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return work.noticeProperty();
    }
}
