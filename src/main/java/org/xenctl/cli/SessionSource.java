package org.xenctl.cli;

import org.xenctl.domain.ConnectOptions;

/** Opens the connection a command runs on; tests and batch supply their own. */
@FunctionalInterface
public interface SessionSource {
    Session open(String explicitUri, ConnectOptions options);

    /** A session will be asked for soon: a source may start preparing for it meanwhile. */
    default void expect() {
    }
}
