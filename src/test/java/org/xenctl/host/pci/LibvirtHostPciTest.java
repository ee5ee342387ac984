package org.xenctl.host.pci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.XenctlException;
import org.xenctl.domain.PciAddress;
import org.xenctl.domain.ConnectOptions;
import org.xenctl.libvirt.LibvirtHypervisor;
import org.xenctl.testing.TestDriver;

/**
 * The PCI host commands' remote path on libvirt's node-device API, here on the test driver loaded with a host's
 * PCI devices (src/test/resources/pci/remote-host.xml). The test driver reports no drivers and has no detach or
 * re-attach: binding through libvirt is proven in the Xen lab (PciXenLabIT), over xen+tcp.
 */
class LibvirtHostPciTest {
    private static final String REMOTE = "xen+ssh://root@dom0.example.org/system";

    private LibvirtHypervisor hypervisor;
    private LibvirtHostPci host;

    @BeforeEach
    void aRemoteHost() {
        String uri = "test://" + TestDriver.repositoryFile("src/test/resources/pci/remote-host.xml");
        hypervisor = LibvirtHypervisor.open(uri, ConnectOptions.READ_WRITE);
        host = new LibvirtHostPci(hypervisor, REMOTE);
    }

    @AfterEach
    void close() {
        hypervisor.close();
    }

    @Test
    void every_pci_device_is_listed_with_ids_names_group_and_unknowns_left_null() {
        HostPci.Listing all = host.list(List.of());
        assertThat(all.source()).isEqualTo("libvirt");
        assertThat(all.pcibackLoaded()).isNull();
        assertThat(all.devices()).extracting(d -> d.address().toString())
                .containsExactly("0000:00:04.0", "0000:01:00.0", "0000:03:00.0", "0000:03:00.1");
        HostPciDevice audio = host.list(List.of(at("03:00.1"))).devices().get(0);
        assertThat(audio.ids()).isEqualTo("10de:10f0");
        assertThat(audio.description()).isEqualTo("NVIDIA Corporation GP104 High Definition Audio Controller");
        assertThat(audio.iommuGroup()).isEqualTo(7);
        assertThat(audio.groupPeers()).containsExactly("0000:03:00.0");
        assertThat(audio.resetMethods()).isNull();
        assertThat(audio.dom0Uses()).isNull();
        assertThat(all.devices().get(0).bridge()).isTrue();
        assertThat(audio.state()).isEqualTo(AssignmentState.UNBOUND);
    }

    @Test
    void add_refuses_a_bridge_a_split_group_and_without_force_what_it_cannot_see() {
        assertThat(refusal(() -> host.makeAssignable(at("00:04.0"), forced())))
                .startsWith("0000:00:04.0 is a bridge");
        assertThat(refusal(() -> host.makeAssignable(at("03:00.0"), forced())))
                .isEqualTo("0000:03:00.0 is in IOMMU group 7 with 0000:03:00.1, which is still bound to no driver");
        assertThat(refusal(() -> host.makeAssignable(at("01:00.0"), PciBinder.Options.PLAIN)))
                .isEqualTo("through " + REMOTE + " xenctl cannot see whether dom0 uses 0000:01:00.0 (a mounted "
                        + "disk, an interface that is up)");
        assertThatThrownBy(() -> host.makeAssignable(at("05:00.0"), forced()))
                .extracting(e -> ((XenctlException) e).code()).isEqualTo(ErrorCode.DEVICE_NOT_FOUND);
    }

    @Test
    void add_with_force_asks_libvirt_for_the_xen_stub() {
        // The test driver has no virNodeDeviceDetachFlags: its refusal shows the call was made.
        assertThatThrownBy(() -> host.makeAssignable(at("01:00.0"), forced()))
                .hasMessageStartingWith("libvirt cannot bind 0000:01:00.0 to xen-pciback")
                .extracting(e -> ((XenctlException) e).code()).isEqualTo(ErrorCode.UNSUPPORTED);
    }

    @Test
    void remove_of_a_device_not_on_pciback_changes_nothing() {
        assertThat(host.release(at("01:00.0"), true).changed()).isFalse();
        assertThat(host.assignable().devices()).isEqualTo(List.of());
    }

    @Test
    void what_only_the_dom0_keeps_is_refused_with_the_way_to_do_it_there() {
        XenctlException named = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> host.makeAssignable(at("01:00.0"), new PciBinder.Options("nic", true, false, false)),
                XenctlException.class);
        assertThat(named.code()).isEqualTo(ErrorCode.UNSUPPORTED);
        assertThat(named.hint()).contains("on the dom0 itself");
        assertThatThrownBy(() -> host.byName("nic")).extracting(e -> ((XenctlException) e).code())
                .isEqualTo(ErrorCode.UNSUPPORTED);
    }

    private static PciBinder.Options forced() {
        return new PciBinder.Options(null, true, false, false);
    }

    private static PciAddress at(String bdf) {
        return PciAddress.parseOrNull(bdf);
    }

    private static String refusal(Runnable call) {
        try {
            call.run();
        } catch (XenctlException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.DEVICE_REFUSED);
            return e.getMessage();
        }
        throw new AssertionError("not refused");
    }
}
