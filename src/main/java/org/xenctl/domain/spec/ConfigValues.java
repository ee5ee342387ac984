package org.xenctl.domain.spec;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.xenctl.xlcfg.Numbers;
import org.xenctl.xlcfg.Position;
import org.xenctl.xlcfg.XlConfig;
import org.xenctl.xlcfg.XlEntry;
import org.xenctl.xlcfg.XlProblem;
import org.xenctl.xlcfg.XlValue;

/**
 * Typed access to an {@link XlConfig}'s effective values with xl's rules (every atom is text; numbers are read as
 * strtol(…, 0) reads them; BOOLEAN is 0 or anything else), recording which keys were read so that the rest can be
 * reported, and collecting problems at the key's position.
 */
final class ConfigValues {
    private final XlConfig config;
    private final boolean compat;
    private final List<XlProblem> problems;
    private final Set<String> read = new HashSet<>();

    ConfigValues(XlConfig config, boolean compat, List<XlProblem> problems) {
        this.config = config;
        this.compat = compat;
        this.problems = problems;
    }

    Optional<XlEntry> entry(String key) {
        read.add(key);
        return config.entry(key);
    }

    Optional<String> string(String key) {
        Optional<XlEntry> entry = entry(key);
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        String atom = entry.get().value().atom();
        if (atom == null) {
            sloppy(entry.get(), key + " must be a single value, not a list", "write " + key + " = \"…\"");
            return Optional.empty();
        }
        return Optional.of(atom);
    }

    Optional<Long> number(String key) {
        Optional<String> text = string(key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Long value = Numbers.strtol(text.get());
        if (value == null) {
            error(key, "'" + text.get() + "' is not a number", "write a plain integer (decimal, 0x hex or 0 octal)");
        }
        return Optional.ofNullable(value);
    }

    Optional<Boolean> bool(String key) {
        return number(key).map(n -> n != 0);
    }

    Optional<List<XlValue>> list(String key) {
        Optional<XlEntry> entry = entry(key);
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        if (entry.get().value() instanceof XlValue.Items items) {
            return Optional.of(items.items());
        }
        sloppy(entry.get(), key + " must be a list", "write " + key + " = [ … ]");
        return Optional.empty();
    }

    boolean has(String key) {
        return config.has(key);
    }

    Set<String> unread() {
        Set<String> keys = new java.util.LinkedHashSet<>(config.effective().keySet());
        keys.removeAll(read);
        return keys;
    }

    XlConfig config() {
        return config;
    }

    boolean compat() {
        return compat;
    }

    List<XlProblem> problems() {
        return problems;
    }

    void error(String key, String message, String hint) {
        XlEntry entry = config.entry(key).orElseThrow();
        problems.add(XlProblem.error(entry.source(), entry.position(), key + ": " + message, hint));
    }

    void warning(String key, String message, String hint) {
        XlEntry entry = config.entry(key).orElse(null);
        problems.add(XlProblem.warning(entry == null ? config.source() : entry.source(),
                entry == null ? null : entry.position(), key + ": " + message, hint));
    }

    void errorAt(Position position, String message, String hint) {
        problems.add(XlProblem.error(config.source(), position, message, hint));
    }

    private void sloppy(XlEntry entry, String message, String hint) {
        if (compat) {
            problems.add(XlProblem.warning(entry.source(), entry.position(),
                    message + ": ignored, as xl does (--compat)", hint));
        } else {
            problems.add(XlProblem.error(entry.source(), entry.position(), message + " (xl would ignore the key)",
                    hint));
        }
    }
}
