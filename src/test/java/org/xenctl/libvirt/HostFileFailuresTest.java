package org.xenctl.libvirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.XenctlException;
import org.xenctl.testing.TestDriver;

/**
 * What a failed save, restore or dump-core says when libvirt is asked directly, as it is over a remote connection
 * where xenctl cannot look at the file first: the test driver's real errors (on the Xen lab, SaveRestoreXenLabIT).
 */
class HostFileFailuresTest {
    @TempDir
    Path dir;

    private LibvirtHypervisor host;

    @BeforeEach
    void open() {
        host = TestDriver.keep();
    }

    @AfterEach
    void close() {
        host.close();
    }

    /** Told by the errno libvirt's system error carries (its int1), which also proves where int1 is read. */
    @Test
    void a_file_the_host_does_not_have_is_file_not_found() {
        String missing = dir.resolve("nodir/missing.sav").toString();

        assertThatThrownBy(() -> host.restore(missing, false)).isInstanceOfSatisfying(XenctlException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.FILE_NOT_FOUND);
            assertThat(e.getMessage()).startsWith("cannot restore a domain from "
                    + missing + ": the host has no such file or directory (");
        });
    }

    @Test
    void save_and_dump_core_into_a_directory_the_host_lacks_are_file_not_found() {
        String uuid = host.lookup(org.xenctl.domain.DomainRef.of("test")).uuid();
        String nowhere = dir.resolve("nodir/test.sav").toString();

        assertThatThrownBy(() -> host.dumpCore(uuid, nowhere, false, false))
                .isInstanceOfSatisfying(XenctlException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.FILE_NOT_FOUND);
                    assertThat(e.getMessage()).startsWith("cannot dump the core of domain test to " + nowhere
                            + ": the host has no such file or directory (");
                });
        assertThatThrownBy(() -> host.save(uuid, nowhere)).isInstanceOfSatisfying(XenctlException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.FILE_NOT_FOUND);
            assertThat(e.hint()).isEqualTo("the path is read on the host libvirtd runs on, not here");
        });
        assertThat(host.lookup(org.xenctl.domain.DomainRef.of("test")).isActive()).as("still running").isTrue();
    }

    @Test
    void a_file_that_is_no_save_image_says_what_restore_takes() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.sav"), "Xen saved domain, xl format\n \0 \r and more bytes"
                + " than a header");

        assertThatThrownBy(() -> host.restore(junk.toString(), false)).isInstanceOfSatisfying(XenctlException.class,
                e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.OPERATION_FAILED);
                    assertThat(e.hint()).endsWith("libvirt restores only what it "
                            + "saved itself, and one that xl save wrote is xl restore's");
                });
    }
}
