package org.xenctl.cli;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.XenctlException;
import org.xenctl.host.Dom0Files;
import org.xenctl.libvirt.LibvirtHypervisor;
import org.xenctl.testing.TestDriver;

/**
 * Where the bridge of a dom0-served vif is looked for: dom0's sysfs when xenctl runs there, else libvirt's interface
 * driver (here the test driver's, which has one ethernet interface, eth1). On Xen the same is shown by
 * DevicesXenLabIT from the host.
 */
class DevicePreflightsTest {
    private LibvirtHypervisor host;

    @BeforeEach
    void aTestHost() {
        host = TestDriver.keep();
    }

    @AfterEach
    void closeIt() {
        host.close();
    }

    @Test
    void elsewhere_libvirts_interface_driver_tells_a_missing_bridge_and_an_interface_that_is_no_bridge() {
        assertThatThrownBy(() -> DevicePreflights.bridgeExists(host, null, "xenbr9"))
                .isInstanceOf(XenctlException.class)
                .hasMessageStartingWith("there is no bridge xenbr9 in the dom0 of ")
                .extracting(e -> ((XenctlException) e).code()).isEqualTo(ErrorCode.DEVICE_REFUSED);
        assertThatThrownBy(() -> DevicePreflights.bridgeExists(host, null, "eth1"))
                .hasMessageEndingWith(" is not a bridge but an ethernet interface");
    }

    @Test
    void on_this_dom0_its_sysfs_is_read_and_libvirt_is_not_asked(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("sys/class/net/xenbr0/bridge"));
        Dom0Files dom0 = new Dom0Files(root);

        assertThatCode(() -> DevicePreflights.bridgeExists(host, dom0, "xenbr0")).doesNotThrowAnyException();
        assertThatThrownBy(() -> DevicePreflights.bridgeExists(host, dom0, "eth1"))
                .hasMessage("there is no bridge eth1 in dom0");
    }
}
