package org.xenctl.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A libvirtd of the test's own, serving libvirt's test driver on a socket in a temporary directory (no other
 * driver, nothing on the network), so that a test can kill it or freeze it (SIGSTOP) under a command. libvirtd
 * comes from Debian's libvirt-daemon, which scripts/install-deps installs; nothing of the machine's own libvirt is
 * touched.
 */
public final class PrivateLibvirtd implements AutoCloseable {
    private final Path dir;
    private final Process process;

    private PrivateLibvirtd(Path dir, Process process) {
        this.dir = dir;
        this.process = process;
    }

    public static PrivateLibvirtd start(Path dir) throws IOException, InterruptedException {
        return start(dir, new String[0]);
    }

    /** The same with more lines of libvirtd.conf ("keepalive_interval = 1"). */
    public static PrivateLibvirtd start(Path dir, String... config) throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve("no-drivers"));
        Files.writeString(dir.resolve("libvirtd.conf"), String.join("\n", config) + "\n" + String.join("\n",
                "unix_sock_dir = \"" + dir + "\"",
                "unix_sock_rw_perms = \"0700\"",
                "auth_unix_ro = \"none\"",
                "auth_unix_rw = \"none\"",
                "listen_tls = 0",
                "listen_tcp = 0",
                "log_outputs = \"3:file:" + dir.resolve("libvirtd.log") + "\"", ""));
        ProcessBuilder builder = new ProcessBuilder("libvirtd", "--config", dir.resolve("libvirtd.conf").toString(),
                "--pid-file", dir.resolve("libvirtd.pid").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("libvirtd.out").toFile());
        builder.environment().put("LIBVIRT_DRIVER_DIR", dir.resolve("no-drivers").toString());
        PrivateLibvirtd daemon = new PrivateLibvirtd(dir, builder.start());
        for (int i = 0; i < 100; i++) {
            if (daemon.answers()) {
                return daemon;
            }
            Thread.sleep(100);
        }
        daemon.close();
        throw new IllegalStateException("libvirtd did not answer within 10 s; see " + dir.resolve("libvirtd.out"));
    }

    /** test:///default through this daemon. */
    public String uri() {
        return "test+unix:///default?socket=" + dir.resolve("libvirt-sock");
    }

    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    public void freeze() throws IOException, InterruptedException {
        signal("STOP");
    }

    public void thaw() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String name) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor();
    }

    private boolean answers() throws IOException, InterruptedException {
        if (!Files.exists(dir.resolve("libvirt-sock"))) {
            return false;
        }
        Process virsh = new ProcessBuilder("virsh", "-c", uri(), "uri").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return virsh.waitFor(5, TimeUnit.SECONDS) && virsh.exitValue() == 0;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            try {
                thaw();
            } catch (IOException e) {
                // It is killed below all the same.
            }
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
