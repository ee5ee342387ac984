package org.xenctl.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What xenctl records in the system's log for a command that changes a host: who ran it, what they typed, which
 * host it reached and how it ended. One line of {@code key=value} pairs, so that a script (or {@code journalctl -t
 * xenctl --grep}) can pick fields out.
 *
 * @param command    the words as typed after "xenctl", secrets masked ({@link #masked})
 * @param uri        the libvirt URI it reached, or null for this machine alone (its sysfs)
 * @param caller     who ran it
 * @param exitStatus what xenctl exited with
 * @param outcome    "ok", or the error code of the failure (docs/json.md)
 */
public record AuditRecord(List<String> command, String uri, Caller caller, int exitStatus, String outcome) {
    /** Longer lines are cut: syslog daemons cut or drop them anyway, and no command line needs more. */
    static final int MAX_COMMAND = 2048;

    public AuditRecord {
        command = List.copyOf(command);
    }

    /**
     * Who: the effective user, the user a sudo ran on behalf of, and the login uid (kept by the kernel across sudo
     * and su: the person who logged in, where PAM sets it).
     *
     * @param loginUid -1 when not set (a daemon, or no pam_loginuid)
     */
    public record Caller(long uid, String user, String sudoUser, long loginUid) { }

    public boolean failed() {
        return exitStatus != 0;
    }

    /** The record as the log line's message. */
    public String message() {
        StringBuilder line = new StringBuilder();
        line.append("command=").append(quoted(commandLine()));
        line.append(" uri=").append(uri == null ? "-" : quoted(uri));
        line.append(" uid=").append(caller.uid());
        if (caller.user() != null) {
            line.append(" user=").append(quoted(caller.user()));
        }
        if (caller.sudoUser() != null) {
            line.append(" sudo_user=").append(quoted(caller.sudoUser()));
        }
        if (caller.loginUid() >= 0) {
            line.append(" login_uid=").append(caller.loginUid());
        }
        line.append(" exit=").append(exitStatus).append(" result=").append(outcome);
        return line.toString();
    }

    private String commandLine() {
        List<String> words = new ArrayList<>(command.size());
        for (String word : command) {
            words.add(shellWord(masked(word)));
        }
        String line = String.join(" ", words);
        return line.length() > MAX_COMMAND ? line.substring(0, MAX_COMMAND) + "…" : line;
    }

    /**
     * A word with a secret's value hidden: xl.cfg assignments on the command line (create KEY=VALUE) can carry
     * vncpasswd or spice passwords, which the log must not keep.
     */
    static String masked(String word) {
        int equals = word.indexOf('=');
        if (equals > 0 && word.substring(0, equals).toLowerCase(Locale.ROOT).contains("passw")) {
            return word.substring(0, equals + 1) + "***";
        }
        return word;
    }

    /** As a shell would need it typed: bare when it has no special character, else in single quotes. */
    private static String shellWord(String word) {
        if (!word.isEmpty() && word.chars().allMatch(c -> Character.isLetterOrDigit(c) || "-_./:=,@+%".indexOf(c) >= 0)) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** In double quotes, with quotes, backslashes and control characters escaped: one field, one line. */
    private static String quoted(String value) {
        StringBuilder text = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                text.append('\\').append(c);
            } else if (Character.isISOControl(c)) {
                text.append(String.format("\\x%02x", (int) c));
            } else {
                text.append(c);
            }
        }
        return text.append('"').toString();
    }
}
