package org.xenctl.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class AuditRecordTest {
    private static final AuditRecord.Caller ROOT_FOR_ALICE = new AuditRecord.Caller(0, "root", "alice", 1000);

    @Test
    void one_line_of_fields_with_words_quoted_as_a_shell_needs_them() {
        AuditRecord record = new AuditRecord(List.of("destroy", "web 1", "it's"), "xen:///system", ROOT_FOR_ALICE,
                0, "ok");
        assertThat(record.message()).isEqualTo("command=\"destroy 'web 1' 'it'\\\\''s'\" uri=\"xen:///system\" "
                + "uid=0 user=\"root\" sudo_user=\"alice\" login_uid=1000 exit=0 result=ok");
        assertThat(record.failed()).isFalse();
    }

    @Test
    void a_hostile_word_cannot_forge_a_field_or_a_line() {
        AuditRecord record = new AuditRecord(List.of("start", "x\" result=ok\nfake"), null,
                new AuditRecord.Caller(1000, null, null, -1), 3, "domain-not-found");
        assertThat(record.message()).doesNotContain("\n")
                .isEqualTo("command=\"start 'x\\\" result=ok\\x0afake'\" uri=- uid=1000 exit=3 "
                        + "result=domain-not-found");
        assertThat(record.failed()).isTrue();
    }

    @Test
    void passwords_are_masked_and_a_long_line_is_cut() {
        assertThat(AuditRecord.masked("vncpasswd=\"s3cret\"")).isEqualTo("vncpasswd=***");
        assertThat(AuditRecord.masked("spicepasswd=x")).isEqualTo("spicepasswd=***");
        assertThat(AuditRecord.masked("memory=512")).isEqualTo("memory=512");
        assertThat(AuditRecord.masked("=passwd")).isEqualTo("=passwd");

        String longWord = "a".repeat(5000);
        String message = new AuditRecord(List.of("create", longWord), null, ROOT_FOR_ALICE, 0, "ok").message();
        assertThat(message).contains("a".repeat(AuditRecord.MAX_COMMAND - 7) + "…\"").hasSizeLessThan(2200);
    }
}
