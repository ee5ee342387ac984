package org.xenctl.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dom0's bridges and images, read from a sysfs-shaped tree as from "/" on a dom0. */
class Dom0FilesTest {
    @TempDir
    Path root;

    @Test
    void a_bridge_is_an_interface_with_a_bridge_directory_and_an_image_is_any_file_there() throws Exception {
        Files.createDirectories(root.resolve("sys/class/net/xenbr0/bridge"));
        Files.createDirectories(root.resolve("sys/class/net/eth0"));
        Files.createDirectories(root.resolve("srv"));
        Files.writeString(root.resolve("srv/web1.img"), "x");
        Dom0Files dom0 = new Dom0Files(root);

        assertThat(dom0.hasBridge("xenbr0")).isTrue();
        assertThat(dom0.hasBridge("eth0")).as("an interface, not a bridge").isFalse();
        assertThat(dom0.hasBridge("xenbr9")).isFalse();
        assertThat(dom0.exists("/srv/web1.img")).isTrue();
        assertThat(dom0.exists("//srv/web1.img")).isTrue();
        assertThat(dom0.exists("/srv/other.img")).isFalse();
    }
}
