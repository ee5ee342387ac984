package org.xenctl.render.view;

import java.util.List;

import org.xenctl.render.View;

/**
 * A verb's answer over several hosts: each host's result, or why it has none; whether each answered decides the
 * exit status (all, some, none).
 */
public interface FleetView extends View {

    /**
     * One host's answer.
     *
     * @param uri    the URI it was reached by
     * @param result what it answered, or null when it did not
     * @param error  why it did not answer, or null
     */
    record Host<T>(String uri, T result, ErrorView.Body error) {
        public boolean answered() {
            return error == null;
        }
    }

    /** Every host, in the order named. */
    List<? extends Host<?>> hosts();

    /** Some hosts answered and some did not: the answer is partial. */
    default boolean partial() {
        return hosts().stream().anyMatch(Host::answered) && hosts().stream().anyMatch(host -> !host.answered());
    }

    default boolean noneAnswered() {
        return hosts().stream().noneMatch(Host::answered);
    }
}
