package org.xenctl.cli;

import org.xenctl.domain.ConnectOptions;

/** Opens the connection a command runs on; tests and batch supply their own. */
@FunctionalInterface
public interface SessionSource {
    Session open(String explicitUri, ConnectOptions options);

    /**
     * The URI a session would reach for {@code explicitUri} (-c, or null for the defaults chain), without
     * connecting; null when none is configured. Tests' sources reach what they are given.
     */
    default String uriFor(String explicitUri) {
        return explicitUri;
    }

    /** A session will be asked for soon: a source may start preparing for it meanwhile. */
    default void expect() {
    }
}
