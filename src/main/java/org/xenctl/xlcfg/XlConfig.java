package org.xenctl.xlcfg;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed xl.cfg file: every assignment in file order (for `config show` and round trips), and the effective value
 * of each key as xl computes it.
 */
public final class XlConfig {
    private final String source;
    private final List<XlSetting> settings;
    private final Map<String, XlEntry> effective;
    private final List<XlProblem> warnings;

    private XlConfig(String source, List<XlSetting> settings, Map<String, XlEntry> effective,
            List<XlProblem> warnings) {
        this.source = source;
        this.settings = List.copyOf(settings);
        this.effective = Collections.unmodifiableMap(effective);
        this.warnings = List.copyOf(warnings);
    }

    /** What the file's own assignments deserve a warning for (a key set twice), found while applying them. */
    public List<XlProblem> warnings() {
        return warnings;
    }

    /** Applies the assignments in order; a {@code +=} that xl rejects is added to {@code problems}. */
    static XlConfig resolve(String source, List<XlSetting> settings, List<XlProblem> problems) {
        Map<String, XlEntry> effective = new LinkedHashMap<>();
        for (XlSetting setting : settings) {
            XlEntry previous = effective.get(setting.key());
            XlValue value = setting.value();
            if (setting.append() && previous != null) {
                value = appended(previous.value(), setting, problems);
                if (value == null) {
                    continue;
                }
            } else if (!setting.append() && previous != null && setting.source().equals(previous.source())) {
                // xl takes the last; a key set twice in one file is more often a slip than a choice, so say which one
            // holds (KEY=VALUE arguments after the file replace its values on purpose).
                problems.add(XlProblem.warning(setting.source(), setting.position(), setting.key() + " is set "
                        + "again: this value replaces the one on line " + previous.position().line(), "remove one of them, or "
                        + "write '" + setting.key() + " +=' to add to a list"));
            } else if (setting.append() && value instanceof XlValue.Number) {
                problems.add(XlProblem.error(setting.source(), setting.position(), "'+=' cannot be used with numbers",
                        "write " + setting.key() + " = " + ((XlValue.Number) value).literal()));
                continue;
            }
            effective.put(setting.key(), new XlEntry(setting.key(), value, setting.source(), setting.position()));
        }
        return new XlConfig(source, settings, effective,
                problems.stream().filter(problem -> !problem.isError()).toList());
    }

    private static XlValue appended(XlValue previous, XlSetting setting, List<XlProblem> problems) {
        XlValue added = setting.value();
        if (previous instanceof XlValue.Text first && added instanceof XlValue.Text second) {
            return new XlValue.Text(first.value() + second.value(), first.position());
        }
        if (previous instanceof XlValue.Items first && added instanceof XlValue.Items second) {
            List<XlValue> items = new ArrayList<>(first.items());
            items.addAll(second.items());
            return new XlValue.Items(items, first.position());
        }
        String why = previous instanceof XlValue.Number || added instanceof XlValue.Number
                ? "'+=' cannot be used with numbers"
                : "'+=' adds a " + added.typeName() + " to a " + previous.typeName() + " (set at " + previous.position() + ")";
        problems.add(XlProblem.error(setting.source(), setting.position(), why,
                "'+=' appends a string to a string or a list to a list; use '=' to replace the value"));
        return null;
    }

    /** The name the user gave for the file (for messages), or null. */
    public String source() {
        return source;
    }

    public List<XlSetting> settings() {
        return settings;
    }

    public Map<String, XlEntry> effective() {
        return effective;
    }

    public Optional<XlEntry> entry(String key) {
        return Optional.ofNullable(effective.get(key));
    }

    public boolean has(String key) {
        return effective.containsKey(key);
    }
}
