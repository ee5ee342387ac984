package org.xenctl.render.view;

import java.util.List;
import java.util.function.Function;

import org.xenctl.render.SecondsFormat;
import org.xenctl.render.Table.Align;

/**
 * A column of `list`, as `list --columns` names it: its heading in the table, its field in JSON (docs/json.md) and
 * whether it needs the domain's resources, which some drivers give only one call per domain. Declared in the order
 * of the JSON fields.
 */
public enum ListColumn {
    ID("id", "id", "ID", Align.RIGHT, false, DomainRow::id, DomainRow::id),
    NAME("name", "name", "Name", Align.LEFT, false, DomainRow::name, DomainRow::name),
    UUID("uuid", "uuid", "UUID", Align.LEFT, false, DomainRow::uuid, DomainRow::uuid),
    STATE("state", "state", "State", Align.LEFT, false, DomainRow::state, DomainRow::state),
    REASON("reason", "reason", "Reason", Align.LEFT, false, DomainRow::reason, DomainRow::reason),
    MEM("mem", "memory_kib", "Mem", Align.RIGHT, true, DomainRow::memoryKib, row -> row.memoryKib() / 1024),
    MAXMEM("maxmem", "max_memory_kib", "MaxMem", Align.RIGHT, true, DomainRow::maxMemoryKib,
            row -> row.maxMemoryKib() / 1024),
    VCPUS("vcpus", "vcpus", "VCPUs", Align.RIGHT, true, DomainRow::vcpus, DomainRow::vcpus),
    TIME("time", "cpu_time_ns", "Time(s)", Align.RIGHT, true, DomainRow::cpuTimeNs,
            row -> SecondsFormat.ofNanos(row.cpuTimeNs()));

    /** xl's columns (Name, ID, Mem, VCPUs, State, Time(s)) and the UUID: the table without --columns. */
    public static final List<ListColumn> TABLE = List.of(NAME, ID, MEM, VCPUS, STATE, TIME, UUID);
    /** Every field: the JSON without --columns. */
    public static final List<ListColumn> JSON = List.of(values());

    private final String key;
    private final String jsonName;
    private final String heading;
    private final Align align;
    private final boolean needsResources;
    private final Function<DomainRow, Object> json;
    private final Function<DomainRow, Object> text;

    ListColumn(String key, String jsonName, String heading, Align align, boolean needsResources,
            Function<DomainRow, Object> json, Function<DomainRow, Object> text) {
        this.key = key;
        this.jsonName = jsonName;
        this.heading = heading;
        this.align = align;
        this.needsResources = needsResources;
        this.json = json;
        this.text = text;
    }

    /** The name --columns takes. */
    public String key() {
        return key;
    }

    public boolean needsResources() {
        return needsResources;
    }

    String jsonName() {
        return jsonName;
    }

    String heading() {
        return heading;
    }

    Align align() {
        return align;
    }

    Object jsonValue(DomainRow row) {
        return json.apply(row);
    }

    /** The cell's text; null (shown as "-") where the value is: a shut-off domain's id. */
    Object cell(DomainRow row) {
        return text.apply(row);
    }
}
