package org.xenctl.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xenctl.domain.Hypervisor.DeviceScope;
import org.xenctl.libvirt.LibvirtHypervisor;
import org.xenctl.testing.TestDriver;

/**
 * What attach and detach decide before the hypervisor is asked, on the test driver's running, persistent domain
 * "test": which definitions lack the device, that nothing is asked when it is already so, and that the live checks
 * run only when the running domain is to change. The device here records the calls it would make (the test driver has
 * no hot-plug); the PCI kind's real calls are proven through the command line and in the Xen lab.
 */
class DevicesTest {
    private LibvirtHypervisor hypervisor;
    private Devices devices;
    private DomainDetails test;

    @BeforeEach
    void theTestHost() {
        hypervisor = TestDriver.keep();
        devices = new Devices(hypervisor);
        test = hypervisor.details(hypervisor.lookup(DomainRef.of("test")));
    }

    @AfterEach
    void close() {
        hypervisor.close();
    }

    @Test
    void the_default_scope_is_the_running_domain_and_the_definition_of_a_persistent_one() {
        assertThat(devices.scope(test, false, false)).isEqualTo(new DeviceScope(true, true));
        assertThat(devices.scope(test, true, false)).isEqualTo(new DeviceScope(true, false));
        assertThat(devices.scope(test, false, true)).isEqualTo(new DeviceScope(false, true));
        DomainDetails transientOff = new DomainDetails(new DomainSummary(-1, "t", "u", DomainState.SHUTOFF, "", 0, 0,
                1, 0), "xen", false, false, List.of(), List.of(), List.of());
        assertThat(devices.scope(transientOff, false, false)).isEqualTo(new DeviceScope(false, false));
        assertThatThrownBy(() -> devices.scope(transientOff, true, false)).hasMessageContaining("is not running");
        assertThatThrownBy(() -> devices.scope(transientOff, false, true)).hasMessageContaining("is transient");
    }

    @Test
    void attach_goes_only_where_the_device_is_missing_and_checks_the_running_domain_only_if_it_changes() {
        // "test" has one disk, vda, live and in its definition.
        Recording vda = new Recording(d -> d.disks().stream().anyMatch(disk -> disk.target().equals("vda")));
        Recording vdb = new Recording(d -> false);
        List<DomainDevices> checked = new ArrayList<>();

        DeviceScope none = devices.attach(test, new DeviceScope(true, true), vda, checked::add);
        DeviceScope both = devices.attach(test, new DeviceScope(true, true), vdb, checked::add);
        DeviceScope config = devices.attach(test, new DeviceScope(false, true), vdb, checked::add);

        assertThat(none).isEqualTo(new DeviceScope(false, false));
        assertThat(vda.calls).isEmpty();
        assertThat(both).isEqualTo(new DeviceScope(true, true));
        assertThat(config).isEqualTo(new DeviceScope(false, true));
        assertThat(vdb.calls).containsExactly("attach live+config", "attach config");
        assertThat(checked).hasSize(1);
        assertThat(checked.get(0).disks()).extracting(DomainDetails.DiskDevice::target).contains("vda");
    }

    @Test
    void a_live_check_that_refuses_stops_the_attach_before_anything_is_asked() {
        Recording vdb = new Recording(d -> false);

        assertThatThrownBy(() -> devices.attach(test, new DeviceScope(true, true), vdb, live -> {
            throw new XenctlException(ErrorCode.DEVICE_REFUSED, "refused");
        })).hasMessage("refused");
        assertThat(vdb.calls).isEmpty();
    }

    @Test
    void detach_goes_only_where_the_device_is_and_a_gone_device_asks_nothing() {
        Recording vda = new Recording(d -> d.disks().stream().anyMatch(disk -> disk.target().equals("vda")));
        Recording vdb = new Recording(d -> false);

        assertThat(devices.detach(test, new DeviceScope(true, false), vda)).isEqualTo(new DeviceScope(true, false));
        assertThat(devices.detach(test, new DeviceScope(true, true), vdb)).isEqualTo(new DeviceScope(false, false));
        assertThat(vda.calls).containsExactly("detach live");
        assertThat(vdb.calls).isEmpty();
    }

    /** A device found by a predicate over the domain's real devices, recording what it would ask the hypervisor. */
    private static final class Recording implements Device {
        private final Predicate<DomainDevices> present;
        private final List<String> calls = new ArrayList<>();

        Recording(Predicate<DomainDevices> present) {
            this.present = present;
        }

        @Override
        public String label() {
            return "recording";
        }

        @Override
        public boolean isIn(DomainDevices devices) {
            return present.test(devices);
        }

        @Override
        public void attach(Hypervisor hypervisor, String uuid, DeviceScope scope) {
            calls.add("attach " + where(scope));
        }

        @Override
        public void detach(Hypervisor hypervisor, String uuid, DeviceScope scope) {
            calls.add("detach " + where(scope));
        }

        private static String where(DeviceScope scope) {
            return scope.live() && scope.config() ? "live+config" : scope.live() ? "live" : "config";
        }
    }
}
