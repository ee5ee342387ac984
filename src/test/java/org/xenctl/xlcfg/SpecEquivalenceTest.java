package org.xenctl.xlcfg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The equivalences the man pages state, each spelling parsed to the same record. */
class SpecEquivalenceTest {
    private final List<XlProblem> problems = new ArrayList<>();

    private DiskSpec disk(String spec) {
        DiskSpec parsed = DiskSpecParser.parse(spec, SpecReport.of("disk", false, problems));
        assertThat(problems.stream().filter(XlProblem::isError)).as(spec).isEmpty();
        return withoutDeprecationFlag(parsed);
    }

    private static DiskSpec withoutDeprecationFlag(DiskSpec d) {
        return new DiskSpec(d.target(), d.format(), d.vdev(), d.access(), d.devtype(), d.backend(), d.backendtype(),
                d.script(), d.directIoSafe(), d.discard(), d.trusted(), d.specification(), d.grantUsage(), d.colo(),
                false);
    }

    private PciSpec pci(String spec, boolean compat) {
        PciSpec parsed = PciSpecParser.parse(spec, SpecReport.of("pci", compat, problems));
        assertThat(problems.stream().filter(XlProblem::isError)).as(spec).isEmpty();
        return parsed;
    }

    @Test
    void the_four_spellings_of_one_disk() {
        DiskSpec expected = disk("/dev/vg/guest-volume,,hda");
        assertThat(expected.target()).isEqualTo("/dev/vg/guest-volume");
        assertThat(expected.format()).isEqualTo("raw");
        assertThat(expected.access()).isEqualTo("rw");
        assertThat(disk("/dev/vg/guest-volume,raw,hda,rw")).isEqualTo(expected);
        assertThat(disk("format=raw, vdev=hda, access=rw, target=/dev/vg/guest-volume")).isEqualTo(expected);
        assertThat(disk("raw:/dev/vg/guest-volume,hda,w")).isEqualTo(expected);
    }

    @Test
    void the_five_spellings_of_one_cdrom() {
        DiskSpec expected = disk("/root/image.iso,,hdc,cdrom");
        assertThat(expected.cdrom()).isTrue();
        assertThat(expected.readOnly()).isTrue();
        assertThat(disk("/root/image.iso,,hdc,,cdrom")).isEqualTo(expected);
        assertThat(disk("/root/image.iso,raw,hdc,devtype=cdrom")).isEqualTo(expected);
        assertThat(disk("format=raw, vdev=hdc, access=ro, devtype=cdrom, target=/root/image.iso")).isEqualTo(expected);
        assertThat(disk("raw:/root/image.iso,hdc:cdrom,ro")).isEqualTo(expected);
    }

    @Test
    void an_empty_cdrom_drive_old_and_new() {
        DiskSpec expected = disk(",hdc:cdrom,r");
        assertThat(expected.target()).isNull();
        assertThat(expected.format()).isEqualTo("empty");
        assertThat(disk("vdev=hdc, devtype=cdrom")).isEqualTo(expected);
    }

    @Test
    void target_swallows_commas_and_equals() {
        assertThat(disk("vdev=xvda, target=/srv/a,b=c.img").target()).isEqualTo("/srv/a,b=c.img");
    }

    @Test
    void the_three_spellings_of_one_pci_device() {
        PciSpec expected = pci("36:00.0@20,seize=1", false);
        assertThat(expected.bdf()).isEqualTo(new PciSpec.Bdf(0, 0x36, 0, 0));
        assertThat(expected.vslot()).isEqualTo(0x20);
        assertThat(expected.seize()).isTrue();
        assertThat(pci("36:00.0,vslot=20,seize=1", false)).isEqualTo(expected);
        assertThat(pci("bdf=36:00.0,vslot=20,seize=1", false)).isEqualTo(expected);
        assertThat(pci("0000:36:00.0@20,seize=1", false)).isEqualTo(expected);
    }

    @Test
    void pci_yes_is_refused_by_default_and_zero_in_compat_mode_as_in_xl() {
        PciSpecParser.parse("01:00.0,permissive=yes", SpecReport.of("pci", false, problems));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.isError()).isTrue();
            assertThat(p.message()).contains("permissive takes 0 or 1, not 'yes'");
        });
        problems.clear();
        assertThat(pci("01:00.0,permissive=yes", true).permissive()).isFalse();
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.isError()).isFalse());
    }

    @Test
    void pci_every_function() {
        assertThat(pci("01:00.*", false).bdf().function()).isNull();
        assertThat(pci("01:00.*", false).bdf()).hasToString("0000:01:00.*");
    }

    @Test
    void vif_leading_blanks_are_dropped_and_rate_units_are_xls() {
        NetSpec spec = NetSpecParser.parse("bridge=br0, mac=00:16:3e:00:00:01,  rate=10Mb/s@20ms",
                SpecReport.of("vif", false, problems));
        assertThat(problems).isEmpty();
        assertThat(spec.bridge()).isEqualTo("br0");
        assertThat(spec.mac()).isEqualTo("00:16:3e:00:00:01");
        assertThat(spec.rate().bytesPerSecond()).isEqualTo(1_250_000);
        assertThat(spec.rate().intervalMicros()).isEqualTo(20_000);
        assertThat(NetSpecParser.rate("1GB/s").bytesPerSecond()).isEqualTo(1_000_000_000L);
        assertThat(NetSpecParser.rate("8Kb/s@1s").bytesPerSecond()).isEqualTo(1_000);
        assertThat(NetSpecParser.rate("8Kb/s@1s").intervalMicros()).isEqualTo(1_000_000);
        assertThat(NetSpecParser.rate("100/s").intervalMicros()).isEqualTo(50_000);
    }

    @Test
    void an_empty_vif_spec_takes_every_default() {
        NetSpec spec = NetSpecParser.parse("", SpecReport.of("vif", false, problems));
        assertThat(problems).isEmpty();
        assertThat(spec.bridge()).isNull();
        assertThat(spec.mac()).isNull();
    }
}
