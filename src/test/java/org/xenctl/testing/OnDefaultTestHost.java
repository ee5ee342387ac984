package org.xenctl.testing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.xenctl.libvirt.LibvirtHypervisor;

/**
 * Base of tests that run several commands on test:///default: a connection held open for each test keeps the
 * host's state from one command to the next, and closing it gives the next test a fresh host.
 */
public abstract class OnDefaultTestHost {
    private LibvirtHypervisor keeper;

    @BeforeEach
    void holdTheTestHost() {
        keeper = TestDriver.keep();
    }

    @AfterEach
    void releaseIt() {
        keeper.close();
    }

    /** Runs xenctl with {@code -c test:///default} and the given arguments. */
    protected static Cli.Result xenctl(String... args) {
        String[] full = new String[args.length + 2];
        full[0] = "-c";
        full[1] = TestDriver.DEFAULT;
        System.arraycopy(args, 0, full, 2, args.length);
        return Cli.run(full);
    }
}
