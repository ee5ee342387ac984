package org.xenctl.xlcfg;

import java.util.List;
import java.util.Map;

/**
 * One NET_SPEC_STRING after parsing (xl-network-configuration(5)); null fields were not given and take xl's
 * defaults (bridge xenbr0, script vif-bridge, a random 00:16:3e MAC, vifDOMID.DEVID).
 *
 * @param ip the addresses, split at blanks as xl does
 * @param vlan as written (e.g. "10p/20"), checked against xl's grammar
 * @param unknown keys xl would only warn about (kept in compat mode)
 */
public record NetSpec(String mac, String bridge, String gatewaydev, String type, String model, String vifname,
                      String script, List<String> ip, String backend, String forwarddev, Integer devid, Integer mtu,
                      Rate rate, String vlan, Boolean trusted, Map<String, String> colo, List<String> unknown) {

    public NetSpec {
        ip = List.copyOf(ip);
        colo = Map.copyOf(colo);
        unknown = List.copyOf(unknown);
    }

    /**
     * {@code rate=RATE/s[@INTERVAL]}: the credit xl gives per interval.
     *
     * @param written the value as written
     */
    public record Rate(long bytesPerSecond, long intervalMicros, String written) {
    }
}
