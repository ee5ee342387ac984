package org.xenctl.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;

import org.xenctl.testing.TestDriver;

/**
 * A running Xen dom0 under QEMU (src/it/xen/lab): xenctl runs against it from the host over
 * xen+tcp://127.0.0.1:PORT/system, and inside it from the shared directory (/mnt/lab), where the jar is copied.
 */
final class XenLab implements AutoCloseable {
    /** Where the run directory is shared inside the dom0. */
    static final String SHARE = "/mnt/lab";
    /** The PV guests' kernel and initramfs, built into the image. */
    static final String GUEST_KERNEL = "/var/lib/xenctl-lab/guest/vmlinuz";
    static final String GUEST_RAMDISK = "/var/lib/xenctl-lab/guest/initrd.gz";
    /** The same initramfs with netback, blkback, xl devd and Xen's hotplug scripts: a driver domain's. */
    static final String DRIVER_RAMDISK = "/var/lib/xenctl-lab/guest/driver-initrd.gz";
    /** What the dom0's init prints on its console when libvirtd exits (src/it/xen/image/lab-init). */
    private static final String LIBVIRTD_EXIT = "XENCTL-LAB-LIBVIRTD-EXIT";

    private final Path runDir;
    private final Properties env;
    private final long consoleAtStart;
    /** The console's mark after the last restart a test asked for (-1: none). */
    private volatile long deliberateRestartMark = -1;

    private XenLab(Path runDir, Properties env) throws IOException {
        this.runDir = runDir;
        this.env = env;
        this.consoleAtStart = consoleMark();
    }

    static XenLab boot(Path runDir) throws IOException {
        Files.createDirectories(runDir);
        Run up = Run.of(List.of(script().toString(), "up", runDir.toString()), 3600);
        if (up.exit() != 0) {
            throw new IllegalStateException("the Xen lab did not come up (serial console: "
                    + runDir.resolve("serial.log") + "):\n" + up.err());
        }
        return attach(runDir);
    }

    /**
     * A second dom0 on this one's private link (src/it/xen/lab up RUNDIR PEER): xenlab2 at 10.77.0.2, this one being
     * xenlab at 10.77.0.1, for migrations between the two. Its caller stops it ({@link #close}).
     */
    XenLab bootPeer() throws IOException {
        Path peerDir = runDir.resolveSibling(runDir.getFileName() + "-peer");
        Files.createDirectories(peerDir);
        Run up = Run.of(List.of(script().toString(), "up", peerDir.toString(), runDir.toString()), 3600);
        if (up.exit() != 0) {
            throw new IllegalStateException("the second Xen lab did not come up (serial console: "
                    + peerDir.resolve("serial.log") + "):\n" + up.err());
        }
        return attach(peerDir);
    }

    /** The dom0's name on the private link: xenlab, or xenlab2 for a peer. */
    String hostname() {
        return env.getProperty("XENCTL_LAB_NAME", "xenlab");
    }

    /**
     * A lab already running in {@code runDir} (started with src/it/xen/lab up); gets the freshly built jar and the
     * launcher, laid out as in the repository, so that the dom0 runs xenctl as its administrators do.
     */
    static XenLab attach(Path runDir) throws IOException {
        Files.createDirectories(runDir.resolve("target"));
        Files.copy(TestDriver.repositoryFile("target/xenctl.jar"), runDir.resolve("target/xenctl.jar"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.copy(TestDriver.repositoryFile("xenctl"), runDir.resolve("xenctl"),
                StandardCopyOption.REPLACE_EXISTING);
        Properties env = new Properties();
        try (var reader = Files.newBufferedReader(runDir.resolve("lab.env"))) {
            env.load(reader);
        }
        return new XenLab(runDir, env);
    }

    private static Path script() {
        return TestDriver.repositoryFile("src/it/xen/lab");
    }

    String uri() {
        return env.getProperty("XENCTL_LAB_URI");
    }

    Path runDir() {
        return runDir;
    }

    /** Runs a bash command as root in the dom0. */
    Run dom0(String command) {
        return Run.of(List.of(script().toString(), "exec", runDir.toString(), command), 600);
    }

    /** xenctl on the host, over the network, as an administrator's workstation would run it. */
    Run xenctl(String... args) {
        return Run.of(xenctlCommand(args), 300);
    }

    /** xenctl on the host, left running while the test does something to the dom0. */
    Background xenctlInBackground(String... args) {
        return Background.start(xenctlCommand(args));
    }

    /**
     * xenctl on a pseudo-terminal of its own (script(1)), as an administrator types at it: the test writes keys to
     * the process's input and reads the terminal's output from it.
     */
    Process xenctlOnTerminal(String... args) throws IOException {
        StringBuilder command = new StringBuilder();
        for (String word : xenctlCommand(args)) {
            command.append(command.length() == 0 ? "" : " ").append(Shell.quote(word));
        }
        return new ProcessBuilder("script", "-qfec", command.toString(), "/dev/null").redirectErrorStream(true)
                .start();
    }

    private List<String> xenctlCommand(String... args) {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar",
                TestDriver.repositoryFile("target/xenctl.jar").toString(), "-c", uri()));
        command.addAll(List.of(args));
        return command;
    }

    /**
     * xenctl inside the dom0 through its launcher, on its own libvirtd (xen:///system, the default there). The
     * launcher's start-up files stay on the host: their class-data archive belongs to the host's JVM.
     */
    Run xenctlInDom0(String... args) {
        return dom0(inDom0(args));
    }

    /**
     * The same, left running while the test does something else, its stdout going to {@code output} in the dom0 as
     * it comes (the command channel answers only once a command ends): {@link #finished} gives the whole run.
     */
    Background xenctlInDom0InBackground(String output, String... args) {
        return Background.start(List.of(script().toString(), "exec", runDir.toString(),
                inDom0(args) + " > " + Shell.quote(output)));
    }

    /** How a {@link #xenctlInDom0InBackground} run ended, with what it wrote to {@code output}. */
    Run finished(Background process, String output, Duration limit) throws InterruptedException {
        Run run = process.finish(limit);
        return new Run(run.what(), run.exit(), dom0("cat " + Shell.quote(output)).out(), run.err());
    }

    private static String inDom0(String... args) {
        StringBuilder command = new StringBuilder(SHARE + "/xenctl");
        for (String arg : args) {
            command.append(' ').append(Shell.quote(arg));
        }
        return command.toString();
    }

    /** Writes a file into the shared directory; returns its path inside the dom0. */
    String share(String name, String content) throws IOException {
        Path file = runDir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return SHARE + "/" + name;
    }

    Path hostPath(String name) {
        return runDir.resolve(name);
    }

    /** Polls a dom0 command until its output satisfies {@code done}; returns the last run. */
    Run await(String command, Predicate<Run> done, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        Run run = dom0(command);
        while (!done.test(run) && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            run = dom0(command);
        }
        return run;
    }

    /** Where the serial console ends now: the mark {@link #libvirtdExitsSince} reads from. */
    long consoleMark() throws IOException {
        return Files.size(runDir.resolve("serial.log"));
    }

    /** The console's mark when this run took the lab (what happened before is not this run's doing). */
    long consoleAtStart() {
        return consoleAtStart;
    }

    /**
     * What the dom0's init printed about libvirtd exits since {@code mark} (its status, dmesg's and libvirtd.log's
     * last lines); empty when libvirtd kept running.
     */
    List<String> libvirtdExitsSince(long mark) throws IOException {
        String since = consoleSince(mark);
        if (!since.contains(LIBVIRTD_EXIT)) {
            return List.of();
        }
        return since.lines()
                .map(String::strip)
                .filter(line -> line.contains(LIBVIRTD_EXIT) || line.startsWith("xenctl-lab: dmesg:")
                        || line.startsWith("xenctl-lab: libvirtd.log:"))
                .toList();
    }

    /**
     * Restarts the dom0's libvirtd on purpose (SIGTERM; the init's loop starts it again) and waits until it
     * answers; the exit it causes is not blamed on the test (see {@link #blameFrom}).
     */
    void restartLibvirtd() throws IOException, InterruptedException {
        long mark = consoleMark();
        dom0("kill -TERM $(pidof libvirtd)").expectSuccess();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!consoleSince(mark).contains("restarting libvirtd")) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("libvirtd was not restarted within 60 s of its SIGTERM");
            }
            Thread.sleep(200);
        }
        if (!awaitLibvirtd(Duration.ofSeconds(90))) {
            throw new AssertionError("libvirtd did not answer within 90 s of its restart");
        }
        deliberateRestartMark = consoleMark();
    }

    /** Where to look for libvirtd exits to blame on a test that began at {@code mark}: after its own restarts. */
    long blameFrom(long mark) {
        return Math.max(mark, deliberateRestartMark);
    }

    private String consoleSince(long mark) throws IOException {
        byte[] console = Files.readAllBytes(runDir.resolve("serial.log"));
        int from = (int) Math.min(mark, console.length);
        return new String(console, from, console.length - from, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Waits for the dom0's init to have restarted libvirtd after an exit. */
    boolean awaitLibvirtd(Duration limit) throws InterruptedException {
        return await("virsh -c xen:///system version", run -> run.exit() == 0, limit).exit() == 0;
    }

    /** Copies the dom0's Xen and libvirt logs and the serial console into {@code dir}; returns it. */
    Path collectLogs(Path dir) throws IOException {
        Run.of(List.of(script().toString(), "logs", runDir.toString()), 120);
        Files.createDirectories(dir);
        Path logs = runDir.resolve("logs");
        if (Files.isDirectory(logs)) {
            try (var files = Files.walk(logs)) {
                for (Path source : (Iterable<Path>) files::iterator) {
                    Path target = dir.resolve(logs.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        Files.copy(runDir.resolve("serial.log"), dir.resolve("serial.log"), StandardCopyOption.REPLACE_EXISTING);
        return dir;
    }

    /** Collects the logs and stops QEMU by its PID (src/it/xen/lab down). */
    @Override
    public void close() {
        Run.of(List.of(script().toString(), "down", runDir.toString()), 180);
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
