package org.xenctl.libvirt;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.xenctl.domain.ConnectOptions;
import org.xenctl.domain.DomainSummary;
import org.xenctl.domain.XenctlException;

/**
 * Run by {@link FrozenDaemonCallsTest} in a JVM of its own, where no thread runs libvirt's event loop yet (the test
 * JVM's other tests start one): opens a connection that does not wait (URI, keepalive interval and count as
 * arguments), lists, says "listed", waits for a line on stdin (the test freezes the daemon meanwhile), lists again
 * and prints how that ended: "answered" or the error code.
 */
public final class FrozenCallProbe {
    private FrozenCallProbe() {
    }

    public static void main(String[] args) throws Exception {
        KeepAlive keepAlive = new KeepAlive(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        LibvirtHypervisor hypervisor = LibvirtHypervisor.open(args[0], ConnectOptions.READ_ONLY,
                Duration.ofSeconds(10), keepAlive);
        hypervisor.list(true, DomainSummary.Detail.STATE);
        System.out.println("listed");
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        String outcome;
        try {
            hypervisor.list(true, DomainSummary.Detail.STATE);
            outcome = "answered";
        } catch (XenctlException e) {
            outcome = e.code().name();
        }
        System.out.println(outcome);
        System.out.flush();
        Runtime.getRuntime().halt(0);  // the connection is gone: nothing to close cleanly
    }
}
