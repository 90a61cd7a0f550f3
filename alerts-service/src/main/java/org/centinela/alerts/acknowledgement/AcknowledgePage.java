package org.centinela.alerts.acknowledgement;

/** What the acknowledge page says: the state of the link and alert, in the link's language (both when unknown). */
public record AcknowledgePage(State state, String language, String reference, String name) {

    public enum State {
        /** A valid, unused link: the form to confirm. */
        CONFIRM(200),
        ACKNOWLEDGED(200),
        /** Someone acknowledged (or resolved) the alert before; the link is spent and nothing changed. */
        ALREADY(200),
        NAME_TOO_LONG(400),
        INVALID(404),
        USED(410),
        EXPIRED(410);

        final int status;

        State(int status) {
            this.status = status;
        }
    }

    static AcknowledgePage invalid() {
        return new AcknowledgePage(State.INVALID, null, null, null);
    }

    public boolean es() {
        return !"en".equals(language);
    }

    public boolean en() {
        return !"es".equals(language);
    }

    public boolean is(String value) {
        return state.name().equals(value);
    }
}
