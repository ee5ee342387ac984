package org.xenctl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.XenctlException;

/**
 * What a failed write to standard output becomes, by what the descriptor is (/proc/self/fd/1's link, here a link
 * made to look like it). The real descriptors, a full disk and a pipe whose reader left, are LauncherIT's.
 */
class StandardOutputTest {
    @TempDir
    Path dir;

    /** An output whose every write fails as the kernel's would. */
    private static final class Failing extends OutputStream {
        private final String reason;

        Failing(String reason) {
            this.reason = reason;
        }

        @Override
        public void write(int b) throws IOException {
            throw new IOException(reason);
        }
    }

    private Path descriptorLinkedTo(String target) throws IOException {
        return Files.createSymbolicLink(dir.resolve("1"), Path.of(target));
    }

    @Test
    void a_write_that_fails_on_a_file_is_output_failed_with_the_reason() throws IOException {
        StandardOutput out = new StandardOutput(new Failing("No space left on device"), descriptorLinkedTo("/x/y"));

        assertThatThrownBy(() -> out.write(new byte[] {'a'}, 0, 1)).isInstanceOfSatisfying(XenctlException.class,
                e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.OUTPUT_FAILED);
                    assertThat(e.getMessage()).isEqualTo("cannot write the output: No space left on device");
                });
    }

    @Test
    void a_write_that_fails_on_a_pipe_or_a_socket_is_output_closed() throws IOException {
        StandardOutput pipe = new StandardOutput(new Failing("Broken pipe"), descriptorLinkedTo("pipe:[4242]"));

        assertThatThrownBy(() -> pipe.write('a')).isInstanceOfSatisfying(XenctlException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.OUTPUT_CLOSED));
        assertThat(ExitStatus.of(ErrorCode.OUTPUT_CLOSED.kind())).isEqualTo(141);
    }

    @Test
    void without_proc_a_failure_is_output_failed() {
        StandardOutput out = new StandardOutput(new Failing("Broken pipe"), dir.resolve("no-such-descriptor"));

        assertThatThrownBy(() -> out.write('a')).isInstanceOfSatisfying(XenctlException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.OUTPUT_FAILED));
    }

    @Test
    void writes_that_succeed_pass_through_unchanged() {
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        StandardOutput out = new StandardOutput(target, dir.resolve("1"));

        out.write("héllo".getBytes(java.nio.charset.StandardCharsets.UTF_8), 0, 6);
        out.write('\n');
        out.flush();

        assertThat(target.toString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("héllo\n");
    }
}
