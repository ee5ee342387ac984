package org.xenctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.xenctl.domain.spec.XlConfigWriter;
import org.xenctl.libvirt.SpecXmlReader;
import org.xenctl.testing.Cli;
import org.xenctl.testing.Cli.Result;

/**
 * The golden files the other way (libvirt's xlconfigtest runs both ways too): each golden {@code NAME.xml} is
 * exported to xl.cfg as `config export` does it, converted back by `config convert`, and must come back as the same
 * XML, except for what xl.cfg cannot say, listed for the case in {@code NAME.roundtrip}: first the notes the export
 * writes at the top of its file, then each golden line lost ({@code -}) or changed into another ({@code +}). No such
 * file: the XML comes back exactly.
 *
 * <p>{@code XENCTL_GOLDEN_REWRITE=1 mvn test -Dtest=XlConfigRoundTripTest} rewrites them; review the diff.
 */
class XlConfigRoundTripTest {
    private static final boolean REWRITE = "1".equals(System.getenv("XENCTL_GOLDEN_REWRITE"));

    @TempDir
    Path work;

    @TestFactory
    Stream<DynamicTest> each_golden_xml_comes_back_through_xl_cfg_but_for_what_its_case_lists() throws IOException {
        return XlConfigGoldenTest.goodCases().stream().map(cfg -> DynamicTest.dynamicTest(
                XlConfigGoldenTest.base(cfg), () -> check(cfg)));
    }

    @Test
    void most_cases_come_back_exactly() throws IOException {
        long exact = XlConfigGoldenTest.goodCases().stream()
                .filter(cfg -> !Files.exists(expectedFile(cfg))).count();
        assertThat(exact).as("golden cases that come back without a difference")
                .isGreaterThanOrEqualTo(XlConfigGoldenTest.goodCases().size() / 2);
    }

    @Test
    void a_device_xl_cfg_cannot_say_is_noted_in_the_export_not_dropped_in_silence() {
        String xml = "<domain type='xen'><name>w</name><memory unit='MiB'>64</memory><os><type>linux</type>"
                + "<kernel>/boot/vmlinuz</kernel></os><devices><console type='pty'/><watchdog model='i6300esb'/>"
                + "<rng model='virtio'><backend model='random'>/dev/urandom</backend></rng></devices></domain>";

        SpecXmlReader.Result read = SpecXmlReader.read(xml, "w.xml");

        assertThat(read.notes()).containsExactly("a <watchdog> device", "a <rng> device");
        assertThat(XlConfigWriter.write(read.spec(), read.notes())).contains("a <watchdog> device");
    }

    private void check(Path cfg) throws IOException {
        String base = XlConfigGoldenTest.base(cfg);
        String golden = Files.readString(XlConfigGoldenTest.DIR.resolve(base + ".xml"));
        SpecXmlReader.Result read = SpecXmlReader.read(golden, base + ".xml");
        Path exported = work.resolve(base + ".cfg");
        Files.writeString(exported, XlConfigWriter.write(read.spec(), read.notes()));

        Result back = XlConfigGoldenTest.convert(exported, "xen");
        assertThat(back.exit()).as("the export converts again: " + back + "\n--- exported\n"
                + Files.readString(exported)).isZero();

        List<String> differences = new ArrayList<>();
        read.notes().forEach(note -> differences.add("# " + note));
        differences.addAll(LineDiff.of(golden.lines().toList(), back.out().lines().toList()));
        String actual = differences.isEmpty() ? "" : String.join("\n", differences) + "\n";
        Path expected = expectedFile(cfg);
        if (REWRITE) {
            if (actual.isEmpty()) {
                Files.deleteIfExists(expected);
            } else {
                Files.writeString(expected, actual);
            }
            return;
        }
        assertThat(actual).as(expected.getFileName() + " (what xl.cfg cannot carry back)")
                .isEqualTo(Files.exists(expected) ? Files.readString(expected) : "");
    }

    private static Path expectedFile(Path cfg) {
        return XlConfigGoldenTest.DIR.resolve(XlConfigGoldenTest.base(cfg) + ".roundtrip");
    }

    /** The lines of {@code before} lost ("-") and those of {@code after} new ("+"), by longest common subsequence. */
    static final class LineDiff {
        private LineDiff() {
        }

        static List<String> of(List<String> before, List<String> after) {
            int[][] common = new int[before.size() + 1][after.size() + 1];
            for (int i = before.size() - 1; i >= 0; i--) {
                for (int j = after.size() - 1; j >= 0; j--) {
                    common[i][j] = before.get(i).equals(after.get(j)) ? common[i + 1][j + 1] + 1
                            : Math.max(common[i + 1][j], common[i][j + 1]);
                }
            }
            List<String> lines = new ArrayList<>();
            int i = 0;
            int j = 0;
            while (i < before.size() || j < after.size()) {
                if (i < before.size() && j < after.size() && before.get(i).equals(after.get(j))) {
                    i++;
                    j++;
                } else if (j < after.size() && (i == before.size() || common[i][j + 1] >= common[i + 1][j])) {
                    lines.add("+" + after.get(j++));
                } else {
                    lines.add("-" + before.get(i++));
                }
            }
            return lines;
        }
    }
}
