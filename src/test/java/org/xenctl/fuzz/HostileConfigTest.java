package org.xenctl.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.xenctl.testing.Cli;
import org.xenctl.testing.Cli.Result;
import org.xenctl.testing.TestDriver;

/**
 * xl.cfg files a hostile user or a broken tool would write, each with what `config check` must answer: its exit
 * status and every message, in {@code NAME.err} next to {@code NAME.cfg} (src/test/resources/xlcfg-hostile: the
 * cases the trust review listed, and what fuzzing found). None may end in exit 70 or a dead JVM; `config convert`
 * of one that passes must write XML that parses back. Rewrite the expected files with
 * {@code XENCTL_GOLDEN_REWRITE=1 mvn test -Dtest=HostileConfigTest} and review the diff.
 */
class HostileConfigTest {
    private static final Path DIR = TestDriver.repositoryFile("src/test/resources/xlcfg-hostile");
    private static final boolean REWRITE = "1".equals(System.getenv("XENCTL_GOLDEN_REWRITE"));

    @TempDir
    Path work;

    @TestFactory
    Stream<DynamicTest> each_hostile_file_is_answered_with_its_status_and_messages() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(f -> f.toString().endsWith(".cfg")).sorted().toList().stream()
                    .map(cfg -> DynamicTest.dynamicTest(cfg.getFileName().toString(), () -> check(cfg)));
        }
    }

    private static void check(Path cfg) throws IOException {
        Result check = Cli.run("config", "check", cfg.toString());
        String actual = "exit " + check.exit() + "\n" + check.err().replace(DIR + "/", "");
        assertThat(check.exit()).as(check.toString()).isIn(0, 5);
        Path expected = DIR.resolve(cfg.getFileName().toString().replace(".cfg", ".err"));
        if (REWRITE) {
            Files.writeString(expected, actual);
        } else {
            assertThat(actual).isEqualTo(Files.readString(expected));
        }
        if (check.exit() == 0) {
            Result convert = Cli.run("config", "convert", cfg.toString());
            assertThat(convert.exit()).as(convert.toString()).isZero();
            Handled.wellFormed(convert.out());
        }
    }

    @Test
    @Timeout(20)
    void what_is_not_a_regular_file_or_is_too_large_is_refused_without_reading_it() throws Exception {
        Path fifo = work.resolve("fifo.cfg");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        Path big = work.resolve("big.cfg");
        Files.writeString(big, "# " + "x".repeat(2 * 1024 * 1024) + "\nname = \"big\"\n");

        Result zero = Cli.run("config", "check", "/dev/zero");
        Result pipe = Cli.run("config", "check", fifo.toString());
        Result large = Cli.run("config", "check", big.toString());
        Result directory = Cli.run("config", "check", work.toString());

        assertThat(zero.exit()).as(zero.toString()).isEqualTo(5);
        assertThat(zero.err()).contains("/dev/zero is not a regular file");
        assertThat(pipe.exit()).as(pipe.toString()).isEqualTo(5);
        assertThat(pipe.err()).contains("is not a regular file");
        assertThat(large.exit()).as(large.toString()).isEqualTo(5);
        assertThat(large.err()).contains("is larger than");
        assertThat(directory.exit()).as(directory.toString()).isEqualTo(5);
    }

    @Test
    void a_file_that_is_not_utf_8_is_refused_at_its_first_bad_byte() throws Exception {
        Path file = work.resolve("latin1.cfg");
        Files.write(file, "name = \"h\"\n# caf\u00e9 ok\nkernel = \"/b\u00e9\"\n".getBytes("ISO-8859-1"));

        Result r = Cli.run("config", "check", file.toString());

        assertThat(r.exit()).isEqualTo(5);
        assertThat(r.err()).contains(file + ":2:6: the file is not UTF-8 text (byte 0xe9)");
    }

}
