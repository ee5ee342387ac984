package org.xenctl.host.pci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenctl.domain.PciAddress;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.XenctlException;
import org.xenctl.host.pci.PciBinder.Outcome;
import org.xenctl.testing.FakeKernel;
import org.xenctl.testing.SysfsTree;

/** Every write the binder makes, and what it refuses, on sysfs-shaped trees with a simulated kernel. */
class PciBinderTest {
    @TempDir
    Path dir;

    private FakeKernel kernel;

    private PciBinder binder(SysfsTree tree) {
        kernel = kernel == null ? new FakeKernel(tree.root()) : kernel;
        return new PciBinder(tree.root(), PciInventory.of(tree.root(), PciIds.none()),
                new AssignableRecords(tree.root()), kernel);
    }

    private static PciAddress at(String bdf) {
        return PciAddress.parseOrNull(bdf);
    }

    private SysfsTree spareNic() {
        SysfsTree tree = new SysfsTree(dir).pciback();
        tree.device("0000:01:00.0", 0x8086, 0x10d3, 0x020000).driver("e1000e").resetMethods("flr")
                .file("driver_override", "(null)");
        return tree;
    }

    @Test
    void make_assignable_records_the_driver_first_then_overrides_unbinds_and_binds_to_pciback() {
        SysfsTree tree = spareNic();

        List<Outcome> outcomes = binder(tree).makeAssignable(at("01:00.0"), new PciBinder.Options("nic0", false, false, false));

        assertThat(outcomes).containsExactly(new Outcome(at("01:00.0"), true, "e1000e", "pciback"));
        assertThat(kernel.writes()).containsExactly(
                "devices/0000:01:00.0/driver_override <- pciback",
                "drivers/e1000e/unbind <- 0000:01:00.0",
                "drivers/pciback/bind <- 0000:01:00.0");
        assertThat(new AssignableRecords(dir).find(at("01:00.0")))
                .contains(new AssignableRecords.Assignable(at("01:00.0"), "e1000e", "nic0", false, false));
    }

    @Test
    void make_assignable_twice_changes_nothing_the_second_time() {
        SysfsTree tree = spareNic();
        binder(tree).makeAssignable(at("01:00.0"), PciBinder.Options.PLAIN);
        kernel.writes().clear();

        List<Outcome> again = binder(tree).makeAssignable(at("01:00.0"), PciBinder.Options.PLAIN);

        assertThat(again.get(0).changed()).isFalse();
        assertThat(kernel.writes()).isEmpty();
        assertThat(new AssignableRecords(dir).find(at("01:00.0")).orElseThrow().driver()).isEqualTo("e1000e");
    }

    @Test
    void remove_with_rebind_gives_it_back_to_the_recorded_driver_and_forgets_it() {
        SysfsTree tree = spareNic();
        binder(tree).makeAssignable(at("01:00.0"), PciBinder.Options.PLAIN);
        kernel.writes().clear();

        Outcome back = binder(tree).release(at("01:00.0"), true);

        assertThat(back).isEqualTo(new Outcome(at("01:00.0"), true, "pciback", "e1000e"));
        assertThat(kernel.writes()).containsExactly(
                "drivers/pciback/unbind <- 0000:01:00.0",
                "devices/0000:01:00.0/driver_override <- \\n",
                "drivers/e1000e/bind <- 0000:01:00.0");
        assertThat(new AssignableRecords(dir).all()).isEmpty();
    }

    @Test
    void remove_without_rebind_leaves_it_unbound_and_keeps_the_record_for_a_later_r() {
        SysfsTree tree = spareNic();
        binder(tree).makeAssignable(at("01:00.0"), PciBinder.Options.PLAIN);

        Outcome released = binder(tree).release(at("01:00.0"), false);

        assertThat(released.driverAfter()).isNull();
        assertThat(new AssignableRecords(dir).find(at("01:00.0"))).isPresent();
        assertThat(binder(tree).release(at("01:00.0"), true).driverAfter()).isEqualTo("e1000e");
        assertThat(binder(tree).release(at("01:00.0"), true).changed()).isFalse();
    }

    /** What libvirt's nodedev-detach (the remote path) leaves: driver_override and a pciback slot, no record. */
    @Test
    void remove_r_of_a_device_another_tool_made_assignable_clears_its_slot_and_lets_the_kernel_choose()
            throws Exception {
        SysfsTree tree = new SysfsTree(dir).pciback();
        tree.device("0000:01:00.0", 0x8086, 0x10d3, 0x020000).driver("pciback").resetMethods("flr")
                .file("driver_override", "pciback");
        Files.writeString(dir.resolve("sys/bus/pci/drivers/pciback/slots"), "0000:01:00.0\n");
        binder(tree);
        kernel.probeBinds("0000:01:00.0", "e1000e");

        Outcome back = binder(tree).release(at("01:00.0"), true);

        assertThat(back).isEqualTo(new Outcome(at("01:00.0"), true, "pciback", "e1000e"));
        assertThat(kernel.writes()).containsExactly(
                "drivers/pciback/unbind <- 0000:01:00.0",
                "devices/0000:01:00.0/driver_override <- \\n",
                "drivers/pciback/remove_slot <- 0000:01:00.0",
                "drivers_probe <- 0000:01:00.0");
    }

    @Test
    void a_device_dom0_uses_is_refused_untouched_unless_forced() {
        SysfsTree tree = new SysfsTree(dir).pciback().defaultRoute("eno1");
        tree.device("0000:00:19.0", 0x8086, 0x15b8, 0x020000).driver("e1000e").resetMethods("flr")
                .net("eno1", true).file("driver_override", "(null)");

        assertThatThrownBy(() -> binder(tree).makeAssignable(at("00:19.0"), PciBinder.Options.PLAIN))
                .isInstanceOfSatisfying(XenctlException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.DEVICE_REFUSED);
                    assertThat(e.getMessage()).isEqualTo("0000:00:19.0 is not made assignable: dom0 uses it: "
                            + "network interface eno1 carries the default route");
                });
        assertThat(kernel.writes()).isEmpty();
        assertThat(new AssignableRecords(dir).all()).isEmpty();

        assertThat(binder(tree).makeAssignable(at("00:19.0"), new PciBinder.Options(null, true, false, false)).get(0).driverAfter())
                .isEqualTo("pciback");
    }

    @Test
    void a_partial_iommu_group_is_refused_and_with_group_binds_every_endpoint_but_the_bridge() {
        SysfsTree tree = new SysfsTree(dir).pciback();
        tree.device("0000:00:01.0", 0x8086, 0x1901, 0x060400).driver("pcieport").group(1);
        tree.device("0000:01:00.0", 0x10de, 0x1b80, 0x030000).driver("nouveau").group(1).resetMethods("bus");
        tree.device("0000:01:00.1", 0x10de, 0x10f0, 0x040300).driver("snd_hda_intel").group(1).resetMethods("bus");

        assertThatThrownBy(() -> binder(tree).makeAssignable(at("01:00.0"), PciBinder.Options.PLAIN))
                .isInstanceOfSatisfying(XenctlException.class,
                        e -> assertThat(e.hint()).isEqualTo("add --with-group to make the whole IOMMU group assignable"));

        List<Outcome> outcomes = binder(tree).makeAssignable(at("01:00.0"), new PciBinder.Options(null, false, true, false));

        assertThat(outcomes).extracting(o -> o.address().toString() + " " + o.driverBefore() + "->" + o.driverAfter())
                .containsExactly("0000:01:00.0 nouveau->pciback", "0000:01:00.1 snd_hda_intel->pciback");
        assertThat(new AssignableRecords(dir).all()).hasSize(2);
    }

    @Test
    void a_bridge_is_refused_even_forced_and_a_missing_pciback_is_an_error() {
        SysfsTree tree = new SysfsTree(dir).pciback();
        tree.device("0000:00:1c.0", 0x8086, 0xa110, 0x060400).driver("pcieport");
        assertThatThrownBy(() -> binder(tree).makeAssignable(at("00:1c.0"), new PciBinder.Options(null, true, false, false)))
                .hasMessageContaining("is a bridge");

        Path bare = dir.resolve("bare");
        SysfsTree noPciback = new SysfsTree(bare);
        noPciback.device("0000:01:00.0", 0x8086, 0x10d3, 0x020000).driver("e1000e").resetMethods("flr");
        kernel = new FakeKernel(bare);
        assertThatThrownBy(() -> binder(noPciback).makeAssignable(at("01:00.0"), PciBinder.Options.PLAIN))
                .isInstanceOfSatisfying(XenctlException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.NO_PCIBACK));
    }

    @Test
    void a_kernel_without_driver_override_gets_pcibacks_new_slot_once() throws Exception {
        SysfsTree tree = new SysfsTree(dir).pciback();
        tree.device("0000:01:00.0", 0x8086, 0x10d3, 0x020000).driver("e1000e").resetMethods("flr");

        binder(tree).makeAssignable(at("01:00.0"), PciBinder.Options.PLAIN);

        assertThat(kernel.writes()).containsExactly(
                "drivers/e1000e/unbind <- 0000:01:00.0",
                "drivers/pciback/new_slot <- 0000:01:00.0",
                "drivers/pciback/bind <- 0000:01:00.0");
        kernel.writes().clear();
        binder(tree).release(at("01:00.0"), true);
        assertThat(kernel.writes()).containsExactly(
                "drivers/pciback/unbind <- 0000:01:00.0",
                "drivers/pciback/remove_slot <- 0000:01:00.0",
                "drivers/e1000e/bind <- 0000:01:00.0");
        assertThat(Files.readString(dir.resolve("sys/bus/pci/drivers/pciback/slots"))).isEmpty();
    }

    @Test
    void when_the_kernel_does_not_bind_it_the_device_goes_back_and_nothing_is_recorded() {
        SysfsTree tree = spareNic();
        kernel = new FakeKernel(dir).refuseBindsTo("pciback");

        assertThatThrownBy(() -> binder(tree).makeAssignable(at("01:00.0"), PciBinder.Options.PLAIN))
                .hasMessage("the kernel did not bind 0000:01:00.0 to pciback; undone: 0000:01:00.0 is on e1000e as before");
        assertThat(kernel.writes()).endsWith("devices/0000:01:00.0/driver_override <- \\n",
                "drivers/e1000e/bind <- 0000:01:00.0");
        assertThat(new AssignableRecords(dir).all()).isEmpty();
    }

    @Test
    void a_persistent_device_is_bound_again_by_restore_after_a_reboot_gave_it_back_to_its_driver() throws Exception {
        SysfsTree tree = spareNic();
        binder(tree).makeAssignable(at("01:00.0"), new PciBinder.Options("nic0", false, false, true));
        kernel.rebootGivesBack("0000:01:00.0", "e1000e");
        kernel.writes().clear();

        List<PciBinder.Restored> restored = binder(tree).restore();

        assertThat(restored).extracting(PciBinder.Restored::action).containsExactly(PciBinder.RestoreAction.BOUND);
        assertThat(kernel.writes()).containsExactly(
                "devices/0000:01:00.0/driver_override <- pciback",
                "drivers/e1000e/unbind <- 0000:01:00.0",
                "drivers/pciback/bind <- 0000:01:00.0");
        assertThat(new AssignableRecords(dir).find(at("01:00.0")))
                .contains(new AssignableRecords.Assignable(at("01:00.0"), "e1000e", "nic0", true, false));

        kernel.writes().clear();
        assertThat(binder(tree).restore()).extracting(PciBinder.Restored::action)
                .containsExactly(PciBinder.RestoreAction.UNCHANGED);
        assertThat(kernel.writes()).isEmpty();
    }

    @Test
    void restore_forgets_a_device_that_was_not_persistent_and_is_back_on_its_driver() throws Exception {
        SysfsTree tree = spareNic();
        binder(tree).makeAssignable(at("01:00.0"), PciBinder.Options.PLAIN);
        kernel.rebootGivesBack("0000:01:00.0", "e1000e");
        kernel.writes().clear();

        assertThat(binder(tree).restore()).extracting(PciBinder.Restored::action)
                .containsExactly(PciBinder.RestoreAction.FORGOTTEN);
        assertThat(kernel.writes()).isEmpty();
        assertThat(new AssignableRecords(dir).all()).isEmpty();
    }

    @Test
    void an_add_interrupted_between_unbind_and_bind_is_completed_by_restore_with_the_driver_it_had() throws Exception {
        SysfsTree tree = spareNic();
        // What a crash after the unbind leaves: the record, and a device on no driver.
        new AssignableRecords(dir).save(new AssignableRecords.Assignable(at("01:00.0"), "e1000e", null, false, false));
        Files.delete(dir.resolve("sys/bus/pci/devices/0000:01:00.0/driver"));

        assertThat(binder(tree).restore()).extracting(PciBinder.Restored::action)
                .containsExactly(PciBinder.RestoreAction.REPAIRED);
        assertThat(kernel.writes()).containsExactly(
                "devices/0000:01:00.0/driver_override <- pciback",
                "drivers/pciback/bind <- 0000:01:00.0");
        assertThat(new AssignableRecords(dir).find(at("01:00.0")).orElseThrow().driver()).isEqualTo("e1000e");
        assertThat(binder(tree).release(at("01:00.0"), true).driverAfter()).isEqualTo("e1000e");
    }

    @Test
    void restore_keeps_the_record_of_a_device_refused_now_or_gone_and_says_why() throws Exception {
        SysfsTree tree = new SysfsTree(dir).pciback().defaultRoute("eno1");
        tree.device("0000:00:19.0", 0x8086, 0x15b8, 0x020000).driver("e1000e").resetMethods("flr")
                .net("eno1", true).file("driver_override", "(null)");
        AssignableRecords records = new AssignableRecords(dir);
        records.save(new AssignableRecords.Assignable(at("00:19.0"), "e1000e", null, true, false));
        records.save(new AssignableRecords.Assignable(at("05:00.0"), "igb", null, true, false));

        List<PciBinder.Restored> restored = binder(tree).restore();

        assertThat(restored).extracting(r -> r.address() + " " + r.action()).containsExactly(
                "0000:00:19.0 REFUSED", "0000:05:00.0 NOT_FOUND");
        assertThat(restored.get(0).detail()).contains("network interface eno1 carries the default route");
        assertThat(kernel == null ? List.of() : kernel.writes()).isEmpty();
        assertThat(records.all()).hasSize(2);
    }

    @Test
    void a_forced_persistent_device_is_restored_forced_and_remove_without_r_ends_its_persistence() throws Exception {
        SysfsTree tree = new SysfsTree(dir).pciback().defaultRoute("eno1");
        tree.device("0000:00:19.0", 0x8086, 0x15b8, 0x020000).driver("e1000e").resetMethods("flr")
                .net("eno1", true).file("driver_override", "(null)");
        binder(tree).makeAssignable(at("00:19.0"), new PciBinder.Options(null, true, false, true));
        kernel.rebootGivesBack("0000:00:19.0", "e1000e");

        assertThat(binder(tree).restore()).extracting(PciBinder.Restored::action)
                .containsExactly(PciBinder.RestoreAction.BOUND);

        binder(tree).release(at("00:19.0"), false);
        assertThat(new AssignableRecords(dir).find(at("00:19.0")).orElseThrow().persistent()).isFalse();
    }

    @Test
    void adding_again_with_persistent_or_a_name_updates_the_record_without_touching_the_device() {
        SysfsTree tree = spareNic();
        binder(tree).makeAssignable(at("01:00.0"), PciBinder.Options.PLAIN);
        kernel.writes().clear();

        binder(tree).makeAssignable(at("01:00.0"), new PciBinder.Options("nic0", false, false, true));

        assertThat(kernel.writes()).isEmpty();
        assertThat(new AssignableRecords(dir).find(at("01:00.0")))
                .contains(new AssignableRecords.Assignable(at("01:00.0"), "e1000e", "nic0", true, false));
    }
}
