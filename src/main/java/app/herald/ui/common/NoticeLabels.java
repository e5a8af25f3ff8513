package app.herald.ui.common;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;

/** Shows a screen's {@link Notice} in a label: hidden when there is none, styled as a problem when it is one. */
public final class NoticeLabels {

    private NoticeLabels() {
    }

    public static void bind(Label label, ObservableValue<Notice> notice) {
        show(label, notice.getValue());
        notice.addListener((observable, previous, current) -> show(label, current));
    }

    private static void show(Label label, Notice notice) {
        label.setText(notice.text());
        label.setVisible(!notice.isEmpty());
        label.setManaged(!notice.isEmpty());
        label.getStyleClass().remove("problem");
        if (notice.problem()) {
            label.getStyleClass().add("problem");
        }
    }
}
