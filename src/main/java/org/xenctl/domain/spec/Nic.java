package org.xenctl.domain.spec;

import java.util.List;

/**
 * A network interface the guest is given (xl-network-configuration(5)); null fields were not given and take xl's
 * defaults (bridge xenbr0, script vif-bridge, a random 00:16:3e MAC, vifDOMID.DEVID).
 *
 * @param ip the addresses, split at blanks as xl does
 */
public record Nic(String mac, String bridge, String model, String vifname, String script, List<String> ip,
                  String backend, Integer mtu, Rate rate) {

    public Nic {
        ip = List.copyOf(ip);
    }

    /**
     * {@code rate=RATE/s[@INTERVAL]}: the credit xl gives per interval.
     *
     * @param written the value as xl.cfg writes it
     */
    public record Rate(long bytesPerSecond, long intervalMicros, String written) {
    }
}
