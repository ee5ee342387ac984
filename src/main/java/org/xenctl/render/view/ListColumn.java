package org.xenctl.render.view;

import java.util.List;

import org.xenctl.render.SecondsFormat;
import org.xenctl.render.Table.Align;

/**
 * A column of `list`, as `list --columns` names it: its heading in the table, its field in JSON (docs/json.md) and
 * whether it needs the domain's resources, which some drivers give only one call per domain. Declared in the order
 * of the JSON fields.
 */
public enum ListColumn {
    ID("id", "id", "ID", Align.RIGHT, false),
    NAME("name", "name", "Name", Align.LEFT, false),
    UUID("uuid", "uuid", "UUID", Align.LEFT, false),
    STATE("state", "state", "State", Align.LEFT, false),
    REASON("reason", "reason", "Reason", Align.LEFT, false),
    MEM("mem", "memory_kib", "Mem", Align.RIGHT, true),
    MAXMEM("maxmem", "max_memory_kib", "MaxMem", Align.RIGHT, true),
    VCPUS("vcpus", "vcpus", "VCPUs", Align.RIGHT, true),
    TIME("time", "cpu_time_ns", "Time(s)", Align.RIGHT, true);

    /** xl's columns (Name, ID, Mem, VCPUs, State, Time(s)) and the UUID: the table without --columns. */
    public static final List<ListColumn> TABLE = List.of(NAME, ID, MEM, VCPUS, STATE, TIME, UUID);
    /** Every field: the JSON without --columns. */
    public static final List<ListColumn> JSON = List.of(values());

    private final String key;
    private final String jsonName;
    private final String heading;
    private final Align align;
    private final boolean needsResources;

    ListColumn(String key, String jsonName, String heading, Align align, boolean needsResources) {
        this.key = key;
        this.jsonName = jsonName;
        this.heading = heading;
        this.align = align;
        this.needsResources = needsResources;
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

    // Switches rather than a function per constant: an enum's lambdas are made when the class starts, at every
    // command line that declares `list`, and the class-data archive cannot hold them.
    Object jsonValue(DomainRow row) {
        return switch (this) {
            case ID -> row.id();
            case NAME -> row.name();
            case UUID -> row.uuid();
            case STATE -> row.state();
            case REASON -> row.reason();
            case MEM -> row.memoryKib();
            case MAXMEM -> row.maxMemoryKib();
            case VCPUS -> row.vcpus();
            case TIME -> row.cpuTimeNs();
        };
    }

    /** The cell's text; null (shown as "-") where the value is: a shut-off domain's id. */
    Object cell(DomainRow row) {
        return switch (this) {
            case MEM -> row.memoryKib() / 1024;
            case MAXMEM -> row.maxMemoryKib() / 1024;
            case TIME -> SecondsFormat.ofNanos(row.cpuTimeNs());
            default -> jsonValue(row);
        };
    }
}
