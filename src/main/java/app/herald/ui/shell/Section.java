package app.herald.ui.shell;

/** The places the navigation leads to, in the order a broadcast is made. */
public enum Section {
    LISTS,
    COMPOSE,
    HISTORY,
    SETTINGS
}
