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
import org.xenctl.testing.Cli;
import org.xenctl.testing.Cli.Result;
import org.xenctl.testing.TestDriver;

/**
 * The golden files of src/test/resources/xlcfg, the pattern of libvirt's xlconfigtest: each {@code NAME.cfg} must
 * convert to exactly {@code NAME.xml} with exactly the warnings of {@code NAME.warnings} (none if absent), and each
 * {@code bad-NAME.cfg} must fail `config check` with status 5 and exactly the messages of {@code bad-NAME.err}. A
 * name starting with {@code compat-} (or {@code bad-compat-}) runs with --compat.
 *
 * <p>To rewrite the expected files after a deliberate change, run
 * {@code XENCTL_GOLDEN_REWRITE=1 mvn test -Dtest=XlConfigGoldenTest} and review the diff before committing.
 */
class XlConfigGoldenTest {
    static final Path DIR = TestDriver.repositoryFile("src/test/resources/xlcfg");
    private static final boolean REWRITE = "1".equals(System.getenv("XENCTL_GOLDEN_REWRITE"));

    static List<Path> goodCases() throws IOException {
        return cases(false);
    }

    static List<Path> badCases() throws IOException {
        return cases(true);
    }

    private static List<Path> cases(boolean bad) throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(f -> f.toString().endsWith(".cfg"))
                    .filter(f -> f.getFileName().toString().startsWith("bad-") == bad).sorted().toList();
        }
    }

    static String base(Path cfg) {
        String name = cfg.getFileName().toString();
        return name.substring(0, name.length() - ".cfg".length());
    }

    static boolean compat(Path cfg) {
        return base(cfg).replaceFirst("^bad-", "").startsWith("compat-");
    }

    @TestFactory
    Stream<DynamicTest> each_config_converts_to_its_xml_with_its_warnings() throws IOException {
        return goodCases().stream().map(cfg -> DynamicTest.dynamicTest(base(cfg), () -> {
            Result r = convert(cfg, "xen");
            assertThat(r.exit()).as(r.toString()).isZero();
            compare(cfg, ".xml", relative(r.out()), true);
            compare(cfg, ".warnings", relative(r.err()), false);
        }));
    }

    @TestFactory
    Stream<DynamicTest> each_bad_config_fails_with_its_messages() throws IOException {
        return badCases().stream().map(cfg -> DynamicTest.dynamicTest(base(cfg), () -> {
            List<String> args = new ArrayList<>(List.of("config", "check"));
            if (compat(cfg)) {
                args.add("--compat");
            }
            args.add(cfg.toString());
            Result r = Cli.run(args.toArray(String[]::new));
            assertThat(r.exit()).as(r.toString()).isEqualTo(5);
            assertThat(r.out()).isEmpty();
            compare(cfg, ".err", relative(r.err()), true);
        }));
    }

    @Test
    void there_are_enough_cases() throws IOException {
        assertThat(goodCases()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(badCases()).hasSizeGreaterThanOrEqualTo(20);
    }

    static Result convert(Path cfg, String domainType) {
        List<String> args = new ArrayList<>(List.of("config", "convert", "--domain-type", domainType));
        if (compat(cfg)) {
            args.add("--compat");
        }
        args.add(cfg.toString());
        return Cli.run(args.toArray(String[]::new));
    }

    private static String relative(String output) {
        return output.replace(DIR + "/", "");
    }

    private static void compare(Path cfg, String suffix, String actual, boolean required) throws IOException {
        Path expectedFile = DIR.resolve(base(cfg) + suffix);
        if (REWRITE) {
            if (actual.isEmpty() && !required) {
                Files.deleteIfExists(expectedFile);
            } else {
                Files.writeString(expectedFile, actual);
            }
            return;
        }
        String expected = Files.exists(expectedFile) ? Files.readString(expectedFile) : "";
        if (required) {
            assertThat(expectedFile).as("golden file").exists();
        }
        assertThat(actual).as(expectedFile.getFileName().toString()).isEqualTo(expected);
    }
}
