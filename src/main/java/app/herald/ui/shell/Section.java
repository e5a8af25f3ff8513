package app.herald.ui.shell;

import java.util.Locale;

/** The places the navigation leads to, in the order a broadcast is made. */
public enum Section {
    LISTS,
    COMPOSE,
    HISTORY,
    SETTINGS;

    /** The prefix of this section's texts in the resource bundle, e.g. {@code section.lists}. */
    public String bundleKey() {
        return "section." + name().toLowerCase(Locale.ROOT);
    }
}
