package org.xenctl.host.pci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.PciAddress;
import org.xenctl.domain.XenctlException;
import org.xenctl.testing.FakeKernel;
import org.xenctl.testing.SysfsTree;

/**
 * A sysfs write that fails at each step of making a device assignable: the add fails with the reason, and the
 * device ends on the driver it had (never on none), its override cleared and no slot left for pciback, and the
 * record as it was (none); what pci-restore then finds is nothing to repair.
 */
class SysfsWriteFaultsTest {
    private static final PciAddress NIC = PciAddress.parseOrNull("0000:01:00.0");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"devices/0000:01:00.0/driver_override", "drivers/e1000e/unbind",
            "drivers/pciback/bind"})
    void a_failed_write_is_undone_and_the_device_is_left_on_its_driver(String failingWrite) throws Exception {
        SysfsTree tree = new SysfsTree(dir).pciback();
        tree.device("0000:01:00.0", 0x8086, 0x10d3, 0x020000).driver("e1000e").group(3).resetMethods("flr")
                .file("driver_override", "(null)");
        FakeKernel kernel = new FakeKernel(dir).failWritesTo(failingWrite);
        SysfsHostPci host = new SysfsHostPci(dir, kernel, java.util.Map::of);

        XenctlException failed = catchThrowableOfType(() -> host.makeAssignable(NIC,
                new PciBinder.Options("nic0", false, false, true)), XenctlException.class);

        assertThat(failed.code()).isEqualTo(ErrorCode.OPERATION_FAILED);
        assertThat(failed.getMessage()).contains("Input/output error").contains("undone: 0000:01:00.0 is on e1000e");
        Path device = dir.resolve("sys/bus/pci/devices/0000:01:00.0");
        assertThat(Files.readSymbolicLink(device.resolve("driver")).getFileName().toString()).isEqualTo("e1000e");
        assertThat(Files.readString(device.resolve("driver_override")).strip()).isEqualTo("(null)");
        assertThat(new AssignableRecords(dir).all()).isEmpty();
        assertThat(host.restore()).isEqualTo(List.of());
    }

    @org.junit.jupiter.api.Test
    void a_remove_killed_half_way_is_finished_by_restore_and_an_add_killed_half_way_is_completed() throws Exception {
        SysfsTree tree = new SysfsTree(dir).pciback();
        tree.device("0000:01:00.0", 0x8086, 0x10d3, 0x020000).driver("e1000e").group(3).resetMethods("flr")
                .file("driver_override", "(null)");
        FakeKernel kernel = new FakeKernel(dir);
        SysfsHostPci host = new SysfsHostPci(dir, kernel, java.util.Map::of);
        Path device = dir.resolve("sys/bus/pci/devices/0000:01:00.0");

        // Taken from pciback, killed before e1000e has it back: no driver at all.
        host.makeAssignable(NIC, PciBinder.Options.PLAIN);
        kernel.killAt("drivers/e1000e/bind");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> host.release(NIC, true))
                .isInstanceOf(FakeKernel.Killed.class);
        assertThat(Files.exists(device.resolve("driver"))).isFalse();
        List<PciBinder.Restored> afterRemove = host.restore();
        assertThat(afterRemove).extracting(PciBinder.Restored::action).containsExactly(
                PciBinder.RestoreAction.REPAIRED);
        assertThat(Files.readSymbolicLink(device.resolve("driver")).getFileName().toString()).isEqualTo("e1000e");
        assertThat(new AssignableRecords(dir).all()).isEmpty();

        // Unbound from e1000e, killed before pciback has it: the add is what pci-restore completes.
        kernel.killAt("drivers/pciback/bind");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> host.makeAssignable(NIC, PciBinder.Options.PLAIN))
                .isInstanceOf(FakeKernel.Killed.class);
        assertThat(host.restore()).extracting(PciBinder.Restored::action).containsExactly(
                PciBinder.RestoreAction.REPAIRED);
        assertThat(Files.readSymbolicLink(device.resolve("driver")).getFileName().toString()).isEqualTo("pciback");
    }
}
