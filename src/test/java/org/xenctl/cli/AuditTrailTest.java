package org.xenctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenctl.libvirt.SyslogReceiver;
import org.xenctl.testing.Cli;
import org.xenctl.testing.Cli.Result;
import org.xenctl.testing.FakeKernel;
import org.xenctl.testing.OnDefaultTestHost;
import org.xenctl.testing.SysfsTree;
import org.xenctl.testing.TestDriver;

/**
 * The audit trail, read back from a syslog socket of the test's own: a record for each command that changes the host
 * (done, refused or failed), none for those that only look or dry-run, and a log daemon that is missing or stopped
 * never failing or holding up the command.
 */
class AuditTrailTest extends OnDefaultTestHost {
    @TempDir
    Path dir;

    private SyslogReceiver syslog;
    private Context context;

    @BeforeEach
    void aSyslogSocket() {
        Path socket = dir.resolve("log");
        syslog = SyslogReceiver.bind(socket);
        context = Context.of(Map.of("XENCTL_SYSLOG_SOCKET", socket.toString(), "SUDO_USER", "alice"));
    }

    @AfterEach
    void closeIt() {
        syslog.close();
    }

    private Result xenctlIn(Context in, String... args) {
        String[] full = new String[args.length + 2];
        full[0] = "-c";
        full[1] = TestDriver.DEFAULT;
        System.arraycopy(args, 0, full, 2, args.length);
        return Cli.runIn(in, full);
    }

    private Result run(String... args) {
        return xenctlIn(context, args);
    }

    @Test
    void a_change_is_recorded_with_who_what_where_and_how_it_ended() throws Exception {
        Result paused = run("pause", "test");
        assertThat(paused.exit()).as(paused.toString()).isZero();

        List<String> records = syslog.received();
        assertThat(records).hasSize(1);
        String record = records.get(0);
        String uid = String.valueOf(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        // authpriv.notice, tagged as syslog(3) tags: what journalctl -t xenctl selects.
        assertThat(record).startsWith("<85>xenctl[" + ProcessHandle.current().pid() + "]: ")
                .contains("command=\"-c test:///default pause test\"")
                .contains(" uri=\"test:///default\"")
                .contains(" uid=" + uid + " ")
                .contains(" sudo_user=\"alice\"")
                .endsWith(" exit=0 result=ok");
    }

    @Test
    void a_refused_or_failed_change_is_recorded_as_a_warning_with_its_error_code() {
        assertThat(run("start", "nosuch").exit()).isEqualTo(3);
        assertThat(run("pause", "test").exit()).isZero();
        assertThat(run("pause", "test").exit()).as("idempotent: recorded too, it was asked").isZero();

        List<String> records = syslog.received();
        assertThat(records).hasSize(3);
        assertThat(records.get(0)).startsWith("<84>xenctl[").contains("command=\"-c test:///default start nosuch\"")
                .endsWith(" exit=3 result=domain-not-found");
        assertThat(records.get(2)).startsWith("<85>").endsWith(" exit=0 result=ok");
    }

    @Test
    void what_only_looks_or_dry_runs_is_not_recorded() throws Exception {
        Path cfg = dir.resolve("g.cfg");
        Files.writeString(cfg, "name = \"g\"\nmemory = 128\nkernel = \"/boot/vmlinuz\"\n");
        for (String[] looks : List.of(new String[] {"list"}, new String[] {"info", "test"},
                new String[] {"dumpxml", "test"}, new String[] {"create", "-n", cfg.toString()},
                new String[] {"config", "check", cfg.toString()}, new String[] {"version"})) {
            Result r = run(looks);
            assertThat(r.exit()).as(r.toString()).isZero();
        }
        assertThat(syslog.received()).isEmpty();
    }

    @Test
    void each_changing_line_of_a_batch_is_recorded_and_the_batch_itself_is_not() throws Exception {
        Path lines = dir.resolve("lines");
        Files.writeString(lines, "list\npause test\nunpause test\n");
        assertThat(run("batch", lines.toString()).exit()).isZero();

        assertThat(syslog.received()).satisfiesExactly(
                first -> assertThat(first).contains("command=\"pause test\" uri=\"test:///default\""),
                second -> assertThat(second).contains("command=\"unpause test\""));
    }

    @Test
    void a_password_given_on_the_command_line_is_not_logged() throws Exception {
        Path cfg = dir.resolve("g.cfg");
        Files.writeString(cfg, "name = \"secretive\"\nmemory = 128\nkernel = \"/boot/vmlinuz\"\n");
        run("create", cfg.toString(), "vncpasswd=\"hunter2\"");

        assertThat(syslog.received()).singleElement().satisfies(record ->
                assertThat(record).contains("vncpasswd=***").doesNotContain("hunter2"));
    }

    @Test
    void pci_binds_on_this_machine_are_recorded_too(@TempDir Path host) {
        new SysfsTree(host).pciback().defaultRoute("eno1")
                .device("0000:01:00.0", 0x8086, 0x10d3, 0x020000).driver("e1000e").group(3).resetMethods("flr")
                .file("driver_override", "(null)");
        Context local = Context.of(Map.of("XENCTL_HOST_ROOT", host.toString(),
                "XENCTL_SYSLOG_SOCKET", dir.resolve("log").toString())).withSysfs(new FakeKernel(host));
        Result added = Cli.runIn(local, "pci-assignable-add", "01:00.0");
        assertThat(added.exit()).as(added.toString()).isZero();

        assertThat(syslog.received()).singleElement().satisfies(record ->
                assertThat(record).contains("command=\"pci-assignable-add 01:00.0\"").endsWith("result=ok"));
    }

    @Test
    void a_stopped_log_daemon_costs_a_warning_not_the_command() {
        int queued = syslog.fill();
        assertThat(queued).isPositive();

        long started = System.nanoTime();
        Result paused = run("pause", "test");
        assertThat(paused.exit()).as(paused.toString()).isZero();
        assertThat(paused.err()).startsWith("xenctl: warning: the audit record was not written to " + dir.resolve("log"));
        assertThat(System.nanoTime() - started).as("no wait for the daemon").isLessThan(5_000_000_000L);
    }

    @Test
    void a_system_without_a_log_daemon_is_silent() {
        Context none = Context.of(Map.of("XENCTL_SYSLOG_SOCKET", dir.resolve("absent").toString()));
        Result paused = xenctlIn(none, "pause", "test");
        assertThat(paused.exit()).isZero();
        assertThat(paused.err()).isEmpty();
    }
}
