package org.xenctl.render;

/** The two output forms every command has: aligned text for people, JSON for scripts (docs/json.md). */
public enum OutputFormat {
    TEXT, JSON
}
