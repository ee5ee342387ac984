package org.xenctl.host.pci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.PciAddress;
import org.xenctl.domain.XenctlException;
import org.xenctl.testing.FakeKernel;
import org.xenctl.testing.SysfsTree;

/** The dom0 side of the PCI host port: what it lists and refuses around the binder, with libvirt up or down. */
class SysfsHostPciTest {
    private static final PciAddress NIC = PciAddress.parseOrNull("0000:01:00.0");
    private static final PciHolders LIBVIRTD_DOWN = () -> {
        throw new XenctlException(ErrorCode.CONNECT_FAILED, "cannot connect to xen:///system");
    };

    @TempDir
    Path dir;

    private FakeKernel kernel;

    private SysfsHostPci host(PciHolders holders) {
        SysfsTree tree = new SysfsTree(dir).pciback();
        tree.device("0000:01:00.0", 0x8086, 0x10d3, 0x020000).driver("e1000e").resetMethods("flr")
                .file("driver_override", "(null)");
        kernel = new FakeKernel(dir);
        return new SysfsHostPci(dir, kernel, holders);
    }

    @Test
    void a_listing_needs_no_libvirtd_and_says_why_the_holders_are_unknown() {
        HostPci.Listing listing = host(LIBVIRTD_DOWN).list(List.of());

        assertThat(listing.source()).isEqualTo("sysfs");
        assertThat(listing.pcibackLoaded()).isTrue();
        assertThat(listing.domainsNotRead()).isEqualTo("cannot connect to xen:///system");
        assertThat(listing.devices()).extracting(HostPciDevice::address).containsExactly(NIC);
        assertThat(listing.devices().get(0).state()).isEqualTo(AssignmentState.HOST);
    }

    @Test
    void add_then_the_device_is_listed_assignable_with_its_name_and_the_driver_to_restore() {
        SysfsHostPci host = host(Map::of);

        List<HostPci.Change> changes = host.makeAssignable(NIC, new PciBinder.Options("nic0", false, false, true));

        assertThat(changes).containsExactly(new HostPci.Change(NIC, true, "e1000e", "pciback", "nic0", true,
                "0000:01:00.0 is assignable (taken from e1000e)"));
        HostPciDevice listed = host.assignable().devices().get(0);
        assertThat(listed.state()).isEqualTo(AssignmentState.ASSIGNABLE);
        assertThat(listed.name()).isEqualTo("nic0");
        assertThat(listed.driverToRestore()).isEqualTo("e1000e");
        assertThat(host.byName("nic0")).isEqualTo(NIC);
    }

    @Test
    void a_name_that_looks_like_an_address_is_refused_before_any_write() {
        XenctlException refused = catchThrowableOfType(() -> host(Map::of).makeAssignable(NIC,
                new PciBinder.Options("01:00.0", false, false, false)), XenctlException.class);

        assertThat(refused.code()).isEqualTo(ErrorCode.USAGE);
        assertThat(kernel.writes()).isEmpty();
    }

    @Test
    void remove_is_refused_while_a_domain_holds_the_device_and_when_that_cannot_be_known() {
        SysfsHostPci held = host(() -> Map.of(NIC, "web"));
        held.makeAssignable(NIC, PciBinder.Options.PLAIN);
        int writes = kernel.writes().size();

        XenctlException refused = catchThrowableOfType(() -> held.release(NIC, true), XenctlException.class);
        XenctlException unknown = catchThrowableOfType(() -> new SysfsHostPci(dir, kernel, LIBVIRTD_DOWN)
                .release(NIC, true), XenctlException.class);

        assertThat(refused.code()).isEqualTo(ErrorCode.DEVICE_REFUSED);
        assertThat(refused.getMessage()).isEqualTo("0000:01:00.0 is assigned to domain web");
        assertThat(unknown.code()).isEqualTo(ErrorCode.CONNECT_FAILED);
        assertThat(kernel.writes()).hasSize(writes);
    }
}
