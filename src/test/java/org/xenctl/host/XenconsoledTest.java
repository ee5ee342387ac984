package org.xenctl.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** xenconsoled's settings as its getopt_long reads its command line, found in a /proc-shaped tree. */
class XenconsoledTest {

    @TempDir
    Path root;

    private static Xenconsoled parsed(String... argv) {
        return Xenconsoled.fromArguments(List.of(argv));
    }

    @Test
    void the_lines_that_start_it_are_read_as_it_reads_them() {
        // systemd's xenconsoled.service (Xen 4.17) with XENCONSOLED_ARGS="--timestamp=guest"
        assertThat(parsed("/usr/sbin/xenconsoled", "-i", "--log=guest", "--log-dir=/var/log/xen/console",
                "--timestamp=guest")).isEqualTo(new Xenconsoled("/var/log/xen/console", true, true));
        // Debian's init script: XENCONSOLED_ARGS, then its pid file
        assertThat(parsed("/usr/lib/xen-4.17/bin/xenconsoled", "--log", "all", "-t", "all", "--pid-file",
                "/run/xenconsoled.pid")).isEqualTo(new Xenconsoled("/var/log/xen/console", true, true));
        assertThat(parsed("xenconsoled", "--log=hv", "-tguest", "--log-d", "/srv/logs"))
                .isEqualTo(new Xenconsoled("/srv/logs", false, true));
        assertThat(parsed("xenconsoled", "--log=guest", "--time=guest", "--timestamp=none"))
                .isEqualTo(new Xenconsoled("/var/log/xen/console", true, false));
        // --log=none does not undo an earlier --log=guest in xenconsoled; "--lo" is ambiguous (log, log-dir)
        assertThat(parsed("xenconsoled", "--log=guest", "--log=none", "--lo=/x", "-vit", "guest"))
                .isEqualTo(new Xenconsoled("/var/log/xen/console", true, true));
        assertThat(parsed("xenconsoled", "--bogus", "--log=guest", "--timestamp", "guest"))
                .isEqualTo(new Xenconsoled("/var/log/xen/console", true, true));
        assertThat(parsed("xenconsoled", "--", "--log=guest")).isEqualTo(new Xenconsoled("/var/log/xen/console",
                false, false));
        assertThat(new Xenconsoled("/var/log/xen/console/", true, true).logOf("web"))
                .isEqualTo("/var/log/xen/console/guest-web.log");
    }

    @Test
    void the_running_one_is_found_in_proc() throws IOException {
        process(1, "systemd", "/sbin/init");
        process(412, "xenconsoled", "/usr/sbin/xenconsoled\0-i\0--log=guest\0--timestamp=all\0");
        Files.createDirectories(root.resolve("proc/self"));

        assertThat(Xenconsoled.running(root)).contains(new Xenconsoled("/var/log/xen/console", true, true));
    }

    @Test
    void no_xenconsoled_or_no_proc_is_none() throws IOException {
        assertThat(Xenconsoled.running(root)).isEmpty();
        process(1, "systemd", "/sbin/init");
        assertThat(Xenconsoled.running(root)).isEmpty();
    }

    private void process(int pid, String comm, String cmdline) throws IOException {
        Path dir = Files.createDirectories(root.resolve("proc/" + pid));
        Files.writeString(dir.resolve("comm"), comm + "\n");
        Files.writeString(dir.resolve("cmdline"), cmdline);
    }
}
