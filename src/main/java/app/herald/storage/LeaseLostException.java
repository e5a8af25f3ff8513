package app.herald.storage;

/** This desktop's lease ran out (it was not renewed in time) and another desktop may be doing the work now: this one stops. */
public final class LeaseLostException extends IllegalStateException {

    public LeaseLostException(String subject) {
        super("This computer lost its hold on " + subject.replace(':', ' ') + " (it could not renew it in time), so it"
                + " stopped; another computer may be carrying on with it.");
    }
}
